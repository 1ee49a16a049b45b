from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from lms.models import User
from lms.services.approval import approve_by_email_domain, approve_learner, reject_learner

from ..factories import UserFactory, profession, region

pytestmark = pytest.mark.django_db


def signup_data(agency, email="new.officer@example.mn"):
    return {
        "email": email,
        "password1": "Tsagaan-sar-2026!",
        "password2": "Tsagaan-sar-2026!",
        "full_name": "Батын  Өлзийсайхан",
        "sex": "female",
        "profession": profession("prosecutor").pk,
        "agency": agency.pk,
        "region": region("MN-043").pk,
        "rank": "Ахлах прокурор",
        "service_start_date": "2026-03-01",
    }


def test_signup_creates_pending_account(client, agency):
    response = client.post("/accounts/signup/", signup_data(agency))
    assert response.status_code == HTTPStatus.FOUND
    user = User.objects.get(email="new.officer@example.mn")
    assert user.status == User.Status.PENDING
    assert user.full_name == "Батын Өлзийсайхан"
    assert user.region.code == "MN-043"


def test_signup_email_is_case_insensitive(client, agency):
    UserFactory(email="duplicate@example.mn", agency=agency)
    # allauth answers as if the sign-up worked, so nobody can probe which addresses exist.
    client.post("/accounts/signup/", signup_data(agency, email="Duplicate@Example.MN"))
    assert User.objects.filter(email__iexact="duplicate@example.mn").count() == 1


def test_login_ignores_email_case(client, agency):
    UserFactory(email="case@example.mn", agency=agency, password="correct-horse-battery")
    response = client.post("/accounts/login/", {"login": "CASE@example.MN", "password": "correct-horse-battery"})
    assert response.status_code == HTTPStatus.FOUND
    assert client.session.get("_auth_user_id")


def test_domain_allowlist_approves_after_confirmation(agency):
    agency.email_domains = "police.example.mn"
    agency.save()
    user = UserFactory(email="officer@police.example.mn", agency=agency, status=User.Status.PENDING)
    assert approve_by_email_domain(user) is True
    user.refresh_from_db()
    assert user.status == User.Status.APPROVED


def test_other_domain_stays_pending(agency):
    agency.email_domains = "police.example.mn"
    agency.save()
    user = UserFactory(email="officer@gmail.example", agency=agency, status=User.Status.PENDING)
    assert approve_by_email_domain(user) is False
    user.refresh_from_db()
    assert user.status == User.Status.PENDING


def test_rejection_email_carries_reason_in_mongolian(agency, academy_staff):
    user = UserFactory(agency=agency, status=User.Status.PENDING, preferred_language="mn")
    reject_learner(user, by=academy_staff, reason="Албан тушаал тодорхойгүй")
    assert len(mail.outbox) == 1
    assert "Албан тушаал тодорхойгүй" in mail.outbox[0].body
    assert mail.outbox[0].subject == "Таны бүртгэл баталгаажсангүй"


def test_approval_email_in_english_for_english_learner(agency, academy_staff):
    user = UserFactory(agency=agency, status=User.Status.PENDING, preferred_language="en")
    approve_learner(user, by=academy_staff)
    assert mail.outbox[0].subject == "Your account has been approved"


def test_staff_approves_only_own_academy_learners(client, academy_staff, agency, make_learner):
    own = make_learner(agency=agency, status=User.Status.PENDING)
    other = make_learner(status=User.Status.PENDING)
    client.force_login(academy_staff)

    assert client.post(f"/admin/learners/{other.pk}/approve/").status_code == HTTPStatus.NOT_FOUND
    other.refresh_from_db()
    assert other.status == User.Status.PENDING

    assert client.post(f"/admin/learners/{own.pk}/approve/").status_code == HTTPStatus.FOUND
    own.refresh_from_db()
    assert own.status == User.Status.APPROVED


def test_approve_by_get_is_rejected(client, academy_staff, agency):
    learner = UserFactory(agency=agency, status=User.Status.PENDING)
    client.force_login(academy_staff)
    assert client.get(f"/admin/learners/{learner.pk}/approve/").status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_pending_learner_sees_no_module(client, demo_site, agency):
    from courses.models import ModulePage

    learner = UserFactory(agency=agency, status=User.Status.PENDING)
    client.force_login(learner)
    module = ModulePage.objects.first()
    assert client.get(module.url).status_code == HTTPStatus.FORBIDDEN


def test_anonymous_visitor_is_sent_to_login_from_module(client, demo_site):
    from courses.models import ModulePage

    module = ModulePage.objects.first()
    response = client.get(module.url)
    assert response.status_code == HTTPStatus.FOUND
    assert "/accounts/login/" in response["Location"]


def test_new_recruit_uses_configured_months(settings):
    from datetime import date

    settings.LMS_NEW_RECRUIT_MONTHS = 12
    user = User(service_start_date=date(2026, 1, 5))
    assert user.is_new_recruit(on=date(2026, 12, 4)) is True
    assert user.is_new_recruit(on=date(2027, 1, 5)) is False
    assert User(service_start_date=None).is_new_recruit() is False


def test_verified_email_row_created_by_factory(agency):
    user = UserFactory(agency=agency)
    assert EmailAddress.objects.filter(user=user, verified=True).exists()
