"""Exact counts of the cross-tables on known data."""

from dataclasses import replace
from datetime import date

import pytest

from courses.models import Enrollment
from lms.models import Region, User
from lms.reports.filters import Measure, ReportFilters
from lms.reports.queries import by_agency, by_profession, by_recruitment, by_region, by_status
from lms.reports.services.imports import import_completions

from ..factories import UserFactory, profession, region
from .conftest import local, record
from .data import csv_bytes, domain_rows

TODAY = date(2026, 3, 1)


def counts(table) -> dict:
    return {row.key: row.counts for row in table.rows}


def test_domain_table_from_imported_file(course, police_agency):
    content = csv_bytes(domain_rows(course.slug, police_agency.code))
    result = import_completions(content, "officials.csv", by=None)
    assert result.errors == []

    table = by_profession(ReportFilters(courses=(course,), today=TODAY), viewer=None)

    assert counts(table) == {
        "judge": [135, 58, 77, 0],
        "prosecutor": [168, 71, 97, 0],
        "police": [482, 381, 101, 0],
    }
    assert table.all_row.counts == [785, 510, 275, 0]
    assert [row.label for row in table.rows] == ["Шүүгч", "Прокурор", "Цагдаагийн алба хаагч"]

    regions = by_region(ReportFilters(courses=(course,), today=TODAY), viewer=None)
    assert all(row.counts[0] > 0 for row in regions.rows)
    assert len(regions.rows) == 30


def test_not_stated_sex_is_counted(course, police_agency):
    for sex in (User.Sex.MALE, User.Sex.FEMALE, User.Sex.NOT_STATED):
        record(UserFactory(agency=police_agency, sex=sex), course)

    table = by_profession(ReportFilters(today=TODAY), viewer=None)

    assert counts(table)["police"] == [3, 1, 1, 1]
    assert table.all_row.counts == [3, 1, 1, 1]


def test_missing_profession_gets_its_own_row(course, police_agency):
    record(UserFactory(agency=police_agency, profession=None), course)

    table = by_profession(ReportFilters(today=TODAY), viewer=None)

    assert table.rows[-1].counts == [1, 0, 1, 0]
    assert table.all_row.counts == [1, 0, 1, 0]


def test_person_counts_once_across_courses(course, cyber_course, police_agency):
    officer = UserFactory(agency=police_agency, sex=User.Sex.MALE)
    record(officer, course)
    record(officer, cyber_course)

    table = by_profession(ReportFilters(today=TODAY), viewer=None)

    assert counts(table)["police"] == [1, 1, 0, 0]
    assert by_profession(ReportFilters(courses=(cyber_course,), today=TODAY), viewer=None).all_row.counts[0] == 1


def test_deactivated_learner_keeps_history(course, police_agency):
    leaver = UserFactory(agency=police_agency, is_active=False)
    record(leaver, course)

    assert by_profession(ReportFilters(today=TODAY), viewer=None).all_row.counts == [1, 0, 1, 0]
    status = counts(by_status(ReportFilters(today=TODAY), viewer=None))
    assert status["enrolled"][0] == 1
    assert status["completed"][0] == 1


def test_status_table(course, cyber_course, police_agency):
    finished = UserFactory(agency=police_agency, sex=User.Sex.MALE)
    record(finished, course)
    record(finished, cyber_course, status=Enrollment.Status.IN_PROGRESS, due_date=date(2026, 2, 1))
    record(UserFactory(agency=police_agency), course, status=Enrollment.Status.ENROLLED, due_date=date(2026, 4, 1))
    record(UserFactory(agency=police_agency, sex=User.Sex.NOT_STATED), course,
           status=Enrollment.Status.IN_PROGRESS)

    status = counts(by_status(ReportFilters(today=TODAY), viewer=None))

    assert status == {
        "enrolled": [3, 1, 1, 1],
        "in_progress": [2, 1, 0, 1],
        "completed": [1, 1, 0, 0],
        "overdue": [1, 1, 0, 0],
    }


def test_status_completed_never_exceeds_enrolled(course, police_agency):
    # Enrolled in December, completed in January: a January report must not count a completion alone.
    record(UserFactory(agency=police_agency), course, enrolled_at=local(2025, 12, 20), completed_at=local(2026, 1, 5))

    status = counts(by_status(ReportFilters(date_from=date(2026, 1, 1), date_to=date(2026, 1, 31), today=TODAY),
                              viewer=None))

    assert status["completed"][0] <= status["enrolled"][0]
    assert status["enrolled"][0] == 0


def test_region_lists_every_region_with_zeros(course, police_agency):
    record(UserFactory(agency=police_agency, region=region("MN-1-KHAN-UUL")), course)

    table = by_region(ReportFilters(today=TODAY), viewer=None)

    assert len(table.rows) == Region.objects.count() == 30
    assert counts(table)["MN-1-KHAN-UUL"] == [1, 0, 1, 0]
    assert counts(table)["MN-073"] == [0, 0, 0, 0]


