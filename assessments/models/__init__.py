"""Question banks, quizzes and attempts, practical assessments."""

from .bank import Choice, Question, QuestionBank, QuestionType
from .practical import PracticalAssessment, PracticalResult, RubricCriterion
from .quiz import Attempt, AttemptAnswer, GradingMethod, QuizPage, QuizQuestion, ReviewPolicy

__all__ = [
    "Attempt",
    "AttemptAnswer",
    "Choice",
    "GradingMethod",
    "PracticalAssessment",
    "PracticalResult",
    "Question",
    "QuestionBank",
    "QuestionType",
    "QuizPage",
    "QuizQuestion",
    "ReviewPolicy",
    "RubricCriterion",
]
