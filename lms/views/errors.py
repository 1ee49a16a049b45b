"""Error pages that render with the site's look in the active language."""

from django.shortcuts import render


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


def request_too_large(request, *, limit: int):
    """Tell the user that an upload passed the size limit of every request (LMS_MAX_REQUEST_UPLOAD_BYTES)."""
    return render(request, "413.html", {"limit": limit}, status=413)
