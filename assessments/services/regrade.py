"""Regrading a set of finished attempts after a trainer corrects a quiz."""

import copy
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from ..models import Attempt, Choice, Quiz, RegradeLog
from . import grading
from .attempts import refresh_course_completion
from .results import FINISHED

logger = logging.getLogger(__name__)

REGRADE_ACTION = "assessments.regrade"


def can_regrade(user, quiz: Quiz) -> bool:
    """Tell whether the user may regrade the quiz.

    It takes the regrade permission and membership of the academy that owns the quiz's
    course. A superuser, or any holder of the permission when the course has no owning
    academy, passes the academy check.
    """
    if not user.has_perm("assessments.regrade_attempt"):
        return False
    academy_id = quiz.get_course().academy_id
    return user.is_superuser or academy_id is None or user.academy_id == academy_id


def finished_attempts_of(quiz: Quiz) -> QuerySet[Attempt]:
    return Attempt.objects.filter(quiz=quiz, status__in=FINISHED)


def regrade_attempts(quiz: Quiz, attempts: QuerySet[Attempt], by, reason: str) -> RegradeLog:
    """Regrade finished attempts with the quiz's current answer key, scoring rule and pass mark.

    Each attempt keeps the questions, texts and choice order it showed. The regrade refreshes
    only the `correct` flags of choices that still exist, the scoring rule and the pass mark.
    Raises ValidationError when no reason is given.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Write why the attempts are regraded."), code="reason_missing")

    changes = []
    count = 0
    with transaction.atomic():
        locked = list(attempts.filter(quiz=quiz, status__in=FINISHED).select_for_update().order_by("pk"))
        choice_ids = {
            choice["id"] for attempt in locked for question in attempt.questions for choice in question["choices"]
        }
        key = dict(Choice.objects.filter(pk__in=choice_ids).values_list("pk", "is_correct"))

        for attempt in locked:
            old_score, old_passed = attempt.score_percent, attempt.passed
            attempt.snapshot = refreshed_snapshot(attempt.snapshot, quiz, key)
            result = grading.grade(attempt.snapshot, attempt.answers)
            attempt.score_percent, attempt.passed = result.score_percent, result.passed
            attempt.save(update_fields=["snapshot", "score_percent", "passed"])
            count += 1
            if (old_score, old_passed) != (attempt.score_percent, attempt.passed):
                changes.append(
                    {
                        "attempt": attempt.pk,
                        "learner": attempt.learner_id,
                        "old_score": str(old_score),
                        "new_score": str(attempt.score_percent),
                        "old_passed": old_passed,
                        "new_passed": attempt.passed,
                    }
                )

        regrade = RegradeLog.objects.create(
            quiz=quiz, regraded_by=by, reason=reason, attempt_count=count, changes=changes
        )
        log(
            instance=quiz,
            action=REGRADE_ACTION,
            user=by,
            data={"regrade": regrade.pk, "attempts": count, "changed": len(changes), "reason": reason},
        )
        flipped = {change["learner"] for change in changes if change["old_passed"] != change["new_passed"]}
        for learner_id in sorted(flipped):
            transaction.on_commit(lambda learner_id=learner_id: refresh_course_completion(learner_id, quiz.pk))

    logger.info(
        "quiz regraded quiz_id=%s regrade_id=%s attempts=%s changed=%s", quiz.pk, regrade.pk, count, len(changes)
    )
    return regrade


def refreshed_snapshot(snapshot: dict, quiz: Quiz, key: dict[int, bool]) -> dict:
    """Return a copy of the snapshot with the current answer key and scoring rules."""
    refreshed = copy.deepcopy(snapshot)
    for question in refreshed.get("questions", []):
        for choice in question["choices"]:
            # A choice deleted since the attempt keeps the flag it had.
            choice["correct"] = key.get(choice["id"], choice["correct"])
    refreshed["scoring"] = quiz.multiple_choice_scoring
    refreshed["pass_percent"] = quiz.pass_percent
    return refreshed
