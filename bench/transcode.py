"""Time the project's transcoding pipeline against one hand-written ffmpeg command.

Generates a 60-second 720p30 clip with sound, then transcodes it both ways into the same
HLS ladder (240p/300k, 360p/700k, 720p/2M, audio-only, poster), with the same x264
preset. The pipeline run also probes, checks every output, writes the 360p MP4 copy and
copies everything into storage, so the ratio shows what that work costs.

Usage: .venv/bin/python bench/transcode.py [--seconds 60] [--rounds 2]
The last line printed is JSON with pipeline_s, reference_s and ratio (pipeline over reference).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django(work: Path) -> None:
    # A throwaway SQLite database and media folder, so the benchmark touches nothing else.
    os.environ["DJANGO_SETTINGS_MODULE"] = "lms.settings.dev"
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(work / "media")
    os.environ["LOG_LEVEL"] = "WARNING"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def make_clip(ffmpeg: str, path: Path, seconds: int) -> None:
    subprocess.run(
        [
            ffmpeg, "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", f"testsrc2=size=1280x720:rate=30:duration={seconds}",
            "-f", "lavfi", "-i", f"sine=frequency=440:beep_factor=4:duration={seconds}",
            "-c:v", "libx264", "-preset", "ultrafast", "-crf", "18", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-shortest", str(path),
        ],
        check=True,
    )


def reference_command(ffmpeg: str, source: Path, out: Path, preset: str) -> list[str]:
    """Return one hand-written ffmpeg command producing the same ladder, keyframes and poster."""
    graph = (
        "[0:v]fps=30,format=yuv420p,split=4[a][b][c][p];"
        "[a]scale=426:240,setsar=1[v240];[b]scale=640:360,setsar=1[v360];[c]scale=1280:720,setsar=1[v720];"
        "[p]trim=start=2,scale=-2:720[poster];"
        "[0:a]asplit=4[a240][a360][a720][aonly]"
    )
    return [
        ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i", str(source),
        "-filter_complex", graph,
        "-map", "[v240]", "-map", "[a240]", "-map", "[v360]", "-map", "[a360]",
        "-map", "[v720]", "-map", "[a720]", "-map", "[aonly]",
        "-c:v", "libx264", "-preset", preset, "-profile:v", "main",
        "-g", "180", "-keyint_min", "180", "-sc_threshold", "0",
        "-force_key_frames", "expr:gte(t,n_forced*6)",
        "-b:v:0", "300k", "-maxrate:v:0", "321k", "-bufsize:v:0", "450k",
        "-b:v:1", "700k", "-maxrate:v:1", "749k", "-bufsize:v:1", "1050k",
        "-b:v:2", "2000k", "-maxrate:v:2", "2140k", "-bufsize:v:2", "3000k",
        "-c:a", "aac", "-ac", "2", "-ar", "48000",
        "-b:a:0", "64k", "-b:a:1", "96k", "-b:a:2", "128k", "-b:a:3", "48k",
        "-f", "hls", "-hls_time", "6", "-hls_playlist_type", "vod", "-hls_flags", "independent_segments",
        "-hls_segment_type", "mpegts", "-hls_segment_filename", str(out / "%v" / "seg_%05d.ts"),
        "-master_pl_name", "master.m3u8",
        "-var_stream_map", "v:0,a:0,name:240p v:1,a:1,name:360p v:2,a:2,name:720p a:3,name:audio",
        str(out / "%v" / "index.m3u8"),
        "-map", "[poster]", "-frames:v", "1", "-q:v", "3", "-update", "1", str(out / "poster.jpg"),
    ]


def time_reference(ffmpeg: str, source: Path, work: Path, preset: str) -> float:
    out = work / "reference"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    started = time.perf_counter()
    subprocess.run(reference_command(ffmpeg, source, out, preset), check=True)
    return time.perf_counter() - started


def time_pipeline(source: Path) -> float:
    from django.core.files import File

    from media.models import Video
    from media.services.transcoding import transcode_video

    video = Video(title="Хэмжилт")
    with source.open("rb") as handle:
        video.source.save(source.name, File(handle, name=source.name), save=False)
    video.save()

    started = time.perf_counter()
    result = transcode_video(video.pk)
    elapsed = time.perf_counter() - started
    if result is None or result.status != Video.Status.READY:
        raise SystemExit(f"pipeline failed: {result.failure_reason if result else 'video missing'}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="Length of the generated clip, in seconds.")
    parser.add_argument("--rounds", type=int, default=2, help="Runs of each side; the fastest run counts.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-transcode-") as tmp:
        work = Path(tmp)
        setup_django(work)
        from media.conf import x264_preset
        from media.ffmpeg.binary import ffmpeg_executable

        ffmpeg = ffmpeg_executable()
        preset = x264_preset()
        source = work / "lecture-720p30.mp4"
        make_clip(ffmpeg, source, args.seconds)
        print(f"clip: {args.seconds} s 1280x720 30 fps with sound; x264 preset {preset}; {os.cpu_count()} CPUs")

        pipeline_times, reference_times = [], []
        for round_number in range(1, args.rounds + 1):
            # Alternate the order so neither side always runs on a warm cache.
            if round_number % 2:
                reference_times.append(time_reference(ffmpeg, source, work, preset))
                pipeline_times.append(time_pipeline(source))
            else:
                pipeline_times.append(time_pipeline(source))
                reference_times.append(time_reference(ffmpeg, source, work, preset))
            print(f"round {round_number}: pipeline {pipeline_times[-1]:.2f} s, reference {reference_times[-1]:.2f} s")

        pipeline_s, reference_s = min(pipeline_times), min(reference_times)
        print(f"pipeline:  {pipeline_s:.2f} s, {args.seconds / pipeline_s:.2f}x realtime")
        print(f"reference: {reference_s:.2f} s, {args.seconds / reference_s:.2f}x realtime")
        print(json.dumps({
            "pipeline_s": round(pipeline_s, 3),
            "reference_s": round(reference_s, 3),
            "ratio": round(pipeline_s / reference_s, 3),
        }))


if __name__ == "__main__":
    main()
