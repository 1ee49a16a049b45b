"""The recovery-codes page, where two-factor set-up ends, offers a way on."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group

from lms import roles

from ..factories import UserFactory
from .conftest import totp_code

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple"


def activate_totp(client, user):
    """Sign in and set up TOTP as the user would, ending on the recovery-codes page."""
    client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    client.get("/accounts/2fa/totp/activate/")
    secret = client.session["mfa.totp.secret"]
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)}, follow=True)
    assert response.status_code == HTTPStatus.OK
    return response


def test_staff_continue_to_dashboard(client, mfa_required):
    trainer = UserFactory(profession=None, password=PASSWORD, email="trainer@example.mn")
    trainer.groups.add(Group.objects.get(name=roles.TRAINERS))

    response = activate_totp(client, trainer)

    assert response.redirect_chain[-1][0].startswith("/accounts/2fa/recovery-codes/")
    page = response.content.decode()
    assert 'id="recovery-codes-continue"' in page
    assert '<a class="button" href="/admin/">Хянах самбар руу үргэлжлүүлэх</a>' in page
    # The allauth page itself still renders around the link.
    assert 'id="recovery_codes"' in page


def test_learner_continue_to_home(client, agency):
    learner = UserFactory(agency=agency, password=PASSWORD)

    page = activate_totp(client, learner).content.decode()

    assert '<a class="button" href="/">Нүүр хуудас руу үргэлжлүүлэх</a>' in page
