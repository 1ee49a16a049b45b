"""The import_videos command: a folder of lecture files in, a line per file out."""

import shutil
from io import StringIO

import pytest
from django.core.management import call_command

from media.models import Video

pytestmark = [pytest.mark.django_db, pytest.mark.ffmpeg]


def test_import_reports_and_skips_on_rerun(tmp_path, clips, django_capture_on_commit_callbacks):
    folder = tmp_path / "course"
    folder.mkdir()
    shutil.copy(clips["small.mp4"], folder / "01_Ойлголт.mp4")
    shutil.copy(clips["no_audio.mp4"], folder / "02_Хууль.mp4")
    shutil.copy(clips["not_video.mp4"], folder / "03_тэмдэглэл.mp4")

    first = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_videos", str(folder), stdout=first)
    second = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_videos", str(folder), stdout=second)

    assert Video.objects.count() == 2
    assert set(Video.objects.values_list("title", flat=True)) == {"01 Ойлголт", "02 Хууль"}
    assert all(video.status == Video.Status.READY for video in Video.objects.all())
    assert "03_тэмдэглэл.mp4" in first.getvalue()
    assert "видео биш" in first.getvalue()
    assert second.getvalue().count("алгаслаа") == 2


def test_import_of_missing_folder_fails(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("import_videos", str(tmp_path / "missing"))
