"""Background jobs of the certificates app."""

import logging

from django_tasks import task

from .models import CertificateArchive
from .services.archives import build_archive, mark_failed

logger = logging.getLogger(__name__)


@task()
def build_certificate_archive_task(archive_id: int) -> str | None:
    """Build a requested ZIP of certificates by id. Running it again for a built one does nothing."""
    try:
        archive = build_archive(archive_id)
    except Exception:
        # build_archive turns rendering and storage errors into FAILED itself. Anything
        # else (a database error, say) would leave the row queued or building until
        # the abandoned-build sweep, so it is failed here and re-raised for the task log.
        logger.exception("certificate archive task failed id=%s", archive_id)
        mark_failed(archive_id, CertificateArchive.Failure.BUILD_FAILED)
        raise
    return archive.status if archive else None
