"""Admin menu items and views of the core: learner approvals and reference lists."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Agency, Profession, Region, TrainingAcademy
from .views import approvals


@hooks.register("register_admin_urls")
def register_approval_urls():
    return [
        path("learners/approvals/", approvals.pending_list, name="lms_approvals"),
        path("learners/<int:user_id>/approve/", approvals.approve, name="lms_approve"),
        path("learners/<int:user_id>/reject/", approvals.reject, name="lms_reject"),
    ]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or bool(getattr(request.user, "academy_id", None))


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
