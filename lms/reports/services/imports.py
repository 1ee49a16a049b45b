"""Importing in-person training records: officials who completed a course in a classroom.

The import is all-or-nothing: a file with any bad row changes nothing, and every bad row is
reported with its line number. Importing the same file again changes nothing either,
because a learner is matched by e-mail or personal identifier and a completed enrolment is
left as it is.
"""

import csv
import hashlib
import io
import logging
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from wagtail.log_actions import log

from courses.models import CoursePage, Enrollment
from courses.services.enrolment import enrol
from lms import roles
from lms.models import Agency, Profession, Region, User

from ..models import CompletionImport, PersonalIdentifier

logger = logging.getLogger(__name__)

# Accepted column headings, in Mongolian and English, after lower-casing and trimming.
COLUMN_ALIASES = {
    "full_name": {"full_name", "full name", "name", "овог нэр", "овог, нэр", "нэр"},
    "email": {"email", "e-mail", "и-мэйл", "имэйл", "цахим шуудан"},
    "identifier": {"personal_id", "personal identifier", "identifier", "регистрийн дугаар", "регистр"},
    "sex": {"sex", "хүйс"},
    "profession": {"profession", "мэргэжил"},
    "agency": {"agency", "байгууллага"},
    "region": {"region", "аймаг, дүүрэг", "аймаг/дүүрэг", "бүс нутаг"},
    "course": {"course", "сургалт"},
    "completed_on": {"completed_on", "completion date", "completed on", "дуусгасан огноо", "огноо"},
}
REQUIRED_COLUMNS = ["full_name", "sex", "profession", "agency", "region", "course", "completed_on"]

SEX_WORDS = {
    User.Sex.MALE: {"эр", "эрэгтэй", "male", "m", "man"},
    User.Sex.FEMALE: {"эм", "эмэгтэй", "female", "f", "woman"},
    User.Sex.NOT_STATED: {"", "заагаагүй", "тодорхойгүй", "not stated", "not_stated"},
}
DATE_FORMATS = ["%Y-%m-%d", "%Y.%m.%d", "%Y/%m/%d", "%d.%m.%Y"]
MAX_ROWS = 20000
IMPORT_ACTION = "reports.import_completions"


class ImportFileError(Exception):
    """Raised when the file cannot be read as a table at all; the message is for the user."""


