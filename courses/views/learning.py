"""The learner's own list of courses."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from ..models import Enrollment
from ..services.outline import CourseOutline, build_outlines


@dataclass
class LearningRow:
    enrollment: Enrollment
    outline: CourseOutline
    overdue: bool


@login_required
def my_learning(request):
    from certificates.models import Certificate

    enrollments = list(
        Enrollment.objects.filter(learner=request.user).select_related("course").order_by("-enrolled_at")
    )
    outlines = build_outlines(request.user, [enrollment.course for enrollment in enrollments])
    today = timezone.localdate()
    rows = [
        LearningRow(
            enrollment=enrollment,
            outline=outlines[enrollment.course_id],
            overdue=(
                enrollment.due_date is not None
                and enrollment.due_date < today
                and enrollment.status != Enrollment.Status.COMPLETED
            ),
        )
        for enrollment in enrollments
    ]
    # Revoked certificates stay listed, marked as revoked, so a learner whose certificate was
    # withdrawn sees that and when, next to the replacement when there is one.
    certificates = (
        Certificate.objects.filter(learner=request.user)
        .select_related("course", "replaced_by")
        .order_by("course_id", "issued_at", "pk")
    )
    return render(request, "courses/my_learning.html", {"rows": rows, "certificates": certificates})
