"""Check uploaded lecture files and create videos from them."""

import hashlib
import logging
import shutil
import tempfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from .. import conf
from ..ffmpeg.probe import ProbeError, SourceInfo, looks_like_video, probe
from ..models import Video

logger = logging.getLogger(__name__)

CHUNK_BYTES = 1024 * 1024

PROBE_MESSAGES = {
    "not_video": _("The file is not a video, whatever its name says. Upload an MP4, MOV, MKV or WebM recording."),
    "no_video_stream": _("The file contains no video picture, only other data or sound."),
    "undecodable": _("The video cannot be decoded: the file is damaged or uses an unsupported format."),
    "no_duration": _("The video's length cannot be read: the file is probably cut off."),
}


def file_sha256(fileobj) -> str:
    """Return the SHA-256 of a file object, read in chunks so large files never sit in memory."""
    digest = hashlib.sha256()
    fileobj.seek(0)
    for chunk in iter(lambda: fileobj.read(CHUNK_BYTES), b""):
        digest.update(chunk)
    fileobj.seek(0)
    return digest.hexdigest()


def check_size(size: int) -> None:
    limit = conf.max_upload_bytes()
    if size > limit:
        raise ValidationError(
            _("The file is %(size)s, larger than the %(limit)s allowed."),
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
        )


def sniff_video(path: str | Path) -> SourceInfo:
    """Confirm from its content that a local file is a decodable video; raise ValidationError otherwise."""
    try:
        return probe(path)
    except ProbeError as error:
        logger.warning("upload rejected code=%s", error.code)
        raise ValidationError(PROBE_MESSAGES[error.code], code=error.code) from error


def validate_upload(upload) -> SourceInfo:
    """Check an uploaded file's size and content before it is stored."""
    check_size(upload.size)

    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not looks_like_video(head):
        raise ValidationError(PROBE_MESSAGES["not_video"], code="not_video")

    # Django keeps uploads above FILE_UPLOAD_MAX_MEMORY_SIZE in a temporary file; smaller
    # ones are copied to one, because PyAV probes a path.
    if hasattr(upload, "temporary_file_path"):
        return sniff_video(upload.temporary_file_path())
    with tempfile.NamedTemporaryFile(suffix=Path(upload.name).suffix) as copy:
        shutil.copyfileobj(upload, copy, CHUNK_BYTES)
        copy.flush()
        upload.seek(0)
        return sniff_video(copy.name)


def find_by_checksum(sha256: str) -> Video | None:
    return Video.objects.filter(source_sha256=sha256).first()


def mark_source_replaced(video: Video, sha256: str) -> None:
    """Reset a video whose source file changed, so the new file is transcoded from scratch."""
    video.source_sha256 = sha256
    video.status = Video.Status.QUEUED
    video.progress = 0
    video.attempts = 0
    video.failure_reason = ""
    video.failure_detail = ""


def queue_if_waiting(video: Video) -> None:
    """Queue transcoding after the transaction commits when the video waits for it."""
    from .transcoding import enqueue_transcode

    if video.status == Video.Status.QUEUED:
        transaction.on_commit(lambda: enqueue_transcode(video.pk))


def create_video(
    *, title: str, source: File, title_en: str = "", allow_download: bool = False, user=None, sha256: str = ""
) -> Video:
    """Store a new video's source and queue its transcoding once the transaction commits."""
    from .transcoding import enqueue_transcode

    video = Video(title=title, title_en=title_en, allow_download=allow_download)
    video.source_sha256 = sha256 or file_sha256(source)
    video.source.save(Path(source.name).name, source, save=False)
    video.save()

    log(instance=video, action="wagtail.create", user=user)
    logger.info("video created id=%s", video.pk)
    transaction.on_commit(lambda: enqueue_transcode(video.pk))
    return video
