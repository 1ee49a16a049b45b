from http import HTTPStatus

import pytest
from django.conf import settings
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_default_language_is_mongolian(client, demo_site):
    response = client.get("/")
    assert response.status_code == HTTPStatus.OK
    assert '<html lang="mn">' in response.content.decode()


def test_switch_to_english_keeps_page(client, demo_site):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/accounts/login/"
    page = client.get("/accounts/login/").content.decode()
    assert '<html lang="en">' in page


def test_not_found_page_is_mongolian(client, demo_site):
    response = client.get("/no-such-page/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Хуудас олдсонгүй" in response.content.decode()


def test_time_zone_is_ulaanbaatar():
    assert settings.TIME_ZONE == "Asia/Ulaanbaatar"


def test_browser_english_does_not_change_default(client, demo_site):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="mn">' in page


def test_language_cookie_chooses_english(client, demo_site):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    assert '<html lang="en">' in page


def test_signed_in_user_gets_preferred_language(client, demo_site, learner):
    learner.preferred_language = "en"
    learner.save(update_fields=["preferred_language"])
    client.force_login(learner)
    page = client.get("/").content.decode()
    assert '<html lang="en">' in page


def test_switching_language_saves_preference(client, learner):
    client.force_login(learner)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == HTTPStatus.FOUND
    learner.refresh_from_db()
    assert learner.preferred_language == "en"


def test_anonymous_switch_sets_only_cookie(client, demo_site):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


@pytest.mark.parametrize("language", ["mn", "en"])
def test_switcher_names_each_language_in_itself(client, demo_site, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get("/accounts/login/").content.decode()
    assert 'value="mn" lang="mn"' in page
    assert ">Монгол</button>" in page
    assert 'value="en" lang="en"' in page
    assert ">English</button>" in page
    assert "Англи" not in page


def test_english_short_dates_are_iso(client, academy_staff, agency, make_learner):
    """The approvals list shows Y-m-d in English and Y.m.d in Mongolian."""
    pending = make_learner(agency=agency, status="pending", email="waiting@example.mn")
    joined = timezone.localtime(pending.date_joined).date()
    client.force_login(academy_staff)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/admin/learners/approvals/").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "mn"
    mongolian = client.get("/admin/learners/approvals/").content.decode()
    assert f"<td>{joined:%Y-%m-%d}</td>" in english
    assert f"<td>{joined:%Y.%m.%d}</td>" in mongolian
