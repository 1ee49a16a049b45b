"""The filters every report accepts, and the period rule that turns local dates into instants."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage, Enrollment
from lms.models import Agency, Profession, Region, User
from lms.models.people import subtract_months


class Measure:
    """The enrolments a cross-table counts, which also decide the date the period applies to."""

    COMPLETED = "completed"
    ENROLLED = "enrolled"
    CHOICES = [(COMPLETED, _("Completed the course")), (ENROLLED, _("Enrolled in the course"))]


@dataclass(frozen=True)
class ReportFilters:
    """Filters of one report. Empty values mean "all"."""

    courses: tuple[CoursePage, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    agency: Agency | None = None
    region: Region | None = None
    profession: Profession | None = None
    sex: str = ""
    new_recruit: bool | None = None
    mode: str = ""
    measure: str = Measure.COMPLETED
    shared: bool = False
    today: date = field(default_factory=timezone.localdate)

    def period_bounds(self) -> tuple[datetime | None, datetime | None]:
        """Return [start, end) instants of the period, both dates inclusive in Ulaanbaatar time."""
        zone = ZoneInfo(settings.TIME_ZONE)
        start = datetime.combine(self.date_from, time.min, tzinfo=zone) if self.date_from else None
        end = datetime.combine(self.date_to + timedelta(days=1), time.min, tzinfo=zone) if self.date_to else None
        return start, end

    def recruit_cutoff(self) -> date:
        """Return the day after which a service start makes a new recruit.

        The reference day is the end of the period, or today when the period is open,
        so a report on past years classifies officials as they were then.
        """
        months = getattr(settings, "LMS_NEW_RECRUIT_MONTHS", 12)
        return subtract_months(self.date_to or self.today, months)

    def describe(self) -> list[tuple[str, str]]:
        """Return (label, value) pairs naming each filter, for report headers."""
        all_label = str(_("all"))
        courses = "; ".join(course.display_title for course in self.courses) or all_label
        period = self.describe_period()
        recruit = {None: all_label, True: str(_("new recruits")), False: str(_("serving officers"))}[self.new_recruit]
        measure = dict(Measure.CHOICES)[self.measure]
        return [
            (str(_("Course")), courses),
            (str(_("Period (Ulaanbaatar time)")), period),
            (str(_("Period applies to")), str(period_basis(self.measure))),
            (str(_("Counted")), str(measure)),
            (str(_("Agency")), self.agency.name if self.agency else all_label),
            (str(_("Region")), self.region.name if self.region else all_label),
            (str(_("Profession")), self.profession.name if self.profession else all_label),
            (str(_("Sex")), str(User.Sex(self.sex).label) if self.sex else all_label),
            (str(_("New recruits")), recruit),
            (str(_("Mode")), str(Enrollment.Mode(self.mode).label) if self.mode else all_label),
        ]

    def describe_period(self) -> str:
        """Return the period in words: both dates, an open start or end, or all time."""
        if self.date_from and self.date_to:
            return "%s — %s" % (self.date_from.isoformat(), self.date_to.isoformat())
        if self.date_from:
            return str(_("from %(date)s")) % {"date": self.date_from.isoformat()}
        if self.date_to:
            return str(_("until %(date)s")) % {"date": self.date_to.isoformat()}
        return str(_("all time"))

    def as_json(self) -> dict:
        """Return the filters as plain values, for the download log."""
        return {
            "courses": [course.slug for course in self.courses],
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "agency": self.agency.code if self.agency else None,
            "region": self.region.code if self.region else None,
            "profession": self.profession.code if self.profession else None,
            "sex": self.sex or None,
            "new_recruit": self.new_recruit,
            "mode": self.mode or None,
            "measure": self.measure,
            "shared": self.shared,
        }


def period_basis(measure: str):
    if measure == Measure.COMPLETED:
        return _("completion date")
    return _("enrolment date")
