"""Knowledge gain: pre-test against final exam scores of a course, per learner and per group.

A learner's pre-test score is their first finished pre-test attempt (what they knew before
the course); their final score is their best finished final-exam attempt. Group averages
count only learners who have both, so the change compares the same people.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, DecimalField, Max, OuterRef, QuerySet, Subquery, Value

from lms.models import User

from ..models import Attempt, Quiz
from .results import FINISHED

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Gain:
    """Average pre-test and final scores in percent and their difference; None where no score exists."""

    learners: int
    pretest: Decimal | None
    final: Decimal | None

    @property
    def change(self) -> Decimal | None:
        if self.pretest is None or self.final is None:
            return None
        return self.final - self.pretest


def _round(value) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def scored_learners(course, learners: QuerySet[User] | None = None) -> QuerySet[User]:
    """Annotate learners with `pretest_score` and `final_score` for the course; keep those with both."""
    learners = User.objects.all() if learners is None else learners
    score = DecimalField(max_digits=5, decimal_places=2)
    pretest = Quiz.objects.filter(course=course, kind=Quiz.Kind.PRETEST).first()
    final = Quiz.objects.filter(course=course, kind=Quiz.Kind.FINAL).first()
    if pretest is None or final is None:
        # Annotated so callers can read the same fields from the empty result.
        empty = Value(None, output_field=score)
        return learners.annotate(pretest_score=empty, final_score=empty).none()

    first_pretest = (
        Attempt.objects.filter(learner=OuterRef("pk"), quiz=pretest, status__in=FINISHED)
        .order_by("number")
        .values("score_percent")[:1]
    )
    best_final = (
        Attempt.objects.filter(learner=OuterRef("pk"), quiz=final, status__in=FINISHED)
        .values("learner")
        .annotate(best=Max("score_percent"))
        .values("best")
    )
    return learners.annotate(
        pretest_score=Subquery(first_pretest, output_field=score),
        final_score=Subquery(best_final, output_field=score),
    ).filter(pretest_score__isnull=False, final_score__isnull=False)


def learner_gain(learner: User, course) -> Gain:
    """Return one learner's pre-test score, final score and change; scores are None until both exist."""
    row = scored_learners(course, User.objects.filter(pk=learner.pk)).values("pretest_score", "final_score").first()
    if row is None:
        return Gain(0, None, None)
    return Gain(1, _round(row["pretest_score"]), _round(row["final_score"]))


def group_gain(course, learners: QuerySet[User] | None = None) -> Gain:
    """Return the average pre-test and final scores of the learners who took both."""
    totals = scored_learners(course, learners).aggregate(
        learners=Count("pk"), pretest=Avg("pretest_score"), final=Avg("final_score")
    )
    return Gain(totals["learners"], _round(totals["pretest"]), _round(totals["final"]))


def gain_by(course, field: str, learners: QuerySet[User] | None = None) -> dict:
    """Return a Gain per value of a learner field, such as "profession" or "sex", computed in the database."""
    rows = (
        scored_learners(course, learners)
        .values(field)
        .annotate(count=Count("pk"), pretest=Avg("pretest_score"), final=Avg("final_score"))
        .order_by(field)
    )
    return {row[field]: Gain(row["count"], _round(row["pretest"]), _round(row["final"])) for row in rows}
