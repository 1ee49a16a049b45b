"""ZIP archives of a course's certificates: requesting, building on a task worker, expiring.

A staff member's request creates a CertificateArchive row and queues
build_certificate_archive_task. The task renders the ZIP with stream_archive into a
temporary file on the worker, so memory stays flat, then saves it to default_storage
under a random name. Rows and files expire after LMS_CERTIFICATE_ARCHIVE_DAYS.
"""

import logging
import secrets
import tempfile
import time
from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from lms.models import User
from lms.permissions import managed_learners

from ..models import Certificate, CertificateArchive
from ..rendering.archive import stream_archive

logger = logging.getLogger(__name__)

ARCHIVE_ACTION = "certificates.archive"
ARCHIVE_FOLDER = "certificate-archives"
# A build saves a heartbeat this often. One certificate renders in about 50 ms
# (bench/certificates.py), so a live build never goes much longer without one.
HEARTBEAT_SECONDS = 30
# A build without a heartbeat for this long lost its worker and is marked failed.
ABANDONED_AFTER = timedelta(minutes=10)


def archive_days() -> int:
    """Days an archive is kept after it was requested (LMS_CERTIFICATE_ARCHIVE_DAYS, default 7)."""
    return int(getattr(settings, "LMS_CERTIFICATE_ARCHIVE_DAYS", 7))


def expiry_cutoff():
    """Return the request time before which archives have expired."""
    return timezone.now() - timedelta(days=archive_days())


def archive_certificates(
    staff: User, course, completed_from: date | None, completed_to: date | None
) -> QuerySet[Certificate]:
    """Return the valid certificates of the staff member's learners for the course and period."""
    certificates = Certificate.objects.valid().filter(learner__in=managed_learners(staff), course=course)
    if completed_from:
        certificates = certificates.filter(completed_on__gte=completed_from)
    if completed_to:
        certificates = certificates.filter(completed_on__lte=completed_to)
    return certificates.select_related("learner", "course__academy").order_by("learner__full_name", "pk")


def request_archive(
    staff: User, course, completed_from: date | None, completed_to: date | None
) -> tuple[CertificateArchive, bool]:
    """Queue a ZIP of the course's certificates, and return the archive and whether it is new.

    A request for the same course and period while an earlier one is still queued or
    building returns that one, so a double submit builds only once.
    """
    if not archive_certificates(staff, course, completed_from, completed_to).exists():
        raise ValidationError(
            _("None of your learners has a valid certificate of this course in this period."),
            code="no_certificates",
        )
    # An abandoned build must not be reused below, so it is marked failed first.
    fail_abandoned_archives()

    with transaction.atomic():
        # Locking the requester's row serialises their requests, so two submits at once
        # cannot both miss the other's row (SQLite serialises every write transaction anyway).
        User.objects.select_for_update().filter(pk=staff.pk).first()
        active = CertificateArchive.objects.filter(
            requested_by=staff,
            course=course,
            completed_from=completed_from,
            completed_to=completed_to,
            status__in=[CertificateArchive.Status.QUEUED, CertificateArchive.Status.BUILDING],
        ).first()
        if active is not None:
            logger.info("certificate archive request reused id=%s staff=%s", active.pk, staff.pk)
            return active, False

        archive = CertificateArchive.objects.create(
            requested_by=staff, course=course, completed_from=completed_from, completed_to=completed_to
        )
        log(
            instance=archive,
            action=ARCHIVE_ACTION,
            user=staff,
            data={
                "course_id": course.pk,
                "completed_from": completed_from.isoformat() if completed_from else None,
                "completed_to": completed_to.isoformat() if completed_to else None,
            },
        )
        transaction.on_commit(lambda: enqueue_build(archive.pk))

    logger.info("certificate archive requested id=%s staff=%s course=%s", archive.pk, staff.pk, course.pk)
    return archive, True


def enqueue_build(archive_id: int) -> None:
    from ..tasks import build_certificate_archive_task

    build_certificate_archive_task.enqueue(archive_id)


def mark_failed(archive_id: int, failure: CertificateArchive.Failure) -> None:
    CertificateArchive.objects.filter(pk=archive_id).update(
        status=CertificateArchive.Status.FAILED, failure=failure, finished_at=timezone.now()
    )
    logger.warning("certificate archive failed id=%s failure=%s", archive_id, failure.value)


def fail_abandoned_archives() -> list[int]:
    """Mark as failed the builds whose worker stopped saving heartbeats, and return their ids."""
    threshold = timezone.now() - ABANDONED_AFTER
    abandoned = list(
        CertificateArchive.objects.filter(
            status=CertificateArchive.Status.BUILDING, heartbeat_at__lt=threshold
        ).values_list("pk", flat=True)
    )
    for archive_id in abandoned:
        # The status condition leaves alone a build that finished since the query above.
        updated = CertificateArchive.objects.filter(
            pk=archive_id, status=CertificateArchive.Status.BUILDING, heartbeat_at__lt=threshold
        ).update(
            status=CertificateArchive.Status.FAILED,
            failure=CertificateArchive.Failure.ABANDONED,
            finished_at=timezone.now(),
        )
        if updated:
            logger.warning("certificate archive abandoned id=%s", archive_id)
    return abandoned


