"""Check finished outputs on local disk and copy them to the site's storage."""

import logging
import secrets
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage

from ..ffmpeg.command import MASTER_PLAYLIST, MEDIA_PLAYLIST, POSTER

logger = logging.getLogger(__name__)

OUTPUT_ROOT = "videos/hls"


class OutputInvalid(RuntimeError):
    """A transcode finished without error but an output is missing, broken or cut short.

    ``code`` is "truncated" when the rungs end well before the source's stated duration,
    which is how a cut-off upload usually shows, else "output_invalid".
    """

    def __init__(self, detail: str, code: str = "output_invalid"):
        super().__init__(detail)
        self.code = code


def read_media_playlist(path: Path) -> tuple[list[str], float]:
    """Return a media playlist's segment names and total duration; raise OutputInvalid when incomplete."""
    if not path.is_file():
        raise OutputInvalid(f"missing playlist {path.parent.name}/{path.name}")
    lines = path.read_text(encoding="utf-8").splitlines()
    if "#EXT-X-ENDLIST" not in lines:
        raise OutputInvalid(f"unfinished playlist {path.parent.name}/{path.name}")
    segments, duration = [], 0.0
    for line in lines:
        if line.startswith("#EXTINF:"):
            duration += float(line[len("#EXTINF:") :].split(",")[0])
        elif line and not line.startswith("#"):
            segments.append(line)
    if not segments:
        raise OutputInvalid(f"empty playlist {path.parent.name}/{path.name}")
    return segments, duration


def verify_outputs(local_dir: Path, stream_names: list[str], expected_duration: float) -> dict[str, float]:
    """Check that every playlist, segment and the poster exist and are non-empty.

    Returns each stream's duration as its playlist states it.
    """
    if not (local_dir / MASTER_PLAYLIST).is_file():
        raise OutputInvalid("missing master playlist")
    master = (local_dir / MASTER_PLAYLIST).read_text(encoding="utf-8")
    durations = {}
    for name in stream_names:
        if f"{name}/{MEDIA_PLAYLIST}" not in master:
            raise OutputInvalid(f"master playlist does not list {name}")
        segments, duration = read_media_playlist(local_dir / name / MEDIA_PLAYLIST)
        for segment in segments:
            segment_path = local_dir / name / segment
            if not segment_path.is_file() or segment_path.stat().st_size == 0:
                raise OutputInvalid(f"missing segment {name}/{segment}")
        # A rung far shorter than the source means ffmpeg stopped early without saying so.
        if duration < expected_duration - max(1.0, expected_duration * 0.05):
            raise OutputInvalid(f"{name} lasts {duration:.2f} s of {expected_duration:.2f} s", code="truncated")
        durations[name] = duration
    poster = local_dir / POSTER
    if not poster.is_file() or poster.stat().st_size == 0:
        raise OutputInvalid("missing poster")
    return durations


def new_output_prefix(public_key: str) -> str:
    # Each attempt publishes into a fresh folder, so learners keep the previous complete
    # set until the database points at the new one.
    return f"{OUTPUT_ROOT}/{public_key}/{secrets.token_hex(8)}"


def publish_directory(local_dir: Path, prefix: str) -> list[str]:
    """Copy every file under ``local_dir`` to storage below ``prefix`` and check each arrived whole."""
    published = []
    for path in sorted(p for p in local_dir.rglob("*") if p.is_file()):
        name = f"{prefix}/{path.relative_to(local_dir).as_posix()}"
        with path.open("rb") as handle:
            stored_name = default_storage.save(name, File(handle, name=path.name))
        if stored_name != name or default_storage.size(stored_name) != path.stat().st_size:
            raise OutputInvalid(f"storage did not keep {name} intact")
        published.append(stored_name)
    logger.info("published files=%s prefix=%s", len(published), prefix)
    return published


def delete_tree(prefix: str) -> None:
    """Delete every stored file below ``prefix``; storage backends have no folder delete."""
    try:
        folders, files = default_storage.listdir(prefix)
    except (FileNotFoundError, NotADirectoryError):
        return
    for folder in folders:
        delete_tree(f"{prefix}/{folder}")
    for filename in files:
        default_storage.delete(f"{prefix}/{filename}")


def delete_unpublished(public_key: str, keep_prefix: str) -> None:
    """Remove output folders of a video other than the published one, such as a killed job's."""
    root = f"{OUTPUT_ROOT}/{public_key}"
    try:
        folders, _files = default_storage.listdir(root)
    except FileNotFoundError:
        return
    for folder in folders:
        prefix = f"{root}/{folder}"
        if prefix != keep_prefix:
            delete_tree(prefix)
