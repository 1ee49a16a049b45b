"""Caption uploads: validation and SubRip to WebVTT conversion."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from media.captions import normalise_caption_upload

SRT = "1\r\n00:00:01,500 --> 00:00:04,000\r\n<i>Хохирогч</i> төвтэй\r\n\r\n2\r\n00:01:02,000 --> 00:01:05,250\r\nХүүхдэд ээлтэй\r\n"


def upload(name: str, text: str | bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8") if isinstance(text, str) else text)


def test_srt_converted_to_webvtt():
    converted, cues = normalise_caption_upload(upload("lecture.srt", "\ufeff" + SRT))

    text = converted.read().decode("utf-8")
    assert converted.name == "lecture.vtt"
    assert text.startswith("WEBVTT\n")
    assert "00:00:01.500 --> 00:00:04.000" in text
    assert "00:01:02.000 --> 00:01:05.250" in text
    assert cues == [
        {"start": 1.5, "end": 4.0, "text": "Хохирогч төвтэй"},
        {"start": 62.0, "end": 65.25, "text": "Хүүхдэд ээлтэй"},
    ]


def test_vtt_short_timestamps_accepted():
    _converted, cues = normalise_caption_upload(upload("a.vtt", "WEBVTT\n\nNOTE intro\n\n01:02.000 --> 01:03.500 align:start\nСайн байна уу\n"))

    assert cues == [{"start": 62.0, "end": 63.5, "text": "Сайн байна уу"}]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("notes.txt", "hello", "invalid_extension"),
        ("a.vtt", "00:00:01.000 --> 00:00:02.000\ntext\n", "invalid_header"),
        ("a.srt", "1\n00:00:05,000 --> 00:00:02,000\ntext\n", "invalid_timing"),
        ("a.srt", "1\n00:00:xx --> 00:00:02,000\ntext\n", "invalid_timing"),
        ("a.vtt", "WEBVTT\n\n", "empty"),
        ("a.srt", "1\n00:00:01,000 --> 00:00:02,000\n\xd2\xe5\xea\xf1\xf2\n".encode("latin-1"), "invalid_encoding"),
    ],
)
def test_invalid_caption_rejected(name, content, code):
    with pytest.raises(ValidationError) as error:
        normalise_caption_upload(upload(name, content))

    assert error.value.code == code


def test_oversized_caption_rejected():
    with pytest.raises(ValidationError) as error:
        normalise_caption_upload(upload("big.vtt", "WEBVTT\n\n" + "x" * (2 * 1024 * 1024 + 1)))

    assert error.value.code == "too_large"
