"""A learner enrols, watches a module at 2× speed across a reload, completes it after its quiz, goes offline."""

import subprocess
import time

import pytest
from django.core.files import File
from django.db import OperationalError
from django.test import Client

from assessments.models import Choice, Question
from assessments.services.attempts import start_attempt, submit_attempt
from courses.models import Enrollment, ModulePage, ModuleProgress
from courses.services.enrolment import enrol
from media.ffmpeg.binary import ffmpeg_executable
from media.models import Video
from media.services.transcoding import transcode_video

from .conftest import make_course, make_quiz

pytestmark = [
    pytest.mark.browser,
    pytest.mark.ffmpeg,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CLIP_SECONDS = 8


def wait_until(check, message: str, timeout: float = 20.0) -> None:
    """Poll `check` until it returns true, because the site's CSP forbids the eval behind wait_for_function."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {message}"
        time.sleep(0.1)


@pytest.fixture
def lecture(tmp_path, settings) -> Video:
    settings.MEDIA_ROOT = tmp_path / "media"
    clip = tmp_path / "lecture.mp4"
    subprocess.run(
        [ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y",
         "-f", "lavfi", "-i", f"testsrc2=size=640x360:rate=25:duration={CLIP_SECONDS}",
         "-f", "lavfi", "-i", f"sine=frequency=330:duration={CLIP_SECONDS}",
         "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", str(clip)],
        check=True,
    )
    video = Video(title="Хохирогч төвтэй хандлага")
    with clip.open("rb") as handle:
        video.source.save(clip.name, File(handle, name=clip.name), save=False)
    video.save()
    transcode_video(video.pk)
    video.refresh_from_db()
    assert video.is_ready, video.failure_reason
    return video


def sign_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])


def player_value(page, expression: str):
    return page.evaluate(f"(() => {{ const player = document.querySelector('[data-lms-player]'); return {expression}; }})()")


def queued_reports(page, module) -> int:
    return page.evaluate(
        f"Object.values(JSON.parse(localStorage.getItem('lms-progress:{module.pk}') || '{{}}'))"
        ".reduce((count, queue) => count + queue.length, 0)"
    )


def player_is_idle(page) -> bool:
    """Return whether the paused player has loaded its first frame and is not seeking."""
    return player_value(
        page,
        "document.querySelector('video').readyState >= 2 && !document.querySelector('video').seeking"
        " && document.querySelector('video').paused",
    )


def play_at_double_speed(page) -> None:
    wait_until(lambda: player_value(page, "player.lmsPlayer !== undefined"), "the player")
    page.locator("[data-control=rate]").select_option("2")
    page.locator('[data-action="play"]').click()


def test_watch_resume_and_complete_after_quiz(page, live_server, learner, home_page, lecture):
    course = make_course(home_page, modules=1, slug="browser-course")
    module = ModulePage.objects.child_of(course).get()
    ModulePage.objects.filter(pk=module.pk).update(video=lecture)
    quiz = make_quiz(module=module)
    question = Question.objects.create(pool=quiz.pool, text_mn="Хохирогч төвтэй гэж юу вэ?")
    right = Choice.objects.create(question=question, text_mn="Хохирогчийн эрх ашгийг тэргүүнд тавих", is_correct=True)
    Choice.objects.create(question=question, text_mn="Хэргийг хурдан хаах", is_correct=False)
    sign_in(page, live_server, learner)

    # Enrol from the course page.
    page.goto(course.url)
    # Module titles carry their own numbers, so the outline must not number them again.
    assert page.evaluate("getComputedStyle(document.querySelector('.module-list li')).listStyleType") == "none"
    page.get_by_role("button", name="Энэ сургалтад элсэх").click()
    assert Enrollment.objects.filter(learner=learner, course=course).exists()

    # Watch a part at 2×, pause, and wait until the server has the position.
    page.goto(module.url)
    play_at_double_speed(page)
    wait_until(lambda: player_value(page, "document.querySelector('video').currentTime") > 3, "playback")
    page.locator('[data-action="play"]').click()
    progress = lambda: ModuleProgress.objects.get(learner=learner, module=module)  # noqa: E731
    wait_until(lambda: progress().position_seconds > 3, "the saved position")
    saved = progress().position_seconds

    # After a reload the player resumes where the learner paused.
    page.reload()
    wait_until(lambda: player_value(page, "player.lmsPlayer !== undefined"), "the player after reload")
    assert float(player_value(page, "player.dataset.start")) == pytest.approx(saved, abs=0.01)
    wait_until(lambda: player_value(page, "player.lmsPlayer.position") >= saved - 0.5, "the resumed position")

    # Watch to the end at 2×: the watch share is reached, but the module waits for its quiz.
    play_at_double_speed(page)
    wait_until(lambda: player_value(page, "document.querySelector('video').ended"), "the end of the video")
    wait_until(lambda: page.locator("[data-quiz-state]").is_visible(), "the watched state")
    assert progress().watch_complete is True
    assert progress().completed_at is None
    assert not page.locator("[data-module-complete]").is_visible()

    # Passing the quiz completes the module, as the quiz page's submit does.
    attempt = start_attempt(learner, quiz)
    submit_attempt(attempt, {str(question.pk): [right.pk]})
    page.reload()
    assert page.locator("[data-module-complete]").is_visible()
    assert progress().completed_at is not None

    # The lecture was watched to its end, so reopening it starts from the beginning.
    assert float(player_value(page, "player.dataset.start")) == 0
    # The player reports its own position once it has loaded, and that report must land
    # before the offline one, which the test expects to be the last.
    wait_until(lambda: player_is_idle(page) and queued_reports(page, module) == 0, "the player to settle")

    # A report made offline waits in localStorage and goes out when the browser is back online.
    page.context.set_offline(True)
    page.evaluate(
        """() => document.querySelector('[data-lms-player]').dispatchEvent(new CustomEvent('lms:timeupdate',
            {detail: {position: 1.5, duration: 8, played: [[0, 1.5]], rate: 1}}))"""
    )
    wait_until(lambda: queued_reports(page, module) > 0, "the report to be queued")
    assert progress().position_seconds != 1.5
    page.context.set_offline(False)
    wait_until(lambda: queued_reports(page, module) == 0, "the queue to be sent")
    wait_until(lambda: progress().position_seconds == 1.5, "the queued position on the server")


def test_reload_while_playing_saves_position(page, live_server, learner, home_page, lecture):
    course = make_course(home_page, modules=1, slug="reload-course")
    module = ModulePage.objects.child_of(course).get()
    ModulePage.objects.filter(pk=module.pk).update(video=lecture)
    enrol(learner, course)
    progress = lambda: ModuleProgress.objects.get(learner=learner, module=module)  # noqa: E731
    sign_in(page, live_server, learner)
    page.goto(module.url)
    wait_until(lambda: player_value(page, "player.lmsPlayer !== undefined"), "the player")
    page.locator('[data-action="play"]').click()

    # Over a second past the report made 5 s into playback, reload without pausing. A position
    # in the last second would count as watched through and resume from the start.
    wait_until(lambda: player_value(page, "document.querySelector('video').currentTime") > 6.3, "playback")
    position = player_value(page, "document.querySelector('video').currentTime")
    assert position < CLIP_SECONDS - 1
    # The test database is an in-memory SQLite whose concurrent writes fail at once, so the
    # reloaded page loads its video only after the report made on leaving has been stored.
    page.route("**/master.m3u8", lambda route: hold_until(route, lambda: progress().position_seconds > 5.5))
    page.reload()

    # The report made on leaving reaches the server after the reloaded page was rendered with
    # an older position, so the reloaded page resumes from the report still queued in the browser.
    wait_until(lambda: player_value(page, "player.lmsPlayer !== undefined"), "the player after reload")
    assert float(player_value(page, "player.dataset.start")) < position - 0.5
    wait_until(lambda: player_is_idle(page), "the resumed player")
    assert player_value(page, "player.lmsPlayer.position") == pytest.approx(position, abs=0.5)
    # The reloaded page sends the queued reports again. Once the server acknowledges them, no
    # request is under way, and the stored position is still where playback was.
    wait_until(lambda: queued_reports(page, module) == 0, "the queue to be sent")
    assert progress().position_seconds == pytest.approx(position, abs=0.5)


def hold_until(route, check) -> None:
    """Let a routed request through once `check` returns true, or after 15 s."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            if check():
                break
        except OperationalError:
            pass  # a server thread is writing to the in-memory SQLite database
        time.sleep(0.1)
    route.continue_()
