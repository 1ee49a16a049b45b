"""Review-request e-mails go to reviewers of the owning academy, and to each superuser once."""

from collections import Counter

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from lms import roles

from ..factories import UserFactory
from .test_workflow import courses, other_reviewer, reviewer, submit_change, trainer  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return UserFactory(profession=None, is_staff=True, is_superuser=True, email="admin@example.mn")


def recipients() -> Counter:
    return Counter(address for message in mail.outbox for address in message.to)


def test_submission_mails_owning_reviewer_only(trainer, reviewer, other_reviewer, superuser, courses,
                                               django_capture_on_commit_callbacks):
    (_course, module), _other = courses
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        submit_change(module, trainer, "1. Шинэ гарчиг")

    sent = recipients()
    assert sent["reviewer@example.mn"] == 1
    assert sent["admin@example.mn"] == 1
    assert "other.reviewer@example.mn" not in sent
    assert "trainer@example.mn" not in sent


def test_other_course_mails_its_own_academy(trainer, reviewer, other_reviewer, superuser, courses,
                                            django_capture_on_commit_callbacks):
    _own, (other_course, other_module) = courses
    other_reviewer.academy = other_course.academy
    other_reviewer.save(update_fields=["academy"])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        submit_change(other_module, superuser, "1. Өөр гарчиг")

    sent = recipients()
    assert sent["other.reviewer@example.mn"] == 1
    assert "reviewer@example.mn" not in sent


def test_superuser_in_staff_group_mailed_once(trainer, reviewer, superuser, courses,
                                              django_capture_on_commit_callbacks):
    superuser.groups.add(Group.objects.get(name=roles.ACADEMY_STAFF))
    (_course, module), _other = courses
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        submit_change(module, trainer, "1. Дахин гарчиг")

    assert recipients()["admin@example.mn"] == 1


def test_review_mail_links_page_editor(trainer, reviewer, courses, django_capture_on_commit_callbacks):
    (_course, module), _other = courses
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        submit_change(module, trainer, "1. Гарчиг")

    message = next(message for message in mail.outbox if message.to == ["reviewer@example.mn"])
    assert f"/admin/pages/{module.pk}/edit/" in message.body
