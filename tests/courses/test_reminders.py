from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from courses.models import Enrollment, EnrollmentReminder
from courses.services.enrolment import enrol
from courses.services.reminders import send_reminders

pytestmark = pytest.mark.django_db


def due_in(learner, course, days: int) -> Enrollment:
    enrollment, _created = enrol(learner, course, due_date=timezone.localdate() + timedelta(days=days))
    return enrollment


def test_due_soon_reminder_sent_once(learner, course):
    due_in(learner, course, 3)

    assert send_reminders(days=7) == 1
    assert send_reminders(days=7) == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [learner.email]


def test_overdue_is_a_new_level(learner, course):
    enrollment = due_in(learner, course, 3)
    send_reminders(days=7)

    assert send_reminders(days=7, today=timezone.localdate() + timedelta(days=5)) == 1
    assert send_reminders(days=7, today=timezone.localdate() + timedelta(days=6)) == 0
    levels = set(enrollment.reminders.values_list("level", flat=True))
    assert levels == {EnrollmentReminder.Level.DUE_SOON, EnrollmentReminder.Level.OVERDUE}


def test_far_due_date_not_reminded(learner, course):
    due_in(learner, course, 30)
    assert send_reminders(days=7) == 0


def test_completed_course_not_reminded(learner, course):
    enrollment = due_in(learner, course, -3)
    enrollment.status = Enrollment.Status.COMPLETED
    enrollment.save()
    assert send_reminders(days=7) == 0


def test_reminder_in_learners_language(make_learner, course):
    mongolian = make_learner(preferred_language="mn")
    english = make_learner(preferred_language="en")
    due_in(mongolian, course, -1)
    due_in(english, course, -1)

    send_reminders(days=7)

    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[english.email].startswith("Overdue")
    assert subjects[mongolian.email].startswith("Хугацаа хэтэрсэн")


def test_command_sends_reminders(learner, course):
    due_in(learner, course, 1)
    output = StringIO()
    call_command("send_reminders", "--days", "2", stdout=output)
    assert "1" in output.getvalue()
    assert len(mail.outbox) == 1
