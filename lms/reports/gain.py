"""Knowledge gain: average pre-test and final exam scores, and the change, by profession and sex.

The scores follow assessments' own rule (assessments.services.gain.scored_learners): the
first finished pre-test attempt against the best finished final exam attempt, counting only
learners who have both. With several courses, each course is scored on its own and the
sums are combined, so a learner who took both courses counts once per course.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.models import CoursePage
from lms.models import Profession, User

from .filters import ReportFilters
from .queries import filtered_enrolments

GAIN_COLUMNS = [
    gettext_lazy("Profession"),
    gettext_lazy("Sex"),
    gettext_lazy("Learners"),
    gettext_lazy("Pre-test average (%)"),
    gettext_lazy("Final exam average (%)"),
    gettext_lazy("Change (points)"),
]


@dataclass
class GainRow:
    profession: str
    sex: str
    learners: int
    before: float | None
    after: float | None
    change: float | None

    def cells(self) -> list:
        return [self.profession, self.sex, self.learners, self.before, self.after, self.change]


@dataclass
class _Sums:
    learners: int = 0
    before: Decimal = Decimal(0)
    after: Decimal = Decimal(0)

    def add(self, learners: int, before, after) -> None:
        self.learners += learners
        self.before += before or 0
        self.after += after or 0

    def average(self, total: Decimal) -> float | None:
        return round(float(total / self.learners), 1) if self.learners else None

    def row(self, profession: str, sex: str) -> "GainRow":
        # The change is taken from the exact sums, not from the rounded averages.
        return GainRow(profession, sex, self.learners, self.average(self.before), self.average(self.after),
                       self.average(self.after - self.before))


def knowledge_gain(filters: ReportFilters, viewer: User | None) -> list[GainRow] | None:
    """Return gain rows for the filtered enrolments, or None when the assessments app offers no scores."""
    try:
        from assessments.services.gain import scored_learners
    except ImportError:
        return None

    enrolments = filtered_enrolments(filters, viewer)
    courses = filters.courses or CoursePage.objects.filter(pk__in=enrolments.values("course_id"))
    groups: dict[tuple, _Sums] = defaultdict(_Sums)
    overall = _Sums()
    for course in courses:
        learners = User.objects.filter(pk__in=enrolments.filter(course=course).values("learner_id"))
        rows = (
            scored_learners(course, learners)
            .values("profession", "sex")
            .annotate(count=Count("pk"), before=Sum("pretest_score"), after=Sum("final_score"))
            .order_by()
        )
        for row in rows:
            groups[(row["profession"], row["sex"])].add(row["count"], row["before"], row["after"])
            overall.add(row["count"], row["before"], row["after"])

    professions = {profession.pk: profession for profession in Profession.objects.all()}
    sexes = dict(User.Sex.choices)
    sex_order = list(sexes)

    def order(key):
        profession = professions.get(key[0])
        return (profession is None, profession.sort_order if profession else 0,
                sex_order.index(key[1]) if key[1] in sex_order else len(sex_order))

    result = []
    for key in sorted(groups, key=order):
        sums = groups[key]
        profession = professions.get(key[0])
        profession_name = profession.name if profession else _("profession not stated")
        result.append(sums.row(profession_name, str(sexes.get(key[1], key[1]))))
    result.append(overall.row(_("all"), _("all")))
    return result
