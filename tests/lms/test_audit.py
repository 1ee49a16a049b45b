"""Audited actions are recorded with who, when and what, and administrators can export them."""

from http import HTTPStatus

import pytest
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from lms.audit import AUDITED_ACTIONS
from lms.services.approval import approve_learner, reject_learner

from ..factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(db):
    return UserFactory(is_superuser=True, is_staff=True, profession=None, email="admin@example.mn")


def test_every_audited_action_is_registered():
    for action in AUDITED_ACTIONS:
        assert registry.action_exists(action), action


def test_approval_is_logged_with_actor(academy_staff, agency):
    learner = UserFactory(agency=agency, status="pending")
    approve_learner(learner, by=academy_staff)
    entry = ModelLogEntry.objects.get(action="lms.approve")
    assert entry.user == academy_staff
    assert entry.object_id == str(learner.pk)
    assert entry.timestamp is not None


def test_rejection_is_logged_with_reason(academy_staff, agency):
    learner = UserFactory(agency=agency, status="pending")
    reject_learner(learner, by=academy_staff, reason="Албан тушаал тодорхойгүй")
    entry = ModelLogEntry.objects.get(action="lms.reject")
    assert entry.data["reason"] == "Албан тушаал тодорхойгүй"
    assert "Албан тушаал тодорхойгүй" in entry.message


def test_site_history_lists_audited_actions(client, administrator, academy_staff, agency):
    learner = UserFactory(agency=agency, status="pending")
    reject_learner(learner, by=academy_staff, reason="Баримт дутуу")
    client.force_login(administrator)

    response = client.get("/admin/reports/site-history/?action=lms.reject")

    assert response.status_code == HTTPStatus.OK
    assert "Баримт дутуу" in response.content.decode()


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_site_history_exports(client, administrator, academy_staff, agency, export_format):
    learner = UserFactory(agency=agency, status="pending")
    approve_learner(learner, by=academy_staff)
    client.force_login(administrator)

    response = client.get(f"/admin/reports/site-history/?export={export_format}")

    assert response.status_code == HTTPStatus.OK
    assert "attachment" in response["Content-Disposition"]
    if export_format == "csv":
        content = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
        assert "Суралцагчийг баталгаажуулах" in content
