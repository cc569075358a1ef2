"""Question banks, quizzes and attempts, practical assessments."""

from .bank import AUTO_GRADED, AcceptedAnswer, Choice, MatchPair, Question, QuestionBank, QuestionType
from .practical import PracticalAssessment, PracticalResult, RubricCriterion
from .quiz import Attempt, AttemptAnswer, GradingMethod, QuizPage, QuizQuestion, ReviewPolicy

__all__ = [
    "AUTO_GRADED",
    "AcceptedAnswer",
    "MatchPair",
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
