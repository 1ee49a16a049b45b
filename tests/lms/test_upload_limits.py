"""Upload requests over LMS_MAX_REQUEST_UPLOAD_BYTES are stopped while they are read."""

import asyncio
import http.client
import logging
import re
from http import HTTPStatus

import pytest
from asgiref.sync import async_to_sync
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.handlers.asgi import ASGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import override_settings
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image

from courses.views.admin import SESSION_KEY as PENDING_IMPORT_KEY
from lms.checks import check_upload_ceiling
from media.models import Caption, Video

from ..factories import UserFactory

pytestmark = pytest.mark.django_db

CEILING = 64 * 1024
# filesizeformat joins the number and the unit with a no-break space.
MESSAGE_MN = "Файл хэт том байна: дээд хязгаар нь 64,0\xa0KB."
MESSAGE_EN = "The file is too large: the limit is 64.0\xa0KB."
LEARNER_IMPORT_URL = "/admin/learners/import/"
LEARNERS_CSV = "Овог нэр,И-мэйл,Хүйс,Мэргэжил,Байгууллага\n"


@pytest.fixture
def upload_dir(tmp_path):
    """Set the ceiling to CEILING and return the folder where Django spools uploads."""
    folder = tmp_path / "uploads"
    folder.mkdir()
    with override_settings(LMS_MAX_REQUEST_UPLOAD_BYTES=CEILING, FILE_UPLOAD_TEMP_DIR=str(folder)):
        yield folder


@pytest.fixture
def staff_client(client, academy_staff):
    client.force_login(academy_staff)
    return client


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True, profession=None))
    return client


def oversized_csv() -> SimpleUploadedFile:
    return SimpleUploadedFile("officials.csv", LEARNERS_CSV.encode() + b"x" * (CEILING * 3), content_type="text/csv")


def page_text(response) -> str:
    return response.content.decode()


def test_oversized_upload_gets_mongolian_message(staff_client, upload_dir):
    response = staff_client.post(LEARNER_IMPORT_URL, {"file": oversized_csv()})

    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    assert MESSAGE_MN in page_text(response)
    assert "Юу ч хадгалсангүй." in page_text(response)
    assert PENDING_IMPORT_KEY not in staff_client.session
    assert list(upload_dir.iterdir()) == []


def test_oversized_upload_gets_english_message(staff_client, upload_dir):
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = staff_client.post(LEARNER_IMPORT_URL, {"file": oversized_csv()})

    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    assert MESSAGE_EN in page_text(response)
    assert response["Content-Language"] == "en"


def test_stopped_upload_is_logged(staff_client, academy_staff, upload_dir, caplog):
    with caplog.at_level(logging.WARNING, logger="lms.upload_limits"):
        staff_client.post(LEARNER_IMPORT_URL, {"file": oversized_csv()})

    lines = [record.getMessage() for record in caplog.records if record.name == "lms.upload_limits"]
    assert len(lines) == 1
    assert lines[0].startswith(f"upload stopped user_id={academy_staff.pk} path={LEARNER_IMPORT_URL} bytes_read=0 ")
    assert f"limit={CEILING}" in lines[0]


def test_upload_under_ceiling_still_works(staff_client, agency, upload_dir):
    content = (LEARNERS_CSV + f"Батын Сараа,saraa@example.mn,эм,police,{agency.code}\n").encode()

    response = staff_client.post(LEARNER_IMPORT_URL, {"file": SimpleUploadedFile("officials.csv", content)})

    assert response.status_code == HTTPStatus.OK
    assert response.context["result"].ok
    assert PENDING_IMPORT_KEY in staff_client.session


def video_with_caption_form() -> dict:
    return {
        "title": "Лекц",
        "title_en": "Lecture",
        "captions-TOTAL_FORMS": "1",
        "captions-INITIAL_FORMS": "0",
        "captions-MIN_NUM_FORMS": "0",
        "captions-MAX_NUM_FORMS": "1000",
        "captions-0-language": "mn",
        "captions-0-file": SimpleUploadedFile("lecture.vtt", b"WEBVTT\n\n" + b"x" * (CEILING * 2)),
    }


