import io
import zipfile
from datetime import date
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from pypdf import PdfReader

from certificates.models import Certificate, CertificateArchive
from lms import roles
from certificates.services import issue_certificate
from tests.factories import AgencyFactory, TrainingAcademyFactory, UserFactory


@pytest.fixture
def staff_client(client, academy_staff):
    client.force_login(academy_staff)
    return client


@pytest.fixture
def outsider(make_learner):
    """A learner of an agency served by another academy."""
    other_agency = AgencyFactory(academy=TrainingAcademyFactory())
    return make_learner(agency=other_agency, full_name="Гадны Суралцагч")


def zip_members(response) -> dict[str, bytes]:
    data = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_list_shows_only_managed_learners(staff_client, certificate, outsider, course):
    issue_certificate(outsider, course, None)

    page = staff_client.get(reverse("certificates_admin:list")).content.decode()

    assert certificate.code in page
    assert "Хүчинтэй" in page
    assert "Гадны Суралцагч" not in page


def test_list_requires_academy_staff(client, certificate):
    trainer = UserFactory(is_staff=True, profession=None, agency=None)
    trainer.groups.add(Group.objects.get(name=roles.TRAINERS))
    client.force_login(trainer)

    response = client.get(reverse("certificates_admin:list"))

    # Wagtail responds to PermissionDenied in the admin by redirecting to the dashboard.
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("wagtailadmin_home")


def test_zip_contains_managed_certificates_of_course_and_period(
    staff_client, certificate, outsider, course, make_learner, agency, archive_storage,
    django_capture_on_commit_callbacks,
):
    issue_certificate(outsider, course, None)
    late = issue_certificate(make_learner(agency=agency, full_name="Дорж Бат"), course, None)
    Certificate.objects.filter(pk=late.pk).update(completed_on=date(2027, 3, 1))

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("certificates_admin:archive"),
            {"course": course.pk, "completed_from": "2026-12-01", "completed_to": "2026-12-31"},
        )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("certificates_admin:archives")
    archive = CertificateArchive.objects.get()
    assert archive.status == CertificateArchive.Status.READY
    response = staff_client.get(reverse("certificates_admin:archive_download", args=[archive.pk]))

    assert response.status_code == HTTPStatus.OK
    assert response.streaming
    assert response["Content-Type"] == "application/zip"
    assert f"certificates-{course.slug}-2026-12-01-2026-12-31.zip" in response["Content-Disposition"]
    members = zip_members(response)
    assert list(members) == [f"{certificate.learner.full_name} {certificate.code}.pdf"]
    text = PdfReader(io.BytesIO(members[f"{certificate.learner.full_name} {certificate.code}.pdf"])).pages[0].extract_text()
    assert certificate.code in text


def test_zip_without_course_is_rejected(staff_client, certificate):
    response = staff_client.post(reverse("certificates_admin:archive"))

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("certificates_admin:list")
    assert not CertificateArchive.objects.exists()


def test_zip_with_reversed_period_is_rejected(staff_client, certificate, course):
    response = staff_client.post(
        reverse("certificates_admin:archive"),
        {"course": course.pk, "completed_from": "2026-12-31", "completed_to": "2026-12-01"},
        follow=True,
    )

    page = response.content.decode()
    assert "Хугацааны эхлэх огноо дуусах огнооноос хойно байна." in page
    assert "Сургалтаа сонгоно уу." not in page
    assert not CertificateArchive.objects.exists()


def test_zip_without_course_asks_for_course_only(staff_client, certificate):
    response = staff_client.post(reverse("certificates_admin:archive"), {"course": ""}, follow=True)

    page = response.content.decode()
    assert "Сургалтаа сонгоно уу." in page
    assert "дуусах огнооноос хойно" not in page
    assert not CertificateArchive.objects.exists()


def test_zip_without_course_and_reversed_period_lists_both(staff_client, certificate):
    response = staff_client.post(
        reverse("certificates_admin:archive"),
        {"course": "", "completed_from": "2026-12-31", "completed_to": "2026-12-01"},
        follow=True,
    )

    page = response.content.decode()
    assert "Сургалтаа сонгоно уу." in page
    assert "Хугацааны эхлэх огноо дуусах огнооноос хойно байна." in page
    # The filter already chosen stays in the list's address.
    assert response.redirect_chain[-1][0].endswith("completed_from=2026-12-31&completed_to=2026-12-01")


