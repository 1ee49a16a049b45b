"""The one query layer behind every report figure: the admin screens, the downloads and the command.

Counting rules:
- People, not enrolments: every count is COUNT(DISTINCT learner) over enrolment rows, so an
  official enrolled in both courses counts once in a cell.
- Cross-tables count, by default, learners who completed a course within the period, by
  `completed_at`. With the "enrolled" measure they count learners enrolled within the
  period, by `enrolled_at`. The status table always uses the enrolment date.
- Deactivated accounts (is_active False) keep their enrolments and are counted by them like
  anyone else: a report on a past period must not change because someone left the service.
  Completed is a subset of enrolled in the status table, so it never exceeds it.
- A learner with no sex, profession, region or agency recorded is counted in the total and
  in a "not stated" column or row, never dropped.
"""

from dataclasses import replace
from datetime import date
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from courses.models import CoursePage, Enrollment
from lms.models import Agency, Profession, Region, User
from lms.permissions import managed_agencies

from .filters import Measure, ReportFilters
from .tables import CrossTable, TableRow

SEX_KEYS = ["total", "men", "women", "not_stated"]


def optional_model(label: str):
    """Return a model of another app, or None while that app has not added it yet."""
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def visible_enrolments(viewer: User | None) -> QuerySet[Enrollment]:
    """Return the enrolments a viewer may report on. A viewer of None (the command line) gets every enrolment."""
    enrolments = Enrollment.objects.all()
    if viewer is None or viewer.is_superuser:
        return enrolments
    return enrolments.filter(learner__agency__in=managed_agencies(viewer))


def filtered_enrolments(filters: ReportFilters, viewer: User | None) -> QuerySet[Enrollment]:
    """Apply every filter to the viewer's enrolments; the period applies to the measure's date."""
    enrolments = visible_enrolments(viewer)

    if filters.courses:
        enrolments = enrolments.filter(course__in=[course.pk for course in filters.courses])
    date_field = "enrolled_at"
    if filters.measure == Measure.COMPLETED:
        enrolments = enrolments.filter(status=Enrollment.Status.COMPLETED)
        date_field = "completed_at"
    start, end = filters.period_bounds()
    if start is not None:
        enrolments = enrolments.filter(**{f"{date_field}__gte": start})
    if end is not None:
        enrolments = enrolments.filter(**{f"{date_field}__lt": end})

    if filters.agency is not None:
        enrolments = enrolments.filter(learner__agency__path__startswith=current_path(filters.agency))
    if filters.region is not None:
        enrolments = enrolments.filter(learner__region=filters.region)
    if filters.profession is not None:
        enrolments = enrolments.filter(learner__profession=filters.profession)
    if filters.sex:
        enrolments = enrolments.filter(learner__sex=filters.sex)
    if filters.mode:
        enrolments = enrolments.filter(mode=filters.mode)
    if filters.new_recruit is not None:
        enrolments = enrolments.filter(recruit_condition(filters) if filters.new_recruit else ~recruit_condition(filters))
    return enrolments


def current_path(agency: Agency) -> str:
    """Re-read an agency's tree path: inserting a sibling in name order can renumber it."""
    return Agency.objects.values_list("path", flat=True).get(pk=agency.pk)


def recruit_condition(filters: ReportFilters) -> Q:
    """Match learners whose service began within the new-recruit months before the period end."""
    return Q(learner__service_start_date__gt=filters.recruit_cutoff())


def sex_counts(condition: Q | None = None, prefix: str = "") -> dict:
    """Build distinct-learner counts for total, men, women and not stated, optionally within a condition."""
    base = condition if condition is not None else Q()
    by_sex = {
        "total": base,
        "men": base & Q(learner__sex=User.Sex.MALE),
        "women": base & Q(learner__sex=User.Sex.FEMALE),
        # Anything but male or female, so a value outside the choices is still counted.
        "not_stated": base & ~Q(learner__sex__in=[User.Sex.MALE, User.Sex.FEMALE]),
    }
    return {
        f"{prefix}{key}": Count("learner", distinct=True, filter=q) if q else Count("learner", distinct=True)
        for key, q in by_sex.items()
    }


