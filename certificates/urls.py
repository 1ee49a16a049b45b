from django.urls import path

from .views import download, verification

app_name = "certificates"
urlpatterns = [
    path("", verification.lookup, name="lookup"),
    path("<str:code>/", verification.verify, name="verify"),
    path("<str:code>/pdf/", download.download, name="download"),
]