def test_reversed_period_is_rejected(staff_client, certificate, course):
    response = staff_client.get(
        reverse("certificates_admin:list"),
        {"course": course.pk, "completed_from": "2026-12-31", "completed_to": "2026-12-01"},
    )

    assert "Хугацааны эхлэх огноо дуусах огнооноос хойно байна." in response.content.decode()


def test_staff_revokes_with_reason(staff_client, certificate):
    response = staff_client.post(
        reverse("certificates_admin:revoke", args=[certificate.pk]), {"reason": "Хуурамч баримт"}
    )

    assert response.status_code == HTTPStatus.FOUND
    certificate.refresh_from_db()
    assert certificate.revoked_reason == "Хуурамч баримт"


def test_revoke_without_reason_keeps_certificate(staff_client, certificate):
    response = staff_client.post(reverse("certificates_admin:revoke", args=[certificate.pk]), {"reason": ""})

    assert response.status_code == HTTPStatus.OK
    certificate.refresh_from_db()
    assert certificate.is_valid


def test_staff_reissues(staff_client, certificate):
    response = staff_client.post(
        reverse("certificates_admin:reissue", args=[certificate.pk]), {"reason": "Нэр зассан"}
    )

    assert response.status_code == HTTPStatus.FOUND
    new = Certificate.objects.get(replaces=certificate)
    assert new.is_valid
    listing = staff_client.get(reverse("certificates_admin:list")).content.decode()
    assert reverse("certificates_admin:reissue", args=[certificate.pk]) not in listing
    assert reverse("certificates_admin:reissue", args=[new.pk]) in listing
    verify_page = staff_client.get(reverse("certificates:verify", args=[certificate.code])).content.decode()
    assert 'data-status="revoked"' in verify_page


def test_staff_of_other_academy_cannot_revoke(client, certificate):
    staff = UserFactory(academy=TrainingAcademyFactory(), is_staff=True, profession=None)
    staff.groups.add(Group.objects.get(name=roles.ACADEMY_STAFF))
    client.force_login(staff)

    response = client.post(reverse("certificates_admin:revoke", args=[certificate.pk]), {"reason": "x"})

    assert response.status_code == HTTPStatus.NOT_FOUND
    certificate.refresh_from_db()
    assert certificate.is_valid


def test_signatory_settings_list_shows_own_academy_only(staff_client, academy):
    from certificates.models import CertificateSettings

    CertificateSettings.objects.create(academy=academy, signatory_name_mn="Б. Батбаяр")
    CertificateSettings.objects.create(academy=TrainingAcademyFactory(), signatory_name_mn="Г. Гантулга")

    response = staff_client.get(reverse("wagtailsnippets_certificates_certificatesettings:list"))

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Б. Батбаяр" in page
    assert "Г. Гантулга" not in page


def test_signatory_settings_of_other_academy_cannot_be_edited(staff_client):
    from certificates.models import CertificateSettings

    other = CertificateSettings.objects.create(academy=TrainingAcademyFactory(), signatory_name_mn="Г. Гантулга")

    response = staff_client.get(reverse("wagtailsnippets_certificates_certificatesettings:edit", args=[other.pk]))

    # Wagtail responds to a denied admin view by redirecting to the dashboard with a message.
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("wagtailadmin_home")


def test_staff_creates_signatory_settings_for_own_academy(staff_client, academy, course):
    from certificates.models import CertificateSettings

    response = staff_client.post(
        reverse("wagtailsnippets_certificates_certificatesettings:add"),
        {
            "academy": academy.pk,
            "course": course.pk,
            "signatory_name_mn": "Д. Сарангэрэл",
            "signatory_name_en": "D. Sarangerel",
            "signatory_title_mn": "Захирал",
            "signatory_title_en": "Director",
            "title_traditional": "ᠭᠡᠷᠡᠴᠢᠯᠭᠡ",
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    assert CertificateSettings.objects.get(course=course).signatory_name_mn == "Д. Сарангэрэл"


def test_english_list_shows_english_course_title(client, academy_staff, certificate, course):
    from django.utils import translation

    from .conftest import COURSE_TITLE, COURSE_TITLE_EN

    academy_staff.preferred_language = "en"
    academy_staff.save(update_fields=["preferred_language"])
    client.force_login(academy_staff)
    try:
        html = client.get(reverse("certificates_admin:list")).content.decode()
    finally:
        # The language middleware leaves English active in this thread for the tests that follow.
        translation.deactivate()

    assert f'<option value="{course.pk}">{COURSE_TITLE_EN}</option>' in html
    assert f"<td>{COURSE_TITLE_EN}</td>" in html
    assert COURSE_TITLE not in html
