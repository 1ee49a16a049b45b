from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import translation

from certificates.services import revoke_certificate

from .conftest import LEARNER_NAME


def verify_url(code):
    return reverse("certificates:verify", args=[code])


def test_valid_code_shows_name_course_date_academy(client, certificate):
    response = client.get(verify_url(certificate.code))

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert 'data-status="valid"' in page
    assert "Хүчинтэй гэрчилгээ" in page
    assert LEARNER_NAME in page
    assert certificate.course.title in page
    assert "2026 оны 12 сарын 4" in page
    assert certificate.course.academy.name_mn in page


def test_valid_page_hides_other_personal_data(client, certificate):
    page = client.get(verify_url(certificate.code)).content.decode()

    assert certificate.learner.email not in page
    assert certificate.learner.agency.name_mn not in page


def test_valid_page_in_english(client, certificate):
    client.cookies["django_language"] = "en"

    page = client.get(verify_url(certificate.code), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Valid certificate" in page
    assert certificate.course.title_en in page
    assert "Dec. 4, 2026" in page


def test_revoked_code_shows_revoked_with_date(client, certificate, academy_staff):
    revoke_certificate(certificate, by=academy_staff, reason="Алдаа")

    response = client.get(verify_url(certificate.code))

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert 'data-status="revoked"' in page
    with translation.override("mn"):
        from django.template.defaultfilters import date as date_filter

        assert date_filter(certificate.revoked_at) in page
    assert LEARNER_NAME not in page


def test_unknown_code_is_not_found(client, db):
    response = client.get(verify_url("ABCD-EFGH-JKMN-PQ"))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert 'data-status="unknown"' in response.content.decode()


def test_unparseable_code_is_not_found(client, db):
    response = client.get(verify_url("not-a-code"))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert 'data-status="unknown"' in response.content.decode()


def test_typed_variant_redirects_to_canonical_code(client, certificate):
    typed = certificate.code.lower().replace("-", "")

    response = client.get(verify_url(typed))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == verify_url(certificate.code)


def test_lookup_form_redirects_to_verification(client, certificate):
    response = client.get(reverse("certificates:lookup"), {"code": f" {certificate.code.lower()} "})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == verify_url(certificate.code)


def test_lookup_form_rejects_malformed_code(client, db):
    response = client.get(reverse("certificates:lookup"), {"code": "12345"})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Энэ нь гэрчилгээний код биш байна" in response.content.decode()


def test_lookup_form_is_shown_without_code(client, db):
    response = client.get(reverse("certificates:lookup"))

    assert response.status_code == HTTPStatus.OK
    assert 'name="code"' in response.content.decode()


def test_verification_is_rate_limited(client, db, settings):
    settings.CERTIFICATES_VERIFY_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get(verify_url("ABCD-EFGH-JKMN-PQ")).status_code == HTTPStatus.NOT_FOUND

    response = client.get(verify_url("ABCD-EFGH-JKMN-PQ"))

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert response["Retry-After"] == "60"
    assert "Хэт олон удаа шалгасан байна" in response.content.decode()


def test_rate_limit_counts_each_client_apart(client, db, settings):
    settings.CERTIFICATES_VERIFY_RATE_LIMIT = 1
    client.get(verify_url("ABCD-EFGH-JKMN-PQ"), REMOTE_ADDR="10.0.0.1")

    response = client.get(verify_url("ABCD-EFGH-JKMN-PQ"), REMOTE_ADDR="10.0.0.2")

    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.fixture(autouse=True)
def empty_cache():
    from django.core.cache import cache

    cache.clear()
