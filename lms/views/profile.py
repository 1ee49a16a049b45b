"""The learner's own profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..forms import ProfileForm
from ..signals import learner_ready


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        messages.success(request, _("Your profile has been saved."))
        if user.is_approved:
            # A new profession or agency can bring new required courses.
            learner_ready.send(sender=type(user), user=user)
        return redirect("lms:profile")
    return render(request, "lms/profile.html", {"form": form})
