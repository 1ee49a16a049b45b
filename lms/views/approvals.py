"""Academy staff approve or reject the sign-ups of learners they manage."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..forms import RejectForm
from ..models import User
from ..permissions import managed_learners
from ..services.approval import approve_learner, reject_learner


def require_staff_rights(user) -> None:
    if not (user.is_superuser or user.academy_id):
        raise PermissionDenied


def pending_list(request):
    require_staff_rights(request.user)
    status = request.GET.get("status", User.Status.PENDING)
    if status not in User.Status.values:
        status = User.Status.PENDING
    learners = (
        managed_learners(request.user)
        .filter(status=status, is_staff=False)
        .select_related("agency", "profession", "region")
        .order_by("date_joined")
    )
    return TemplateResponse(
        request,
        "lms/admin/approvals.html",
        {"learners": learners, "status": status, "statuses": User.Status.choices, "reject_form": RejectForm()},
    )


@require_POST
def approve(request, user_id: int):
    require_staff_rights(request.user)
    learner = get_object_or_404(managed_learners(request.user), pk=user_id)
    approve_learner(learner, by=request.user)
    messages.success(request, _("%(name)s has been approved.") % {"name": learner.full_name})
    return redirect("lms_approvals")


@require_POST
def reject(request, user_id: int):
    require_staff_rights(request.user)
    learner = get_object_or_404(managed_learners(request.user), pk=user_id)
    form = RejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason for the rejection; the learner receives it by e-mail."))
        return redirect("lms_approvals")
    reject_learner(learner, by=request.user, reason=form.cleaned_data["reason"])
    messages.success(request, _("%(name)s has been rejected.") % {"name": learner.full_name})
    return redirect("lms_approvals")
