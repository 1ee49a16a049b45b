"""Importing lists of officials: validate every row, then create or update accounts and enrol them.

Accepted column headers, matched without regard to case, spaces or underscores:

| field | Mongolian headers | English headers | required |
| --- | --- | --- | --- |
| full name | Овог нэр, Овог, нэр, Нэр | full name, name | yes |
| e-mail | И-мэйл, Имэйл, Цахим шуудан | e-mail, email | yes |
| sex | Хүйс | sex | no: эр, эрэгтэй, эм, эмэгтэй, male, female or blank |
| profession | Мэргэжил | profession | yes: code or name |
| agency | Байгууллага | agency | yes: code or name, within the importing staff's academy |
| region | Аймаг, дүүрэг, Аймаг/дүүрэг, Бүс нутаг | region | no: code (MN-041) or name |
| rank | Цол, албан тушаал, Цол, Албан тушаал | rank | no |
| service start date | Алба хаасан огноо, Ажилд орсон огноо | service start date | no: YYYY-MM-DD, YYYY.MM.DD or DD.MM.YYYY |
| courses | Сургалт, Сургалтууд | courses | no: course slugs separated by commas or semicolons |

A numbering column headed №, # or Д/д is ignored. The file is rejected whole when any row is
invalid, so nothing of it is half imported, and importing the same file twice changes nothing.
Each account the import creates gets one welcome e-mail with a link to set its password. It is
sent once the import commits, and accounts that already existed get none.
"""

import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from lms import roles
from lms.models import Agency, Profession, Region, User
from lms.permissions import managed_agencies

from ..models import CoursePage
from .enrolment import enrol
from .onboarding import apply_onboarding
from .spreadsheets import UnreadableFile, interpolate_lazy, read_rows
from .welcome import send_welcome_email

logger = logging.getLogger(__name__)

HEADERS = {
    "full_name": ["овог нэр", "овог, нэр", "нэр", "full name", "name"],
    "email": ["и-мэйл", "имэйл", "цахим шуудан", "e-mail", "email"],
    "sex": ["хүйс", "sex"],
    "profession": ["мэргэжил", "profession"],
    "agency": ["байгууллага", "agency"],
    "region": ["аймаг, дүүрэг", "аймаг/дүүрэг", "бүс нутаг", "region"],
    "rank": ["цол, албан тушаал", "цол", "албан тушаал", "rank"],
    "service_start_date": ["алба хаасан огноо", "ажилд орсон огноо", "service start date"],
    "courses": ["сургалт", "сургалтууд", "courses"],
}
REQUIRED_FIELDS = ["full_name", "email", "profession", "agency"]
IGNORED_HEADERS = {"№", "#", "д/д", "no"}
SEX_VALUES = {
    "": User.Sex.NOT_STATED,
    "эр": User.Sex.MALE,
    "эрэгтэй": User.Sex.MALE,
    "male": User.Sex.MALE,
    "эм": User.Sex.FEMALE,
    "эмэгтэй": User.Sex.FEMALE,
    "female": User.Sex.FEMALE,
}
DATE_FORMATS = ("%Y-%m-%d", "%Y.%m.%d", "%Y/%m/%d", "%d.%m.%Y")
PROFILE_FIELDS = ["full_name", "sex", "profession", "agency", "region", "rank", "service_start_date"]


def _header_name(field_name: str) -> str:
    names = HEADERS[field_name]
    if (get_language() or "").split("-")[0] == "en":
        return next(name for name in names if name.isascii())
    return names[0]


# The column a message names reads in the viewer's language: «овог нэр» or «full name».
header_name_lazy = lazy(_header_name, str)


@dataclass(frozen=True)
class RowError:
    line: int
    # A lazy string, so the message is translated when displayed, in the language of the reader.
    message: str


@dataclass
class LearnerRow:
    line: int
    email: str
    profile: dict
    courses: list[CoursePage]
    existing: User | None = None

    @property
    def changed_fields(self) -> list[str]:
        if self.existing is None:
            return PROFILE_FIELDS
        return [name for name in PROFILE_FIELDS if getattr(self.existing, name) != self.profile[name]]


