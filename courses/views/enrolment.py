"""Self-enrolment from a course page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..models import CoursePage
from ..services.enrolment import can_self_enrol, enrol


@login_required
@require_POST
def enrol_view(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    if not can_self_enrol(request.user, course):
        raise PermissionDenied(_("This course is not open to your profession."))

    _enrollment, created = enrol(request.user, course)
    if created:
        messages.success(request, _("You are now enrolled."))
    return redirect(course.url)
