"""Transcode a video into its HLS ladder, and recover jobs that never finished."""

import logging
import shutil
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from .. import conf
from ..ffmpeg.command import (
    AUDIO_ONLY,
    MASTER_PLAYLIST,
    MEDIA_PLAYLIST,
    POSTER,
    build_download_command,
    build_hls_command,
    plan_transcode,
)
from ..ffmpeg.probe import ProbeError, probe
from ..ffmpeg.runner import FfmpegFailed, run_ffmpeg
from ..models import Video
from .publishing import (
    OutputInvalid,
    delete_tree,
    delete_unpublished,
    new_output_prefix,
    publish_directory,
    verify_outputs,
)
from .uploads import PROBE_MESSAGES

logger = logging.getLogger(__name__)

DOWNLOAD_NAME = "download-360p.mp4"
PROGRESS_SAVE_SECONDS = 2.0

FAILURE_MESSAGES = {
    **PROBE_MESSAGES,
    "source_missing": _("The source file is missing from storage. Upload the video again."),
    "ffmpeg_failed": _("Transcoding stopped with an error: the file is probably damaged or cut off."),
    "timed_out": _("Transcoding took too long and was stopped."),
    "output_invalid": _("Transcoding finished but some output files were missing or incomplete."),
    "truncated": _("The video stops early, so the file is probably cut off. Upload the complete file."),
    "abandoned": _("Transcoding was interrupted %(count)s times and was given up."),
}


def failure_message(code: str, **params) -> str:
    """Render a failure reason in Mongolian, the language trainers read in the admin."""
    with translation.override("mn"):
        return str(FAILURE_MESSAGES[code]) % params if params else str(FAILURE_MESSAGES[code])


def enqueue_transcode(video_id: int) -> None:
    """Queue a video's transcoding, after first recovering any abandoned jobs."""
    from ..tasks import transcode_video_task

    recover_stale_videos()
    transcode_video_task.enqueue(video_id)


def retry_video(video: Video, user=None) -> Video:
    """Queue a failed video again, keeping its source; the job runs after the transaction commits."""
    video.status = Video.Status.QUEUED
    video.progress = 0
    video.attempts = 0
    video.failure_reason = ""
    video.failure_detail = ""
    video.save(update_fields=["status", "progress", "attempts", "failure_reason", "failure_detail", "updated_at"])

    log(instance=video, action="media.retry", user=user)
    logger.info("video queued again id=%s", video.pk)
    transaction.on_commit(lambda: enqueue_transcode(video.pk))
    return video


def _is_stale(video: Video, now) -> bool:
    last_sign = video.heartbeat_at or video.started_at
    return last_sign is None or last_sign < now - timedelta(seconds=conf.stale_after_seconds())


def mark_failed(video_id: int, code: str, detail: str = "", **params) -> None:
    Video.objects.filter(pk=video_id).update(
        status=Video.Status.FAILED,
        failure_reason=failure_message(code, **params),
        failure_detail=detail[-4000:],
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )
    logger.warning("video failed id=%s code=%s", video_id, code)


def claim_video(video_id: int) -> Video | None:
    """Mark a queued or abandoned video as processing; return None when there is nothing to do.

    Running the task twice is harmless: a ready, failed or actively processing video is
    left alone.
    """
    now = timezone.now()
    with transaction.atomic():
        video = Video.objects.select_for_update().filter(pk=video_id).first()
        if video is None:
            logger.info("video gone before transcoding id=%s", video_id)
            return None
        if video.status in (Video.Status.READY, Video.Status.FAILED):
            return None
        if video.status == Video.Status.PROCESSING and not _is_stale(video, now):
            logger.info("video already processing id=%s", video_id)
            return None
        if video.attempts >= conf.max_attempts():
            mark_failed(video.pk, "abandoned", count=video.attempts)
            return None

        video.status = Video.Status.PROCESSING
        video.attempts += 1
        video.progress = 0
        video.started_at = video.heartbeat_at = now
        video.finished_at = None
        video.failure_reason = video.failure_detail = ""
        video.save(
            update_fields=[
                "status", "attempts", "progress", "started_at", "heartbeat_at",
                "finished_at", "failure_reason", "failure_detail", "updated_at",
            ]
        )
    return video


def recover_stale_videos() -> list[int]:
    """Queue again, or fail, videos whose worker stopped sending progress; return their ids."""
    threshold = timezone.now() - timedelta(seconds=conf.stale_after_seconds())
    stale = Video.objects.filter(status=Video.Status.PROCESSING, heartbeat_at__lt=threshold)
    recovered = []
    for video in stale:
        if video.attempts >= conf.max_attempts():
            mark_failed(video.pk, "abandoned", count=video.attempts)
        else:
            Video.objects.filter(pk=video.pk, status=Video.Status.PROCESSING).update(status=Video.Status.QUEUED)
            logger.warning("video job abandoned, queued again id=%s attempts=%s", video.pk, video.attempts)
            from ..tasks import transcode_video_task

            transaction.on_commit(lambda video_id=video.pk: transcode_video_task.enqueue(video_id))
        recovered.append(video.pk)
    return recovered