def claim_archive(archive_id: int) -> CertificateArchive | None:
    """Mark a queued archive as building, or return None when there is nothing to build.

    Running the task twice is harmless: only a queued archive is claimed.
    """
    with transaction.atomic():
        archive = (
            CertificateArchive.objects.select_for_update(of=("self",))
            .select_related("requested_by", "course")
            .filter(pk=archive_id)
            .first()
        )
        if archive is None:
            logger.info("certificate archive gone before building id=%s", archive_id)
            return None
        if archive.status != CertificateArchive.Status.QUEUED:
            logger.info("certificate archive not queued id=%s status=%s", archive_id, archive.status)
            return None

        archive.status = CertificateArchive.Status.BUILDING
        archive.started_at = archive.heartbeat_at = timezone.now()
        archive.save(update_fields=["status", "started_at", "heartbeat_at"])
    return archive


class BuildCancelled(Exception):
    """The archive stopped being a build in progress (marked abandoned, or deleted)."""


class _Heartbeat:
    """Count the certificates written and save a heartbeat every HEARTBEAT_SECONDS."""

    def __init__(self, archive_id: int):
        self.archive_id = archive_id
        self.count = 0
        self.last_saved = time.monotonic()

    def follow(self, certificates: Iterable[Certificate]) -> Iterator[Certificate]:
        for certificate in certificates:
            yield certificate
            self.count += 1
            self.beat()

    def beat(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last_saved < HEARTBEAT_SECONDS:
            return
        self.last_saved = now
        alive = CertificateArchive.objects.filter(
            pk=self.archive_id, status=CertificateArchive.Status.BUILDING
        ).update(heartbeat_at=timezone.now())
        if not alive:
            raise BuildCancelled


def build_archive(archive_id: int) -> CertificateArchive | None:
    """Build one requested archive end to end; any failure ends as FAILED with a reason."""
    archive = claim_archive(archive_id)
    if archive is None:
        return CertificateArchive.objects.filter(pk=archive_id).first()
    if archive.requested_by is None or archive.course is None:
        mark_failed(archive.pk, CertificateArchive.Failure.SOURCE_DELETED)
        return _refetch(archive)
    logger.info(
        "certificate archive build started id=%s staff=%s course=%s",
        archive.pk, archive.requested_by_id, archive.course_id,
    )

    certificates = archive_certificates(
        archive.requested_by, archive.course, archive.completed_from, archive.completed_to
    )
    heartbeat = _Heartbeat(archive.pk)
    # The ZIP goes to a temporary file on the worker's disk, and reaches storage only
    # when complete, so a worker that dies leaves no half-written file in storage.
    with tempfile.TemporaryFile(prefix=f"certificate-archive-{archive.pk}-", suffix=".zip") as handle:
        try:
            for chunk in stream_archive(heartbeat.follow(certificates.iterator(chunk_size=100))):
                handle.write(chunk)
            size = handle.tell()
            heartbeat.beat(force=True)
        except BuildCancelled:
            logger.warning("certificate archive build cancelled id=%s", archive.pk)
            return _refetch(archive)
        except Exception:
            # Whatever broke (a certificate that fails to render, a full temporary disk),
            # the row must end FAILED instead of staying in BUILDING.
            logger.exception("certificate archive build failed id=%s", archive.pk)
            mark_failed(archive.pk, CertificateArchive.Failure.BUILD_FAILED)
            return _refetch(archive)

        handle.seek(0)
        # NOTE: no heartbeat is saved during the upload, so an upload slower than
        # ABANDONED_AFTER is marked abandoned and its file discarded below.
        try:
            stored_name = default_storage.save(
                f"{ARCHIVE_FOLDER}/{secrets.token_urlsafe(32)}.zip", File(handle, name="archive.zip")
            )
        except Exception:
            # Storage backends raise their own errors (OSError, botocore's ClientError).
            logger.exception("certificate archive save failed id=%s", archive.pk)
            mark_failed(archive.pk, CertificateArchive.Failure.SAVE_FAILED)
            return _refetch(archive)

    # The status condition keeps a build marked abandoned meanwhile from turning ready.
    finished = CertificateArchive.objects.filter(pk=archive.pk, status=CertificateArchive.Status.BUILDING).update(
        status=CertificateArchive.Status.READY,
        file=stored_name,
        certificate_count=heartbeat.count,
        size_bytes=size,
        finished_at=timezone.now(),
    )
    if not finished:
        default_storage.delete(stored_name)
        logger.warning("certificate archive no longer building, file discarded id=%s", archive.pk)
        return _refetch(archive)

    logger.info("certificate archive ready id=%s certificates=%s bytes=%s", archive.pk, heartbeat.count, size)
    return _refetch(archive)


def _refetch(archive: CertificateArchive) -> CertificateArchive | None:
    return CertificateArchive.objects.filter(pk=archive.pk).first()


def delete_expired_archives() -> tuple[int, int]:
    """Delete archives requested more than LMS_CERTIFICATE_ARCHIVE_DAYS ago, with their files.

    Returns the number deleted and the number whose file could not be deleted. Those rows
    stay, so the next run tries them again.
    """
    deleted = failed = 0
    for archive in CertificateArchive.objects.filter(created_at__lt=expiry_cutoff()).order_by("pk"):
        if archive.file:
            try:
                default_storage.delete(archive.file.name)
            except Exception:
                logger.exception("certificate archive file not deleted id=%s", archive.pk)
                failed += 1
                continue
        archive_id = archive.pk
        archive.delete()
        deleted += 1
        logger.info("certificate archive expired and deleted id=%s", archive_id)
    return deleted, failed
