"""Starting, autosaving, submitting and closing attempts. All grading happens here, on the server."""

import logging
import random
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Attempt, AttemptLock, Quiz
from . import grading, results
from .results import FINISHED

logger = logging.getLogger(__name__)

# Draws and shuffles need not be reproducible, and the OS source keeps them unpredictable.
_random = random.SystemRandom()


class AttemptRejected(Exception):
    """Raised when a learner may not start an attempt now. `message` gives the reason in their language."""

    def __init__(self, message, code: str, retry_at: datetime | None = None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.retry_at = retry_at


class AttemptClosed(Exception):
    """Raised when answers arrive for an attempt that is already submitted or timed out."""


@dataclass(frozen=True)
class QuizStatus:
    """A learner's attempts on a quiz and whether a new one may start: what the quiz page shows."""

    attempts_used: int
    attempts_left: int | None
    open_attempt: Attempt | None
    last_attempt: Attempt | None
    next_start_at: datetime | None
    passed: bool
    best_score: Decimal | None
    rejection: AttemptRejected | None


def is_eligible(learner, quiz: Quiz) -> bool:
    """Tell whether the learner is approved and enrolled in the quiz's course."""
    from courses.models import Enrollment

    if not learner.is_authenticated or not learner.is_approved:
        return False
    return Enrollment.objects.filter(learner=learner, course=quiz.get_course()).exists()


def quiz_status(learner, quiz: Quiz, now: datetime | None = None) -> QuizStatus:
    """Summarise the learner's attempts on the quiz and whether a new one may start now."""
    now = now or timezone.now()
    attempts = list(Attempt.objects.filter(learner=learner, quiz=quiz).order_by("number"))
    finished = [attempt for attempt in attempts if attempt.status in FINISHED]
    open_attempt = next((attempt for attempt in attempts if attempt.is_open), None)
    scores = [attempt.score_percent for attempt in finished if attempt.score_percent is not None]
    return QuizStatus(
        attempts_used=len(attempts),
        attempts_left=None if quiz.max_attempts is None else max(0, quiz.max_attempts - len(attempts)),
        open_attempt=open_attempt,
        last_attempt=finished[-1] if finished else None,
        next_start_at=_next_start_at(quiz, finished),
        passed=any(attempt.passed for attempt in finished),
        best_score=max(scores) if scores else None,
        rejection=_rejection(learner, quiz, attempts, finished, now),
    )


def _next_start_at(quiz: Quiz, finished: list[Attempt]) -> datetime | None:
    if not finished or not quiz.retry_wait:
        return None
    return finished[-1].submitted_at + quiz.retry_wait


def _rejection(learner, quiz: Quiz, attempts: list[Attempt], finished: list[Attempt], now: datetime):
    """Return why a new attempt may not start now, or None when it may."""
    if not is_eligible(learner, quiz):
        return AttemptRejected(_("Only approved learners enrolled in this course can take this quiz."), "not_enrolled")
    if any(attempt.is_open for attempt in attempts):
        return None
    if quiz.max_attempts is not None and len(attempts) >= quiz.max_attempts:
        return AttemptRejected(_("You have used all your attempts at this quiz."), "no_attempts_left")
    retry_at = _next_start_at(quiz, finished)
    if retry_at is not None and now < retry_at:
        return AttemptRejected(_("The next attempt opens after the waiting time."), "waiting", retry_at=retry_at)
    if not quiz.pool.questions.exists():
        return AttemptRejected(_("This quiz has no questions yet."), "no_questions")
    return None


def build_snapshot(quiz: Quiz) -> dict:
    """Draw the attempt's questions, fix their choice order and freeze them with the scoring rules."""
    questions = list(quiz.pool.questions.prefetch_related("choices"))
    drawn = _random.sample(questions, min(quiz.question_count, len(questions)))
    if len(questions) < quiz.question_count:
        logger.warning(
            "pool smaller than draw quiz_id=%s pool_id=%s pool_size=%s draw=%s",
            quiz.pk, quiz.pool_id, len(questions), quiz.question_count,
        )

    frozen = []
    for question in drawn:
        choices = [
            {"id": choice.pk, "text_mn": choice.text_mn, "text_en": choice.text_en, "correct": choice.is_correct}
            for choice in question.choices.all()
        ]
        if quiz.shuffle_choices:
            _random.shuffle(choices)
        frozen.append(
            {
                "id": question.pk,
                "kind": question.kind,
                "text_mn": question.text_mn,
                "text_en": question.text_en,
                "explanation_mn": question.explanation_mn,
                "explanation_en": question.explanation_en,
                "choices": choices,
            }
        )
    return {
        "questions": frozen,
        "scoring": quiz.multiple_choice_scoring,
        "pass_percent": quiz.pass_percent,
    }


def start_attempt(learner, quiz: Quiz) -> Attempt:
    """Start a new attempt, or return the learner's open one.

    Raises AttemptRejected when the learner may not start now. Concurrent starts by one learner
    queue on their AttemptLock row, so the attempt limit holds.
    """
    with transaction.atomic():
        _lock(learner, quiz)
        for attempt in Attempt.objects.filter(learner=learner, quiz=quiz, status=Attempt.Status.IN_PROGRESS):
            if not close_if_expired(attempt):
                return attempt

        attempts = list(Attempt.objects.filter(learner=learner, quiz=quiz))
        finished = [attempt for attempt in attempts if attempt.status in FINISHED]
        rejection = _rejection(learner, quiz, attempts, finished, timezone.now())
        if rejection is not None:
            raise rejection

        now = timezone.now()
        number = (Attempt.objects.filter(learner=learner, quiz=quiz).aggregate(last=Max("number"))["last"] or 0) + 1
        attempt = Attempt.objects.create(
            learner=learner,
            quiz=quiz,
            number=number,
            started_at=now,
            deadline=now + quiz.time_limit if quiz.time_limit else None,
            snapshot=build_snapshot(quiz),
        )

    logger.info(
        "attempt started attempt_id=%s quiz_id=%s user_id=%s number=%s", attempt.pk, quiz.pk, learner.pk, number
    )
    return attempt


def _lock(learner, quiz: Quiz) -> AttemptLock:
    """Lock the learner's row for this quiz until the surrounding transaction ends."""
    try:
        with transaction.atomic():
            AttemptLock.objects.get_or_create(learner=learner, quiz=quiz)
    except IntegrityError:
        # Another start inserted the row first; locking it below waits for that start to commit.
        pass
    return AttemptLock.objects.select_for_update().get(learner=learner, quiz=quiz)


def save_answers(attempt: Attempt, answers: dict[str, list[int]]) -> Attempt:
    """Store the learner's choices so far. Raises AttemptClosed once the attempt is over.

    An attempt whose time ran out is closed here and graded on what was stored before the
    deadline, so the late choices are dropped.
    """
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.is_expired():
            # Closing must commit, so the exception is raised after the block.
            _finish(locked, Attempt.Status.TIMED_OUT)
        elif locked.is_open:
            locked.answers = answers
            locked.save(update_fields=["answers"])
            return locked
    raise AttemptClosed(locked)


def submit_attempt(attempt: Attempt, answers: dict[str, list[int]] | None = None) -> tuple[Attempt, bool]:
    """Grade and close the attempt once; return it and whether this call closed it.

    A repeated submit (double click, a second tab, a replayed request) finds the attempt
    closed under the row lock and returns the recorded result unchanged. After the time
    limit, the answers saved before it count and `answers` is ignored.
    """
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if not locked.is_open:
            return locked, False
        if locked.is_expired():
            _finish(locked, Attempt.Status.TIMED_OUT)
        else:
            if answers is not None:
                locked.answers = answers
            _finish(locked, Attempt.Status.SUBMITTED)
    return locked, True


def close_if_expired(attempt: Attempt) -> bool:
    """Close an open attempt whose time ran out, grading the saved answers; tell whether it is now closed."""
    if not attempt.is_expired():
        return not attempt.is_open
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.is_open:
            _finish(locked, Attempt.Status.TIMED_OUT)
    attempt.refresh_from_db()
    return True


def close_expired_attempts() -> int:
    """Close every open attempt whose time ran out; return how many were closed."""
    closed = 0
    for attempt in Attempt.objects.filter(status=Attempt.Status.IN_PROGRESS, deadline__lte=timezone.now()):
        close_if_expired(attempt)
        closed += 1
    return closed


def _finish(attempt: Attempt, status: str) -> None:
    """Grade the stored answers and close the attempt; the caller holds its row lock."""
    result = grading.grade(attempt.snapshot, attempt.answers)
    attempt.status = status
    attempt.submitted_at = timezone.now()
    attempt.score_percent = result.score_percent
    attempt.passed = result.passed
    attempt.save(update_fields=["status", "submitted_at", "score_percent", "passed", "answers"])
    logger.info(
        "attempt closed attempt_id=%s quiz_id=%s status=%s score=%s passed=%s",
        attempt.pk, attempt.quiz_id, status, attempt.score_percent, attempt.passed,
    )
    learner_id, quiz_id = attempt.learner_id, attempt.quiz_id
    transaction.on_commit(lambda: refresh_course_completion(learner_id, quiz_id))


def refresh_course_completion(learner_id: int, quiz_id: int) -> None:
    """Ask the courses app to re-evaluate module and course completion after a result."""
    # Imported here because courses.services.completion imports this app's results module.
    from courses.services.completion import refresh_completion
    from lms.models import User

    quiz = Quiz.objects.select_related("module", "course").get(pk=quiz_id)
    refresh_completion(User.objects.get(pk=learner_id), quiz.get_course())


def may_reveal_answers(attempt: Attempt) -> bool:
    """Tell whether the learner may see the correct answers and explanations of a finished attempt."""
    if attempt.is_open:
        return False
    quiz = attempt.quiz
    if quiz.reveal_answers == Quiz.Reveal.AFTER_EACH_ATTEMPT:
        return True
    if quiz.reveal_answers == Quiz.Reveal.AFTER_PASSING and results.quiz_passed(attempt.learner_id, quiz):
        return True
    if quiz.max_attempts is None:
        return False
    used = Attempt.objects.filter(learner_id=attempt.learner_id, quiz=quiz).count()
    return used >= quiz.max_attempts
