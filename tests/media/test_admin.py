"""Uploading and retrying videos in the Wagtail admin."""

from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from media.models import Video
from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db]

ADD_URL = "wagtailsnippets_media_video:add"
EMPTY_CAPTIONS = {
    "captions-TOTAL_FORMS": "0",
    "captions-INITIAL_FORMS": "0",
    "captions-MIN_NUM_FORMS": "0",
    "captions-MAX_NUM_FORMS": "1000",
}


@pytest.fixture
def admin_client(client):
    user = UserFactory(is_staff=True, is_superuser=True, profession=None)
    client.force_login(user)
    return client


def post_upload(admin_client, name: str, content: bytes, **extra):
    data = {
        "title": "Хохирогчоос мэдүүлэг авах онцлог",
        "title_en": "Interviewing victims",
        "source": SimpleUploadedFile(name, content, content_type="video/mp4"),
        **EMPTY_CAPTIONS,
        **extra,
    }
    return admin_client.post(reverse(ADD_URL), data)


@pytest.mark.ffmpeg
def test_upload_creates_and_transcodes(admin_client, clips, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_upload(admin_client, "lecture.mp4", clips["small.mp4"].read_bytes())

    assert response.status_code == HTTPStatus.FOUND
    video = Video.objects.get()
    assert video.status == Video.Status.READY
    assert len(video.source_sha256) == 64
    assert video.title_en == "Interviewing victims"


def test_upload_of_non_video_rejected(admin_client, clips):
    response = post_upload(admin_client, "lecture.mp4", clips["not_video.mp4"].read_bytes())

    assert response.status_code == HTTPStatus.OK
    assert "видео биш" in response.content.decode()
    assert not Video.objects.exists()


def test_upload_over_limit_rejected(admin_client, clips, settings):
    settings.LMS_VIDEO_MAX_UPLOAD_BYTES = 1000

    response = post_upload(admin_client, "lecture.mp4", clips["small.mp4"].read_bytes())

    assert response.status_code == HTTPStatus.OK
    assert "Зөвшөөрөгдөх дээд хэмжээ" in response.content.decode()
    assert not Video.objects.exists()


@pytest.mark.ffmpeg
def test_edit_page_shows_failure_and_retry(admin_client, make_video, clips):
    from media.services.transcoding import transcode_video

    video = make_video(clips["not_video.mp4"])
    transcode_video(video.pk)

    response = admin_client.get(reverse("wagtailsnippets_media_video:edit", args=[video.pk]))

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "видео биш" in content
    assert reverse("media_video_retry", args=[video.pk]) in content


@pytest.mark.ffmpeg
def test_retry_requeues_failed_video(admin_client, make_video, clips, django_capture_on_commit_callbacks):
    from media.services.transcoding import transcode_video

    video = make_video(clips["not_video.mp4"])
    transcode_video(video.pk)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("media_video_retry", args=[video.pk]))

    video.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    # The source is still not a video, so the new attempt fails again, counted as attempt 1.
    assert video.status == Video.Status.FAILED
    assert video.attempts == 1


def test_retry_needs_change_permission(client, make_video, clips):
    video = make_video(clips["small.mp4"])
    client.force_login(UserFactory(is_staff=True, profession=None))

    response = client.post(reverse("media_video_retry", args=[video.pk]))

    assert response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.FOUND)
    video.refresh_from_db()
    assert video.status == Video.Status.QUEUED


def test_caption_upload_through_admin_converts_srt(admin_client, make_video, clips):
    video = make_video(clips["small.mp4"])
    srt = b"1\n00:00:00,000 --> 00:00:01,500\n\xd0\xa1\xd0\xb0\xd0\xb9\xd0\xbd\n"
    data = {
        "title": video.title,
        "title_en": "",
        "captions-TOTAL_FORMS": "1",
        "captions-INITIAL_FORMS": "0",
        "captions-MIN_NUM_FORMS": "0",
        "captions-MAX_NUM_FORMS": "1000",
        "captions-0-language": "mn",
        "captions-0-file": SimpleUploadedFile("mn.srt", srt),
        "captions-0-ORDER": "1",
        "captions-0-id": "",
        "captions-0-DELETE": "",
    }

    response = admin_client.post(reverse("wagtailsnippets_media_video:edit", args=[video.pk]), data)

    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:3000]
    caption = video.captions.get()
    assert caption.file.name.endswith(".vtt")
    assert caption.cues == [{"start": 0.0, "end": 1.5, "text": "Сайн"}]


def test_video_list_shows_status_and_progress(admin_client, make_video, clips):
    video = make_video(clips["small.mp4"])
    Video.objects.filter(pk=video.pk).update(status=Video.Status.PROCESSING, progress=42)

    response = admin_client.get(reverse("wagtailsnippets_media_video:list"))

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Боловсруулж байна" in content
    assert "42" in content


def test_add_form_renders(admin_client):
    response = admin_client.get(reverse(ADD_URL))

    assert response.status_code == HTTPStatus.OK
    assert 'name="source"' in response.content.decode()
