"""Background jobs of the video pipeline."""

from django_tasks import task

from .services.transcoding import transcode_video


@task()
def transcode_video_task(video_id: int) -> str | None:
    """Transcode a video by id; running it again for a finished video does nothing."""
    video = transcode_video(video_id)
    return video.status if video else None
