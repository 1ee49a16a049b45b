"""The Wagtail admin's sign-in address, handed over to allauth's sign-in page."""

from django.shortcuts import redirect
from django.urls import reverse


def admin_login(request):
    """Send visitors to allauth's sign-in, and signed-in users without admin access home.

    Wagtail redirects both kinds of visitor here. Sending a signed-in learner to the sign-in
    page would loop, because allauth returns signed-in users to ?next=/admin/. Wagtail has
    already queued its "no permission to access the admin" message for the home page.
    """
    if request.user.is_authenticated:
        return redirect("/")
    query = request.META.get("QUERY_STRING", "")
    login_url = reverse("account_login")
    return redirect(f"{login_url}?{query}" if query else login_url)
