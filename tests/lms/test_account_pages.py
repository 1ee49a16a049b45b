"""Sign-up checks, the admin address for learners, the favicon and quiet 403 logging."""

import datetime
import io
import logging
from http import HTTPStatus

import pytest
from django.core.cache import cache
from django.utils import timezone

from lms.models import User

from .test_accounts import signup_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Start with empty sign-up rate limits, which the test settings keep in a per-process cache."""
    cache.clear()


ADMIN_DENIED = "Танд удирдлагын хэсгийг нээх эрх байхгүй."


def signup_errors(client, agency, started: str) -> list[str]:
    data = signup_data(agency) | {"service_start_date": started}
    response = client.post("/accounts/signup/", data)
    assert response.status_code == HTTPStatus.OK
    return response.context["form"].errors.get("service_start_date", [])


def test_signup_rejects_future_start_date(client, agency):
    errors = signup_errors(client, agency, "2099-01-01")
    today = timezone.localdate().strftime("%Y.%m.%d")
    assert errors == [f"Алба хааж эхэлсэн огноо ирээдүйд байж болохгүй. {today} буюу түүнээс өмнөх огноо оруулна уу."]
    assert not User.objects.filter(email="new.officer@example.mn").exists()


def test_signup_rejects_start_before_1950(client, agency):
    errors = signup_errors(client, agency, "1949-12-31")
    assert errors == ["Алба хааж эхэлсэн огноо хамгийн эртдээ 1950.01.01 байна. Оныг шалгана уу."]


def test_signup_accepts_today_as_start_date(client, agency):
    data = signup_data(agency) | {"service_start_date": timezone.localdate().isoformat()}
    response = client.post("/accounts/signup/", data)
    assert response.status_code == HTTPStatus.FOUND
    user = User.objects.get(email="new.officer@example.mn")
    assert user.service_start_date == timezone.localdate()


def test_profile_rejects_future_start_date(client, learner):
    client.force_login(learner)
    future = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(
        "/me/profile/",
        {
            "full_name": learner.full_name,
            "sex": learner.sex,
            "profession": learner.profession_id,
            "agency": learner.agency_id,
            "region": learner.region_id,
            "service_start_date": future.isoformat(),
            "preferred_language": "mn",
        },
    )
    assert response.status_code == HTTPStatus.OK
    assert "ирээдүйд байж болохгүй" in response.context["form"].errors["service_start_date"][0]


def test_profile_length_error_is_mongolian(client, learner):
    client.force_login(learner)
    response = client.post("/me/profile/", {"full_name": "Б" * 500, "rank": "р" * 500, "preferred_language": "mn"})
    assert response.context["form"].errors["rank"] == [
        "Хамгийн ихдээ 200 тэмдэгт оруулна уу. Одоо оруулсан тэмдэгтийн тоо: 500."
    ]


def test_signup_password_help_is_mongolian(client, agency):
    page = client.get("/accounts/signup/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "too similar" not in page
    assert "commonly used" not in page
    assert "entirely numeric" not in page
    assert "Нууц үг хамгийн багадаа 10 тэмдэгттэй байх ёстой." in page


def test_short_password_error_is_mongolian(client, agency):
    data = signup_data(agency) | {"password1": "Xq7!kd", "password2": "Xq7!kd"}
    response = client.post("/accounts/signup/", data)
    assert "Нууц үг хэт богино байна. Хамгийн багадаа 10 тэмдэгттэй байх ёстой." in response.content.decode()


def test_learner_opening_admin_goes_home(client, learner):
    client.force_login(learner)
    response = client.get("/admin/", follow=True)
    assert response.status_code == HTTPStatus.OK
    assert [url for url, _status in response.redirect_chain] == ["/admin/login/?next=/admin/", "/"]
    messages = [str(message).strip() for message in response.context["messages"]]
    assert messages == [ADMIN_DENIED]


def test_visitor_opening_admin_is_sent_to_sign_in(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/accounts/login/?next=/admin/"


def test_favicon_is_served(client, demo_site):
    response = client.get("/favicon.ico", follow=True)
    assert response.status_code == HTTPStatus.OK
    assert response.redirect_chain[-1][0].endswith("/static/lms/img/favicon.svg")
    page = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/lms/img/favicon.svg" type="image/svg+xml">' in page


def test_permission_denied_logs_one_line(client, demo_site, make_learner):
    """A 403 writes one warning line to the console log, without a traceback."""
    from courses.models import ModulePage

    pending = make_learner(status=User.Status.PENDING, email="pending@example.mn")
    client.force_login(pending)
    module = ModulePage.objects.first()
    console = logging.getLogger("django").handlers[0]
    stream = io.StringIO()
    previous = console.setStream(stream)
    try:
        response = client.get(module.url)
    finally:
        console.setStream(previous)

    assert response.status_code == HTTPStatus.FORBIDDEN
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1
    assert "WARNING django.request Forbidden (Permission denied)" in lines[0]
    assert "Traceback" not in stream.getvalue()
