"""Report wording in both languages: periods, the status total, "not stated" and course titles."""

import io
from datetime import date

import pytest
from django.utils import translation
from openpyxl import load_workbook

from lms.models import User
from lms.reports.exports import write_xlsx
from lms.reports.filters import ReportFilters
from lms.reports.queries import by_status
from lms.reports.registry import build_document

from ..factories import UserFactory
from .conftest import local, record

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def default_language_afterwards():
    # The language middleware activates the viewer's language in this thread and leaves it
    # active, so a request made in English would otherwise turn later tests English too.
    yield
    translation.deactivate()


def period(filters: ReportFilters) -> str:
    return dict(filters.describe())[str(translation.gettext("Period (Ulaanbaatar time)"))]


@pytest.mark.parametrize(
    ("language", "filters", "expected"),
    [
        ("mn", ReportFilters(), "бүх хугацаа"),
        ("en", ReportFilters(), "all time"),
        ("mn", ReportFilters(date_from=date(2026, 1, 1)), "2026-01-01 өдрөөс хойш"),
        ("en", ReportFilters(date_from=date(2026, 1, 1)), "from 2026-01-01"),
        ("mn", ReportFilters(date_to=date(2026, 6, 30)), "2026-06-30 өдрийг хүртэл"),
        ("en", ReportFilters(date_to=date(2026, 6, 30)), "until 2026-06-30"),
        ("en", ReportFilters(date_from=date(2026, 1, 1), date_to=date(2026, 6, 30)), "2026-01-01 — 2026-06-30"),
    ],
)
def test_period_described_in_words(language, filters, expected):
    with translation.override(language):
        assert period(filters) == expected


@pytest.mark.parametrize(("language", "expected"), [("mn", "нийт элссэн"), ("en", "enrolled (total)")])
def test_status_total_row_labelled_as_total(course, police_agency, language, expected):
    record(UserFactory(agency=police_agency), course)
    with translation.override(language):
        first = by_status(ReportFilters(courses=(course,)), viewer=None).rows[0]
    assert str(first.label) == expected
    assert first.is_all


def test_sex_not_stated_column_matches_forms():
    with translation.override("mn"):
        document = build_document("profession", ReportFilters(), viewer=None)
        assert document.columns[-1] == "заагаагүй"
        assert str(User.Sex.NOT_STATED.label).lower() == "заагаагүй"


def test_xlsx_learner_dates_are_excel_dates(course, police_agency):
    record(UserFactory(agency=police_agency), course, completed_at=local(2026, 1, 15), due_date=date(2026, 2, 1))
    document = build_document("learners", ReportFilters(courses=(course,)), viewer=None)
    buffer = io.BytesIO()

    write_xlsx(document, buffer)

    sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
    last_row = list(sheet.iter_rows())[-1]
    enrolled_on, due_date, completed_on = last_row[10], last_row[11], last_row[12]
    assert enrolled_on.is_date
    assert enrolled_on.value.date() == date(2026, 1, 2)
    assert enrolled_on.number_format == "yyyy-mm-dd"
    assert due_date.value.date() == date(2026, 2, 1)
    assert completed_on.value.date() == date(2026, 1, 15)
    assert completed_on.number_format == "yyyy-mm-dd"


def test_english_screen_shows_english_course_title(client, course, police_agency, police_staff):
    record(UserFactory(agency=police_agency), course)
    police_staff.preferred_language = "en"
    police_staff.save(update_fields=["preferred_language"])
    client.force_login(police_staff)

    response = client.get("/admin/reports/completion/", {"report": "learners", "course": course.pk})

    html = response.content.decode()
    assert f'<option value="{course.pk}" selected>tip-victim-centred</option>' in html
    assert "<dd>tip-victim-centred</dd>" in html
    assert "<td>tip-victim-centred</td>" in html
    assert "Хохирогч төвтэй сургалт" not in html
