"""The transcoding pipeline on real ffmpeg, for every kind of input trainers upload."""

import re
from pathlib import Path

import av
import pytest
from django.core.files.storage import default_storage

from media.ffmpeg.probe import probe
from media.models import Video
from media.services.transcoding import recover_stale_videos, retry_video, transcode_video
from media.tasks import transcode_video_task

pytestmark = [pytest.mark.ffmpeg, pytest.mark.django_db]

CYRILLIC = re.compile(r"[А-Яа-яӨөҮүЁё]")


def stored_text(video: Video, relative: str) -> str:
    with default_storage.open(video.output_name(relative)) as handle:
        return handle.read().decode("utf-8")


def playlist_duration(video: Video, rung: str) -> float:
    text = stored_text(video, f"{rung}/index.m3u8")
    return sum(float(value) for value in re.findall(r"#EXTINF:([\d.]+),", text))


def rung_sizes(video: Video) -> dict[str, tuple[int, int]]:
    return {r["name"]: (r["width"], r["height"]) for r in video.renditions if r["name"] != "audio"}


def first_segment_stream(video: Video, rung: str):
    path = Path(default_storage.path(video.output_name(f"{rung}/seg_00000.ts")))
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        return stream.codec_context.width, stream.codec_context.height, len(container.streams.audio)


def test_landscape_gets_full_ladder(make_video, clips):
    video = make_video(clips["landscape.mp4"])

    transcode_video_task.enqueue(video.pk)

    video.refresh_from_db()
    assert video.status == Video.Status.READY, video.failure_detail
    assert video.progress == 100
    assert rung_sizes(video) == {"240p": (426, 240), "360p": (640, 360), "720p": (1280, 720)}
    assert video.duration_seconds == pytest.approx(2.0, abs=0.1)
    master = stored_text(video, "master.m3u8")
    for rung in ("240p", "360p", "720p", "audio"):
        assert f"{rung}/index.m3u8" in master
        assert playlist_duration(video, rung) == pytest.approx(2.0, abs=0.2)
    assert "#EXT-X-ENDLIST" in stored_text(video, "240p/index.m3u8")
    assert 'CODECS="mp4a.40.2"' in master
    assert default_storage.exists(video.poster.name)
    assert default_storage.exists(video.download.name)
    assert first_segment_stream(video, "720p") == (1280, 720, 1)


def test_download_copy_is_360p_mp4(make_video, clips):
    video = make_video(clips["landscape.mp4"])

    transcode_video(video.pk)

    video.refresh_from_db()
    info = probe(default_storage.path(video.download.name))
    assert (info.width, info.height) == (640, 360)
    assert info.has_audio
    assert info.duration == pytest.approx(2.0, abs=0.2)


def test_keyframes_align_across_rungs(make_video, clips):
    """Every rung's segments start at the same times, so players can switch between them."""
    video = make_video(clips["landscape.mp4"])

    transcode_video(video.pk)

    video.refresh_from_db()
    extinf = {rung: re.findall(r"#EXTINF:([\d.]+),", stored_text(video, f"{rung}/index.m3u8")) for rung in ("240p", "360p", "720p")}
    assert extinf["240p"] == extinf["360p"] == extinf["720p"]


@pytest.mark.parametrize(
    ("clip", "expected_rungs"),
    [
        ("small.mp4", {"240p": (426, 240), "360p": (640, 360)}),
        ("four_three.mp4", {"240p": (320, 240), "360p": (480, 360)}),
        ("phone_portrait.mp4", {"240p": (240, 426), "360p": (360, 640)}),
        ("clip.mov", {"240p": (426, 240), "360p": (640, 360)}),
        ("clip.mkv", {"240p": (426, 240), "360p": (640, 360)}),
        ("clip.webm", {"240p": (426, 240), "360p": (640, 360)}),
        ("hevc.mp4", {"240p": (426, 240), "360p": (640, 360)}),
    ],
)
def test_input_kinds_never_upscale(make_video, clips, clip, expected_rungs):
    video = make_video(clips[clip])

    transcode_video(video.pk)

    video.refresh_from_db()
    assert video.status == Video.Status.READY, video.failure_detail
    assert rung_sizes(video) == expected_rungs
    assert video.duration_seconds == pytest.approx(2.0, abs=0.15)
    for rung in expected_rungs:
        assert playlist_duration(video, rung) == pytest.approx(2.0, abs=0.25)
    assert "audio/index.m3u8" in stored_text(video, "master.m3u8")