def test_agency_units_roll_up(course, police_agency, police_unit):
    record(UserFactory(agency=police_agency, sex=User.Sex.MALE), course)
    record(UserFactory(agency=police_unit), course)
    record(UserFactory(agency=police_unit), course)

    table = by_agency(ReportFilters(today=TODAY), viewer=None)

    top = next(row for row in table.rows if row.key == "police")
    assert top.counts == [3, 1, 2, 0]
    assert [(child.key, child.counts) for child in top.children] == [("police-khovd", [2, 0, 2, 0])]
    assert table.all_row.counts == [3, 1, 2, 0]


def test_recruits_apart_from_serving(course, police_agency):
    record(UserFactory(agency=police_agency, service_start_date=date(2025, 9, 1)), course)
    record(UserFactory(agency=police_agency, service_start_date=date(2010, 1, 1)), course)
    record(UserFactory(agency=police_agency, service_start_date=None), course)

    table = counts(by_recruitment(ReportFilters(today=TODAY), viewer=None))

    assert table == {"new": [1, 0, 1, 0], "serving": [2, 0, 2, 0]}


def test_recruit_rule_uses_period_end(course, police_agency):
    record(UserFactory(agency=police_agency, service_start_date=date(2025, 9, 1)), course)
    filters = ReportFilters(date_to=date(2025, 12, 31), measure=Measure.ENROLLED, today=TODAY)

    # Service began 4 months before the period end, within the default 12 months.
    assert counts(by_recruitment(filters, viewer=None))["new"][0] == 0  # enrolled in 2026, outside period
    filters = replace(filters, date_to=date(2026, 1, 31))
    assert counts(by_recruitment(filters, viewer=None))["new"][0] == 1


@pytest.mark.parametrize(
    ("completed_at", "month"),
    [
        (local(2026, 1, 31, 23, 30), 1),
        # 16:30 UTC on 31 January is 00:30 on 1 February in Ulaanbaatar.
        (local(2026, 2, 1, 0, 30), 2),
        (local(2026, 1, 1, 0, 0), 1),
        (local(2025, 12, 31, 23, 59), 12),
    ],
)
def test_period_boundary_in_ulaanbaatar(course, police_agency, completed_at, month):
    record(UserFactory(agency=police_agency), course, completed_at=completed_at)
    january = ReportFilters(date_from=date(2026, 1, 1), date_to=date(2026, 1, 31), today=TODAY)
    february = ReportFilters(date_from=date(2026, 2, 1), date_to=date(2026, 2, 28), today=TODAY)

    assert by_profession(january, viewer=None).all_row.counts[0] == (1 if month == 1 else 0)
    assert by_profession(february, viewer=None).all_row.counts[0] == (1 if month == 2 else 0)


def test_period_boundary_from_utc_instant(course, police_agency):
    from datetime import datetime, timezone

    record(UserFactory(agency=police_agency), course, completed_at=datetime(2026, 1, 31, 16, 30, tzinfo=timezone.utc))

    february = ReportFilters(date_from=date(2026, 2, 1), date_to=date(2026, 2, 28), today=TODAY)
    assert by_profession(february, viewer=None).all_row.counts[0] == 1


def test_filters_narrow_counts(course, cyber_course, police_agency, police_unit, court):
    unit_officer = UserFactory(agency=police_unit, sex=User.Sex.MALE, region=region("MN-043"))
    record(unit_officer, course, mode=Enrollment.Mode.IN_PERSON)
    record(UserFactory(agency=police_agency), cyber_course)
    record(UserFactory(agency=court, profession=profession("judge")), course)
    base = ReportFilters(today=TODAY)

    def total(**changes) -> int:
        return by_profession(replace(base, **changes), viewer=None).all_row.counts[0]

    assert total() == 3
    assert total(courses=(cyber_course,)) == 1
    assert total(agency=police_agency) == 2
    assert total(agency=police_unit) == 1
    assert total(region=region("MN-043")) == 1
    assert total(profession=profession("judge")) == 1
    assert total(sex=User.Sex.MALE) == 1
    assert total(mode=Enrollment.Mode.IN_PERSON) == 1
    assert total(mode=Enrollment.Mode.ONLINE) == 2
    assert total(new_recruit=True) == 0
    assert total(new_recruit=False) == 3


def test_enrolled_measure_counts_unfinished(course, police_agency):
    record(UserFactory(agency=police_agency), course, status=Enrollment.Status.IN_PROGRESS)
    record(UserFactory(agency=police_agency), course)

    assert by_profession(ReportFilters(today=TODAY), viewer=None).all_row.counts[0] == 1
    enrolled = ReportFilters(measure=Measure.ENROLLED, today=TODAY)
    assert by_profession(enrolled, viewer=None).all_row.counts[0] == 2
