"""Administrators and the owning academy's staff choose which trainers edit a course."""

from django import forms
from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import roles
from ..ids import IdMultipleChoiceField
from ..models import User
from ..services.trainers import assign_trainer, course_trainers_group, unassign_trainer


def can_assign_trainers(user, course) -> bool:
    if user.is_superuser or user.groups.filter(name=roles.SITE_ADMINISTRATORS).exists():
        return True
    return bool(user.academy_id) and user.academy_id == course.academy_id


class TrainerAssignmentForm(forms.Form):
    trainers = IdMultipleChoiceField(
        label=gettext_lazy("Trainers who may edit this course"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Their changes still go to the academy for review before they are published."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainers"].queryset = (
            User.objects.filter(groups__name__startswith=roles.TRAINERS).distinct().order_by("full_name")
        )


def course_trainers(request, course_id: int):
    course = get_object_or_404(apps.get_model("courses", "CoursePage"), pk=course_id)
    if not can_assign_trainers(request.user, course):
        raise PermissionDenied

    group = course_trainers_group(course)
    current = set(group.user_set.values_list("pk", flat=True))
    # An empty POST (every box unticked) is still a submission, so `request.POST or None` would not do.
    data = request.POST if request.method == "POST" else None
    form = TrainerAssignmentForm(data, initial={"trainers": list(current)})
    if request.method == "POST" and form.is_valid():
        chosen = {trainer.pk: trainer for trainer in form.cleaned_data["trainers"]}
        for trainer in chosen.values():
            if trainer.pk not in current:
                assign_trainer(course, trainer, by=request.user)
        for trainer in User.objects.filter(pk__in=current - chosen.keys()):
            unassign_trainer(course, trainer, by=request.user)
        messages.success(request, _("The trainers of “%(course)s” have been saved.") % {"course": course.title})
        return redirect("lms_course_trainers", course_id=course.pk)

    return TemplateResponse(request, "lms/admin/course_trainers.html", {"course": course, "form": form})
