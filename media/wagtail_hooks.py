"""The video library in the Wagtail admin: upload, status, progress and retry."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Video
from .services.uploads import queue_if_waiting
from .views import admin as admin_views


class VideoViewSet(SnippetViewSet):
    model = Video
    icon = "media"
    menu_label = _("Videos")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "title_en", "status", "progress", "duration_seconds", "created_at"]
    list_filter = ["status"]
    search_fields = ["title", "title_en"]


register_snippet(VideoViewSet)


@hooks.register("register_admin_urls")
def register_video_admin_urls():
    return [path("media/videos/<id:pk>/retry/", admin_views.retry, name="media_video_retry")]


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def queue_uploaded_video(request, instance):
    # A new or replaced source leaves the video queued; transcoding starts after commit.
    if isinstance(instance, Video):
        queue_if_waiting(instance)


@hooks.register("register_snippet_listing_buttons")
def video_retry_button(snippet, user, next_url=None):
    if isinstance(snippet, Video) and snippet.status == Video.Status.FAILED and user.has_perm("media.change_video"):
        yield MenuItem(_("Retry transcoding"), reverse("media_video_retry", args=[snippet.pk]), icon_name="rotate", priority=30)


@hooks.register("register_log_actions")
def register_video_log_actions(actions):
    @actions.register_action("media.retry")
    class RetryVideo(LogFormatter):
        label = _("Retry video transcoding")
        message = _("Queued the video for transcoding again")

    @actions.register_action("media.import")
    class ImportVideo(LogFormatter):
        label = _("Import video")
        message = _("Imported the video from a folder on the server")