@dataclass
class ImportResult:
    rows: list[LearnerRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    enrolled: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def normalise_header(value) -> str:
    text = str(value or "").replace("_", " ").strip().lower()
    return re.sub(r"\s+", " ", text)


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", " ", str(value)).strip()


class Lookup:
    """Finds reference rows by code or by a name in either language, reporting ambiguous names."""

    def __init__(self, objects):
        self.by_key: dict[str, list] = {}
        for obj in objects:
            keys = {obj.code.lower(), obj.name_mn.strip().lower(), (obj.name_en or "").strip().lower()}
            for key in keys - {""}:
                self.by_key.setdefault(key, []).append(obj)

    def find(self, value: str):
        """Return the single match, None when nothing matches, or raise LookupError when several do."""
        matches = self.by_key.get(value.lower(), [])
        if len(matches) > 1:
            raise LookupError(value)
        return matches[0] if matches else None


class Validator:
    """Checks rows against the reference data the importing staff member may use."""

    def __init__(self, staff: User | None):
        self.staff = staff
        agencies = managed_agencies(staff) if staff is not None else Agency.objects.all()
        self.agencies = Lookup(agencies)
        self.professions = Lookup(Profession.objects.all())
        self.regions = Lookup(Region.objects.all())
        self.courses = {course.slug.lower(): course for course in CoursePage.objects.live()}
        self.today = timezone.localdate()

    def column_map(self, header: list) -> tuple[dict[str, int], list[RowError]]:
        known = {name: field_name for field_name, names in HEADERS.items() for name in names}
        columns: dict[str, int] = {}
        errors = []
        for index, value in enumerate(header):
            name = normalise_header(value)
            if not name or name in IGNORED_HEADERS:
                continue
            field_name = known.get(name)
            if field_name is None:
                errors.append(RowError(1, interpolate_lazy(_("Unknown column «%(name)s»."), {"name": text(value)})))
            elif field_name in columns:
                errors.append(
                    RowError(1, interpolate_lazy(_("The column «%(name)s» appears twice."), {"name": text(value)}))
                )
            else:
                columns[field_name] = index
        for field_name in REQUIRED_FIELDS:
            if field_name not in columns:
                errors.append(
                    RowError(
                        1,
                        interpolate_lazy(
                            _("The required column «%(name)s» is missing."), {"name": header_name_lazy(field_name)}
                        ),
                    )
                )
        return columns, errors

    def row(self, line: int, cells: dict) -> tuple[LearnerRow | None, list[str]]:
        """Validate one row and return it with the reasons it is invalid, if any."""
        problems: list[str] = []

        email = text(cells.get("email")).lower()
        if not email:
            problems.append(_("The e-mail address is missing."))
        else:
            try:
                validate_email(email)
            except ValidationError:
                problems.append(interpolate_lazy(_("«%(value)s» is not a valid e-mail address."), {"value": email}))

        full_name = text(cells.get("full_name"))
        if not full_name:
            problems.append(_("The full name is missing."))
        elif len(full_name) > 200:
            problems.append(_("The full name is longer than 200 characters."))

        sex = SEX_VALUES.get(text(cells.get("sex")).lower())
        if sex is None:
            problems.append(
                interpolate_lazy(
                    _("Sex must be эр, эм, male, female or blank, not «%(value)s»."), {"value": text(cells.get("sex"))}
                )
            )

        profession = self.reference(self.professions, cells.get("profession"), problems, required=True,
                                    missing=_("The profession is missing."),
                                    unknown=_("Unknown profession «%(value)s»."))
        agency = self.reference(self.agencies, cells.get("agency"), problems, required=True,
                                missing=_("The agency is missing."),
                                unknown=_("Unknown agency «%(value)s», or your academy does not serve it."))
        region = self.reference(self.regions, cells.get("region"), problems, required=False,
                                missing="", unknown=_("Unknown region «%(value)s»."))

        rank = text(cells.get("rank"))
        if len(rank) > 200:
            problems.append(_("The rank is longer than 200 characters."))
        service_start_date = self.date(cells.get("service_start_date"), problems)
        courses = self.course_list(cells.get("courses"), problems)

        if problems:
            return None, problems
        profile = {
            "full_name": full_name,
            "sex": sex,
            "profession": profession,
            "agency": agency,
            "region": region,
            "rank": rank,
            "service_start_date": service_start_date,
        }
        return LearnerRow(line=line, email=email, profile=profile, courses=courses), []

    def reference(self, lookup: Lookup, value, problems: list[str], *, required: bool, missing: str, unknown: str):
        value = text(value)
        if not value:
            if required:
                problems.append(missing)
            return None
        try:
            found = lookup.find(value)
        except LookupError:
            problems.append(
                interpolate_lazy(_("Several entries are named «%(value)s»; use the code instead."), {"value": value})
            )
            return None
        if found is None:
            problems.append(interpolate_lazy(unknown, {"value": value}))
        return found

    def date(self, value, problems: list[str]) -> date | None:
        if value is None or text(value) == "":
            return None
        if isinstance(value, datetime):
            parsed = value.date()
        elif isinstance(value, date):
            parsed = value
        else:
            parsed = None
            for pattern in DATE_FORMATS:
                try:
                    parsed = datetime.strptime(text(value), pattern).date()
                    break
                except ValueError:
                    continue
            if parsed is None:
                problems.append(
                    interpolate_lazy(_("Invalid date «%(value)s»: write it as YYYY-MM-DD."), {"value": text(value)})
                )
                return None
        if parsed > self.today:
            problems.append(
                interpolate_lazy(_("The service start date %(value)s is in the future."), {"value": parsed.isoformat()})
            )
            return None
        return parsed

    def course_list(self, value, problems: list[str]) -> list[CoursePage]:
        courses = []
        for slug in re.split(r"[,;]", text(value)):
            slug = slug.strip().lower()
            if not slug:
                continue
            course = self.courses.get(slug)
            if course is None:
                message = _("Unknown course «%(value)s»: use the course's slug.")
                problems.append(interpolate_lazy(message, {"value": slug}))
            elif course not in courses:
                courses.append(course)
        return courses

    def account(self, row: LearnerRow, existing: User | None) -> str | None:
        """Return why an existing account may not be updated by this import, or None."""
        if existing is None:
            return None
        if existing.is_staff or existing.is_superuser or existing.academy_id:
            return interpolate_lazy(_("%(email)s is a staff account and cannot be imported."), {"email": row.email})
        if self.staff is not None and existing.agency_id is not None:
            if not managed_agencies(self.staff).filter(pk=existing.agency_id).exists():
                return interpolate_lazy(
                    _("%(email)s belongs to a learner of an agency your academy does not serve."), {"email": row.email}
                )
        return None


def validate_file(name: str, content: bytes, staff: User | None) -> ImportResult:
    """Read and validate every row; the result lists all errors with their line numbers."""
    result = ImportResult()
    try:
        header, sheet_rows = read_rows(name, content)
    except UnreadableFile as error:
        result.errors.append(RowError(1, error.message))
        return result

    validator = Validator(staff)
    columns, header_errors = validator.column_map(header)
    if header_errors:
        result.errors.extend(header_errors)
        return result

    first_line_of: dict[str, int] = {}
    for sheet_row in sheet_rows:
        cells = {
            field_name: sheet_row.values[index] if index < len(sheet_row.values) else None
            for field_name, index in columns.items()
        }
        row, problems = validator.row(sheet_row.line, cells)
        if row is not None and row.email in first_line_of:
            problems.append(
                interpolate_lazy(
                    _("The e-mail address %(email)s is already on line %(line)s."),
                    {"email": row.email, "line": first_line_of[row.email]},
                )
            )
        if row is not None and not problems:
            row.existing = User.objects.filter(email__iexact=row.email).first()
            reason = validator.account(row, row.existing)
            if reason:
                problems.append(reason)
        if problems:
            result.errors.extend(RowError(sheet_row.line, problem) for problem in problems)
            continue
        first_line_of[row.email] = sheet_row.line
        result.rows.append(row)
    return result


def import_learners(name: str, content: bytes, staff: User | None) -> ImportResult:
    """Validate the file and, only when every row is valid, apply it in one transaction."""
    result = validate_file(name, content, staff)
    if not result.ok:
        logger.warning("learner import rejected file=%s errors=%s", name, len(result.errors))
        return result

    learners_group = Group.objects.get(name=roles.LEARNERS)
    with transaction.atomic():
        for row in result.rows:
            learner, changed = save_learner(row, staff)
            learner.groups.add(learners_group)
            if changed == "created":
                result.created += 1
                # Only a new account is e-mailed, so importing the same file again sends nothing.
                transaction.on_commit(partial(send_welcome_email, learner))
            elif changed == "updated":
                result.updated += 1
            if changed:
                log(instance=learner, action="courses.import_learners", user=staff,
                    data={"change": changed, "file": name, "line": row.line})
            for course in row.courses:
                _enrollment, created = enrol(learner, course)
                result.enrolled += int(created)
            result.enrolled += len(apply_onboarding(learner))

    logger.info(
        "learner import applied file=%s staff_id=%s created=%s updated=%s enrolled=%s",
        name, getattr(staff, "pk", None), result.created, result.updated, result.enrolled,
    )
    return result


def save_learner(row: LearnerRow, staff: User | None) -> tuple[User, str]:
    """Create or update the account as approved with a verified address; return it and what changed."""
    learner = row.existing
    change = ""
    if learner is None:
        learner = User(email=row.email, **row.profile)
        learner.set_unusable_password()
        change = "created"
    else:
        # Listed before any assignment, because changed_fields compares with this same object.
        changed_fields = row.changed_fields
        for name in changed_fields:
            setattr(learner, name, row.profile[name])
        if changed_fields:
            change = "updated"
    if learner.status != User.Status.APPROVED:
        learner.status = User.Status.APPROVED
        learner.status_reason = ""
        learner.status_changed_at = timezone.now()
        learner.status_changed_by = staff
        change = change or "updated"
    if change:
        learner.save()

    address, _created = EmailAddress.objects.get_or_create(
        user=learner, email=learner.email, defaults={"verified": True, "primary": True}
    )
    if not address.verified:
        address.verified = True
        address.save(update_fields=["verified"])
    return learner, change
