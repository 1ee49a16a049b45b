"""A learner downloads and checks a certificate, and staff download a ZIP of a course's certificates."""

import io
import zipfile

import pytest
import zxingcpp
from django.urls import reverse
from pypdf import PdfReader

from courses.models import ModulePage
from courses.services.completion import refresh_completion
from courses.services.enrolment import enrol

from .conftest import LEARNER_NAME

# serialized_rollback restores the rows that migrations load (professions, regions, groups),
# which the flush after a transactional test would otherwise remove for later tests.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct-horse-battery"


@pytest.fixture
def completed_course(named_learner, course):
    module = ModulePage(title="1. ХХГХ-ийн тухай ойлголт", title_en="1. Understanding trafficking", slug="module-1")
    course.add_child(instance=module)
    enrol(named_learner, course)
    # A module without video or quiz is complete as soon as completion is evaluated.
    refresh_completion(named_learner, course)
    return course


def test_learner_downloads_and_verifies_certificate(page, live_server, settings, named_learner, completed_course):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    page.goto("/accounts/login/")
    page.fill("input[name=login]", named_learner.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form:has(input[name=password]) [type=submit]").click()
    page.wait_for_load_state()

    page.get_by_role("link", name="Миний сургалт").first.click()
    certificate = named_learner.certificates.get()
    with page.expect_download() as download_info:
        page.locator(f"a[href='{reverse('certificates:download', args=[certificate.code])}']").click()
    download = download_info.value
    data = open(download.path(), "rb").read()

    assert download.suggested_filename == f"certificate-{completed_course.slug}-{certificate.code}.pdf"
    text = " ".join(PdfReader(io.BytesIO(data)).pages[0].extract_text().split())
    assert LEARNER_NAME in text
    [qr_image] = PdfReader(io.BytesIO(data)).pages[0].images
    [barcode] = zxingcpp.read_barcodes(qr_image.image)
    assert barcode.text == f"{live_server.url}/c/{certificate.code}/"

    page.goto(barcode.text)
    status = page.locator("[data-status]")
    assert status.get_attribute("data-status") == "valid"
    assert LEARNER_NAME in page.locator("main").inner_text()


def test_staff_prepares_and_downloads_zip(page, archive_storage, academy_staff, certificate, course):
    page.goto("/accounts/login/")
    page.fill("input[name=login]", academy_staff.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form:has(input[name=password]) [type=submit]").click()
    page.wait_for_load_state()

    page.goto(f"{reverse('certificates_admin:list')}?course={course.pk}")
    page.get_by_test_id("download-zip").click()
    page.wait_for_load_state()
    # The immediate task backend builds the ZIP before the redirect, so it is ready at once.
    row = page.locator("tr[data-archive]")
    assert row.get_attribute("data-status") == "ready"
    assert "ZIP файлыг бэлтгэж байна." in page.locator("body").inner_text()
    with page.expect_download() as download_info:
        page.get_by_test_id("archive-download").click()
    download = download_info.value

    assert download.suggested_filename == f"certificates-{course.slug}.zip"
    with zipfile.ZipFile(download.path()) as archive:
        assert archive.namelist() == [f"{LEARNER_NAME} {certificate.code}.pdf"]
