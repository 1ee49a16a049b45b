"""Report access: academy staff get only their agencies' learners, administrators all, others no report."""

import csv
import io
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry

from lms import roles
from lms.reports.models import ReportDownload
from lms.reports.registry import REPORT_LABELS

from ..factories import UserFactory, profession
from .conftest import record

REPORT_URL = "reports_completion"


@pytest.fixture
def two_academies(course, police_agency, police_unit, court):
    record(UserFactory(agency=police_unit, full_name="Цагдаа Батболд", email="police1@example.mn"), course)
    record(UserFactory(agency=court, full_name="Шүүгч Оюунаа", email="judge1@example.mn",
                       profession=profession("judge")), course)


def download_text(client, **params) -> str:
    response = client.get(reverse("reports_download_csv"), params)
    assert response.status_code == HTTPStatus.OK
    return b"".join(response.streaming_content).decode("utf-8-sig")


@pytest.mark.parametrize("kind", ["profession", "region", "agency", "status", "recruitment", "learners"])
def test_staff_report_excludes_other_academy(client, two_academies, police_staff, kind):
    client.force_login(police_staff)

    page = client.get(reverse(REPORT_URL), {"report": kind})
    text = download_text(client, report=kind)

    assert page.status_code == HTTPStatus.OK
    assert "Оюунаа" not in page.content.decode()
    assert "Оюунаа" not in text
    assert "Улсын дээд шүүх" not in text
    assert "Улсын дээд шүүх" not in page.content.decode()


def test_staff_profession_counts_only_own_learners(client, two_academies, police_staff, judicial_staff):
    client.force_login(police_staff)
    rows = list(csv.reader(io.StringIO(download_text(client, report="profession"))))
    assert ["Шүүгч", "0", "0", "0", "0"] in rows
    assert ["бүгд", "1", "0", "1", "0"] in rows

    client.force_login(judicial_staff)
    rows = list(csv.reader(io.StringIO(download_text(client, report="profession"))))
    assert ["Шүүгч", "1", "0", "1", "0"] in rows
    assert ["бүгд", "1", "0", "1", "0"] in rows


def test_staff_cannot_filter_by_other_agency(client, two_academies, police_staff, court):
    client.force_login(police_staff)

    page = client.get(reverse(REPORT_URL), {"agency": court.pk})
    download = client.get(reverse("reports_download_csv"), {"agency": court.pk})

    assert page.status_code == HTTPStatus.BAD_REQUEST
    assert download.status_code == HTTPStatus.BAD_REQUEST
    assert ReportDownload.objects.count() == 0


def test_administrator_sees_everyone(client, two_academies, administrator):
    client.force_login(administrator)

    rows = list(csv.reader(io.StringIO(download_text(client, report="profession"))))

    assert ["бүгд", "2", "0", "2", "0"] in rows


def test_trainer_gets_forbidden(client, two_academies):
    trainer = UserFactory(is_staff=True, email="trainer@example.mn")
    trainer.groups.add(Group.objects.get(name=roles.TRAINERS))
    client.force_login(trainer)

    for url in (reverse(REPORT_URL), reverse("reports_download_csv"), reverse("reports_download_xlsx"),
                reverse("reports_import")):
        assert client.get(url).status_code == HTTPStatus.FORBIDDEN


def test_learner_gets_no_report(client, two_academies):
    learner = UserFactory(email="plain@example.mn")
    learner.groups.add(Group.objects.get(name=roles.LEARNERS))
    client.force_login(learner)

    response = client.get(reverse("reports_download_csv"))

    # Wagtail sends users without admin access to the login page before any report code runs.
    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    assert ReportDownload.objects.count() == 0


def test_download_is_recorded(client, two_academies, police_staff, police_agency):
    client.force_login(police_staff)

    download_text(client, report="region", agency=police_agency.pk, sex="female")
    client.get(reverse("reports_download_xlsx"), {"report": "profession"})

    first, second = ReportDownload.objects.order_by("created_at", "pk")
    assert (first.user, first.report, first.file_format) == (police_staff, "region", "csv")
    assert first.filters["agency"] == "police"
    assert first.filters["sex"] == "female"
    assert (second.report, second.file_format) == ("profession", "xlsx")
    entry = ModelLogEntry.objects.filter(action="reports.download").first()
    assert entry is not None
    assert entry.user_id == police_staff.pk


def test_screen_shows_every_report(client, two_academies, administrator):
    client.force_login(administrator)

    for kind in REPORT_LABELS:
        response = client.get(reverse(REPORT_URL), {"report": kind})
        assert response.status_code == HTTPStatus.OK, kind


def test_screen_draws_charts_as_svg(client, two_academies, administrator):
    client.force_login(administrator)

    content = client.get(reverse(REPORT_URL)).content.decode()

    assert content.count("<svg xmlns") == 2
    assert "2026-01" in content


def test_agency_screen_nests_units(client, two_academies, police_staff):
    client.force_login(police_staff)

    content = client.get(reverse(REPORT_URL), {"report": "agency"}).content.decode()

    assert "<details" in content
    assert "Ховд аймгийн цагдаа" in content


def test_invalid_period_is_explained(client, police_staff):
    client.force_login(police_staff)

    response = client.get(reverse(REPORT_URL), {"date_from": "2026-02-01", "date_to": "2026-01-01"})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Хугацааны төгсгөл эхлэлээс өмнө байж болохгүй." in response.content.decode()


def test_tabs_switch_report_with_filters(client, two_academies, administrator):
    client.force_login(administrator)

    content = client.get(reverse(REPORT_URL), {"report": "region", "sex": "female"}).content.decode()

    assert 'href="?report=agency&amp;sex=female"' in content
    assert "report=region&amp;report=" not in content
