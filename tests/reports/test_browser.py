"""A member of academy staff opens the report in a real browser and downloads both file formats."""

from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.test import Client
from openpyxl import load_workbook

from ..factories import UserFactory
from .conftest import record


def sign_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "domain": urlparse(live_server.url).hostname,
        "path": "/",
    }])


@pytest.mark.browser
def test_staff_downloads_csv_and_xlsx(page, live_server, course, police_agency, police_staff, tmp_path):
    record(UserFactory(agency=police_agency, full_name="Ганбат"), course)
    sign_in(page, live_server, police_staff)

    page.goto("/admin/reports/completion/?report=profession")
    assert page.get_by_role("heading", name="Суралцагчид мэргэжил, хүйсээр").is_visible()
    assert page.locator("svg[role=img]").count() == 2

    with page.expect_download() as csv_download:
        page.get_by_test_id("download-csv").click()
    csv_path = tmp_path / csv_download.value.suggested_filename
    csv_download.value.save_as(csv_path)
    text = csv_path.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")
    assert "Цагдаагийн алба хаагч,1,0,1,0" in text.decode("utf-8-sig")

    with page.expect_download() as xlsx_download:
        page.get_by_test_id("download-xlsx").click()
    xlsx_path = tmp_path / xlsx_download.value.suggested_filename
    xlsx_download.value.save_as(xlsx_path)
    assert xlsx_path.suffix == ".xlsx"
    rows = list(load_workbook(xlsx_path).active.iter_rows(values_only=True))
    assert ("Цагдаагийн алба хаагч", 1, 0, 1, 0) in rows
