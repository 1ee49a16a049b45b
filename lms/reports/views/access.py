"""Access to reports: site administrators and academy staff only."""

from django.shortcuts import render


def can_view_reports(user) -> bool:
    return user.is_authenticated and (user.is_superuser or bool(getattr(user, "academy_id", None)))


def forbidden(request):
    # Rendered here rather than raised, because Wagtail turns PermissionDenied into a
    # redirect to the dashboard and a report URL should return a plain 403.
    return render(request, "403.html", status=403)
