from http import HTTPStatus
from urllib.parse import quote

from django.urls import reverse

from certificates.services import issue_certificate, revoke_certificate
from tests.factories import AgencyFactory, TrainingAcademyFactory, UserFactory


def download_url(certificate):
    return reverse("certificates:download", args=[certificate.code])


def test_owner_downloads_pdf_with_readable_name(client, certificate):
    client.force_login(certificate.learner)

    response = client.get(download_url(certificate))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    expected = f"certificate-tip-victims-{certificate.code}.pdf"
    assert f'filename="{expected}"' in response["Content-Disposition"]
    assert f"filename*=UTF-8''{expected}" in response["Content-Disposition"]


def test_cyrillic_slug_gets_ascii_fallback(client, named_learner, make_course, academy):
    course = make_course(academy, slug="хүн-худалдаалах")
    certificate = issue_certificate(named_learner, course, None)
    client.force_login(named_learner)

    disposition = client.get(download_url(certificate))["Content-Disposition"]

    assert f'filename="certificate-khun-khudaldaalakh-{certificate.code}.pdf"' in disposition
    assert quote(f"certificate-хүн-худалдаалах-{certificate.code}.pdf") in disposition


def test_other_learner_gets_not_found(client, certificate, make_learner, agency):
    client.force_login(make_learner(agency=agency))

    response = client.get(download_url(certificate))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_anonymous_is_sent_to_login(client, certificate):
    response = client.get(download_url(certificate))

    assert response.status_code == HTTPStatus.FOUND
    assert reverse("account_login") in response["Location"]


def test_managing_staff_downloads(client, certificate, academy_staff):
    client.force_login(academy_staff)

    response = client.get(download_url(certificate))

    assert response.status_code == HTTPStatus.OK


def test_staff_of_other_academy_gets_not_found(client, certificate):
    other_academy = TrainingAcademyFactory()
    AgencyFactory(academy=other_academy)
    staff = UserFactory(academy=other_academy, is_staff=True, profession=None)
    client.force_login(staff)

    response = client.get(download_url(certificate))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_revoked_certificate_is_not_downloadable(client, certificate, academy_staff):
    revoke_certificate(certificate, by=academy_staff, reason="Алдаа")
    client.force_login(certificate.learner)

    response = client.get(download_url(certificate))

    assert response.status_code == HTTPStatus.NOT_FOUND
