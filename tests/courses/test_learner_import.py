import io
from datetime import date

import pytest
from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import Workbook

from courses.models import Enrollment
from courses.services.learner_import import import_learners, validate_file
from lms.models import User

from ..factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def default_language_afterwards():
    # The language middleware activates the viewer's language in this thread and leaves it
    # active, so a request made in English would otherwise turn later tests English too.
    yield
    translation.deactivate()

HEADER_MN = "Овог нэр,И-мэйл,Хүйс,Мэргэжил,Байгууллага,Аймаг/дүүрэг,Цол,Алба хаасан огноо,Сургалт"
HEADER_EN = "full_name,email,sex,profession,agency,region,rank,service_start_date,courses"


def csv_bytes(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.fixture
def good_file(agency, course):
    return csv_bytes(
        HEADER_MN,
        f"Батын Сараа,saraa@example.mn,эм,police,{agency.code},MN-041,Ахлах дэслэгч,2025-03-01,{course.slug}",
        f"Доржийн Бат,bat@example.mn,эр,Прокурор,{agency.name_mn},Хөвсгөл,,01.02.2020,",
    )


def test_import_creates_approved_accounts(good_file, course, academy_staff):
    result = import_learners("list.csv", good_file, academy_staff)

    assert result.ok
    assert result.created == 2
    saraa = User.objects.get(email="saraa@example.mn")
    assert saraa.status == User.Status.APPROVED
    assert saraa.sex == User.Sex.FEMALE
    assert saraa.region.code == "MN-041"
    assert saraa.service_start_date == date(2025, 3, 1)
    assert EmailAddress.objects.get(user=saraa).verified is True
    assert Enrollment.objects.filter(learner=saraa, course=course).exists()
    assert User.objects.get(email="bat@example.mn").profession.code == "prosecutor"


def test_reimport_changes_nothing(good_file, academy_staff):
    import_learners("list.csv", good_file, academy_staff)
    users, enrolments = User.objects.count(), Enrollment.objects.count()

    again = import_learners("list.csv", good_file, academy_staff)

    assert (again.created, again.updated, again.enrolled) == (0, 0, 0)
    assert User.objects.count() == users
    assert Enrollment.objects.count() == enrolments


def test_import_updates_changed_profile(good_file, agency, academy_staff):
    UserFactory(email="saraa@example.mn", agency=agency, rank="Дэслэгч", status=User.Status.PENDING)
    result = import_learners("list.csv", good_file, academy_staff)
    assert result.updated == 1
    saraa = User.objects.get(email="saraa@example.mn")
    assert saraa.rank == "Ахлах дэслэгч"
    assert saraa.status == User.Status.APPROVED


def test_bad_rows_reported_in_mongolian_with_lines(agency, course, academy_staff):
    content = csv_bytes(
        HEADER_EN,
        f"Сайн Мөр,good@example.mn,female,police,{agency.code},,,,",
        f"Муу Имэйл,not-an-email,female,police,{agency.code},,,,",
        f"Буруу Хүйс,sex@example.mn,unknown,police,{agency.code},,,,",
        f"Мэргэжилгүй,prof@example.mn,,astronaut,{agency.code},,,,",
        f"Огноо,date@example.mn,,police,{agency.code},,,31/31/2020,",
        f"Сургалт,course@example.mn,,police,{agency.code},,,,no-such-course",
        f",noname@example.mn,,police,{agency.code},,,,",
    )
    result = import_learners("bad.csv", content, academy_staff)

    lines = {error.line: error.message for error in result.errors}
    assert set(lines) == {3, 4, 5, 6, 7, 8}
    assert "not-an-email" in lines[3]
    assert "и-мэйл" in lines[3].lower()
    assert "unknown" in lines[4]
    assert "Хүйс" in lines[4]
    assert "astronaut" in lines[5]
    assert "мэргэжил" in lines[5].lower()
    assert "31/31/2020" in lines[6]
    assert "огноо" in lines[6].lower()
    assert "no-such-course" in lines[7]
    assert "сургалт" in lines[7].lower()
    assert "нэр" in lines[8].lower()
    assert not User.objects.filter(email="good@example.mn").exists()


def test_agency_of_other_academy_rejected(academy_staff):
    foreign = AgencyFactory()
    content = csv_bytes(HEADER_EN, f"Гадны Хүн,foreign@example.mn,,police,{foreign.code},,,,")
    result = import_learners("list.csv", content, academy_staff)
    assert [error.line for error in result.errors] == [2]
    assert not User.objects.filter(email="foreign@example.mn").exists()


def test_duplicate_email_in_file_rejected(agency, academy_staff):
    content = csv_bytes(
        HEADER_EN,
        f"Нэг,twice@example.mn,,police,{agency.code},,,,",
        f"Хоёр,TWICE@example.mn,,police,{agency.code},,,,",
    )
    result = import_learners("list.csv", content, academy_staff)
    assert [error.line for error in result.errors] == [3]
    assert "2" in result.errors[0].message


def test_staff_account_not_overwritten(agency, academy_staff):
    content = csv_bytes(HEADER_EN, f"Ажилтан,{academy_staff.email},,police,{agency.code},,,,")
    result = import_learners("list.csv", content, academy_staff)
    assert [error.line for error in result.errors] == [2]


def test_missing_column_rejected(academy_staff):
    result = import_learners("list.csv", csv_bytes("full_name,email", "Нэр,a@example.mn"), academy_staff)
    assert result.errors[0].line == 1
    assert "Мэргэжил" in result.errors[0].message or "мэргэжил" in result.errors[0].message


def test_ambiguous_agency_name_rejected(agency, academy, academy_staff):
    AgencyFactory(academy=academy, name_mn="Дүүргийн хэлтэс", parent=agency)
    AgencyFactory(academy=academy, name_mn="Дүүргийн хэлтэс")
    content = csv_bytes(HEADER_EN, "Нэр,amb@example.mn,,police,Дүүргийн хэлтэс,,,,")
    result = import_learners("list.csv", content, academy_staff)
    assert [error.line for error in result.errors] == [2]
    assert "код" in result.errors[0].message


def test_future_service_date_rejected(agency, academy_staff):
    content = csv_bytes(HEADER_EN, f"Нэр,future@example.mn,,police,{agency.code},,,2999-01-01,")
    assert [error.line for error in import_learners("list.csv", content, academy_staff).errors] == [2]


def test_xlsx_import(agency, course, academy_staff):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["№", "Овог нэр", "И-мэйл", "Хүйс", "Мэргэжил", "Байгууллага", "Алба хаасан огноо", "Сургалт"])
    sheet.append([1, "Эксел Хэрэглэгч", "excel@example.mn", "эм", "police", agency.code, date(2024, 5, 1), course.slug])
    buffer = io.BytesIO()
    workbook.save(buffer)

    result = import_learners("list.xlsx", buffer.getvalue(), academy_staff)

    assert result.ok, result.errors
    learner = User.objects.get(email="excel@example.mn")
    assert learner.service_start_date == date(2024, 5, 1)
    assert learner.enrollments.filter(course=course).exists()


