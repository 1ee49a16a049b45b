"""Settings of the video pipeline, each read when used so tests can override them."""

from django.conf import settings


def max_upload_bytes() -> int:
    """Largest accepted source upload, in bytes (LMS_VIDEO_MAX_UPLOAD_BYTES, default 4 GB)."""
    return int(getattr(settings, "LMS_VIDEO_MAX_UPLOAD_BYTES", 4 * 1024**3))


def x264_preset() -> str:
    """x264 speed preset (LMS_VIDEO_X264_PRESET); "veryfast" keeps a 2-core server near realtime."""
    return getattr(settings, "LMS_VIDEO_X264_PRESET", "veryfast")


def stale_after_seconds() -> int:
    """Seconds without progress after which a processing job counts as abandoned (LMS_VIDEO_STALE_SECONDS)."""
    return int(getattr(settings, "LMS_VIDEO_STALE_SECONDS", 15 * 60))


def max_attempts() -> int:
    """Return the number of starts after which a job is failed for good (LMS_VIDEO_MAX_ATTEMPTS)."""
    return int(getattr(settings, "LMS_VIDEO_MAX_ATTEMPTS", 3))


def work_dir() -> str | None:
    """Local folder for unfinished outputs (LMS_VIDEO_WORK_DIR); None means the system temporary folder."""
    return getattr(settings, "LMS_VIDEO_WORK_DIR", None)


def timeout_factor() -> float:
    """ffmpeg may run this many times the video's duration, plus two minutes, before it is stopped."""
    return float(getattr(settings, "LMS_VIDEO_TIMEOUT_FACTOR", 10))
