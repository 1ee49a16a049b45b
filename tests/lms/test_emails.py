"""E-mails name the platform, greet without a hard-coded particle and read in Mongolian."""

import pytest
from django.core.cache import cache
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import translation

from courses.models import CoursePage, ModulePage
from lms import roles
from lms.models import User
from lms.services.approval import approve_learner
from lms.services.trainers import assign_trainer

from ..factories import UserFactory
from .test_accounts import signup_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Start with empty sign-up rate limits, which the test settings keep in a per-process cache."""
    cache.clear()

PLATFORM = "ХХГХ сургалтын платформ"


def test_confirmation_email_names_platform(client, agency):
    client.post("/accounts/signup/", signup_data(agency))
    message = mail.outbox[-1]
    assert message.subject.startswith(f"[{PLATFORM}] ")
    assert message.body.startswith("Сайн байна уу?")
    assert "127.0.0.1" not in message.body.replace(settings.WAGTAILADMIN_BASE_URL, "")
    assert f"Хүндэтгэсэн,\n{PLATFORM}\n{settings.WAGTAILADMIN_BASE_URL}" in message.body
    assert "http://testserver/accounts/confirm-email/" in message.body


def test_confirmation_email_in_english(client, agency):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.post("/accounts/signup/", signup_data(agency, email="english.officer@example.mn"))
    body = mail.outbox[-1].body
    assert body.startswith("Hello,")
    assert "registered this e-mail address on TIP training platform." in body
    assert f"Kind regards,\nTIP training platform\n{settings.WAGTAILADMIN_BASE_URL}" in body


def test_approval_email_greets_without_particle(agency, academy_staff):
    learner = UserFactory(agency=agency, status=User.Status.PENDING, preferred_language="mn", full_name="Батын Өлзийсүрэн")
    approve_learner(learner, by=academy_staff)
    assert mail.outbox[0].body.startswith("Эрхэм Батын Өлзийсүрэн,\n")


def test_workflow_notification_is_mongolian(demo_site):
    course = CoursePage.objects.order_by("path").first()
    trainer = UserFactory(is_staff=True, profession=None, email="notify.trainer@example.mn")
    assign_trainer(course, trainer)
    reviewer = UserFactory(is_staff=True, profession=None, academy=course.academy, email="notify.reviewer@example.mn")
    reviewer.groups.add(Group.objects.get(name=roles.ACADEMY_STAFF))
    module = ModulePage.objects.child_of(course).first()
    draft = module.get_latest_revision_as_object()
    draft.title = "1. Шинэчилсэн модуль"
    draft.save_revision(user=trainer)
    module.refresh_from_db()
    mail.outbox.clear()

    # The editor's Submit button runs in a request with the Mongolian interface active.
    with translation.override("mn"):
        module.get_workflow().start(module, trainer)

    assert mail.outbox, "the reviewers get a notification"
    for message in mail.outbox:
        assert "submitted" not in message.subject
        assert "has been" not in message.body
        assert "«1. Шинэчилсэн модуль» хуудсыг" in message.subject
