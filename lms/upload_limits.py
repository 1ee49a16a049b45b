"""A ceiling on the size of every upload request, enforced while the body is read.

Each form checks its own file limit (`UploadValidator`, the video and import forms), but
only after Django has stored the whole upload in a temporary file. Without a ceiling, a
40 GB request fills the temporary folder before any form can reject it. The upload handler
here runs before Django's own handlers. It rejects a request whose declared Content-Length
is over `LMS_MAX_REQUEST_UPLOAD_BYTES` before reading a byte of the body. Otherwise it
counts the file bytes as they arrive and stops the upload once they pass the ceiling.

A stopped request gets a 413 page that states the limit in the user's language, on every
upload form alike. The form is not shown again with an error on the file field, because
Django's parser stops at the file part: the fields after it are never read. In the video
form those are "allow download" and the caption files, so a re-rendered form would lose
what the user entered there. A rejection on the declared length also happens before any
field, the CSRF token included, has been read.

NOTE: Under ASGI, Django writes the whole body to a temporary file before any upload
handler runs, so there the ceiling stops only the parsing, not the disk use. Production
runs gunicorn (WSGI), where Django reads at most Content-Length bytes of the body.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import QueryDict, UnreadablePostError
from django.utils.datastructures import MultiValueDict

from .views.errors import request_too_large

logger = logging.getLogger(__name__)


def max_request_upload_bytes() -> int:
    """Return the largest upload request body accepted, in bytes (LMS_MAX_REQUEST_UPLOAD_BYTES)."""
    return int(settings.LMS_MAX_REQUEST_UPLOAD_BYTES)


@dataclass(frozen=True)
class StoppedUpload:
    """Why an upload request was stopped: the ceiling in force and the file bytes read by then."""

    limit: int
    bytes_read: int


class UploadLimitHandler(FileUploadHandler):
    """Stop reading a multipart request body once it passes the ceiling.

    It must come first in FILE_UPLOAD_HANDLERS, so it receives each chunk before the memory
    and temporary-file handlers store it. A stopped request is marked with
    `request.stopped_upload`, which `UploadLimitMiddleware` turns into the 413 page.
    """

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.limit = max_request_upload_bytes()
        self.bytes_read = 0
        if content_length > self.limit:
            self.stop()
            # A parsed result ends the parsing here, before any of the body is read.
            return QueryDict(encoding=encoding), MultiValueDict()
        return None

    def receive_data_chunk(self, raw_data, start):
        self.bytes_read += len(raw_data)
        if self.bytes_read > self.limit:
            self.stop()
            self.discard_stored_chunks()
            # connection_reset=True keeps Django's parser from reading the rest of the body,
            # which nothing would use.
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        # The next handlers build the uploaded file, because this one only counts bytes.
        return None

    def stop(self) -> None:
        self.request.stopped_upload = StoppedUpload(limit=self.limit, bytes_read=self.bytes_read)
        user = getattr(self.request, "user", None)
        logger.warning(
            "upload stopped user_id=%s path=%s bytes_read=%s limit=%s content_length=%s",
            getattr(user, "pk", None),
            self.request.path,
            self.bytes_read,
            self.limit,
            self.request.META.get("CONTENT_LENGTH"),
        )

    def discard_stored_chunks(self) -> None:
        # Each handler removes its partial file in upload_interrupted(), as
        # TemporaryFileUploadHandler does. Django's parser calls that hook when a body ends
        # inside a file part, but on StopUpload it only closes the handlers' files.
        for handler in self.request.upload_handlers:
            if handler is not self:
                handler.upload_interrupted()


def is_multipart_post(request) -> bool:
    return request.method == "POST" and request.content_type == "multipart/form-data"


class UploadLimitMiddleware:
    """Return the 413 page for a multipart request that `UploadLimitHandler` stopped.

    The body is parsed here, before CsrfViewMiddleware reads the token from it, because a
    stopped request lacks the fields after the file and would otherwise fail the CSRF
    check with a misleading page. Since the body is parsed before any view runs, a view
    can no longer replace request.upload_handlers (no view of this project does). The
    middleware goes last in MIDDLEWARE, so the 413 page gets the language, the user and the
    response headers that the other middleware set.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_multipart_post(request):
            try:
                request.POST  # noqa: B018  (parses the body through the upload handlers)
            except UnreadablePostError:
                # The client went away mid-upload. CsrfViewMiddleware handles that case.
                pass
            stopped = getattr(request, "stopped_upload", None)
            if stopped is not None:
                return request_too_large(request, limit=stopped.limit)
        return self.get_response(request)