def test_garbage_file_rejected(academy_staff):
    result = validate_file("list.xlsx", b"PK\x03\x04 not really a workbook", academy_staff)
    assert result.errors[0].line == 1


def test_import_writes_audit_log(good_file, academy_staff):
    from wagtail.models import ModelLogEntry

    import_learners("list.csv", good_file, academy_staff)
    assert ModelLogEntry.objects.filter(action="courses.import_learners", user=academy_staff).count() == 2


def test_command_imports_file(tmp_path, good_file):
    path = tmp_path / "list.csv"
    path.write_bytes(good_file)
    call_command("import_learners", str(path), stdout=io.StringIO())
    assert User.objects.filter(email__in=["saraa@example.mn", "bat@example.mn"]).count() == 2


def test_command_rejects_bad_file(tmp_path, agency):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes(HEADER_EN, f"Нэр,bad,,police,{agency.code},,,,"))
    errors = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_learners", str(path), stdout=io.StringIO(), stderr=errors)
    assert errors.getvalue().startswith("2: ")


def test_import_renames_approved_learner(good_file, agency, academy_staff):
    UserFactory(email="saraa@example.mn", full_name="Батын Сарнай", agency=agency, status=User.Status.APPROVED)

    preview = validate_file("list.csv", good_file, academy_staff)
    result = import_learners("list.csv", good_file, academy_staff)

    assert "full_name" in preview.rows[0].changed_fields
    assert result.updated == 1
    assert User.objects.get(email="saraa@example.mn").full_name == "Батын Сараа"
    again = import_learners("list.csv", good_file, academy_staff)
    assert again.updated == 0


def test_row_error_translated_when_displayed(agency, academy_staff):
    content = csv_bytes(HEADER_EN, f"Муу Имэйл,not-an-email,,police,{agency.code},,,,")
    message = validate_file("bad.csv", content, academy_staff).errors[0].message

    with translation.override("en"):
        assert str(message) == "«not-an-email» is not a valid e-mail address."
    with translation.override("mn"):
        assert str(message) == "«not-an-email» нь зөв и-мэйл хаяг биш байна."


def test_missing_column_named_in_reader_language(academy_staff):
    content = csv_bytes("full_name,email,agency", "Нэр,a@example.mn,x")
    message = validate_file("list.csv", content, academy_staff).errors[0].message

    with translation.override("en"):
        assert str(message) == "The required column «profession» is missing."
    with translation.override("mn"):
        assert str(message) == "Заавал байх «мэргэжил» багана алга байна."


def test_unreadable_file_translated_when_displayed(academy_staff):
    # 0x98 is undefined in Windows-1251 and invalid as UTF-8, so neither encoding reads it.
    message = validate_file("list.csv", b"\x98\x98\n", academy_staff).errors[0].message

    with translation.override("en"):
        assert str(message) == "The CSV file is not in UTF-8 or Windows-1251 encoding."
    with translation.override("mn"):
        assert str(message) == "CSV файл UTF-8 эсвэл Windows-1251 кодчилолтой биш байна."


def test_import_view_errors_in_english(client, agency, academy_staff):
    academy_staff.preferred_language = "en"
    academy_staff.save(update_fields=["preferred_language"])
    content = csv_bytes(HEADER_EN, f"Муу Имэйл,not-an-email,,police,{agency.code},,,,")
    client.force_login(academy_staff)

    response = client.post("/admin/learners/import/", {"file": SimpleUploadedFile("bad.csv", content)})

    html = response.content.decode()
    assert "«not-an-email» is not a valid e-mail address." in html
    assert "нь зөв и-мэйл хаяг биш байна" not in html


def test_import_view_errors_in_mongolian(client, agency, academy_staff):
    content = csv_bytes(HEADER_EN, f"Муу Имэйл,not-an-email,,police,{agency.code},,,,")
    client.force_login(academy_staff)

    response = client.post("/admin/learners/import/", {"file": SimpleUploadedFile("bad.csv", content)})

    assert "«not-an-email» нь зөв и-мэйл хаяг биш байна." in response.content.decode()
