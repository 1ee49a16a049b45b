"""Importing in-person completions: matching, errors with line numbers, all-or-nothing, re-import."""

import io
from datetime import date
from http import HTTPStatus

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import Workbook

import pytest

from courses.models import Enrollment
from courses.services.enrolment import enrol
from lms.models import User
from lms.reports.filters import ReportFilters
from lms.reports.models import PersonalIdentifier
from lms.reports.queries import by_profession
from lms.reports.services.imports import ImportFileError, import_completions

from ..factories import UserFactory
from .data import HEADER, csv_bytes


def row(name="Дорж Бат", email="", identifier="УБ90010101", sex="эр", profession="police", agency="police",
        region="MN-043", course="tip-victim-centred", completed_on="2025-05-10"):
    return [name, email, identifier, sex, profession, agency, region, course, completed_on]


def test_import_creates_learner_and_completion(course, police_agency):
    result = import_completions(csv_bytes([row()]), "list.csv", by=None)

    assert result.errors == []
    learner = User.objects.get(personal_identifier__value="УБ90010101")
    assert (learner.full_name, learner.sex, learner.profession.code, learner.region.code) == (
        "Дорж Бат", User.Sex.MALE, "police", "MN-043")
    enrollment = Enrollment.objects.get(learner=learner, course=course)
    assert enrollment.mode == Enrollment.Mode.IN_PERSON
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert enrollment.completed_at.date() == date(2025, 5, 10)
    assert not learner.has_usable_password()


def test_import_matches_existing_learner_by_email(course, police_agency):
    existing = UserFactory(agency=police_agency, email="dorj@police.gov.mn", full_name="Дорж")
    enrol(existing, course)

    import_completions(csv_bytes([row(email="DORJ@police.gov.mn", identifier="")]), "list.csv", by=None)

    enrollment = Enrollment.objects.get(learner=existing, course=course)
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert enrollment.mode == Enrollment.Mode.IN_PERSON
    assert User.objects.filter(email__iexact="dorj@police.gov.mn").count() == 1


def test_reimport_changes_nothing(course, police_agency):
    content = csv_bytes([row(), row(name="Сараа", identifier="УБ90010102", sex="эм")])
    import_completions(content, "list.csv", by=None)
    first_times = list(Enrollment.objects.order_by("pk").values_list("completed_at", flat=True))

    again = import_completions(content, "list.csv", by=None)

    assert again.completions_recorded == 0
    assert again.already_recorded == 2
    assert again.learners_created == 0
    assert list(Enrollment.objects.order_by("pk").values_list("completed_at", flat=True)) == first_times
    assert User.objects.filter(is_staff=False).count() == 2


def test_bad_rows_reported_with_lines_and_nothing_saved(course, police_agency):
    rows = [
        row(),
        row(name="", identifier="УБ1"),
        row(identifier="", email=""),
        row(identifier="УБ2", sex="?"),
        row(identifier="УБ3", profession="astronaut"),
        row(identifier="УБ4", completed_on="31/02/2025"),
        row(identifier="УБ5", email="not-an-email"),
    ]

    result = import_completions(csv_bytes(rows), "list.csv", by=None)

    messages = [str(error) for error in result.errors]
    assert messages == [
        "3-р мөр: овог нэр бичээгүй байна",
        "4-р мөр: и-мэйл эсвэл регистрийн дугаар бичнэ үү",
        "5-р мөр: хүйс \"?\" буруу байна: эр, эм гэж бичих эсвэл хоосон орхино уу",
        "6-р мөр: мэргэжил \"astronaut\" олдсонгүй",
        "7-р мөр: дуусгасан огноо \"31/02/2025\" буруу байна: 2025-03-31 гэх мэтээр бичнэ үү",
        "8-р мөр: и-мэйл хаяг \"not-an-email\" буруу байна",
    ]
    assert not result.applied
    assert Enrollment.objects.count() == 0
    assert not PersonalIdentifier.objects.exists()


def test_missing_column_is_rejected(course):
    with pytest.raises(ImportFileError, match="Дараах багана алга: course"):
        import_completions(csv_bytes([row()[:-2] + [row()[-1]]], HEADER[:-2] + HEADER[-1:]), "list.csv", by=None)


def test_non_utf8_csv_is_rejected(course):
    with pytest.raises(ImportFileError, match="UTF-8"):
        import_completions("Овог нэр".encode("cp1251"), "list.csv", by=None)