class _ProgressRecorder:
    """Save progress and a heartbeat every few seconds, not on every ffmpeg report."""

    def __init__(self, video_id: int):
        self.video_id = video_id
        self.last_saved = 0.0

    def __call__(self, share: float) -> None:
        now = time.monotonic()
        if now - self.last_saved < PROGRESS_SAVE_SECONDS:
            return
        self.last_saved = now
        # The last 5 % covers checking and publishing, so 100 appears only when ready.
        Video.objects.filter(pk=self.video_id).update(progress=int(share * 95), heartbeat_at=timezone.now())


def _local_source(video: Video, work_dir: Path) -> Path:
    """Return a local path of the source, downloading it first from remote storage."""
    try:
        return Path(video.source.path)
    except NotImplementedError:
        local = work_dir / f"source{Path(video.source.name).suffix}"
        with video.source.open("rb") as remote, local.open("wb") as handle:
            shutil.copyfileobj(remote, handle, 1024 * 1024)
        return local


def _download_rung(stream_names: list[str]) -> str:
    """Pick the rung copied into the offline MP4: 360p, or the single rung of a smaller source."""
    video_rungs = [name for name in stream_names if name != AUDIO_ONLY]
    return "360p" if "360p" in video_rungs else video_rungs[0]


def transcode_video(video_id: int) -> Video | None:
    """Transcode one video end to end and publish the result; failures end as FAILED with a reason."""
    video = claim_video(video_id)
    if video is None:
        return Video.objects.filter(pk=video_id).first()
    logger.info("transcoding started id=%s attempt=%s", video.pk, video.attempts)

    work_dir = Path(tempfile.mkdtemp(prefix=f"video-{video.pk}-", dir=conf.work_dir()))
    try:
        return _transcode(video, work_dir)
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)


def _transcode(video: Video, work_dir: Path) -> Video:
    # Probe the source: a file that is no video fails here with a clear reason.
    if not video.source or not default_storage.exists(video.source.name):
        mark_failed(video.pk, "source_missing")
        return _refetch(video)
    try:
        source_path = _local_source(video, work_dir)
        info = probe(source_path)
    except ProbeError as error:
        mark_failed(video.pk, error.code, error.detail)
        return _refetch(video)

    # Transcode every rung and the poster in one ffmpeg run, then copy the 360p rung to MP4.
    plan = plan_transcode(info)
    output_dir = work_dir / "out"
    label = f"video={video.pk}"
    try:
        run_ffmpeg(
            build_hls_command(source_path, output_dir, plan, conf.x264_preset()),
            duration=info.duration,
            on_progress=_ProgressRecorder(video.pk),
            timeout=120 + info.duration * conf.timeout_factor(),
            label=label,
        )
        durations = verify_outputs(output_dir, plan.stream_names, info.duration)
        download_rung = _download_rung(plan.stream_names)
        run_ffmpeg(
            build_download_command(output_dir / download_rung / MEDIA_PLAYLIST, output_dir / DOWNLOAD_NAME),
            label=f"{label} download",
        )
    except FfmpegFailed as error:
        mark_failed(video.pk, "timed_out" if error.timed_out else "ffmpeg_failed", error.stderr_tail)
        return _refetch(video)
    except OutputInvalid as error:
        mark_failed(video.pk, error.code, str(error))
        return _refetch(video)

    # Publish into a fresh folder, then switch the video to it in one save.
    prefix = new_output_prefix(video.public_key)
    try:
        publish_directory(output_dir, prefix)
    except OutputInvalid as error:
        delete_tree(prefix)
        mark_failed(video.pk, "output_invalid", str(error))
        return _refetch(video)

    renditions = [
        {
            "name": planned.name,
            "width": planned.width,
            "height": planned.height,
            "bandwidth": planned.bandwidth,
            "playlist": f"{planned.name}/{MEDIA_PLAYLIST}",
        }
        for planned in plan.rungs
    ]
    if plan.has_audio:
        renditions.append({"name": AUDIO_ONLY, "width": 0, "height": 0, "bandwidth": 0, "playlist": f"{AUDIO_ONLY}/{MEDIA_PLAYLIST}"})

    with transaction.atomic():
        current = Video.objects.select_for_update().get(pk=video.pk)
        previous_prefix = current.output_prefix
        current.output_prefix = prefix
        current.renditions = renditions
        current.poster.name = f"{prefix}/{POSTER}"
        current.download.name = f"{prefix}/{DOWNLOAD_NAME}"
        current.duration_seconds = round(info.duration, 3)
        current.width, current.height = info.width, info.height
        current.status = Video.Status.READY
        current.progress = 100
        current.finished_at = timezone.now()
        current.save(
            update_fields=[
                "output_prefix", "renditions", "poster", "download", "duration_seconds", "width",
                "height", "status", "progress", "finished_at", "updated_at",
            ]
        )

    # Old and abandoned output folders go only after the new one is live.
    delete_unpublished(video.public_key, keep_prefix=prefix)
    logger.info(
        "video transcoded id=%s rungs=%s duration=%.1f previous_prefix=%s",
        video.pk, ",".join(durations), info.duration, bool(previous_prefix),
    )
    return current


def _refetch(video: Video) -> Video:
    return Video.objects.get(pk=video.pk)
