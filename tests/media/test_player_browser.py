"""The player in headless Chromium: adaptive playback, quality and captions menus, position."""

import time

import pytest
from django.core.files.base import ContentFile

from media.models import Caption
from media.services.transcoding import transcode_video

pytestmark = [pytest.mark.browser, pytest.mark.ffmpeg]

MONGOLIAN_VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nХүн худалдаалах гэмт хэрэг\n\n00:00:03.000 --> 00:00:06.000\nХохирогч төвтэй хандлага\n"
ENGLISH_SRT = "1\n00:00:00,000 --> 00:00:03,000\nTrafficking in persons\n\n2\n00:00:03,000 --> 00:00:06,000\nA victim-centred approach\n"


def wait_until(page, expression: str, timeout: float = 15.0) -> None:
    """Poll a JavaScript expression; wait_for_function would need eval, which the site's CSP forbids."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        time.sleep(0.1)


@pytest.fixture
def ready_video(transactional_db, make_video, lecture_clip):
    video = make_video(lecture_clip, title="Хохирогч төвтэй хандлага", title_en="Victim-centred approach")
    transcode_video(video.pk)
    for language, name, text in (("mn", "mn.vtt", MONGOLIAN_VTT), ("en", "en.srt", ENGLISH_SRT)):
        caption = Caption(video=video, language=language, file=ContentFile(text.encode(), name=name))
        caption.full_clean()
        caption.save()
    video.refresh_from_db()
    return video


def test_player_plays_switches_and_seeks(page, ready_video):
    page.goto(f"/video/{ready_video.public_key}/?t=1.5")
    player = page.locator("[data-lms-player]")
    wait_until(page, "document.querySelector('[data-lms-player]').lmsPlayer !== undefined")
    page.evaluate(
        """() => {
            window.reports = [];
            document.querySelector('[data-lms-player]').addEventListener('lms:timeupdate', e => window.reports.push(e.detail));
        }"""
    )

    page.get_by_role("button", name="Тоглуулах").click()
    wait_until(page, "document.querySelector('video').currentTime > 1.6")
    assert page.evaluate("document.querySelector('video').played.start(0)") >= 1.4
    assert page.evaluate("document.querySelector('[data-lms-player]').lmsPlayer.firstRung") == "240p"

    player.get_by_label("Чанар").select_option("360p")
    wait_until(page, "document.querySelector('[data-lms-player]').lmsPlayer.level === '360p'")
    player.get_by_label("Хадмал").select_option("en")
    showing = page.evaluate("Array.from(document.querySelector('video').textTracks).filter(t => t.mode === 'showing').map(t => t.language)")
    assert showing == ["en"]

    reports_before_pause = page.evaluate("window.reports.length")
    page.get_by_role("button", name="Түр зогсоох").click()
    wait_until(page, f"document.querySelector('video').paused && window.reports.length > {reports_before_pause}")
    report = page.evaluate("window.reports[window.reports.length - 1]")
    assert page.evaluate("document.querySelector('video').paused")
    position = page.evaluate("document.querySelector('[data-lms-player]').lmsPlayer.position")
    assert position > 1.6
    assert report["position"] == pytest.approx(position, abs=0.3)
    assert report["duration"] == pytest.approx(6.0, abs=0.3)
    assert report["played"][0][1] > 0.5
    assert report["rate"] == 1

    player.get_by_label("Дата хэмнэх").check()
    wait_until(page, "document.querySelector('[data-lms-player]').lmsPlayer.level === '240p'")

    page.get_by_role("button", name="0:03 Хохирогч төвтэй хандлага").click()
    wait_until(page, "document.querySelector('video').currentTime >= 3")
    # The line that was active before the seek stays highlighted until the seek lands.
    wait_until(
        page,
        "(document.querySelector('[data-transcript] li.is-active') || {textContent: ''})"
        ".textContent.includes('Хохирогч төвтэй хандлага')",
    )
    assert "Хохирогч төвтэй хандлага" in page.locator("[data-transcript] li.is-active").inner_text()


def test_player_resumes_and_restarts(page, ready_video):
    """Leaving sound only keeps a playing video playing, and K at the end plays from the start."""
    page.goto(f"/video/{ready_video.public_key}/")
    player = page.locator("[data-lms-player]")
    wait_until(page, "document.querySelector('[data-lms-player]').lmsPlayer !== undefined")
    page.get_by_role("button", name="Тоглуулах").click()
    wait_until(page, "document.querySelector('video').currentTime > 0.3")

    player.get_by_label("Чанар").select_option("audio")
    wait_until(page, "!document.querySelector('video').paused")
    player.get_by_label("Чанар").select_option("240p")
    wait_until(page, "document.querySelector('[data-lms-player]').lmsPlayer.level === '240p'")
    wait_until(page, "!document.querySelector('video').paused")

    page.evaluate("document.querySelector('video').currentTime = document.querySelector('video').duration")
    wait_until(page, "document.querySelector('video').paused")
    page.get_by_role("button", name="Тоглуулах").focus()
    page.keyboard.press("k")
    wait_until(page, "!document.querySelector('video').paused")
    assert page.evaluate("document.querySelector('video').currentTime") < 3


def visible_icons(page, action: str) -> list[str]:
    return page.evaluate(
        f"""Array.from(document.querySelectorAll('[data-action="{action}"] [data-icon]'))
            .filter(icon => getComputedStyle(icon).display !== 'none').map(icon => icon.dataset.icon)"""
    )


def test_player_icons_are_svg(page, ready_video):
    page.goto(f"/video/{ready_video.public_key}/")
    wait_until(page, "document.querySelector('[data-lms-player]').lmsPlayer !== undefined")
    # Every control shows an inline SVG and no text, which needs no emoji or symbol font.
    for action in ("play", "mute", "fullscreen"):
        assert page.locator(f'[data-action="{action}"]').inner_text().strip() == ""
        assert page.locator(f'[data-action="{action}"] svg').count() == 2
    assert visible_icons(page, "play") == ["play"]
    assert visible_icons(page, "mute") == ["sound"]
    assert visible_icons(page, "fullscreen") == ["enter-fullscreen"]

    # The icons change in the media event handlers, which also set the buttons' ARIA state.
    page.get_by_role("button", name="Тоглуулах").click()
    wait_until(page, "document.querySelector('[data-action=\"play\"]').getAttribute('aria-label') === 'Түр зогсоох'")
    assert visible_icons(page, "play") == ["pause"]
    page.locator('[data-action="mute"]').click()
    wait_until(page, "document.querySelector('[data-action=\"mute\"]').getAttribute('aria-pressed') === 'true'")
    assert visible_icons(page, "mute") == ["muted"]
    page.get_by_role("button", name="Түр зогсоох").click()
    wait_until(page, "document.querySelector('[data-action=\"play\"]').getAttribute('aria-label') === 'Тоглуулах'")
    assert visible_icons(page, "play") == ["play"]