def test_portrait_phone_video_stays_upright(make_video, clips):
    video = make_video(clips["phone_portrait.mp4"])

    transcode_video(video.pk)

    video.refresh_from_db()
    assert (video.width, video.height) == (360, 640)
    assert first_segment_stream(video, "360p")[:2] == (360, 640)


def test_video_without_audio_has_no_audio_rung(make_video, clips):
    video = make_video(clips["no_audio.mp4"])

    transcode_video(video.pk)

    video.refresh_from_db()
    assert video.status == Video.Status.READY, video.failure_detail
    assert [r["name"] for r in video.renditions] == ["240p", "360p"]
    assert "audio/index.m3u8" not in stored_text(video, "master.m3u8")
    assert first_segment_stream(video, "240p")[2] == 0


def test_one_second_clip_is_ready(make_video, clips):
    video = make_video(clips["one_second.mp4"])

    transcode_video(video.pk)

    video.refresh_from_db()
    assert video.status == Video.Status.READY, video.failure_detail
    assert video.duration_seconds == pytest.approx(1.0, abs=0.1)
    assert playlist_duration(video, "240p") == pytest.approx(1.0, abs=0.2)


@pytest.mark.parametrize(
    ("clip", "expected_words"),
    [
        ("not_video.mp4", "видео биш"),
        ("truncated.mp4", "тайлах боломжгүй"),
        ("truncated_faststart.mp4", "таслагдсан"),
        ("corrupt.mp4", "тайлах боломжгүй"),
    ],
)
def test_broken_input_fails_in_mongolian(make_video, clips, clip, expected_words):
    video = make_video(clips[clip])

    transcode_video_task.enqueue(video.pk)

    video.refresh_from_db()
    assert video.status == Video.Status.FAILED
    assert CYRILLIC.search(video.failure_reason)
    assert expected_words in video.failure_reason
    assert default_storage.exists(video.source.name)
    assert video.output_prefix == ""


def test_failed_video_retries_after_source_fixed(make_video, clips, django_capture_on_commit_callbacks):
    video = make_video(clips["not_video.mp4"])
    transcode_video(video.pk)
    video.refresh_from_db()
    assert video.status == Video.Status.FAILED
    with clips["small.mp4"].open("rb") as handle:
        video.source.save("replacement.mp4", handle)

    with django_capture_on_commit_callbacks(execute=True):
        retry_video(video)

    video.refresh_from_db()
    assert video.status == Video.Status.READY
    assert video.failure_reason == ""


def test_task_twice_is_harmless(make_video, clips):
    video = make_video(clips["small.mp4"])
    transcode_video_task.enqueue(video.pk)
    video.refresh_from_db()
    first_prefix = video.output_prefix

    transcode_video_task.enqueue(video.pk)

    video.refresh_from_db()
    assert video.status == Video.Status.READY
    assert video.output_prefix == first_prefix
    assert video.attempts == 1


def test_killed_job_reruns_and_hides_partial_output(make_video, clips, django_capture_on_commit_callbacks):
    """A worker that died mid-job left a half-written folder; recovery reruns and removes it."""
    video = make_video(clips["small.mp4"])
    Video.objects.filter(pk=video.pk).update(
        status=Video.Status.PROCESSING, attempts=1, heartbeat_at="2020-01-01T00:00:00Z", started_at="2020-01-01T00:00:00Z"
    )
    partial = f"videos/hls/{video.public_key}/deadbeef/240p/seg_00000.ts"
    default_storage.save(partial, open(clips["small.mp4"], "rb"))

    with django_capture_on_commit_callbacks(execute=True):
        recovered = recover_stale_videos()

    video.refresh_from_db()
    assert recovered == [video.pk]
    assert video.status == Video.Status.READY
    assert video.attempts == 2
    assert not default_storage.exists(partial)


def test_job_abandoned_too_often_fails(make_video, clips, settings):
    settings.LMS_VIDEO_MAX_ATTEMPTS = 2
    video = make_video(clips["small.mp4"])
    Video.objects.filter(pk=video.pk).update(
        status=Video.Status.PROCESSING, attempts=2, heartbeat_at="2020-01-01T00:00:00Z"
    )

    recover_stale_videos()

    video.refresh_from_db()
    assert video.status == Video.Status.FAILED
    assert "2" in video.failure_reason
    assert CYRILLIC.search(video.failure_reason)


def test_missing_source_fails_clearly(make_video, clips):
    video = make_video(clips["small.mp4"])
    default_storage.delete(video.source.name)

    transcode_video(video.pk)

    video.refresh_from_db()
    assert video.status == Video.Status.FAILED
    assert CYRILLIC.search(video.failure_reason)