def _counts(row: dict, prefix: str = "") -> list[int]:
    return [row.get(f"{prefix}{key}") or 0 for key in SEX_KEYS]


def _grouped_counts(enrolments: QuerySet, field: str) -> dict:
    grouped = enrolments.values(field).annotate(**sex_counts()).order_by()
    return {row[field]: _counts(row) for row in grouped}


def _all_row(enrolments: QuerySet) -> TableRow:
    return TableRow(label=_("all"), counts=_counts(enrolments.aggregate(**sex_counts())), is_all=True)


def _finish(table: CrossTable) -> CrossTable:
    if table.filters.shared:
        table.apply_suppression(suppression_threshold())
    return table


def suppression_threshold() -> int:
    return getattr(settings, "LMS_REPORTS_SUPPRESSION_THRESHOLD", 5)


def by_profession(filters: ReportFilters, viewer: User | None) -> CrossTable:
    """Count learners by profession and sex, with an "all" row: the shape academies report to donors."""
    enrolments = filtered_enrolments(filters, viewer)
    counts = _grouped_counts(enrolments, "learner__profession")

    # Professions of the courses' audiences are listed even at zero.
    audience_courses = list(filters.courses) or list(CoursePage.objects.all())
    audience = Profession.objects.filter(coursepage__in=audience_courses) if audience_courses else Profession.objects.none()
    shown = Profession.objects.filter(Q(pk__in=audience) | Q(pk__in=[pk for pk in counts if pk])).distinct()
    rows = [TableRow(label=p.name, counts=counts.get(p.pk, [0, 0, 0, 0]), key=p.code) for p in shown]
    if None in counts:
        rows.append(TableRow(label=_("profession not stated"), counts=counts[None]))

    table = CrossTable("profession", _("Learners by profession and sex"), _("Profession"), filters, rows,
                       _all_row(enrolments))
    return _finish(table)


def by_region(filters: ReportFilters, viewer: User | None) -> CrossTable:
    """Count learners by region and sex: all 21 provinces, then the 9 capital districts, zeros included."""
    enrolments = filtered_enrolments(filters, viewer)
    counts = _grouped_counts(enrolments, "learner__region")
    rows = [TableRow(label=r.name, counts=counts.get(r.pk, [0, 0, 0, 0]), key=r.code) for r in Region.objects.order_by("-kind", "sort_order")]
    if None in counts:
        rows.append(TableRow(label=_("region not stated"), counts=counts[None]))
    table = CrossTable("region", _("Learners by region and sex"), _("Region"), filters, rows, _all_row(enrolments))
    return _finish(table)


def by_agency(filters: ReportFilters, viewer: User | None) -> CrossTable:
    """Count learners by agency and sex, each unit's learners rolled up into every agency above it."""
    enrolments = filtered_enrolments(filters, viewer)
    counts = _grouped_counts(enrolments, "learner__agency__path")

    agencies = Agency.objects.all() if viewer is None else managed_agencies(viewer)
    if filters.agency is not None:
        agencies = agencies.filter(path__startswith=current_path(filters.agency))
    agencies = list(agencies.order_by("path"))

    # Summing units is exact because every learner belongs to exactly one agency.
    rows_by_path: dict[str, TableRow] = {}
    top_level: list[TableRow] = []
    for agency in agencies:
        rolled = [0, 0, 0, 0]
        for path, row_counts in counts.items():
            if path and path.startswith(agency.path):
                rolled = [a + b for a, b in zip(rolled, row_counts)]
        row = TableRow(label=agency.name, counts=rolled, key=agency.code, path=agency.path)
        parent = _nearest_shown_ancestor(agency, rows_by_path)
        if parent is None:
            top_level.append(row)
        else:
            row.depth = parent.depth + 1
            parent.children.append(row)
        rows_by_path[agency.path] = row
    if None in counts:
        top_level.append(TableRow(label=_("agency not stated"), counts=counts[None]))

    table = CrossTable("agency", _("Learners by agency and sex"), _("Agency"), filters, top_level,
                       _all_row(enrolments))
    return _finish(table)