@dataclass
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return _("Line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class CompletionRecord:
    line: int
    full_name: str
    email: str
    identifier: str
    sex: str
    profession: Profession
    agency: Agency
    region: Region
    course: CoursePage
    completed_on: date


@dataclass
class ImportResult:
    records: list[CompletionRecord] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    learners_created: int = 0
    completions_recorded: int = 0
    already_recorded: int = 0
    applied: bool = False


def read_table(content: bytes, filename: str) -> list[tuple[int, dict]]:
    """Read a CSV (UTF-8) or XLSX file into (line number, {column: text}) pairs, using the heading row."""
    if filename.lower().endswith(".xlsx"):
        lines = _xlsx_lines(content)
    elif filename.lower().endswith(".csv"):
        lines = _csv_lines(content)
    else:
        raise ImportFileError(_("Upload a .csv or .xlsx file."))

    try:
        header_line, header = next(lines)
    except StopIteration:
        raise ImportFileError(_("The file is empty."))
    columns = [_column_key(value) for value in header]
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise ImportFileError(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    if "email" not in columns and "identifier" not in columns:
        raise ImportFileError(_("The file needs an e-mail or a personal identifier column."))

    table = []
    for line, values in lines:
        if not any(str(value).strip() for value in values if value is not None):
            continue
        row = {key: values[i] if i < len(values) else "" for i, key in enumerate(columns) if key}
        table.append((line, row))
        if len(table) > MAX_ROWS:
            raise ImportFileError(_("The file has more than %(count)s rows; split it.") % {"count": MAX_ROWS})
    return table


def _column_key(heading) -> str | None:
    text = str(heading or "").strip().lower()
    for key, aliases in COLUMN_ALIASES.items():
        if text in aliases:
            return key
    return None


def _csv_lines(content: bytes):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(_("The CSV file is not UTF-8 text; save it as \"CSV UTF-8\" and try again."))
    reader = csv.reader(io.StringIO(text, newline=""))
    for values in reader:
        yield reader.line_num, values


def _xlsx_lines(content: bytes):
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:
        # openpyxl raises several unrelated types for a damaged or non-Excel file.
        logger.warning("unreadable xlsx upload", exc_info=True)
        raise ImportFileError(_("The file is not a readable Excel workbook (.xlsx)."))
    sheet = workbook.worksheets[0]
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        yield number, list(values)


def validate_rows(table: list[tuple[int, dict]], agencies: QuerySet[Agency]) -> tuple[list[CompletionRecord], list[RowError]]:
    """Check every row and resolve names to records; `agencies` are the ones the importer may write for."""
    lookups = _Lookups(agencies)
    records, errors = [], []
    for line, row in table:
        problems: list[str] = []
        full_name = _text(row.get("full_name"))
        email = _text(row.get("email")).lower()
        identifier = _text(row.get("identifier")).upper().replace(" ", "")

        if not full_name:
            problems.append(_("the full name is missing"))
        if not email and not identifier:
            problems.append(_("give an e-mail or a personal identifier"))
        if email:
            try:
                validate_email(email)
            except ValidationError:
                problems.append(_("the e-mail %(value)s is not valid") % {"value": email})
        sex = _parse_sex(_text(row.get("sex")))
        if sex is None:
            problems.append(_("the sex %(value)s is not one of эр, эм or empty") % {"value": _text(row.get("sex"))})
        profession = lookups.find("profession", row.get("profession"), problems, _("profession"))
        agency = lookups.find("agency", row.get("agency"), problems, _("agency"))
        region = lookups.find("region", row.get("region"), problems, _("region"))
        course = lookups.find("course", row.get("course"), problems, _("course"))
        completed_on = _parse_date(row.get("completed_on"), problems)

        if problems:
            errors.extend(RowError(line, problem) for problem in problems)
            continue
        records.append(CompletionRecord(line, full_name, email, identifier, sex, profession, agency, region, course,
                                        completed_on))
    return records, errors


class _Lookups:
    """Case-insensitive lookups of professions, agencies, regions and courses by code or name."""

    def __init__(self, agencies: QuerySet[Agency]):
        self.tables = {
            "profession": self._index(Profession.objects.all(), ["code", "name_mn", "name_en"]),
            "agency": self._index(agencies, ["code", "name_mn", "name_en"]),
            "region": self._index(Region.objects.all(), ["code", "name_mn", "name_en"]),
            "course": self._index(CoursePage.objects.all(), ["slug", "title", "title_en"]),
        }

    @staticmethod
    def _index(queryset, attributes) -> dict:
        index = {}
        for item in queryset:
            for attribute in attributes:
                value = getattr(item, attribute, "")
                if value:
                    index.setdefault(value.strip().lower(), item)
        return index

    def find(self, table: str, value, problems: list[str], label):
        text = _text(value)
        if not text:
            problems.append(_("the %(field)s is missing") % {"field": label})
            return None
        found = self.tables[table].get(text.lower())
        if found is None:
            problems.append(_("%(field)s %(value)s was not found") % {"field": label, "value": text})
        return found


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _parse_sex(text: str) -> str | None:
    for sex, words in SEX_WORDS.items():
        if text.lower() in words:
            return sex
    return None


def _parse_date(value, problems: list[str]) -> date | None:
    if isinstance(value, datetime):
        parsed = value.date()
    elif isinstance(value, date):
        parsed = value
    else:
        text = _text(value)
        parsed = None
        for pattern in DATE_FORMATS:
            try:
                parsed = datetime.strptime(text, pattern).date()
                break
            except ValueError:
                continue
        if parsed is None:
            problems.append(_("the completion date %(value)s is not a date like 2025-03-31") % {"value": text})
            return None
    if parsed > timezone.localdate():
        problems.append(_("the completion date %(value)s is in the future") % {"value": parsed.isoformat()})
        return None
    return parsed


def import_completions(content: bytes, filename: str, *, by: User | None, apply: bool = True) -> ImportResult:
    """Read and check the file, then record in-person completions when `apply` is set and every row is valid.

    With `by` None (the command line) any agency may be written. Staff may write only for the
    agencies their academy manages, and only match learners of those agencies.
    """
    from lms.permissions import managed_agencies

    agencies = Agency.objects.all() if by is None else managed_agencies(by)
    result = ImportResult()
    table = read_table(content, filename)
    result.records, result.errors = validate_rows(table, agencies)
    result.errors += _match_conflicts(result.records, agencies)
    if result.errors or not apply:
        return result

    with transaction.atomic():
        for record in result.records:
            _apply(record, result)
        audit_record = CompletionImport.objects.create(
            user=by,
            filename=filename[:255],
            rows=len(result.records),
            completions_recorded=result.completions_recorded,
            learners_created=result.learners_created,
        )
        log(instance=audit_record, action=IMPORT_ACTION, user=by,
            data={"count": len(result.records), "recorded": result.completions_recorded,
                  "learners_created": result.learners_created})
    result.applied = True
    logger.info(
        "in-person completions imported by_user_id=%s rows=%s learners_created=%s recorded=%s unchanged=%s",
        by.pk if by else None, len(result.records), result.learners_created, result.completions_recorded,
        result.already_recorded,
    )
    return result


def _match_conflicts(records: list[CompletionRecord], agencies: QuerySet[Agency]) -> list[RowError]:
    """Report rows whose e-mail and identifier name two different people, or a learner the importer does not manage."""
    errors = []
    for record in records:
        by_email = User.objects.filter(email__iexact=record.email).first() if record.email else None
        by_identifier = (
            User.objects.filter(personal_identifier__value=record.identifier).first() if record.identifier else None
        )
        if by_email and by_identifier and by_email.pk != by_identifier.pk:
            errors.append(RowError(record.line, _("the e-mail and the personal identifier belong to two different people")))
            continue
        existing = by_email or by_identifier
        if existing is not None and not agencies.filter(pk=existing.agency_id).exists():
            errors.append(RowError(record.line, _("this official belongs to an agency you do not manage")))
    return errors


def _apply(record: CompletionRecord, result: ImportResult) -> None:
    learner = _find_learner(record)
    if learner is None:
        learner = _create_learner(record)
        result.learners_created += 1
    elif record.identifier and not PersonalIdentifier.objects.filter(user=learner).exists():
        PersonalIdentifier.objects.create(user=learner, value=record.identifier)

    enrollment, _created = enrol(learner, record.course, mode=Enrollment.Mode.IN_PERSON)
    if enrollment.status == Enrollment.Status.COMPLETED:
        result.already_recorded += 1
        return
    # NOTE: courses has no service for a completion made outside the platform, so the row is
    # updated here. refresh_completion would judge online progress, which in-person learners lack.
    # Noon in Ulaanbaatar keeps the recorded instant well inside the completion day.
    zone = ZoneInfo(settings.TIME_ZONE)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        status=Enrollment.Status.COMPLETED,
        mode=Enrollment.Mode.IN_PERSON,
        completed_at=datetime.combine(record.completed_on, time(12, 0), tzinfo=zone),
    )
    result.completions_recorded += 1


def _find_learner(record: CompletionRecord) -> User | None:
    query = Q()
    if record.email:
        query |= Q(email__iexact=record.email)
    if record.identifier:
        query |= Q(personal_identifier__value=record.identifier)
    return User.objects.filter(query).first()


def _create_learner(record: CompletionRecord) -> User:
    # An official known only by identifier gets an address under the reserved .invalid domain,
    # because accounts need a unique e-mail; nothing is ever sent there.
    email = record.email or "imported-%s@no-email.invalid" % hashlib.sha256(record.identifier.encode()).hexdigest()[:16]
    learner = User(
        email=email,
        full_name=record.full_name,
        sex=record.sex,
        profession=record.profession,
        agency=record.agency,
        region=record.region,
        status=User.Status.APPROVED,
    )
    learner.set_unusable_password()
    learner.save()
    learners_group = Group.objects.filter(name=roles.LEARNERS).first()
    if learners_group is not None:
        learner.groups.add(learners_group)
    if record.identifier:
        PersonalIdentifier.objects.create(user=learner, value=record.identifier)
    return learner
