"""System checks that report when the video pipeline cannot run."""

from django.core.checks import Error, register


@register()
def check_ffmpeg_available(app_configs, **kwargs):
    from .ffmpeg.binary import FfmpegMissing, ffmpeg_executable

    try:
        ffmpeg_executable()
    except FfmpegMissing as error:
        return [
            Error(
                f"ffmpeg is missing, so uploaded videos cannot be transcoded: {error}",
                hint="Install the imageio-ffmpeg package (pip install imageio-ffmpeg) or set LMS_FFMPEG_BINARY.",
                id="media.E001",
            )
        ]
    return []
