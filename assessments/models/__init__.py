from .attempts import Attempt, AttemptLock, RegradeLog
from .quizzes import Choice, Question, QuestionPool, Quiz

__all__ = ["Attempt", "AttemptLock", "Choice", "Question", "QuestionPool", "Quiz", "RegradeLog"]
