"""The per-learner list: one row per enrolment with progress, final score, completion date and certificate."""

from collections.abc import Iterator

from django.core.paginator import Paginator
from django.db.models import Case, CharField, Count, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy

from courses.models import CoursePage, Enrollment, ModulePage
from lms.models import User

from .filters import ReportFilters
from .queries import filtered_enrolments, optional_model

LEARNER_COLUMNS = [
    gettext_lazy("Full name"),
    gettext_lazy("E-mail"),
    gettext_lazy("Sex"),
    gettext_lazy("Profession"),
    gettext_lazy("Rank or position"),
    gettext_lazy("Agency"),
    gettext_lazy("Region"),
    gettext_lazy("Course"),
    gettext_lazy("Mode"),
    gettext_lazy("Status"),
    gettext_lazy("Enrolled on"),
    gettext_lazy("Due date"),
    gettext_lazy("Completed on"),
    gettext_lazy("Progress (%)"),
    gettext_lazy("Final exam score (%)"),
    gettext_lazy("Certificate code"),
]

FIELDS = [
    "learner__full_name",
    "learner__email",
    "learner__sex",
    "learner__profession__name_mn",
    "learner__profession__name_en",
    "learner__rank",
    "learner__agency__name_mn",
    "learner__agency__name_en",
    "learner__region__name_mn",
    "learner__region__name_en",
    "course_id",
    "mode",
    "status",
    "enrolled_at",
    "due_date",
    "completed_at",
    "modules_done",
    "final_score",
    "certificate_code",
]


def annotated_enrolments(filters: ReportFilters, viewer: User | None):
    """Return the filtered enrolments with progress, score and certificate annotated by subqueries."""
    enrolments = filtered_enrolments(filters, viewer)

    ModuleProgress = optional_model("courses.ModuleProgress")
    if ModuleProgress is not None:
        # One subquery per course over that course's module ids: a per-row path prefix match
        # against the page tree would cost a join and a LIKE for every enrolment.
        per_course = []
        for course in CoursePage.objects.all():
            module_ids = list(ModulePage.objects.child_of(course).values_list("pk", flat=True))
            done = (
                ModuleProgress.objects.filter(
                    learner=OuterRef("learner_id"), completed_at__isnull=False, module_id__in=module_ids
                )
                .order_by()
                .values("learner")
                .annotate(done=Count("pk"))
                .values("done")
            )
            per_course.append(When(course_id=course.pk, then=Subquery(done, output_field=IntegerField())))
        modules_done = Value(0, output_field=IntegerField())
        if per_course:
            modules_done = Coalesce(Case(*per_course, default=Value(0), output_field=IntegerField()), 0)
        enrolments = enrolments.annotate(modules_done=modules_done)
    else:
        enrolments = enrolments.annotate(modules_done=Value(0, output_field=IntegerField()))

    Attempt = optional_model("assessments.Attempt")
    if Attempt is not None:
        best = (
            Attempt.objects.filter(
                learner=OuterRef("learner_id"),
                quiz__course=OuterRef("course_id"),
                quiz__kind="final",
                status__in=["submitted", "timed_out"],
            )
            .order_by("-score_percent")
            .values("score_percent")[:1]
        )
        enrolments = enrolments.annotate(final_score=Subquery(best))
    else:
        enrolments = enrolments.annotate(final_score=Value(None, output_field=IntegerField()))

    Certificate = optional_model("certificates.Certificate")
    if Certificate is not None:
        code = (
            Certificate.objects.filter(learner=OuterRef("learner_id"), course=OuterRef("course_id"),
                                       revoked_at__isnull=True)
            .order_by("-issued_at")
            .values("code")[:1]
        )
        enrolments = enrolments.annotate(certificate_code=Subquery(code))
    else:
        enrolments = enrolments.annotate(certificate_code=Value("", output_field=CharField()))

    return enrolments.order_by("learner__full_name", "learner_id", "course_id")


class _RowFormatter:
    """Turns one database row into display cells; built once per report, not per row."""

    def __init__(self):
        self.courses = {course.pk: course for course in CoursePage.objects.all()}
        self.module_counts = {
            course_id: ModulePage.objects.child_of(course).live().count() for course_id, course in self.courses.items()
        }
        # Labels are translated once here, not once per row.
        self.sexes = {value: str(label) for value, label in User.Sex.choices}
        self.modes = {value: str(label) for value, label in Enrollment.Mode.choices}
        self.statuses = {value: str(label) for value, label in Enrollment.Status.choices}
        self.english = (get_language() or "mn").split("-")[0] == "en"
        self.zone = timezone.get_current_timezone()

    def cells(self, values) -> list:
        record = dict(zip(FIELDS, values))
        course = self.courses.get(record["course_id"])
        total_modules = self.module_counts.get(record["course_id"], 0)
        if record["status"] == Enrollment.Status.COMPLETED:
            # In-person completions have no module progress, yet the course is done.
            progress = 100
        elif total_modules:
            progress = round(100 * min(record["modules_done"], total_modules) / total_modules)
        else:
            progress = 0
        return [
            record["learner__full_name"],
            record["learner__email"],
            self.sexes.get(record["learner__sex"], record["learner__sex"]),
            self.pick(record["learner__profession__name_mn"], record["learner__profession__name_en"]),
            record["learner__rank"],
            self.pick(record["learner__agency__name_mn"], record["learner__agency__name_en"]),
            self.pick(record["learner__region__name_mn"], record["learner__region__name_en"]),
            self.pick(course.title, course.title_en) if course else "",
            self.modes.get(record["mode"], record["mode"]),
            self.statuses.get(record["status"], record["status"]),
            self.local_date(record["enrolled_at"]),
            record["due_date"],
            self.local_date(record["completed_at"]),
            progress,
            float(record["final_score"]) if record["final_score"] is not None else None,
            record["certificate_code"] or "",
        ]

    def pick(self, mongolian: str | None, english: str | None) -> str:
        # The same rule as lms.models.bilingual.pick_language, with the language read once.
        if self.english and english:
            return english
        return mongolian or ""

    def local_date(self, moment):
        return moment.astimezone(self.zone).date() if moment else None


def learner_rows(filters: ReportFilters, viewer: User | None, chunk_size: int = 2000) -> Iterator[list]:
    """Yield one list of cells per enrolment, reading in chunks (a server-side cursor on PostgreSQL)."""
    formatter = _RowFormatter()
    rows = annotated_enrolments(filters, viewer).values_list(*FIELDS).iterator(chunk_size=chunk_size)
    for values in rows:
        yield formatter.cells(values)


def learner_page(filters: ReportFilters, viewer: User | None, number, per_page: int = 50):
    """Return one page of the list for the screen, its object_list already turned into cells."""
    paginator = Paginator(annotated_enrolments(filters, viewer).values_list(*FIELDS), per_page)
    page = paginator.get_page(number)
    formatter = _RowFormatter()
    page.object_list = [formatter.cells(values) for values in page.object_list]
    return page
