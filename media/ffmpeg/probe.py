"""Read what the transcoder needs to know about a source file, using PyAV (no ffprobe needed)."""

import logging
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av

logger = logging.getLogger(__name__)

# Leading bytes of the containers that lecture recordings arrive in. The sniff only
# rejects obvious non-videos cheaply; PyAV's decode of the first frame is the real test.
SIGNATURES = (
    (4, b"ftyp"),  # MP4, MOV, 3GP: the "ftyp" box follows a 4-byte size
    (4, b"moov"),  # old QuickTime files start with the movie box
    (4, b"mdat"),
    (4, b"wide"),
    (4, b"free"),
    (4, b"skip"),
    (0, b"\x1a\x45\xdf\xa3"),  # Matroska and WebM (EBML header)
    (0, b"RIFF"),  # AVI
    (0, b"\x00\x00\x01\xba"),  # MPEG program stream
    (0, b"\x47"),  # MPEG transport stream sync byte
    (0, b"FLV"),
)


class ProbeError(Exception):
    """The file is not a video that can be transcoded; ``code`` names the reason."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class SourceInfo:
    """Facts about a source video; width and height are as displayed, after rotation."""

    duration: float
    width: int
    height: int
    frame_rate: Fraction
    rotation: int
    has_audio: bool
    audio_channels: int
    video_codec: str

    @property
    def short_side(self) -> int:
        return min(self.width, self.height)

    @property
    def is_portrait(self) -> bool:
        return self.height > self.width


def looks_like_video(head: bytes) -> bool:
    """Tell from a file's first bytes whether it may be a video container."""
    return any(head[offset : offset + len(magic)] == magic for offset, magic in SIGNATURES)


def _container_duration(container, stream) -> float | None:
    if container.duration:
        return container.duration / av.time_base
    if stream.duration and stream.time_base:
        return float(stream.duration * stream.time_base)
    return None


def _duration_from_packets(container, stream) -> float | None:
    """Measure the duration from packet timestamps, for files whose header omits it (WebM from browsers)."""
    last_end = None
    for packet in container.demux(stream):
        if packet.pts is None:
            continue
        end = packet.pts + (packet.duration or 0)
        last_end = end if last_end is None else max(last_end, end)
    if last_end is None:
        return None
    start = stream.start_time or 0
    return float((last_end - start) * stream.time_base)


def probe(path: str | Path) -> SourceInfo:
    """Open a source file, decode its first video frame and describe it; raise ProbeError when unusable."""
    with open(path, "rb") as handle:
        head = handle.read(16)
    if not looks_like_video(head):
        raise ProbeError("not_video", "unknown file signature")

    # The signature matched, so a file PyAV cannot open is a damaged or cut-off video.
    try:
        container = av.open(str(path))
    except av.FFmpegError as error:
        raise ProbeError("undecodable", str(error)) from error

    with container:
        if not container.streams.video:
            raise ProbeError("no_video_stream")
        stream = container.streams.video[0]
        audio_streams = container.streams.audio
        # Decoding one frame proves the codec is supported and yields the display rotation.
        try:
            frame = next(container.decode(stream), None)
        except av.FFmpegError as error:
            raise ProbeError("undecodable", str(error)) from error
        if frame is None:
            raise ProbeError("undecodable", "no frame could be decoded")

        rotation = int(getattr(frame, "rotation", 0) or 0) % 360
        width, height = frame.width, frame.height
        sample_aspect = stream.sample_aspect_ratio or stream.codec_context.sample_aspect_ratio
        if sample_aspect and sample_aspect != 1:
            width = round(width * sample_aspect)
        if rotation in (90, 270):
            width, height = height, width

        rate = stream.average_rate or stream.guessed_rate or stream.base_rate or Fraction(25)
        duration = _container_duration(container, stream)
        if not duration:
            container.seek(0)
            duration = _duration_from_packets(container, stream)
        if not duration or duration <= 0:
            raise ProbeError("no_duration")

        return SourceInfo(
            duration=float(duration),
            width=int(width),
            height=int(height),
            frame_rate=Fraction(rate),
            rotation=rotation,
            has_audio=bool(audio_streams),
            audio_channels=audio_streams[0].codec_context.channels if audio_streams else 0,
            video_codec=stream.codec_context.name,
        )
