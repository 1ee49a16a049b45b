"""Tiny generated clips for the video pipeline tests, made once per test session."""

import subprocess
from pathlib import Path

import pytest
from django.core.files import File

from media.ffmpeg.binary import ffmpeg_executable

SECONDS = 2

# name -> ffmpeg arguments after the executable, writing into {out}.
CLIPS = {
    "landscape.mp4": "-f lavfi -i testsrc2=size=1280x720:rate=30:duration={s} -f lavfi -i sine=frequency=440:duration={s} "
    "-c:v libx264 -preset ultrafast -c:a aac -shortest {out}",
    "small.mp4": "-f lavfi -i testsrc2=size=640x360:rate=25:duration={s} -f lavfi -i sine=frequency=440:duration={s} "
    "-c:v libx264 -preset ultrafast -c:a aac -shortest {out}",
    "four_three.mp4": "-f lavfi -i testsrc2=size=480x360:rate=25:duration={s} -f lavfi -i sine=duration={s} "
    "-c:v libx264 -preset ultrafast -c:a aac -shortest {out}",
    "clip.mov": "-f lavfi -i testsrc2=size=640x360:rate=25:duration={s} -f lavfi -i sine=duration={s} "
    "-c:v libx264 -preset ultrafast -c:a aac -shortest {out}",
    "clip.mkv": "-f lavfi -i testsrc2=size=640x360:rate=25:duration={s} -f lavfi -i sine=duration={s} "
    "-c:v libx264 -preset ultrafast -c:a libopus -shortest {out}",
    "clip.webm": "-f lavfi -i testsrc2=size=640x360:rate=25:duration={s} -f lavfi -i sine=duration={s} "
    "-c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 300k -c:a libopus -shortest {out}",
    "hevc.mp4": "-f lavfi -i testsrc2=size=640x360:rate=25:duration={s} -f lavfi -i sine=duration={s} "
    "-c:v libx265 -preset ultrafast -x265-params log-level=error -tag:v hvc1 -c:a aac -shortest {out}",
    "no_audio.mp4": "-f lavfi -i testsrc2=size=640x360:rate=25:duration={s} -c:v libx264 -preset ultrafast {out}",
    "one_second.mp4": "-f lavfi -i testsrc2=size=640x360:rate=25:duration=1 -f lavfi -i sine=duration=1 "
    "-c:v libx264 -preset ultrafast -c:a aac -shortest {out}",
    # A phone recording: stored landscape with a 90° display matrix and a variable frame
    # rate, because every third frame after the first second is dropped.
    "phone_landscape_coded.mp4": "-f lavfi -i testsrc2=size=640x360:rate=30:duration={s} -f lavfi -i sine=duration={s} "
    "-vf select=lt(n\\,30)+not(mod(n\\,3)) -fps_mode vfr -c:v libx264 -preset ultrafast -c:a aac -shortest {out}",
    "faststart.mp4": "-f lavfi -i testsrc2=size=640x360:rate=25:duration=4 -f lavfi -i sine=duration=4 "
    "-c:v libx264 -preset ultrafast -c:a aac -shortest -movflags +faststart {out}",
}


def _ffmpeg(arguments: str, out: Path) -> None:
    parts = arguments.replace("{s}", str(SECONDS)).split(" ")
    parts = [str(out) if part == "{out}" else part for part in parts]
    subprocess.run([ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y", *parts], check=True)


@pytest.fixture(scope="session")
def clips(tmp_path_factory) -> dict[str, Path]:
    """Paths of generated test clips by name, including the broken ones."""
    folder = tmp_path_factory.mktemp("clips")
    paths = {}
    for name, arguments in CLIPS.items():
        paths[name] = folder / name
        _ffmpeg(arguments, paths[name])

    # The phone clip gets its rotation as a display matrix, as phones write it.
    paths["phone_portrait.mp4"] = folder / "phone_portrait.mp4"
    subprocess.run(
        [ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y", "-display_rotation", "90",
         "-i", str(paths["phone_landscape_coded.mp4"]), "-c", "copy", str(paths["phone_portrait.mp4"])],
        check=True,
    )

    # Cut in half: the MP4 index written at the end is lost.
    whole = paths["small.mp4"].read_bytes()
    paths["truncated.mp4"] = folder / "truncated.mp4"
    paths["truncated.mp4"].write_bytes(whole[: len(whole) // 2])

    # Index at the start but the picture data cut off after a quarter.
    whole = paths["faststart.mp4"].read_bytes()
    paths["truncated_faststart.mp4"] = folder / "truncated_faststart.mp4"
    paths["truncated_faststart.mp4"].write_bytes(whole[: len(whole) // 4])

    # A valid MP4 header followed by noise.
    paths["corrupt.mp4"] = folder / "corrupt.mp4"
    paths["corrupt.mp4"].write_bytes(whole[:32] + bytes(range(256)) * 200)

    paths["not_video.mp4"] = folder / "not_video.mp4"
    paths["not_video.mp4"].write_text("Хичээлийн тэмдэглэл, видео биш.\n" * 50, encoding="utf-8")
    return paths


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Give every test its own storage folder, so stored files never leak between tests."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def make_video(db):
    """Create a queued video from a clip without running the task, as an upload would store it."""
    from media.models import Video
    from media.services.uploads import file_sha256

    def make(path: Path, **fields) -> Video:
        video = Video(title=fields.pop("title", "Туршилтын хичээл"), **fields)
        with path.open("rb") as handle:
            video.source_sha256 = file_sha256(handle)
            video.source.save(path.name, File(handle, name=path.name), save=False)
        video.save()
        return video

    return make


@pytest.fixture(scope="session")
def lecture_clip(tmp_path_factory) -> Path:
    """A six-second 480p clip with sound: long enough to play, switch rungs and read the position."""
    path = tmp_path_factory.mktemp("lecture") / "lecture.mp4"
    _ffmpeg(
        "-f lavfi -i testsrc2=size=854x480:rate=25:duration=6 -f lavfi -i sine=frequency=330:duration=6 "
        "-c:v libx264 -preset ultrafast -c:a aac -shortest {out}",
        path,
    )
    return path
