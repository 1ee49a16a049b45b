"""A short generated demo lecture with captions, for `make run`."""

import logging
import subprocess
import tempfile
from pathlib import Path

from django.core.files import File
from django.core.files.base import ContentFile

from .ffmpeg.binary import ffmpeg_executable
from .models import Caption, Video
from .services.transcoding import transcode_video
from .services.uploads import file_sha256

logger = logging.getLogger(__name__)

DEMO_TITLE = "Жишээ хичээл: хохирогч төвтэй хандлага"
DEMO_TITLE_EN = "Sample lecture: the victim-centred approach"
DEMO_SECONDS = 12
CAPTIONS = {
    "mn": [
        (0, 3, "Сайн байна уу. Энэ бол жишээ хичээл."),
        (3, 6, "Хохирогч төвтэй хандлага нь хохирогчийн аюулгүй байдлыг нэгдүгээрт тавина."),
        (6, 9, "Мэдүүлэг авахдаа хүүхдэд ээлтэй орчныг бүрдүүлнэ."),
        (9, 12, "Дараагийн модульд хамтын ажиллагааны тухай үзнэ."),
    ],
    "en": [
        (0, 3, "Hello. This is a sample lecture."),
        (3, 6, "A victim-centred approach puts the victim's safety first."),
        (6, 9, "Interviews take place in a child-friendly setting."),
        (9, 12, "The next module covers cooperation between agencies."),
    ],
}


def _vtt(lines: list[tuple[int, int, str]]) -> str:
    cues = [f"00:00:{start:02d}.000 --> 00:00:{end:02d}.000\n{text}\n" for start, end, text in lines]
    return "WEBVTT\n\n" + "\n".join(cues)


def _generate_clip(path: Path) -> None:
    subprocess.run(
        [
            ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", f"testsrc2=size=854x480:rate=25:duration={DEMO_SECONDS}",
            "-f", "lavfi", "-i", f"sine=frequency=330:beep_factor=2:duration={DEMO_SECONDS}",
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", str(path),
        ],
        check=True,
    )


def load_demo_videos() -> Video:
    """Create, caption and transcode the demo lecture once; later calls return the same video."""
    video = Video.objects.filter(title=DEMO_TITLE).first()
    if video is None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "demo-lecture.mp4"
            _generate_clip(path)
            video = Video(title=DEMO_TITLE, title_en=DEMO_TITLE_EN, allow_download=True)
            with path.open("rb") as handle:
                video.source_sha256 = file_sha256(handle)
                video.source.save(path.name, File(handle, name=path.name), save=False)
            video.save()

    for language, lines in CAPTIONS.items():
        if not video.captions.filter(language=language).exists():
            caption = Caption(video=video, language=language, file=ContentFile(_vtt(lines).encode(), name=f"{language}.vtt"))
            caption.full_clean()
            caption.save()

    if video.status == Video.Status.FAILED:
        Video.objects.filter(pk=video.pk).update(status=Video.Status.QUEUED, attempts=0)
    if video.status != Video.Status.READY:
        # Run in this process whatever the task backend, so the demo is ready when load_demo returns.
        video = transcode_video(video.pk)
    logger.info("demo video ready id=%s status=%s", video.pk, video.status)
    return video
