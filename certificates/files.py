"""File names for downloaded certificates and archives."""

import re
from datetime import date
from urllib.parse import quote

from anyascii import anyascii

from .models import Certificate

UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def certificate_filename(certificate: Certificate) -> str:
    """Return for example certificate-tip-victims-ABCD-EFGH-JKMN-PQ.pdf."""
    return f"certificate-{certificate.course.slug}-{certificate.code}.pdf"


def ascii_fallback(filename: str) -> str:
    """Transliterate Cyrillic (a course slug may be Cyrillic) and drop what headers cannot carry."""
    return UNSAFE.sub("-", anyascii(filename)).strip("-") or "certificate.pdf"


def content_disposition(filename: str) -> str:
    """Return an attachment header with an ASCII name and the exact UTF-8 name (RFC 6266)."""
    return f"attachment; filename=\"{ascii_fallback(filename)}\"; filename*=UTF-8''{quote(filename)}"


def archive_filename(course_slug: str, completed_from: date | None, completed_to: date | None) -> str:
    """Return for example certificates-tip-victims-2026-12-01-2026-12-31.zip, leaving out absent days."""
    parts = ["certificates", course_slug, *(str(day) for day in (completed_from, completed_to) if day)]
    return "-".join(part for part in parts if part) + ".zip"
