"""Learner attempts with their frozen questions, and the record of regrades."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_attempt_code() -> str:
    return secrets.token_urlsafe(16)


class AttemptLock(models.Model):
    """One row per learner and quiz, locked while an attempt starts so the attempt limit holds."""

    learner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    quiz = models.ForeignKey("assessments.Quiz", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["learner", "quiz"], name="assessments_attemptlock_unique_learner_quiz")
        ]


class Attempt(models.Model):
    """One sitting of a quiz by a learner.

    `snapshot` freezes the drawn questions, their choices in the order shown, the answer key
    and the scoring rules at the start, so later edits to the quiz never change this attempt.
    """

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        TIMED_OUT = "timed_out", _("Closed when the time ran out")

    code = models.CharField(_("code"), max_length=32, unique=True, default=new_attempt_code, editable=False)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey(
        "assessments.Quiz", verbose_name=_("quiz"), on_delete=models.CASCADE, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.IN_PROGRESS)
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    snapshot = models.JSONField(_("questions as shown"), default=dict, editable=False)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    score_percent = models.DecimalField(_("score (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(_("passed"), default=False)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "quiz", "number"], name="assessments_attempt_unique_number"
            )
        ]
        permissions = [("regrade_attempt", _("Can regrade quiz attempts"))]

    def __str__(self) -> str:
        return f"{self.quiz} #{self.number} ({self.learner_id})"

    def get_absolute_url(self) -> str:
        return reverse("assessments:attempt", args=[self.code])

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.IN_PROGRESS

    def is_expired(self, now=None) -> bool:
        return self.is_open and self.deadline is not None and (now or timezone.now()) >= self.deadline

    @property
    def questions(self) -> list[dict]:
        return self.snapshot.get("questions", [])


class RegradeLog(models.Model):
    """A regrade of a set of attempts: who ran it, when, why and what changed."""

    quiz = models.ForeignKey(
        "assessments.Quiz", verbose_name=_("quiz"), on_delete=models.CASCADE, related_name="regrades"
    )
    regraded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("regraded by"), on_delete=models.SET_NULL, null=True,
        related_name="+",
    )
    regraded_at = models.DateTimeField(_("regraded at"), default=timezone.now)
    reason = models.TextField(_("reason"))
    attempt_count = models.PositiveIntegerField(_("attempts regraded"), default=0)
    changes = models.JSONField(
        _("score changes"), default=list, help_text=_("One entry per attempt whose score or result changed.")
    )

    class Meta:
        verbose_name = _("regrade")
        verbose_name_plural = _("regrades")
        ordering = ["-regraded_at"]

    def __str__(self) -> str:
        return f"{self.quiz} {self.regraded_at:%Y-%m-%d %H:%M}"
