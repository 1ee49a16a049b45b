"""The demo lecture that `make run` loads."""

import pytest

from media.demo import load_demo_videos
from media.models import Video

pytestmark = [pytest.mark.django_db, pytest.mark.ffmpeg]


def test_demo_video_ready_once():
    first = load_demo_videos()
    second = load_demo_videos()

    assert first.pk == second.pk
    assert second.status == Video.Status.READY
    assert sorted(second.captions.values_list("language", flat=True)) == ["en", "mn"]
    assert Video.objects.count() == 1
