"""Run ffmpeg, report its progress and keep the end of its error output."""

import logging
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable

from .binary import ffmpeg_executable

logger = logging.getLogger(__name__)

STDERR_TAIL_CHARS = 4000


class FfmpegFailed(RuntimeError):
    """ffmpeg exited with an error or ran past its time limit."""

    def __init__(self, returncode: int | None, stderr_tail: str, timed_out: bool = False):
        reason = "timed out" if timed_out else f"exit status {returncode}"
        super().__init__(f"ffmpeg failed ({reason}): {stderr_tail[-500:]}")
        self.returncode = returncode
        self.stderr_tail = stderr_tail
        self.timed_out = timed_out


def run_ffmpeg(
    args: list[str],
    *,
    duration: float | None = None,
    on_progress: Callable[[float], None] | None = None,
    timeout: float | None = None,
    label: str = "",
) -> None:
    """Run ffmpeg with ``args``; call ``on_progress`` with a share from 0 to 1 as it advances.

    Progress comes from ``-progress pipe:1`` lines on standard output. Standard error goes
    to a temporary file rather than a pipe, so ffmpeg cannot stall on a full stderr buffer.
    """
    command = [ffmpeg_executable(), *args]
    started = time.monotonic()
    logger.info("ffmpeg start %s", label)

    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as stderr_file:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr_file, text=True)
        timer = None
        timed_out = threading.Event()
        if timeout:

            def kill_on_timeout():
                timed_out.set()
                process.kill()

            timer = threading.Timer(timeout, kill_on_timeout)
            timer.daemon = True
            timer.start()
        try:
            for line in process.stdout:
                if on_progress is None or not duration or not line.startswith("out_time_us="):
                    continue
                value = line.partition("=")[2].strip()
                if value.lstrip("-").isdigit():
                    on_progress(max(0.0, min(1.0, int(value) / 1_000_000 / duration)))
            returncode = process.wait()
        finally:
            if timer is not None:
                timer.cancel()
            if process.poll() is None:
                process.kill()
                process.wait()
        stderr_file.seek(0)
        stderr_tail = stderr_file.read()[-STDERR_TAIL_CHARS:]

    elapsed = time.monotonic() - started
    if returncode != 0 or timed_out.is_set():
        logger.warning("ffmpeg failed %s returncode=%s seconds=%.1f", label, returncode, elapsed)
        raise FfmpegFailed(returncode, stderr_tail, timed_out=timed_out.is_set())
    logger.info("ffmpeg done %s seconds=%.1f", label, elapsed)
