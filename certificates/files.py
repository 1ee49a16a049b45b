"""File names for downloaded certificates and archives."""

import re
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