def _nearest_shown_ancestor(agency: Agency, rows_by_path: dict[str, TableRow]) -> TableRow | None:
    for length in range(len(agency.path) - agency.steplen, 0, -agency.steplen):
        row = rows_by_path.get(agency.path[:length])
        if row is not None:
            return row
    return None


def by_status(filters: ReportFilters, viewer: User | None) -> CrossTable:
    """Count learners enrolled in the period by status: enrolled (all), in progress, completed, overdue.

    Overdue means not completed and the due date before today (Ulaanbaatar time).
    """
    filters = replace(filters, measure=Measure.ENROLLED)
    enrolments = filtered_enrolments(filters, viewer)
    conditions = {
        "enrolled": Q(),
        "in_progress": Q(status=Enrollment.Status.IN_PROGRESS),
        "completed": Q(status=Enrollment.Status.COMPLETED),
        "overdue": ~Q(status=Enrollment.Status.COMPLETED) & Q(due_date__lt=filters.today),
    }
    aggregates = {}
    for name, condition in conditions.items():
        aggregates.update(sex_counts(condition if condition else None, prefix=f"{name}_"))
    result = enrolments.aggregate(**aggregates)
    labels = {
        # Every enrolment of the period, whatever its status, so the row is a total, not a status.
        "enrolled": _("enrolled (total)"),
        "in_progress": _("in progress"),
        "completed": _("completed"),
        "overdue": _("overdue"),
    }
    rows = [
        TableRow(label=labels[name], counts=_counts(result, f"{name}_"), key=name, is_all=name == "enrolled")
        for name in conditions
    ]
    table = CrossTable("status", _("Learners by enrolment status and sex"), _("Status"), filters, rows,
                       additive=False)
    return _finish(table)


def by_recruitment(filters: ReportFilters, viewer: User | None) -> CrossTable:
    """Count new recruits apart from serving officers; an unknown service start counts as serving."""
    enrolments = filtered_enrolments(filters, viewer)
    recruit = recruit_condition(filters)
    aggregates = {**sex_counts(recruit, prefix="new_"), **sex_counts(~recruit, prefix="serving_")}
    result = enrolments.aggregate(**aggregates)
    rows = [
        TableRow(label=_("new recruits"), counts=_counts(result, "new_"), key="new"),
        TableRow(label=_("serving officers"), counts=_counts(result, "serving_"), key="serving"),
    ]
    table = CrossTable("recruitment", _("New recruits and serving officers by sex"), _("Group"), filters, rows,
                       _all_row(enrolments))
    return _finish(table)


CROSS_TABLES = {
    "profession": by_profession,
    "region": by_region,
    "agency": by_agency,
    "status": by_status,
    "recruitment": by_recruitment,
}


def completions_by_month(filters: ReportFilters, viewer: User | None) -> list[tuple[date, int]]:
    """Return (first day of month, learners who completed in that month), months in Ulaanbaatar time."""
    filters = replace(filters, measure=Measure.COMPLETED)
    zone = ZoneInfo(settings.TIME_ZONE)
    months = (
        filtered_enrolments(filters, viewer)
        .annotate(month=TruncMonth("completed_at", tzinfo=zone))
        .values("month")
        .annotate(learners=Count("learner", distinct=True))
        .order_by("month")
    )
    return [(row["month"].date() if hasattr(row["month"], "date") else row["month"], row["learners"])
            for row in months if row["month"] is not None]
