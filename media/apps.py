from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "media"
    verbose_name = _("Videos")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the ffmpeg system check)
        from .models import Caption, Video
        from .signals import delete_caption_file, delete_video_files

        post_delete.connect(delete_video_files, sender=Video, dispatch_uid="media_delete_video_files")
        post_delete.connect(delete_caption_file, sender=Caption, dispatch_uid="media_delete_caption_file")
