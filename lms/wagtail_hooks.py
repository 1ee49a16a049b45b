"""Admin menu items and views of the core: learner approvals, course trainers and reference lists."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import audit  # noqa: F401  (registers the audited log actions)
from .models import Agency, Profession, Region, TrainingAcademy
from .services.trainers import sync_course_rights
from .views import approvals, trainers


@hooks.register("after_create_page")
def give_owning_academy_rights(request, page):
    if page.specific_class._meta.label == "courses.CoursePage":
        sync_course_rights(page.specific)


@hooks.register("register_admin_urls")
def register_approval_urls():
    return [
        path("learners/approvals/", approvals.pending_list, name="lms_approvals"),
        path("learners/<id:user_id>/approve/", approvals.approve, name="lms_approve"),
        path("learners/<id:user_id>/reject/", approvals.reject, name="lms_reject"),
        path("courses/<id:course_id>/trainers/", trainers.course_trainers, name="lms_course_trainers"),
    ]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or bool(getattr(request.user, "academy_id", None))


def course_trainers_buttons(page, user):
    if page.specific_class._meta.label == "courses.CoursePage" and trainers.can_assign_trainers(user, page.specific):
        yield Button(
            _("Trainers"), reverse("lms_course_trainers", args=[page.pk]), icon_name="group", priority=70
        )


@hooks.register("register_page_listing_more_buttons")
def course_trainers_listing_button(page, user, next_url=None):
    yield from course_trainers_buttons(page, user)


@hooks.register("register_page_header_buttons")
def course_trainers_header_button(page, user, view_name, next_url=None):
    yield from course_trainers_buttons(page, user)


@hooks.register("register_admin_menu_item")
def register_approvals_menu_item():
    return StaffMenuItem(_("Learner approvals"), reverse("lms_approvals"), icon_name="user", order=250)


class ProfessionViewSet(SnippetViewSet):
    model = Profession
    icon = "tag"
    list_display = ["name_mn", "name_en", "code", "sort_order"]
    menu_label = _("Professions")


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name_mn", "name_en", "code", "kind"]
    menu_label = _("Regions")


class TrainingAcademyViewSet(SnippetViewSet):
    model = TrainingAcademy
    icon = "group"
    list_display = ["name_mn", "code"]
    menu_label = _("Training academies")


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "folder-open-inverse"
    list_display = ["name_mn", "code", "academy"]
    menu_label = _("Agencies")


register_snippet(ProfessionViewSet)
register_snippet(RegionViewSet)
register_snippet(TrainingAcademyViewSet)
register_snippet(AgencyViewSet)
