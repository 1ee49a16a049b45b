"""The system check that reports a missing ffmpeg."""

from media.checks import check_ffmpeg_available
from media.ffmpeg.binary import _locate


def test_check_passes_with_bundled_ffmpeg(settings):
    assert check_ffmpeg_available(None) == []


def test_check_reports_missing_ffmpeg(settings):
    settings.LMS_FFMPEG_BINARY = "/nonexistent/ffmpeg"
    _locate.cache_clear()

    errors = check_ffmpeg_available(None)

    assert [error.id for error in errors] == ["media.E001"]
    assert "/nonexistent/ffmpeg" in errors[0].msg