def test_imported_completion_blocks_reassignment(course, police_agency):
    import_completions(csv_bytes([row()]), "list.csv", by=None)
    learner = User.objects.get(personal_identifier__value="УБ90010101")

    enrollment, created = enrol(learner, course)

    assert not created
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert enrollment.mode == Enrollment.Mode.IN_PERSON


def test_imported_completions_count_in_reports(course, police_agency):
    import_completions(csv_bytes([row(), row(identifier="УБ2", sex="эм"), row(identifier="УБ3", sex="")]), "l.csv",
                       by=None)

    table = by_profession(ReportFilters(mode=Enrollment.Mode.IN_PERSON), viewer=None)

    assert table.all_row.counts == [3, 1, 1, 1]


def test_xlsx_import(course, police_agency, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(row()[:-1] + [date(2025, 5, 10)])
    path = tmp_path / "list.xlsx"
    workbook.save(path)

    call_command("import_completions", str(path), stdout=io.StringIO())

    assert Enrollment.objects.get().completed_at.date() == date(2025, 5, 10)


def test_command_reports_bad_rows(course, police_agency, tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes(csv_bytes([row(), row(identifier="УБ9", region="Марс")]))
    errors = io.StringIO()

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_completions", str(path), stderr=errors)

    assert "3-р мөр: бүс нутаг \"Марс\" олдсонгүй" in errors.getvalue()
    assert Enrollment.objects.count() == 0


def test_staff_cannot_import_into_other_academy(course, police_staff, court):
    result = import_completions(csv_bytes([row(agency=court.code)]), "list.csv", by=police_staff)

    assert [str(error) for error in result.errors] == ["2-р мөр: байгууллага \"court\" олдсонгүй"]


def test_admin_import_preview_then_confirm(client, course, police_agency, police_staff):
    client.force_login(police_staff)
    upload = SimpleUploadedFile("list.csv", csv_bytes([row()]), content_type="text/csv")

    preview = client.post(reverse("reports_import"), {"file": upload})

    assert preview.status_code == HTTPStatus.OK
    assert "Дорж Бат" in preview.content.decode()
    assert Enrollment.objects.count() == 0

    confirmed = client.post(reverse("reports_import_confirm"), follow=True)

    assert confirmed.status_code == HTTPStatus.OK
    assert Enrollment.objects.get().status == Enrollment.Status.COMPLETED
    assert "1 дуусгалтыг бүртгэлээ." in confirmed.content.decode()


def test_admin_import_shows_errors(client, course, police_agency, police_staff):
    client.force_login(police_staff)
    upload = SimpleUploadedFile("list.csv", csv_bytes([row(sex="x")]), content_type="text/csv")

    response = client.post(reverse("reports_import"), {"file": upload})

    assert "2-р мөр: хүйс" in response.content.decode()
    assert client.post(reverse("reports_import_confirm")).status_code == HTTPStatus.FOUND
    assert Enrollment.objects.count() == 0


def test_admin_import_rejects_other_file_types(client, police_staff):
    client.force_login(police_staff)
    upload = SimpleUploadedFile("list.pdf", b"%PDF", content_type="application/pdf")

    response = client.post(reverse("reports_import"), {"file": upload})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert ".csv эсвэл .xlsx файл оруулна уу." in response.content.decode()


def test_admin_import_rejects_oversized_file(client, police_staff):
    from lms.reports.forms import MAX_IMPORT_BYTES

    client.force_login(police_staff)
    header = "full name,email,sex,profession,agency,region,course,completion date\n"
    upload = SimpleUploadedFile("list.csv", header.encode() + b"x" * MAX_IMPORT_BYTES, content_type="text/csv")

    response = client.post(reverse("reports_import"), {"file": upload})

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "Файлын хэмжээ 20 МБ-аас их байна." in response.content.decode()


def test_applied_import_is_audited(course, police_agency, police_staff):
    from wagtail.models import ModelLogEntry

    from lms.reports.models import CompletionImport

    import_completions(csv_bytes([row(), row(identifier="УБ2")]), "list.csv", by=police_staff)

    audit_record = CompletionImport.objects.get()
    assert (audit_record.user, audit_record.filename, audit_record.rows) == (police_staff, "list.csv", 2)
    entry = ModelLogEntry.objects.get(action="reports.import_completions")
    assert entry.user_id == police_staff.pk
    assert entry.data["count"] == 2
