"""ZIP archives of many certificates, produced piece by piece so memory stays flat.

zipfile writes to an unseekable sink (using data descriptors), and the bytes are handed
on after each certificate, so only one PDF is held in memory at a time.
"""

import io
import re
import zipfile
from collections.abc import Iterable, Iterator

from ..models import Certificate
from .pdf import render_certificate

UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class ChunkSink(io.RawIOBase):
    """A write-only stream that keeps what was written until it is taken."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


def member_name(certificate: Certificate) -> str:
    """Return "<learner's name> <code>.pdf", without characters that file systems reject."""
    name = UNSAFE_IN_NAME.sub(" ", certificate.learner.full_name).strip() or "certificate"
    return f"{name} {certificate.code}.pdf"


def stream_archive(certificates: Iterable[Certificate]) -> Iterator[bytes]:
    """Yield a ZIP file of the certificates' PDFs, one certificate's bytes at a time."""
    sink = ChunkSink()
    with zipfile.ZipFile(sink, mode="w", compression=zipfile.ZIP_STORED) as archive:
        for certificate in certificates:
            # PDF streams are already compressed, so deflating again would only cost time.
            archive.writestr(member_name(certificate), render_certificate(certificate))
            yield sink.take()
    yield sink.take()
