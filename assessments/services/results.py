"""Read-only answers about a learner's quiz results, for course completion and reports."""

from decimal import Decimal

from django.db.models import Max

from ..models import Attempt, Quiz

FINISHED = [Attempt.Status.SUBMITTED, Attempt.Status.TIMED_OUT]


def finished_attempts(learner, quiz: Quiz):
    return Attempt.objects.filter(learner=learner, quiz=quiz, status__in=FINISHED)


def best_score(learner, quiz: Quiz) -> Decimal | None:
    """Return the learner's highest graded score on the quiz, or None before any finished attempt."""
    return finished_attempts(learner, quiz).aggregate(best=Max("score_percent"))["best"]


def quiz_passed(learner, quiz: Quiz) -> bool:
    return finished_attempts(learner, quiz).filter(passed=True).exists()


def module_quiz_passed(learner, module) -> bool:
    """Tell whether the learner passed the module's quiz; a module without a quiz counts as passed."""
    quiz = Quiz.objects.filter(module=module).first()
    if quiz is None:
        return True
    return quiz_passed(learner, quiz)


def final_exam_passed(learner, course) -> bool:
    """Tell whether the learner passed the course's final exam; a course without one counts as passed."""
    quiz = Quiz.objects.filter(course=course, kind=Quiz.Kind.FINAL).first()
    if quiz is None:
        return True
    return quiz_passed(learner, quiz)