UPLOAD_FORMS = {
    "learner import": lambda: (LEARNER_IMPORT_URL, {"file": oversized_csv()}),
    "completion import": lambda: (reverse("reports_import"), {"file": oversized_csv()}),
    "video upload": lambda: (
        reverse("wagtailsnippets_media_video:add"),
        {"title": "Лекц", "source": SimpleUploadedFile("lecture.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * CEILING)},
    ),
    "caption upload": lambda: (
        reverse(
            "wagtailsnippets_media_video:edit",
            args=[Video.objects.create(title="Лекц", source="videos/lecture.mp4").pk],
        ),
        video_with_caption_form(),
    ),
    "document": lambda: (
        reverse("wagtaildocs:add"),
        {"title": "Гарын авлага", "file": SimpleUploadedFile("handbook.pdf", b"%PDF-1.4\n" + b"0" * CEILING)},
    ),
    "image": lambda: (
        reverse("wagtailimages:add"),
        {"title": "Зураг", "file": SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n" + b"0" * CEILING)},
    ),
}


@pytest.mark.parametrize("form", UPLOAD_FORMS)
def test_every_upload_form_returns_413(admin_client, upload_dir, form):
    url, data = UPLOAD_FORMS[form]()
    videos_before = Video.objects.count()

    response = admin_client.post(url, data)

    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    assert MESSAGE_MN in page_text(response)
    assert Video.objects.count() == videos_before
    assert not Caption.objects.exists()
    assert not Document.objects.exists()
    assert not Image.objects.exists()
    assert list(upload_dir.iterdir()) == []


def test_overstated_length_rejected_unread(staff_client, upload_dir, caplog):
    # The body is small, but the declared length alone is over the ceiling.
    with caplog.at_level(logging.WARNING, logger="lms.upload_limits"):
        response = staff_client.post(
            LEARNER_IMPORT_URL,
            {"file": SimpleUploadedFile("officials.csv", LEARNERS_CSV.encode())},
            CONTENT_LENGTH=str(40 * 1024**3),
        )

    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    assert MESSAGE_MN in page_text(response)
    assert "bytes_read=0 " in caplog.text
    assert f"content_length={40 * 1024**3}" in caplog.text


def test_wsgi_understated_length_truncates_body(staff_client, upload_dir):
    # Under WSGI, Django reads no more of the body than Content-Length declares, so the
    # file part ends early and never reaches the form.
    response = staff_client.post(LEARNER_IMPORT_URL, {"file": oversized_csv()}, CONTENT_LENGTH=str(CEILING // 2))

    assert response.status_code == HTTPStatus.OK
    assert not response.context["form"].is_bound
    assert PENDING_IMPORT_KEY not in staff_client.session
    assert list(upload_dir.iterdir()) == []


def asgi_post(path: str, body: bytes, headers: list[tuple[bytes, bytes]]) -> tuple[int, bytes]:
    """POST through Django's ASGI handler, sending the body in 256 KB messages.

    Like Django's test clients, it keeps the test's database connection open during the
    request. ASGIHandler.handle() is called without the per-request thread context, so the
    view runs on this thread, inside the test's transaction.
    """
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver"), *headers],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 80),
    }
    chunk = 256 * 1024
    messages = [
        {"type": "http.request", "body": body[start : start + chunk], "more_body": start + chunk < len(body)}
        for start in range(0, len(body), chunk)
    ]
    sent = []

    async def receive():
        if messages:
            return messages.pop(0)
        # The client stays connected until the handler has sent its response.
        await asyncio.get_running_loop().create_future()

    async def send(message):
        sent.append(message)

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        async_to_sync(ASGIHandler().handle)(scope, receive, send)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    status = next(message["status"] for message in sent if message["type"] == "http.response.start")
    content = b"".join(message.get("body", b"") for message in sent if message["type"] == "http.response.body")
    return status, content


def test_asgi_understated_length_stopped_by_count(staff_client, academy_staff, caplog, tmp_path):
    # ASGI hands Django the whole body whatever Content-Length declares, so only the byte count
    # can stop it. The file is larger than FILE_UPLOAD_MAX_MEMORY_SIZE, so it is spooled
    # to the upload folder until the ceiling is passed.
    ceiling = 3 * 1024 * 1024
    folder = tmp_path / "uploads"
    folder.mkdir()
    payload = encode_multipart(BOUNDARY, {"file": SimpleUploadedFile("officials.csv", b"x" * (5 * 1024 * 1024))})
    headers = [
        (b"content-type", MULTIPART_CONTENT.encode()),
        (b"content-length", b"1000"),
        (b"cookie", f"{settings.SESSION_COOKIE_NAME}={staff_client.cookies[settings.SESSION_COOKIE_NAME].value}".encode()),
    ]

    with override_settings(LMS_MAX_REQUEST_UPLOAD_BYTES=ceiling, FILE_UPLOAD_TEMP_DIR=str(folder)):
        with caplog.at_level(logging.WARNING, logger="lms.upload_limits"):
            status, content = asgi_post(LEARNER_IMPORT_URL, payload, headers)

    assert status == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    assert "Файл хэт том байна: дээд хязгаар нь 3,0\xa0MB." in content.decode()
    logged = re.search(rf"upload stopped user_id={academy_staff.pk} path={LEARNER_IMPORT_URL} bytes_read=(\d+) ", caplog.text)
    assert logged is not None
    # Reading stopped within one 64 KB chunk of the ceiling, well before the 5 MB end.
    assert ceiling < int(logged.group(1)) <= ceiling + 64 * 1024
    assert list(folder.iterdir()) == []


def test_live_server_responds_before_body(live_server, client, academy_staff):
    # The request declares a body ten times the ceiling and sends none of it, so the
    # response must arrive without the body. A declared 40 GB would make Django's
    # development server try to read the unread rest in one call after responding.
    client.force_login(academy_staff)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    connection = http.client.HTTPConnection(live_server.thread.host, live_server.thread.port, timeout=30)
    try:
        with override_settings(LMS_MAX_REQUEST_UPLOAD_BYTES=CEILING):
            connection.putrequest("POST", LEARNER_IMPORT_URL)
            connection.putheader("Content-Type", MULTIPART_CONTENT)
            connection.putheader("Content-Length", str(10 * CEILING))
            connection.putheader("Cookie", f"{settings.SESSION_COOKIE_NAME}={session}")
            connection.endheaders()
            response = connection.getresponse()
            content = response.read().decode()
    finally:
        connection.close()

    assert response.status == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    assert MESSAGE_MN in content


def test_default_ceiling_covers_every_form_limit():
    assert check_upload_ceiling(None) == []


def test_ceiling_below_video_limit_warns():
    with override_settings(LMS_MAX_REQUEST_UPLOAD_BYTES=CEILING):
        warnings = check_upload_ceiling(None)

    assert [warning.id for warning in warnings] == ["lms.W001"] * 5
    assert warnings[0].msg.startswith(f"LMS_MAX_REQUEST_UPLOAD_BYTES ({CEILING}) is below LMS_VIDEO_MAX_UPLOAD_BYTES")
