from django.urls import path

from .views import admin

app_name = "certificates_admin"
urlpatterns = [
    path("", admin.certificate_list, name="list"),
    path("archive/", admin.archive, name="archive"),
    path("<int:certificate_id>/revoke/", admin.revoke, name="revoke"),
    path("<int:certificate_id>/reissue/", admin.reissue, name="reissue"),
]
