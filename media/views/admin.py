"""Admin views of the video library beyond the snippet's own create and edit pages."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..models import Video
from ..services.transcoding import retry_video


@require_http_methods(["GET", "POST"])
def retry(request, pk: int):
    """Ask for confirmation, then queue a failed video's transcoding again."""
    if not request.user.has_perm("media.change_video"):
        raise PermissionDenied
    video = get_object_or_404(Video, pk=pk)
    edit_url = video.snippet_viewset.get_url_name("edit") if hasattr(video, "snippet_viewset") else None

    if request.method == "POST":
        if video.status != Video.Status.FAILED:
            messages.warning(request, _("Only a failed video can be retried."))
        else:
            retry_video(video, user=request.user)
            messages.success(request, _("The video “%(title)s” is queued for transcoding again.") % {"title": video})
        return redirect(edit_url, video.pk) if edit_url else redirect("wagtailadmin_home")

    return TemplateResponse(request, "media/admin/retry_confirm.html", {"video": video, "edit_url_name": edit_url})
