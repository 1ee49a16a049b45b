from django.urls import path

from .views import admin, archives

app_name = "certificates_admin"
urlpatterns = [
    path("", admin.certificate_list, name="list"),
    path("archive/", archives.archive, name="archive"),
    path("archives/", archives.archive_list, name="archives"),
    path("archives/<id:archive_id>/download/", archives.archive_download, name="archive_download"),
    path("<id:certificate_id>/revoke/", admin.revoke, name="revoke"),
    path("<id:certificate_id>/reissue/", admin.reissue, name="reissue"),
]
