"""Admin menu and URLs of the reports. Their audit-log actions are registered in lms.audit."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import imports, screens
from .views.access import can_view_reports


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/completion/", screens.report_screen, name="reports_completion"),
        path("reports/completion/download.csv", screens.download, {"file_format": "csv"}, name="reports_download_csv"),
        path("reports/completion/download.xlsx", screens.download, {"file_format": "xlsx"},
             name="reports_download_xlsx"),
        path("reports/import/", imports.import_upload, name="reports_import"),
        path("reports/import/confirm/", imports.import_confirm, name="reports_import_confirm"),
    ]


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_reports(request.user)


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(_("Completion reports"), reverse("reports_completion"), icon_name="table", order=260)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ReportsMenuItem(_("Import in-person training"), reverse("reports_import"), icon_name="upload", order=261)

