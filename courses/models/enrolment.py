from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Enrollment(models.Model):
    """A learner's place in one course."""

    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("Enrolled")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")

    class Mode(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in_person", _("In person")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="enrollments"
    )
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("course"), on_delete=models.CASCADE, related_name="enrollments"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.ENROLLED)
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.ONLINE)
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["learner", "course"], name="courses_enrollment_unique_learner_course")
        ]

    def __str__(self) -> str:
        return f"{self.learner} — {self.course}"


class EnrollmentReminder(models.Model):
    """A reminder e-mail sent for an enrolment. The unique constraint allows one per level."""

    class Level(models.TextChoices):
        DUE_SOON = "due_soon", _("Due soon")
        OVERDUE = "overdue", _("Overdue")

    enrollment = models.ForeignKey(
        Enrollment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="reminders"
    )
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("enrolment reminder")
        verbose_name_plural = _("enrolment reminders")
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "level"], name="courses_reminder_unique_enrollment_level")
        ]

    def __str__(self) -> str:
        return f"{self.enrollment} — {self.get_level_display()}"
