"""Reminder e-mails for required courses that are due soon or overdue."""

import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from ..models import Enrollment, EnrollmentReminder

logger = logging.getLogger(__name__)


def reminder_level(due_date: date, today: date) -> str:
    if due_date < today:
        return EnrollmentReminder.Level.OVERDUE
    return EnrollmentReminder.Level.DUE_SOON


def send_reminders(days: int, today: date | None = None) -> int:
    """E-mail learners whose unfinished courses are due within `days` days or overdue; return the count sent.

    The unique (enrolment, level) row is written in the same transaction as the e-mail is
    sent, so each level goes out once, and a send that raises is retried on the next run.
    """
    today = today or timezone.localdate()
    due = (
        Enrollment.objects.filter(due_date__isnull=False, due_date__lte=today + timedelta(days=days))
        .exclude(status=Enrollment.Status.COMPLETED)
        .filter(learner__is_active=True, learner__status="approved")
        .select_related("learner", "course")
        .prefetch_related("reminders")
        .order_by("due_date", "pk")
    )
    sent = 0
    for enrollment in due:
        level = reminder_level(enrollment.due_date, today)
        if any(reminder.level == level for reminder in enrollment.reminders.all()):
            continue
        try:
            with transaction.atomic():
                EnrollmentReminder.objects.create(enrollment=enrollment, level=level)
                send_reminder(enrollment, level, today)
        except IntegrityError:
            # Another run recorded this level first.
            continue
        except OSError:
            logger.exception("reminder e-mail failed enrollment_id=%s level=%s", enrollment.pk, level)
            continue
        sent += 1
        logger.info("reminder sent enrollment_id=%s level=%s", enrollment.pk, level)
    return sent


def send_reminder(enrollment: Enrollment, level: str, today: date) -> None:
    learner = enrollment.learner
    with translation.override(learner.preferred_language or settings.LANGUAGE_CODE):
        context = {
            "learner": learner,
            "course": enrollment.course,
            "course_title": enrollment.course.display_title,
            "due_date": enrollment.due_date,
            "days_left": (enrollment.due_date - today).days,
            "overdue": level == EnrollmentReminder.Level.OVERDUE,
            "site_url": settings.WAGTAILADMIN_BASE_URL,
        }
        subject = render_to_string("courses/email/reminder_subject.txt", context).strip()
        body = render_to_string("courses/email/reminder_body.txt", context)
    send_mail(subject, body, None, [learner.email])
