"""Recording report downloads, so an academy can show who took which figures and when."""

import logging

from wagtail.log_actions import log

from lms.models import User

from ..filters import ReportFilters
from ..models import ReportDownload

logger = logging.getLogger(__name__)

DOWNLOAD_ACTION = "reports.download"


def record_download(user: User | None, report: str, filters: ReportFilters, file_format: str) -> ReportDownload:
    """Store the download and add it to the admin audit log; `user` None is a command-line export."""
    download = ReportDownload.objects.create(
        user=user, report=report, file_format=file_format, filters=filters.as_json(), shared=filters.shared
    )
    log(
        instance=download,
        action=DOWNLOAD_ACTION,
        user=user,
        data={"report": report, "format": file_format, "filters": download.filters},
    )
    logger.info(
        "report downloaded download_id=%s user_id=%s report=%s format=%s",
        download.pk, user.pk if user else None, report, file_format,
    )
    return download
