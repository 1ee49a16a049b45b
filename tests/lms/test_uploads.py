"""Uploads are checked by content and size, and stored under safe names."""

import io
import zipfile
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document

from lms.uploads import UploadValidator, safe_filename

from ..factories import UserFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def validate(name: str, content: bytes, max_bytes: int = 1024 * 1024):
    UploadValidator(["pdf", "docx", "vtt", "mp4"], max_bytes)(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    "name, content",
    [
        ("handbook.pdf", PDF),
        ("handbook.docx", docx_bytes()),
        ("captions.vtt", b"\xef\xbb\xbfWEBVTT\n\n00:00.000 --> 00:01.000\n\xd0\xa1\xd0\xb0\xd0\xb9\xd0\xbd\n"),
        ("lecture.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64),
    ],
)
def test_matching_content_is_accepted(name, content):
    validate(name, content)


@pytest.mark.parametrize(
    "name, content, code",
    [
        ("handbook.pdf", b"<html><script>alert(1)</script></html>", "content_mismatch"),
        ("handbook.docx", b"PK\x03\x04not really a zip", "content_mismatch"),
        ("captions.vtt", b"1\n00:00:00,000 --> 00:00:01,000\nhi\n", "content_mismatch"),
        ("payload.exe", b"MZ\x90\x00", "invalid_extension"),
        ("noextension", PDF, "invalid_extension"),
        ("big.pdf", PDF + b"0" * 2048, "file_too_large"),
    ],
)
def test_bad_upload_is_rejected(name, content, code):
    with pytest.raises(ValidationError) as error:
        validate(name, content, max_bytes=1024)
    assert error.value.code == code


@pytest.mark.parametrize(
    "name, expected",
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\x\\Гарын авлага 2026.PDF", "гарын-авлага-2026.pdf"),
        ("<script>.pdf", "script.pdf"),
        ("....pdf", "file.pdf"),
        ("a" * 300 + ".pdf", "a" * 96 + ".pdf"),
    ],
)
def test_safe_filename(name, expected):
    assert safe_filename(name) == expected


@pytest.mark.django_db
def test_document_upload_rejects_disguised_file(client):
    admin = UserFactory(is_superuser=True, is_staff=True, profession=None, email="docs.admin@example.mn")
    client.force_login(admin)
    fake = SimpleUploadedFile("handbook.pdf", b"<html>not a pdf</html>", content_type="application/pdf")

    response = client.post("/admin/documents/add/", {"title": "Гарын авлага", "file": fake, "collection": 1})

    assert response.status_code == HTTPStatus.OK
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_document_upload_accepts_pdf_with_safe_name(client):
    admin = UserFactory(is_superuser=True, is_staff=True, profession=None, email="docs.admin@example.mn")
    client.force_login(admin)
    pdf = SimpleUploadedFile("Гарын авлага (эцсийн).pdf", PDF, content_type="application/pdf")

    response = client.post("/admin/documents/add/", {"title": "Гарын авлага", "file": pdf, "collection": 1})

    assert response.status_code == HTTPStatus.FOUND
    document = Document.objects.get()
    assert document.file.name.startswith("documents/гарын-авлага-эцсийн")
    document.file.delete()
