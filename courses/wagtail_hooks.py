"""Admin views of the courses app: learner import, staff enrolment and onboarding rules."""

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.permissions import managed_agencies

from .forms import OnboardingRuleForm
from .models import OnboardingRule
from .views import admin


@hooks.register("register_admin_urls")
def register_course_admin_urls():
    return [
        path("learners/import/", admin.import_learners_view, name="courses_import_learners"),
        path("learners/import/confirm/", admin.confirm_import_view, name="courses_confirm_import"),
        path("learners/enrol/", admin.staff_enrol_view, name="courses_staff_enrol"),
    ]


class AcademyStaffMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or bool(getattr(request.user, "academy_id", None))


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return AcademyStaffMenuItem(_("Import learners"), reverse("courses_import_learners"), icon_name="upload", order=251)


@hooks.register("register_admin_menu_item")
def register_enrol_menu_item():
    return AcademyStaffMenuItem(_("Enrol learners"), reverse("courses_staff_enrol"), icon_name="user", order=252)


class OnboardingRuleViewSet(SnippetViewSet):
    model = OnboardingRule
    icon = "list-ul"
    list_display = ["name", "agency", "profession", "new_recruits_only", "due_days", "is_active"]
    menu_label = _("Onboarding rules")
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("agency"),
            FieldPanel("profession"),
            FieldPanel("new_recruits_only"),
            FieldPanel("courses", widget=forms.CheckboxSelectMultiple),
            FieldPanel("due_days"),
            FieldPanel("is_active"),
        ],
        base_form_class=OnboardingRuleForm,
    )

    def get_queryset(self, request):
        # Academy staff see only the rules for the agencies their academy serves.
        rules = OnboardingRule.objects.select_related("agency", "profession")
        if request.user.is_superuser:
            return rules
        return rules.filter(agency__in=managed_agencies(request.user))


register_snippet(OnboardingRuleViewSet)
