"""The learner's own list of courses."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ..models import Enrollment


@login_required
def my_learning(request):
    enrollments = (
        Enrollment.objects.filter(learner=request.user).select_related("course").order_by("-enrolled_at")
    )
    return render(request, "courses/my_learning.html", {"enrollments": enrollments})
