"""CSV and XLSX files: encoding, header rows, neutralised formulas and the command line."""

import csv
import io
from datetime import date

from django.core.management import call_command
from openpyxl import load_workbook

from lms.models import User
from lms.reports.exports import ReportDocument, clean_cell, csv_lines, write_xlsx
from lms.reports.filters import ReportFilters
from lms.reports.models import ReportDownload
from lms.reports.registry import build_document

from ..factories import UserFactory, profession
from .conftest import record


def csv_text(document) -> str:
    return "".join(csv_lines(document))


def test_clean_cell_neutralises_formulas():
    assert clean_cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert clean_cell("+1") == "'+1"
    assert clean_cell("-2+3") == "'-2+3"
    assert clean_cell("@SUM(A1)") == "'@SUM(A1)"
    assert clean_cell("\t=cmd") == "'=cmd"
    assert clean_cell("\r=cmd") == "'=cmd"
    assert clean_cell("Бат-Эрдэнэ") == "Бат-Эрдэнэ"


def test_clean_cell_strips_control_characters():
    assert clean_cell("Бат\x00Эрдэнэ\x1b[31m") == "БатЭрдэнэ[31m"
    assert clean_cell("ахлах\u202eдэслэгч") == "ахлахдэслэгч"
    assert clean_cell(-3.5) == -3.5
    assert clean_cell(None) == ""


def test_csv_has_bom_header_rows_and_cyrillic(course, police_agency):
    record(UserFactory(agency=police_agency, full_name="=cmd|' /C calc'!A0", rank="\x07@ахлах"), course)
    document = build_document("learners", ReportFilters(courses=(course,)), viewer=None)

    text = csv_text(document)

    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == ["Суралцагчдын жагсаалт"]
    assert rows[1] == ["Сургалт", course.title]
    assert any(row[:1] == ["Бэлтгэсэн огноо (Улаанбаатарын цаг)"] for row in rows)
    header_index = rows.index([]) + 1
    assert rows[header_index][0] == "Овог нэр"
    learner_row = rows[header_index + 1]
    assert learner_row[0] == "'=cmd|' /C calc'!A0"
    assert learner_row[4] == "'@ахлах"
    assert text.encode("utf-8").decode("utf-8-sig").count("Цагдаагийн алба хаагч") == 1


def test_xlsx_has_bold_mongolian_headers(course, police_agency):
    record(UserFactory(agency=police_agency, full_name="+ Бат"), course)
    document = build_document("profession", ReportFilters(courses=(course,)), viewer=None)
    buffer = io.BytesIO()

    write_xlsx(document, buffer)

    sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
    rows = list(sheet.iter_rows(values_only=True))
    header_number = next(number for number, row in enumerate(rows, start=1) if row[1] == "нийт")
    assert [cell.value for cell in sheet[header_number]] == ["Мэргэжил", "нийт", "эрэгтэй", "эмэгтэй", "заагаагүй"]
    assert all(cell.font.bold for cell in sheet[header_number])
    assert sheet.column_dimensions["A"].width >= 30
    assert rows[header_number][:2] == ("Шүүгч", 0)
    assert ("Цагдаагийн алба хаагч", 1, 0, 1, 0) in rows
    assert rows[0][0] == "Суралцагчид мэргэжил, хүйсээр"
    assert sheet["A1"].font.bold


def test_xlsx_keeps_formula_text_as_text(tmp_path):
    document = ReportDocument(title="t", filters=ReportFilters(), columns=["a"], rows=[["=1+1"]])
    path = tmp_path / "out.xlsx"
    with open(path, "wb") as handle:
        write_xlsx(document, handle)

    sheet = load_workbook(path).active
    last = list(sheet.iter_rows(values_only=True))[-1]
    assert last[0] == "'=1+1"
    assert sheet.cell(row=sheet.max_row, column=1).data_type == "s"


def test_command_profession_sex_csv(course, cyber_course, police_agency, tmp_path):
    record(UserFactory(agency=police_agency, sex=User.Sex.MALE), course)
    record(UserFactory(agency=police_agency, sex=User.Sex.NOT_STATED, profession=profession("prosecutor")),
           cyber_course)
    output = tmp_path / "report.csv"

    call_command("completion_report", "--course", course.slug, "--course", cyber_course.slug,
                 "--from", "2026-01-01", "--to", "2026-01-31", "--by", "profession,sex", "--output", str(output))

    text = output.read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    header_index = rows.index(["Мэргэжил", "нийт", "эрэгтэй", "эмэгтэй", "заагаагүй"])
    assert rows[header_index + 1:] == [
        ["Шүүгч", "0", "0", "0", "0"],
        ["Прокурор", "1", "0", "0", "1"],
        ["Цагдаагийн алба хаагч", "1", "1", "0", "0"],
        ["бүгд", "2", "1", "0", "1"],
    ]
    assert ReportDownload.objects.get().user is None


def test_command_writes_xlsx_to_stdout(course, police_agency, capsysbinary):
    record(UserFactory(agency=police_agency), course)

    call_command("completion_report", "--by", "region", "--format", "xlsx")

    workbook = load_workbook(io.BytesIO(capsysbinary.readouterr().out))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][0] == "Суралцагчид аймаг, дүүрэг, хүйсээр"
    assert ("Хөвсгөл", 1, 0, 1, 0) in rows


def test_command_rejects_bad_date(db):
    import pytest
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("completion_report", "--from", "31.01.2026")


def test_period_header_names_completion_date(course):
    document = build_document("profession", ReportFilters(date_from=date(2026, 1, 1)), viewer=None)

    assert ["Хугацааг тооцсон огноо", "дуусгасан огноо"] in document.preamble()


def test_command_filters_by_agency_and_mode(course, police_agency, police_unit, court, tmp_path):
    from courses.models import Enrollment

    record(UserFactory(agency=police_unit), course, mode=Enrollment.Mode.IN_PERSON)
    record(UserFactory(agency=police_agency), course)
    record(UserFactory(agency=court), course, mode=Enrollment.Mode.IN_PERSON)
    output = tmp_path / "report.csv"

    call_command("completion_report", "--agency", "police", "--mode", "in_person", "--output", str(output))

    rows = list(csv.reader(io.StringIO(output.read_text(encoding="utf-8-sig"))))
    assert rows[-1] == ["бүгд", "1", "0", "1", "0"]


def test_status_header_names_enrolment_date(client, course, administrator):
    from django.urls import reverse

    client.force_login(administrator)

    content = client.get(reverse("reports_completion"), {"report": "status"}).content.decode()

    assert "элсэлтийн огноо" in content


def test_command_writes_csv_to_stdout(course, police_agency):
    record(UserFactory(agency=police_agency), course)
    output = io.StringIO()

    call_command("completion_report", stdout=output)

    text = output.getvalue()
    assert text.startswith("\ufeff")
    assert text.endswith("бүгд,1,0,1,0\r\n")
