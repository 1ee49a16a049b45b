"""The site's URLs plus /bench/ping/, a trivial view measured as the baseline."""

from django.http import HttpResponse
from django.urls import path

from lms.urls import urlpatterns as site_urlpatterns


def ping(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/ping/", ping), *site_urlpatterns]
