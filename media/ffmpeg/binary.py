"""Locate the ffmpeg executable."""

import os
import shutil
from functools import cache

from django.conf import settings


class FfmpegMissing(RuntimeError):
    pass


@cache
def _locate(configured: str) -> str:
    if configured:
        found = shutil.which(configured)
        if not found:
            raise FfmpegMissing(f"LMS_FFMPEG_BINARY={configured!r} is not an executable file")
        return found
    try:
        import imageio_ffmpeg
    except ImportError as error:
        raise FfmpegMissing("the imageio-ffmpeg package is not installed") from error
    try:
        path = imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError as error:
        raise FfmpegMissing(str(error)) from error
    if not os.access(path, os.X_OK):
        raise FfmpegMissing(f"{path} is not executable")
    return path


def ffmpeg_executable() -> str:
    """Return the path of the ffmpeg binary: LMS_FFMPEG_BINARY, else the one imageio-ffmpeg ships."""
    return _locate(getattr(settings, "LMS_FFMPEG_BINARY", ""))
