"""Idle sessions expire, passwords follow Django's validators, sign-in attempts are limited."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.utils import timezone

from ..factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def empty_rate_limits():
    # Rate-limit counters live in the cache, which outlives a test's database.
    cache.clear()
    yield
    cache.clear()


def test_each_request_restarts_idle_clock(client, settings, learner):
    settings.SESSION_COOKIE_AGE = 600
    client.force_login(learner)
    client.get("/me/profile/")
    session = Session.objects.get(session_key=client.session.session_key)
    remaining = session.expire_date - timezone.now()
    assert timedelta(seconds=590) < remaining <= timedelta(seconds=600)


def test_idle_session_signs_user_out(client, learner):
    client.force_login(learner)
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    response = client.get("/me/profile/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    "password, code",
    [
        ("short1!", "password_too_short"),
        ("1234567890123", "password_entirely_numeric"),
        ("password1234", "password_too_common"),
    ],
)
def test_weak_password_is_rejected(password, code, learner):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        validate_password(password, learner)
    assert code in [item.code for item in error.value.error_list]


def test_login_is_limited_after_failures(client, agency):
    user = UserFactory(agency=agency, password=PASSWORD, email="target@example.mn")
    for _attempt in range(5):
        response = client.post("/accounts/login/", {"login": user.email, "password": "wrong-password"})
        assert response.status_code == HTTPStatus.OK

    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})

    # allauth refuses even the right password until the window passes, and says why.
    assert "_auth_user_id" not in client.session
    assert response.context["form"].errors


def test_login_limit_counts_per_account_across_addresses(client, agency):
    user = UserFactory(agency=agency, password=PASSWORD, email="target2@example.mn")
    for attempt in range(5):
        client.post(
            "/accounts/login/",
            {"login": user.email, "password": "wrong-password"},
            REMOTE_ADDR=f"10.0.0.{attempt + 1}",
        )

    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD}, REMOTE_ADDR="10.0.1.1")

    assert "_auth_user_id" not in client.session
