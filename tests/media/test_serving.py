"""Serving playlists, segments, the download copy and captions by the video's public key."""

from http import HTTPStatus

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from media.models import Caption, Video
from media.services.transcoding import transcode_video

pytestmark = [pytest.mark.django_db, pytest.mark.ffmpeg]


@pytest.fixture
def ready_video(make_video, clips):
    video = make_video(clips["small.mp4"], allow_download=True)
    transcode_video(video.pk)
    video.refresh_from_db()
    return video


def file_url(video: Video, relative: str) -> str:
    return reverse("media:file", args=[video.public_key, relative])


def test_master_playlist_served(client, ready_video):
    response = client.get(reverse("media:master_playlist", args=[ready_video.public_key]))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/vnd.apple.mpegurl"
    assert b"240p/index.m3u8" in b"".join(response.streaming_content)


def test_segment_served_as_transport_stream(client, ready_video):
    response = client.get(file_url(ready_video, "240p/seg_00000.ts"))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "video/mp2t"
    assert b"".join(response.streaming_content)[:1] == b"\x47"


def test_download_supports_range(client, ready_video):
    response = client.get(file_url(ready_video, "download-360p.mp4"), HTTP_RANGE="bytes=4-11")

    assert response.status_code == HTTPStatus.PARTIAL_CONTENT
    assert b"".join(response.streaming_content) == b"ftypisom"
    assert response["Content-Range"].startswith("bytes 4-11/")
    assert "attachment" in response["Content-Disposition"]


def test_range_past_end_rejected(client, ready_video):
    response = client.get(file_url(ready_video, "download-360p.mp4"), HTTP_RANGE="bytes=999999999-")

    assert response.status_code == HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE


def test_download_hidden_unless_allowed(client, ready_video):
    Video.objects.filter(pk=ready_video.pk).update(allow_download=False)

    response = client.get(file_url(ready_video, "download-360p.mp4"))

    assert response.status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("relative", ["../../secret.txt", "240p/../../x.ts", "240p/other.mp4", "source.mp4"])
def test_paths_outside_outputs_not_found(client, ready_video, relative):
    response = client.get(f"/video/{ready_video.public_key}/{relative}")

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_unready_video_not_served(client, make_video, clips):
    video = make_video(clips["small.mp4"])

    response = client.get(reverse("media:master_playlist", args=[video.public_key]))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_caption_served_as_webvtt(client, ready_video):
    caption = Caption(video=ready_video, language="en", file=ContentFile(b"WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n", name="en.vtt"))
    caption.full_clean()
    caption.save()

    response = client.get(reverse("media:caption", args=[ready_video.public_key, "en"]))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/vtt")


def test_watch_page_renders_mongolian_player(client, ready_video):
    response = client.get(reverse("media:watch", args=[ready_video.public_key]))

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "data-lms-player" in content
    assert "Тоглуулах" in content
    assert "Татаж авах (MP4, 360p)" in content
    assert "<script>" not in content


def test_deleting_video_removes_files(ready_video, django_capture_on_commit_callbacks):
    from django.core.files.storage import default_storage

    source, master = ready_video.source.name, ready_video.output_name("master.m3u8")

    with django_capture_on_commit_callbacks(execute=True):
        ready_video.delete()

    assert not default_storage.exists(source)
    assert not default_storage.exists(master)
