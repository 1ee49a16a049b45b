"""Serve a ready video's playlists, segments, poster, download copy and captions from storage.

URLs carry the video's unguessable public key. Local storage is streamed here, with
byte ranges for the MP4; remote storage (S3) gets a redirect to its signed URL, except
playlists, whose relative segment links must resolve back to this view.
"""

import re

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from ..ffmpeg.command import MASTER_PLAYLIST
from ..models import Caption, Video
from ..services.transcoding import DOWNLOAD_NAME

OUTPUT_FILE = re.compile(r"^(?:master\.m3u8|poster\.jpg|download-360p\.mp4|[\w-]{1,16}/(?:index\.m3u8|seg_\d{5}\.ts))$")
CONTENT_TYPES = {
    ".m3u8": "application/vnd.apple.mpegurl",
    ".ts": "video/mp2t",
    ".mp4": "video/mp4",
    ".jpg": "image/jpeg",
    ".vtt": "text/vtt; charset=utf-8",
}
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK_BYTES = 64 * 1024


def _content_type(name: str) -> str:
    return CONTENT_TYPES[name[name.rindex(".") :]]


def _is_local() -> bool:
    try:
        default_storage.path("probe")
    except NotImplementedError:
        return False
    return True


class _LimitedReader:
    """Yield at most ``remaining`` bytes of an open file, in chunks."""

    def __init__(self, handle, remaining: int):
        self.handle = handle
        self.remaining = remaining

    def __iter__(self):
        while self.remaining > 0:
            chunk = self.handle.read(min(CHUNK_BYTES, self.remaining))
            if not chunk:
                break
            self.remaining -= len(chunk)
            yield chunk
        self.handle.close()


def stream_stored_file(request, name: str, *, cache_seconds: int, attachment: str = "") -> HttpResponse:
    """Stream a stored file, honouring a single "Range: bytes=" request as browsers send for MP4."""
    content_type = _content_type(name)
    if not _is_local() and not name.endswith((".m3u8", ".vtt")):
        return HttpResponseRedirect(default_storage.url(name))
    try:
        size = default_storage.size(name)
        handle = default_storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404 from None

    match = RANGE.match(request.headers.get("Range", ""))
    if match and (match.group(1) or match.group(2)):
        if match.group(1):
            start = int(match.group(1))
            end = min(int(match.group(2)), size - 1) if match.group(2) else size - 1
        else:
            start, end = max(0, size - int(match.group(2))), size - 1
        if start >= size or start > end:
            handle.close()
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return response
        handle.seek(start)
        response = FileResponse(_LimitedReader(handle, end - start + 1), status=206, content_type=content_type)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1)
    else:
        response = FileResponse(handle, content_type=content_type)
        response["Content-Length"] = str(size)

    response["Accept-Ranges"] = "bytes"
    response["Cache-Control"] = f"private, max-age={cache_seconds}" if cache_seconds else "no-cache"
    if attachment:
        response["Content-Disposition"] = f'attachment; filename="{attachment}"'
    return response


@require_safe
def output_file(request, public_key: str, relative: str):
    """Serve one published output file of a ready video."""
    if not OUTPUT_FILE.match(relative):
        raise Http404
    video = get_object_or_404(Video, public_key=public_key, status=Video.Status.READY)
    if not video.output_prefix:
        raise Http404

    attachment = ""
    if relative == DOWNLOAD_NAME:
        if not video.allow_download or not video.download:
            raise Http404
        attachment = f"video-{video.public_key[:8]}-360p.mp4"
    # Playlists change when a video is transcoded again; segments and images rarely do.
    cache_seconds = 0 if relative.endswith(".m3u8") else 3600
    return stream_stored_file(request, video.output_name(relative), cache_seconds=cache_seconds, attachment=attachment)


@require_safe
def master_playlist(request, public_key: str):
    return output_file(request, public_key, MASTER_PLAYLIST)


@require_safe
def caption_file(request, public_key: str, language: str):
    caption = get_object_or_404(Caption, video__public_key=public_key, language=language)
    return stream_stored_file(request, caption.file.name, cache_seconds=0)


@require_safe
def watch(request, public_key: str):
    """Show a ready video on a page of its own, for trainers checking it and for shared links."""
    video = get_object_or_404(Video, public_key=public_key, status=Video.Status.READY)
    start = request.GET.get("t", "0")
    start_position = float(start) if re.fullmatch(r"\d{1,6}(?:\.\d+)?", start) else 0.0
    return TemplateResponse(request, "media/watch.html", {"video": video, "start_position": start_position})
