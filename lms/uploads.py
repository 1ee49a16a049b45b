"""Checks for uploaded files: the content must match the extension, the size a limit.

Browsers and users both mislabel files, so the extension and the declared content type
are not trusted: the first bytes are read and compared with the known signatures of the
formats this platform accepts. Models and forms of every app use `UploadValidator`.
"""

import os
import unicodedata
import zipfile

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

SNIFF_BYTES = 4096
MAX_FILENAME_LENGTH = 100


def is_utf8_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # The sniffed prefix may end inside a multi-byte character.
        return error.start >= len(head) - 3
    return True


def zip_members(file) -> set[str]:
    try:
        with zipfile.ZipFile(file) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return set()
    finally:
        file.seek(0)


def is_office_open_xml(head: bytes, file) -> bool:
    return head.startswith(b"PK\x03\x04") and "[Content_Types].xml" in zip_members(file)


def is_open_document(head: bytes, file) -> bool:
    return head.startswith(b"PK\x03\x04") and "mimetype" in zip_members(file)


def is_iso_media(head: bytes) -> bool:
    # MP4, M4V and QuickTime files start with a box whose type is "ftyp" (ISO/IEC 14496-12).
    return head[4:8] in (b"ftyp", b"moov", b"mdat", b"wide", b"free")


# extension -> test of the first bytes (and, for zip-based formats, the archive itself)
SIGNATURES = {
    "pdf": lambda head, file: head.startswith(b"%PDF-"),
    "docx": is_office_open_xml,
    "xlsx": is_office_open_xml,
    "pptx": is_office_open_xml,
    "odt": is_open_document,
    "png": lambda head, file: head.startswith(b"\x89PNG\r\n\x1a\n"),
    "jpg": lambda head, file: head.startswith(b"\xff\xd8\xff"),
    "jpeg": lambda head, file: head.startswith(b"\xff\xd8\xff"),
    "gif": lambda head, file: head[:6] in (b"GIF87a", b"GIF89a"),
    "webp": lambda head, file: head[:4] == b"RIFF" and head[8:12] == b"WEBP",
    "mp4": lambda head, file: is_iso_media(head),
    "m4v": lambda head, file: is_iso_media(head),
    "mov": lambda head, file: is_iso_media(head),
    "mkv": lambda head, file: head.startswith(b"\x1a\x45\xdf\xa3"),
    "webm": lambda head, file: head.startswith(b"\x1a\x45\xdf\xa3"),
    "vtt": lambda head, file: head.removeprefix(b"\xef\xbb\xbf").startswith(b"WEBVTT"),
    "srt": lambda head, file: is_utf8_text(head) and b"-->" in head,
    "csv": lambda head, file: is_utf8_text(head),
    "txt": lambda head, file: is_utf8_text(head),
}


def extension_of(name: str) -> str:
    return os.path.splitext(name)[1].lstrip(".").lower()


def content_matches(file, extension: str) -> bool:
    """Tell whether the file's first bytes are those of the format its extension names."""
    check = SIGNATURES.get(extension)
    if check is None:
        return False
    file.seek(0)
    head = file.read(SNIFF_BYTES)
    file.seek(0)
    return check(head, file)


def safe_filename(name: str) -> str:
    """Return a file name without folders, control characters or shell-special characters.

    Cyrillic letters are kept, so Mongolian names stay readable. An empty result becomes
    "file", and the stem is cut so the whole name stays within MAX_FILENAME_LENGTH.
    """
    base = unicodedata.normalize("NFC", os.path.basename(name.replace("\\", "/")))
    stem, _dot, extension = base.rpartition(".") if "." in base else (base, "", "")
    stem = slugify(stem, allow_unicode=True) or "file"
    extension = slugify(extension, allow_unicode=True)[:10]
    stem = stem[: MAX_FILENAME_LENGTH - len(extension) - 1]
    return f"{stem}.{extension}" if extension else stem


@deconstructible
class UploadValidator:
    """Reject a file whose extension is not allowed, whose content does not match it, or
    that is larger than `max_bytes`."""

    def __init__(self, extensions: list[str], max_bytes: int):
        self.extensions = [extension.lower() for extension in extensions]
        self.max_bytes = max_bytes

    def __call__(self, file) -> None:
        extension = extension_of(file.name)
        if extension not in self.extensions:
            raise ValidationError(
                _("Files of type “%(extension)s” are not accepted. Allowed types: %(allowed)s."),
                code="invalid_extension",
                params={"extension": extension or "?", "allowed": ", ".join(self.extensions)},
            )
        if file.size is not None and file.size > self.max_bytes:
            raise ValidationError(
                _("The file is %(size)s; the limit is %(limit)s."),
                code="file_too_large",
                params={"size": filesizeformat(file.size), "limit": filesizeformat(self.max_bytes)},
            )
        if not content_matches(file, extension):
            raise ValidationError(
                _("The file's content is not a valid %(extension)s file. Save it again in that format and retry."),
                code="content_mismatch",
                params={"extension": extension.upper()},
            )

    def __eq__(self, other):
        return (
            isinstance(other, UploadValidator)
            and self.extensions == other.extensions
            and self.max_bytes == other.max_bytes
        )
