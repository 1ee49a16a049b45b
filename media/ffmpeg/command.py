"""Build the single ffmpeg command that turns one source into the whole HLS ladder.

The functions here only compute arguments, so tests check them without running ffmpeg.
"""

import math
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import ffmpeg

from .probe import SourceInfo

SEGMENT_SECONDS = 6
MAX_FRAME_RATE = Fraction(30)
MASTER_PLAYLIST = "master.m3u8"
MEDIA_PLAYLIST = "index.m3u8"
POSTER = "poster.jpg"
AUDIO_ONLY = "audio"


@dataclass(frozen=True)
class Rung:
    """One step of the ladder: its nominal height (the short side) and bitrates."""

    name: str
    short_side: int
    video_kbps: int
    audio_kbps: int


# Bitrates sized for the slow provincial links the lectures must play over: the lowest
# rung with its audio stays under 400 kbps.
LADDER = (
    Rung("240p", 240, 300, 64),
    Rung("360p", 360, 700, 96),
    Rung("720p", 720, 2000, 128),
)
AUDIO_ONLY_KBPS = 48


@dataclass(frozen=True)
class PlannedRung:
    rung: Rung
    width: int
    height: int

    @property
    def name(self) -> str:
        return self.rung.name

    @property
    def bandwidth(self) -> int:
        return (self.rung.video_kbps + self.rung.audio_kbps) * 1000


@dataclass(frozen=True)
class TranscodePlan:
    """Outputs of one transcode: the rungs, the audio-only rung, frame rate and GOP length."""

    rungs: tuple[PlannedRung, ...]
    has_audio: bool
    frame_rate: Fraction
    gop_frames: int
    poster_at: float
    audio_channels: int

    @property
    def stream_names(self) -> list[str]:
        names = [planned.name for planned in self.rungs]
        if self.has_audio:
            names.append(AUDIO_ONLY)
        return names


def _even(value: float) -> int:
    # H.264 with 4:2:0 chroma needs even frame dimensions.
    return max(2, int(round(value / 2)) * 2)


def plan_transcode(source: SourceInfo) -> TranscodePlan:
    """Choose the rungs for a source: none above its short side, portrait scaled by the short side."""
    rungs = [rung for rung in LADDER if rung.short_side <= source.short_side]
    if not rungs:
        # A source smaller than the lowest rung still gets one rung, at its own size.
        lowest = LADDER[0]
        rungs = [Rung(f"{_even(source.short_side)}p", _even(source.short_side), lowest.video_kbps, lowest.audio_kbps)]

    planned = []
    for rung in rungs:
        scale = rung.short_side / source.short_side
        planned.append(PlannedRung(rung, width=_even(source.width * scale), height=_even(source.height * scale)))

    frame_rate = min(source.frame_rate, MAX_FRAME_RATE).limit_denominator(1001)
    if frame_rate <= 0:
        frame_rate = Fraction(25)
    return TranscodePlan(
        rungs=tuple(planned),
        has_audio=source.has_audio,
        frame_rate=frame_rate,
        gop_frames=max(1, math.ceil(SEGMENT_SECONDS * frame_rate)),
        poster_at=min(2.0, source.duration / 3),
        audio_channels=min(max(source.audio_channels, 1), 2),
    )


def var_stream_map(plan: TranscodePlan) -> str:
    """Pair each video rung with its own audio copy, then add the audio-only rung."""
    entries = []
    for index, planned in enumerate(plan.rungs):
        audio = f"a:{index}," if plan.has_audio else ""
        entries.append(f"v:{index},{audio}name:{planned.name}")
    if plan.has_audio:
        entries.append(f"a:{len(plan.rungs)},name:{AUDIO_ONLY}")
    return " ".join(entries)


def build_hls_command(source_path: str | Path, output_dir: str | Path, plan: TranscodePlan, preset: str) -> list[str]:
    """Return ffmpeg's arguments (without the executable) for the ladder, its playlists and a poster.

    The video is decoded once and split in the filter graph. Every rung gets a keyframe
    every SEGMENT_SECONDS at the same timestamps, so players can switch rungs at any
    segment boundary.
    """
    output_dir = Path(output_dir)
    source = ffmpeg.input(str(source_path))

    # A constant frame rate makes a fixed GOP possible; phones record variable rates.
    video = source.video.filter("fps", fps=str(plan.frame_rate)).filter("format", "yuv420p")
    branches = video.filter_multi_output("split", len(plan.rungs) + 1)
    audio_branches = None
    if plan.has_audio:
        audio_branches = source.audio.filter_multi_output("asplit", len(plan.rungs) + 1)

    streams = []
    options: dict[str, object] = {}
    for index, planned in enumerate(plan.rungs):
        streams.append(branches[index].filter("scale", planned.width, planned.height).filter("setsar", "1"))
        kbps = planned.rung.video_kbps
        options[f"b:v:{index}"] = f"{kbps}k"
        options[f"maxrate:v:{index}"] = f"{round(kbps * 1.07)}k"
        options[f"bufsize:v:{index}"] = f"{round(kbps * 1.5)}k"
        if audio_branches is not None:
            streams.append(audio_branches[index])
            options[f"b:a:{index}"] = f"{planned.rung.audio_kbps}k"
    if audio_branches is not None:
        streams.append(audio_branches[len(plan.rungs)])
        options[f"b:a:{len(plan.rungs)}"] = f"{AUDIO_ONLY_KBPS}k"

    hls = ffmpeg.output(
        *streams,
        str(output_dir / "%v" / MEDIA_PLAYLIST),
        **{
            "c:v": "libx264",
            "preset": preset,
            "profile:v": "main",
            "g": plan.gop_frames,
            "keyint_min": plan.gop_frames,
            "sc_threshold": 0,
            "force_key_frames": f"expr:gte(t,n_forced*{SEGMENT_SECONDS})",
            **({"c:a": "aac", "ac": plan.audio_channels, "ar": 48000} if plan.has_audio else {}),
            **options,
            "f": "hls",
            "hls_time": SEGMENT_SECONDS,
            "hls_playlist_type": "vod",
            "hls_flags": "independent_segments",
            "hls_segment_type": "mpegts",
            "hls_segment_filename": str(output_dir / "%v" / "seg_%05d.ts"),
            "master_pl_name": MASTER_PLAYLIST,
            "var_stream_map": var_stream_map(plan),
        },
    )

    # The poster comes from the same decode: a frame a little way in, at most 720 high.
    poster_branch = (
        branches[len(plan.rungs)]
        .filter("trim", start=round(plan.poster_at, 3))
        .filter("scale", -2, "min(720,ih)")
    )
    poster = ffmpeg.output(poster_branch, str(output_dir / POSTER), **{"frames:v": 1, "q:v": 3, "update": 1})

    command = ffmpeg.merge_outputs(hls, poster).global_args(
        "-hide_banner", "-nostdin", "-loglevel", "error", "-progress", "pipe:1", "-nostats"
    )
    return command.overwrite_output().get_args()


def build_download_command(rung_playlist: str | Path, output_path: str | Path) -> list[str]:
    """Return ffmpeg's arguments that copy one rung's segments into a single MP4 for offline viewing."""
    stream = ffmpeg.input(str(rung_playlist))
    output = ffmpeg.output(stream, str(output_path), c="copy", movflags="+faststart")
    return output.global_args("-hide_banner", "-nostdin", "-loglevel", "error").overwrite_output().get_args()
