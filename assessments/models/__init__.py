"""Question banks, quizzes and attempts, practical assessments, assignments and their submissions."""

from .assignment import AssignmentCriterion, AssignmentPage, AssignmentSubmission, SubmissionFile, SubmissionType
from .bank import Choice, Question, QuestionBank, QuestionType
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

__all__ = [
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
]
