"""The /favicon.ico address that browsers request on pages without an icon link."""

from django.shortcuts import redirect
from django.templatetags.static import static


def favicon(request):
    return redirect(static("lms/img/favicon.svg"), permanent=True)
