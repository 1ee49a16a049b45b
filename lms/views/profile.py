"""The learner's own profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..forms import ProfileForm
from ..services.approval import record_profile_change
from ..signals import learner_ready


@login_required
def profile(request):
    # The form writes the posted values onto request.user while validating, so the old
    # agency and profession are read first.
    old_agency_id = request.user.agency_id
    old_profession_id = request.user.profession_id
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        waits_for_approval = record_profile_change(user, old_agency_id, old_profession_id)
        if waits_for_approval:
            messages.warning(
                request,
                _(
                    "Your profile has been saved. Another training academy serves your new agency, "
                    "so your account waits for its approval. You will receive an e-mail when it is approved."
                ),
            )
        else:
            messages.success(request, _("Your profile has been saved."))
        if user.is_approved:
            # A new profession or agency can bring new required courses.
            learner_ready.send(sender=type(user), user=user)
        return redirect("lms:profile")
    return render(request, "lms/profile.html", {"form": form})
