"""Find transcoding jobs whose worker died and queue them again or fail them."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from media.services.transcoding import recover_stale_videos


class Command(BaseCommand):
    help = (
        "Queue again every video stuck in processing without progress for LMS_VIDEO_STALE_SECONDS, "
        "or mark it failed after LMS_VIDEO_MAX_ATTEMPTS starts. Run it from cron every few minutes."
    )

    def handle(self, *args, **options):
        recovered = recover_stale_videos()
        if not recovered:
            self.stdout.write(_("No abandoned transcoding jobs."))
            return
        for video_id in recovered:
            self.stdout.write(self.style.WARNING(_("Video #%(id)s: transcoding was abandoned; queued again or failed.") % {"id": video_id}))
