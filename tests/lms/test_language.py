from http import HTTPStatus

import pytest
from django.conf import settings

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
