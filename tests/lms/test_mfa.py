"""Two-factor authentication: required for staff roles, available to learners."""

from http import HTTPStatus

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group

from lms import roles

from ..factories import UserFactory
from .conftest import totp_code

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple"


def sign_in(client, user):
    return client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})


def confirm_password(client):
    """Enter the password again, which allauth requires before a second factor changes."""
    response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == HTTPStatus.FOUND


@pytest.fixture
def trainer(db):
    user = UserFactory(profession=None, password=PASSWORD, email="trainer@example.mn")
    user.groups.add(Group.objects.get(name=roles.TRAINERS))
    return user


def test_staff_without_authenticator_is_sent_to_setup(client, mfa_required, academy_staff):
    client.force_login(academy_staff)
    response = client.get("/admin/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/accounts/2fa/totp/activate/"


def test_trainer_without_authenticator_is_sent_to_setup(client, mfa_required, trainer):
    client.force_login(trainer)
    response = client.get("/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/accounts/2fa/totp/activate/"


def test_setup_page_itself_is_reachable(client, mfa_required, trainer):
    sign_in(client, trainer)
    confirm_password(client)
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == HTTPStatus.OK


def test_staff_may_sign_out_before_setup(client, mfa_required, trainer):
    client.force_login(trainer)
    response = client.post("/accounts/logout/")
    assert response.status_code == HTTPStatus.FOUND
    assert "_auth_user_id" not in client.session


def test_staff_with_authenticator_reaches_admin(client, mfa_required, academy_staff, give_totp):
    give_totp(academy_staff)
    client.force_login(academy_staff)
    assert client.get("/admin/").status_code == HTTPStatus.OK


def test_learner_is_not_asked_for_second_factor(client, mfa_required, learner):
    client.force_login(learner)
    assert client.get("/me/profile/").status_code == HTTPStatus.OK


def test_rule_can_be_switched_off(client, settings, academy_staff):
    settings.LMS_STAFF_MFA_REQUIRED = False
    client.force_login(academy_staff)
    assert client.get("/admin/").status_code == HTTPStatus.OK


def test_wagtail_login_hands_over_to_allauth(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/accounts/login/?next=/admin/pages/"


def test_django_admin_login_hands_over_to_allauth(client):
    response = client.get("/django-admin/login/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/accounts/login/")


def test_sign_in_asks_for_code_then_admits(client, mfa_required, trainer, give_totp):
    secret = give_totp(trainer)

    response = sign_in(client, trainer)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session

    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert response.status_code == HTTPStatus.FOUND
    assert client.session["_auth_user_id"] == str(trainer.pk)
    assert client.get("/admin/").status_code == HTTPStatus.OK


def test_wrong_code_keeps_user_out(client, mfa_required, trainer, give_totp):
    give_totp(trainer)
    sign_in(client, trainer)
    response = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert response.status_code == HTTPStatus.OK
    assert "_auth_user_id" not in client.session


def test_learner_enables_totp_and_gets_recovery_codes(client, agency):
    learner = UserFactory(agency=agency, password=PASSWORD)
    sign_in(client, learner)
    confirm_password(client)

    assert client.get("/accounts/2fa/totp/activate/").status_code == HTTPStatus.OK
    secret = client.session["mfa.totp.secret"]
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})

    assert response.status_code == HTTPStatus.FOUND
    kinds = set(Authenticator.objects.filter(user=learner).values_list("type", flat=True))
    assert kinds == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}


def test_profile_links_to_two_factor_setup(client, learner):
    client.force_login(learner)
    assert 'href="/accounts/2fa/"' in client.get("/me/profile/").content.decode()


def test_course_trainers_group_alone_requires_second_factor(client, mfa_required, home_page):
    from courses.models import CoursePage
    from lms.services.trainers import course_trainers_group

    course = CoursePage(title="Сургалт", title_en="Course", slug="course")
    home_page.add_child(instance=course)
    user = UserFactory(profession=None, email="course.only@example.mn")
    user.groups.add(course_trainers_group(course))
    client.force_login(user)

    response = client.get("/")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/accounts/2fa/totp/activate/"


def test_setup_after_sign_in_needs_no_second_password(client, mfa_required, trainer):
    response = sign_in(client, trainer)
    assert response["Location"] == "/"
    assert client.get("/")["Location"] == "/accounts/2fa/totp/activate/"
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == HTTPStatus.OK
    assert 'id="authenticator_secret"' in response.content.decode()


def test_sign_in_mark_expires_with_timeout(client, trainer, settings):
    """Once ACCOUNT_REAUTHENTICATION_TIMEOUT has passed, a second-factor change asks for the password."""
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 0
    sign_in(client, trainer)
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/accounts/reauthenticate/")


def test_secret_and_codes_use_wide_layout(client, mfa_required, trainer):
    sign_in(client, trainer)
    page = client.get("/accounts/2fa/totp/activate/").content.decode()
    assert '<label for="authenticator_secret">' in page
    assert 'class="code-box"' in page
    assert 'aria-describedby="authenticator_secret_help"' in page
