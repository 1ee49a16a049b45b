from django.urls import path

from .views import admin, archives

app_name = "certificates_admin"
urlpatterns = [
    path("", admin.certificate_list, name="list"),
    path("archive/", archives.archive, name="archive"),
    path("archives/", archives.archive_list, name="archives"),
    path("archives/<int:archive_id>/download/", archives.archive_download, name="archive_download"),
    path("<int:certificate_id>/revoke/", admin.revoke, name="revoke"),
    path("<int:certificate_id>/reissue/", admin.reissue, name="reissue"),
]
