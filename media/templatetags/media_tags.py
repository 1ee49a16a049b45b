"""Template helpers of the video player."""

from django import template
from django.urls import reverse
from django.utils.translation import get_language

from ..ffmpeg.command import AUDIO_ONLY
from ..models import Video

register = template.Library()


@register.simple_tag
def player_data(video: Video) -> dict:
    """Collect what the player template shows: caption tracks, transcript, rungs and download link."""
    language = (get_language() or "mn").split("-")[0]
    captions = sorted(video.captions.all(), key=lambda caption: caption.language != language)
    transcript = captions[0] if captions else None
    rungs = [r for r in video.renditions if r["name"] != AUDIO_ONLY]
    has_audio_only = any(r["name"] == AUDIO_ONLY for r in video.renditions)
    return {
        "master_url": reverse("media:master_playlist", args=[video.public_key]),
        "audio_url": reverse("media:file", args=[video.public_key, f"{AUDIO_ONLY}/index.m3u8"]) if has_audio_only else "",
        "poster_url": reverse("media:file", args=[video.public_key, "poster.jpg"]) if video.poster else "",
        "download_url": reverse("media:file", args=[video.public_key, "download-360p.mp4"])
        if video.allow_download and video.download
        else "",
        "captions": [
            {
                "language": caption.language,
                "label": caption.get_language_display(),
                "url": reverse("media:caption", args=[video.public_key, caption.language]),
                "default": caption.language == language,
            }
            for caption in captions
        ],
        "rungs": [
            {
                "name": r["name"],
                "height": min(r["width"], r["height"]),
                "url": reverse("media:file", args=[video.public_key, r["playlist"]]),
            }
            for r in rungs
        ],
        "transcript": transcript.cues if transcript else [],
        "transcript_language": transcript.language if transcript else "",
    }


@register.filter
def clock(seconds) -> str:
    """Format seconds as m:ss or h:mm:ss."""
    total = int(float(seconds or 0))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


