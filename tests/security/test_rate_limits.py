"""Repeated sign-in failures and certificate look-ups are limited."""

from http import HTTPStatus

import pytest

from ..factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple"


def test_login_locks_after_five_failures(client, agency):
    user = UserFactory(agency=agency, password=PASSWORD, email="victim@example.mn")
    for _attempt in range(5):
        client.post("/accounts/login/", {"login": user.email, "password": "guess"})

    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})

    assert "_auth_user_id" not in client.session


def test_login_works_below_limit(client, agency):
    user = UserFactory(agency=agency, password=PASSWORD, email="careful@example.mn")
    for _attempt in range(3):
        client.post("/accounts/login/", {"login": user.email, "password": "guess"})

    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})

    assert client.session["_auth_user_id"] == str(user.pk)


def test_certificate_verification_is_limited(client, settings):
    from certificates.ratelimit import DEFAULT_LIMIT  # noqa: F401  (the setting's documented default)

    responses = [client.get(f"/c/NOSUCH{number:04d}/") for number in range(200)]
    statuses = {response.status_code for response in responses}

    assert HTTPStatus.TOO_MANY_REQUESTS in statuses
    assert responses[0].status_code == HTTPStatus.NOT_FOUND
