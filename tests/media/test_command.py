"""The ffmpeg argument builder, checked without running ffmpeg."""

from fractions import Fraction

import pytest

from media.ffmpeg.command import build_hls_command, plan_transcode, var_stream_map
from media.ffmpeg.probe import SourceInfo


def source(width=1920, height=1080, rate=Fraction(30), has_audio=True, duration=60.0, channels=2) -> SourceInfo:
    return SourceInfo(
        duration=duration, width=width, height=height, frame_rate=rate, rotation=0,
        has_audio=has_audio, audio_channels=channels if has_audio else 0, video_codec="h264",
    )


def sizes(plan):
    return [(planned.name, planned.width, planned.height) for planned in plan.rungs]


def test_full_hd_gets_three_rungs():
    plan = plan_transcode(source())

    assert sizes(plan) == [("240p", 426, 240), ("360p", 640, 360), ("720p", 1280, 720)]
    assert plan.stream_names == ["240p", "360p", "720p", "audio"]


def test_rungs_above_source_dropped():
    assert sizes(plan_transcode(source(640, 480))) == [("240p", 320, 240), ("360p", 480, 360)]


def test_portrait_scales_by_short_side():
    assert sizes(plan_transcode(source(1080, 1920))) == [("240p", 240, 426), ("360p", 360, 640), ("720p", 720, 1280)]


def test_tiny_source_keeps_own_size():
    assert sizes(plan_transcode(source(320, 180))) == [("180p", 320, 180)]


@pytest.mark.parametrize(("rate", "expected_rate", "gop"), [(Fraction(60), Fraction(30), 180), (Fraction(25), Fraction(25), 150), (Fraction(30000, 1001), Fraction(30000, 1001), 180)])
def test_gop_is_one_segment(rate, expected_rate, gop):
    plan = plan_transcode(source(rate=rate))

    assert plan.frame_rate == expected_rate
    assert plan.gop_frames == gop


def test_stream_map_pairs_audio_with_each_rung():
    assert var_stream_map(plan_transcode(source(640, 360))) == "v:0,a:0,name:240p v:1,a:1,name:360p a:2,name:audio"


def test_stream_map_without_audio():
    assert var_stream_map(plan_transcode(source(640, 360, has_audio=False))) == "v:0,name:240p v:1,name:360p"


def test_command_decodes_once_with_aligned_keyframes(tmp_path):
    args = build_hls_command("/in/lecture.mov", tmp_path, plan_transcode(source()), "veryfast")

    assert args.count("-i") == 1
    graph = args[args.index("-filter_complex") + 1]
    assert "split=4" in graph
    assert "asplit=4" in graph
    assert args[args.index("-g") + 1] == "180"
    assert args[args.index("-sc_threshold") + 1] == "0"
    assert args[args.index("-hls_time") + 1] == "6"
    assert args[args.index("-b:v:2") + 1] == "2000k"
    assert args[args.index("-b:a:3") + 1] == "48k"
    assert args[args.index("-preset") + 1] == "veryfast"
    assert "-progress" in args
