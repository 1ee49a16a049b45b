"""Certificates in the Wagtail admin: staff screens and the signatory settings.

The audit log actions certificates.revoke, certificates.reissue and certificates.archive are
registered in lms/audit.py.
"""

from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_urls
from .admin_forms import CertificateSettingsForm
from .models import CertificateSettings


@hooks.register("register_admin_urls")
def register_certificate_admin_urls():
    return [path("certificates/", include(admin_urls))]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or bool(getattr(request.user, "academy_id", None))


@hooks.register("register_admin_menu_item")
def register_certificates_menu_item():
    return StaffMenuItem(_("Certificates"), reverse("certificates_admin:list"), icon_name="doc-full", order=260)


class AcademyOwnedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed for academy staff to their own academy's rows."""

    def _owns(self, user, instance) -> bool:
        return user.is_superuser or (user.academy_id is not None and instance.academy_id == user.academy_id)

    def user_has_permission_for_instance(self, user, action, instance):
        return self._owns(user, instance) and super().user_has_permission_for_instance(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self._owns(user, instance) and super().user_has_any_permission_for_instance(user, actions, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        rows = super().instances_user_has_any_permission_for(user, actions)
        return rows if user.is_superuser else rows.filter(academy_id=user.academy_id)


register_permission_policy(CertificateSettings, AcademyOwnedPermissionPolicy(CertificateSettings))


class OwnAcademyObjectMixin:
    """Check the instance against the permission policy: Wagtail's views check only the model."""

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.permission_required, instance
        ):
            raise PermissionDenied
        return instance


class SettingsEditView(OwnAcademyObjectMixin, snippet_views.EditView):
    pass


class SettingsDeleteView(OwnAcademyObjectMixin, snippet_views.DeleteView):
    pass


class CertificateSettingsViewSet(SnippetViewSet):
    model = CertificateSettings
    edit_view_class = SettingsEditView
    delete_view_class = SettingsDeleteView
    icon = "doc-full"
    menu_label = _("Certificate signatories")
    list_display = ["__str__", "signatory_name_mn", "signatory_title_mn"]
    edit_handler = ObjectList(
        [
            FieldPanel("academy"),
            FieldPanel("course"),
            FieldPanel("signatory_name_mn"),
            FieldPanel("signatory_name_en"),
            FieldPanel("signatory_title_mn"),
            FieldPanel("signatory_title_en"),
            FieldPanel("title_traditional"),
        ],
        base_form_class=CertificateSettingsForm,
    )

    def get_queryset(self, request):
        rows = CertificateSettings.objects.select_related("academy", "course")
        if request.user.is_superuser:
            return rows
        return rows.filter(academy_id=request.user.academy_id)


register_snippet(CertificateSettingsViewSet)
