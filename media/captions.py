"""Validate caption uploads and convert SubRip (.srt) to WebVTT."""

import re
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

MAX_CAPTION_BYTES = 2 * 1024 * 1024

# WebVTT allows "mm:ss.ttt" as well as "hh:mm:ss.ttt"; SubRip writes a comma before the
# milliseconds.
TIMESTAMP = r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})"
TIMING_LINE = re.compile(rf"^\s*{TIMESTAMP}\s*-->\s*{TIMESTAMP}(.*)$")
TAG = re.compile(r"<[^>]+>")


@dataclass
class Cue:
    start: float
    end: float
    text: str


def _seconds(hours: str | None, minutes: str, seconds: str, millis: str) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def _vtt_timestamp(value: float) -> str:
    millis = round(value * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    seconds, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def parse_cues(text: str) -> list[Cue]:
    """Parse the cues of a WebVTT or SubRip document, raising ValidationError when invalid."""
    cues: list[Cue] = []
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n").strip())
    for block in blocks:
        lines = block.split("\n")
        timing_index = next((i for i, line in enumerate(lines) if "-->" in line), None)
        if timing_index is None:
            # The WEBVTT header, NOTE, STYLE and REGION blocks carry no cue.
            continue
        match = TIMING_LINE.match(lines[timing_index])
        if not match:
            raise ValidationError(
                _("Line “%(line)s” is not a valid cue timing such as 00:00:01.000 --> 00:00:04.000."),
                code="invalid_timing",
                params={"line": lines[timing_index][:80]},
            )
        start = _seconds(*match.group(1, 2, 3, 4))
        end = _seconds(*match.group(5, 6, 7, 8))
        if end <= start:
            raise ValidationError(
                _("A cue ends before it starts at %(timing)s."),
                code="invalid_timing",
                params={"timing": lines[timing_index].strip()[:80]},
            )
        cue_text = "\n".join(lines[timing_index + 1 :]).strip()
        cues.append(Cue(start=start, end=end, text=cue_text))
    if not cues:
        raise ValidationError(_("The caption file contains no cues."), code="empty")
    return cues


def render_vtt(cues: list[Cue]) -> str:
    parts = ["WEBVTT", ""]
    for cue in cues:
        parts.append(f"{_vtt_timestamp(cue.start)} --> {_vtt_timestamp(cue.end)}")
        parts.append(cue.text)
        parts.append("")
    return "\n".join(parts)


def transcript_lines(cues: list[Cue]) -> list[dict]:
    """Return cues as plain text for the transcript panel, without markup tags."""
    return [
        {"start": round(cue.start, 3), "end": round(cue.end, 3), "text": TAG.sub("", cue.text).strip()}
        for cue in cues
        if TAG.sub("", cue.text).strip()
    ]


def normalise_caption_upload(upload) -> tuple[ContentFile, list[dict]]:
    """Validate an uploaded .vtt or .srt file and return it as WebVTT with its transcript lines."""
    name = PurePath(upload.name).name
    suffix = PurePath(name).suffix.lower()
    if suffix not in {".vtt", ".srt"}:
        raise ValidationError(
            _("“%(name)s” is not a caption file: upload WebVTT (.vtt) or SubRip (.srt)."),
            code="invalid_extension",
            params={"name": name},
        )
    if upload.size > MAX_CAPTION_BYTES:
        raise ValidationError(
            _("The caption file is larger than %(limit)s MB."),
            code="too_large",
            params={"limit": MAX_CAPTION_BYTES // (1024 * 1024)},
        )

    upload.seek(0)
    raw = upload.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("The caption file is not UTF-8 text. Save it as UTF-8 and upload it again."),
            code="invalid_encoding",
        ) from None
    if suffix == ".vtt" and not text.lstrip().startswith("WEBVTT"):
        raise ValidationError(_("A WebVTT file must start with the line WEBVTT."), code="invalid_header")

    cues = parse_cues(text)
    converted = ContentFile(render_vtt(cues).encode("utf-8"), name=f"{PurePath(name).stem}.vtt")
    return converted, transcript_lines(cues)
