"""Question banks, quizzes and attempts, practical assessments, assignments and their submissions."""

from .assignment import (
    AssignmentCriterion,
    AssignmentPage,
    AssignmentSubmission,
    SubmissionFile,
    SubmissionReopening,
    SubmissionType,
)
from .bank import AUTO_GRADED, AcceptedAnswer, Choice, MatchPair, Question, QuestionBank, QuestionType
from .practical import PracticalAssessment, PracticalResult, RubricCriterion
from .quiz import (
    Attempt,
    AttemptAnswer,
    GradingMethod,
    QuizKind,
    QuizPage,
    QuizQuestion,
    RetakeGrant,
    ReviewPolicy,
)
from .similarity import CopiedAnswer, SimilarityCase, SimilarityItemKind
from .survey import SurveyPage, SurveyResponse

__all__ = [
    "AUTO_GRADED",
    "AcceptedAnswer",
    "MatchPair",
    "AssignmentCriterion",
    "AssignmentPage",
    "AssignmentSubmission",
    "Attempt",
    "AttemptAnswer",
    "Choice",
    "CopiedAnswer",
    "GradingMethod",
    "PracticalAssessment",
    "PracticalResult",
    "Question",
    "QuestionBank",
    "QuestionType",
    "QuizKind",
    "QuizPage",
    "QuizQuestion",
    "RetakeGrant",
    "ReviewPolicy",
    "RubricCriterion",
    "SimilarityCase",
    "SimilarityItemKind",
    "SubmissionFile",
    "SubmissionReopening",
    "SubmissionType",
    "SurveyPage",
    "SurveyResponse",
]
