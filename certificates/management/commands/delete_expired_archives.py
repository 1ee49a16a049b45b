"""Delete certificate ZIP archives older than LMS_CERTIFICATE_ARCHIVE_DAYS, files included."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from certificates.services.archives import archive_days, delete_expired_archives, fail_abandoned_archives


class Command(BaseCommand):
    help = (
        "Delete the certificate ZIP archives requested more than LMS_CERTIFICATE_ARCHIVE_DAYS days ago, "
        "with their files, and mark failed the builds whose task worker stopped. Run it from cron daily."
    )

    def handle(self, *args, **options):
        abandoned = fail_abandoned_archives()
        for archive_id in abandoned:
            self.stdout.write(
                self.style.WARNING(_("Archive #%(id)s: its build was abandoned and is marked failed.") % {"id": archive_id})
            )

        deleted, failed = delete_expired_archives()
        days = archive_days()
        self.stdout.write(
            ngettext(
                "%(count)s archive older than %(days)s days deleted.",
                "%(count)s archives older than %(days)s days deleted.",
                deleted,
            )
            % {"count": deleted, "days": days}
        )
        if failed:
            self.stderr.write(
                self.style.ERROR(
                    ngettext(
                        "%(count)s expired archive kept because its file could not be deleted; see the log.",
                        "%(count)s expired archives kept because their files could not be deleted; see the log.",
                        failed,
                    )
                    % {"count": failed}
                )
            )
