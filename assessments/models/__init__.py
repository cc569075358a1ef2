"""Question banks, quizzes and attempts, practical assessments, assignments and their submissions."""

from .assignment import AssignmentCriterion, AssignmentPage, AssignmentSubmission, SubmissionFile, SubmissionType
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
    "SubmissionFile",
    "SubmissionType",
    "SurveyPage",
    "SurveyResponse",
]
