"""Import a folder of lecture recordings, as an academy hands over a whole course at once."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from media.services.uploads import check_size, create_video, file_sha256, find_by_checksum, sniff_video


def title_from_filename(path: Path) -> str:
    return path.stem.replace("_", " ").replace("-", " ").strip() or path.name


class Command(BaseCommand):
    help = (
        "Import every video file in DIR (and its subfolders) and queue it for transcoding. "
        "Files already imported, recognised by their SHA-256 checksum, are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR", help="Folder holding the lecture files.")
        parser.add_argument(
            "--allow-download",
            action="store_true",
            help="Let learners download a 360p MP4 copy of every imported video.",
        )

    def handle(self, *args, directory: str, allow_download: bool, **options):
        folder = Path(directory)
        if not folder.is_dir():
            raise CommandError(_("%(path)s is not a folder.") % {"path": folder})

        counts = {"imported": 0, "skipped": 0, "rejected": 0}
        files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
        for path in files:
            outcome = self.import_file(path, allow_download)
            counts[outcome] += 1

        self.stdout.write(
            _("Imported %(imported)s, skipped %(skipped)s already imported, rejected %(rejected)s of %(total)s files.")
            % {**counts, "total": len(files)}
        )

    def import_file(self, path: Path, allow_download: bool) -> str:
        """Import one file and report its result; return "imported", "skipped" or "rejected"."""
        try:
            with path.open("rb") as handle:
                sha256 = file_sha256(handle)
            existing = find_by_checksum(sha256)
            if existing is not None:
                self.stdout.write(
                    _("%(file)s: skipped, already imported as video #%(id)s.") % {"file": path.name, "id": existing.pk}
                )
                return "skipped"

            check_size(path.stat().st_size)
            sniff_video(path)
            with path.open("rb") as handle:
                video = create_video(
                    title=title_from_filename(path),
                    source=File(handle, name=path.name),
                    allow_download=allow_download,
                    sha256=sha256,
                )
        except ValidationError as error:
            message = _("%(file)s: rejected: %(reason)s") % {"file": path.name, "reason": " ".join(error.messages)}
            self.stdout.write(self.style.ERROR(message))
            return "rejected"
        except OSError as error:
            message = _("%(file)s: rejected: the file cannot be read (%(error)s).") % {"file": path.name, "error": error}
            self.stdout.write(self.style.ERROR(message))
            return "rejected"

        log(instance=video, action="media.import", data={"file": path.name})
        video.refresh_from_db()
        message = _("%(file)s: imported as video #%(id)s (%(status)s).") % {
            "file": path.name,
            "id": video.pk,
            "status": video.get_status_display(),
        }
        self.stdout.write(self.style.SUCCESS(message))
        return "imported"
