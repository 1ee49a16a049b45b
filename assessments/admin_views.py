"""The regrade screen of the Wagtail admin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .admin_forms import RegradeForm
from .models import Quiz
from .services.regrade import can_regrade, finished_attempts_of, regrade_attempts


class RegradeView(WagtailAdminTemplateMixin, FormView):
    """Regrade every finished attempt of one quiz with its current answer key."""

    form_class = RegradeForm
    template_name = "assessments/admin/regrade.html"
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        self.quiz = get_object_or_404(Quiz, pk=kwargs["quiz_id"])
        if not can_regrade(request.user, self.quiz):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Regrade attempts")

    def get_page_subtitle(self):
        return str(self.quiz)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["quiz"] = self.quiz
        context["attempt_count"] = finished_attempts_of(self.quiz).count()
        context["regrades"] = self.quiz.regrades.select_related("regraded_by")[:20]
        return context

    def form_valid(self, form):
        regrade = regrade_attempts(
            self.quiz, finished_attempts_of(self.quiz), self.request.user, form.cleaned_data["reason"]
        )
        messages.success(
            self.request,
            ngettext(
                "%(count)s attempt regraded; %(changed)s changed.",
                "%(count)s attempts regraded; %(changed)s changed.",
                regrade.attempt_count,
            )
            % {"count": regrade.attempt_count, "changed": len(regrade.changes)},
        )
        return redirect(reverse("assessments_regrade", args=[self.quiz.pk]))
