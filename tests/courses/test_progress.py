import json
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.urls import reverse

from courses.models import Enrollment, ModulePage, ModuleProgress
from courses.services.progress import CREDIT_CARRY_SECONDS

from .conftest import make_video, rewind_clock

pytestmark = pytest.mark.django_db

CLIENT = "tab-0123456789"


def post(client, module, reports, *, tab=CLIENT):
    body = json.dumps({"client": tab, "reports": reports})
    return client.post(reverse("courses:progress", args=[module.pk]), body, content_type="application/json")


def report(seq, played, position=None):
    end = played[-1][1] if played else 0
    return {"seq": seq, "position": end if position is None else position, "played": played}


def progress_of(learner, module) -> ModuleProgress:
    return ModuleProgress.objects.get(learner=learner, module=module)


def test_report_credits_watched_seconds(client, learner, module, enrollment):
    client.force_login(learner)
    rewind_clock(learner, module, 60)
    response = post(client, module, [report(1, [[0, 30]])])
    assert response.status_code == HTTPStatus.OK
    assert response.json()["watched_seconds"] == 30
    assert progress_of(learner, module).position_seconds == 30


def test_credit_capped_by_elapsed_time(client, learner, module, enrollment):
    client.force_login(learner)
    rewind_clock(learner, module, 10)
    response = post(client, module, [report(1, [[0, 80]])])
    watched = response.json()["watched_seconds"]
    # Ten seconds at the highest rate of 2.0, plus twice the time the request itself took.
    assert watched >= 20
    assert watched < 40


def test_uncredited_part_earned_by_later_report(client, learner, module, enrollment):
    client.force_login(learner)
    rewind_clock(learner, module, 10)
    post(client, module, [report(1, [[0, 40]])])
    rewind_clock(learner, module, 10)
    response = post(client, module, [report(2, [[0, 40]])])
    assert response.json()["watched_seconds"] == 40


def pass_time(learner, module, seconds: float) -> None:
    """Move the learner's credit clock back by `seconds`, as if that much time had passed."""
    progress = progress_of(learner, module)
    progress.last_report_at -= timedelta(seconds=seconds)
    progress.save(update_fields=["last_report_at"])


def test_batched_report_at_double_speed_credited(client, learner, module, enrollment):
    client.force_login(learner)
    # The page opened 4 s ago and playback at 2× began then. A report made after 1 s waited
    # in the player's queue until the 4 s send timer fired.
    rewind_clock(learner, module, 4)
    post(client, module, [report(1, [[0, 2]])])
    # The next request arrives 4 s later with a report made 2 s before it was sent.
    pass_time(learner, module, 4)
    response = post(client, module, [report(2, [[0, 12]])])
    assert response.json()["credited_seconds"] == 10
    assert response.json()["watched_seconds"] == 12


def test_double_speed_watch_to_end_credited_in_full(client, learner, module, enrollment):
    client.force_login(learner)
    rewind_clock(learner, module, 0)
    # A request arrives every 4 s of real time. Its newest report was made `lag` seconds
    # earlier, because the player's queue and the network delay it. The 100 s video plays at 2×.
    lags = [3.0, 1.0, 2.5, 0.2, 3.9, 0.5]
    for number in range(1, 14):
        pass_time(learner, module, 4)
        played_until = min(100.0, 2 * (4 * number - lags[number % len(lags)]))
        response = post(client, module, [report(number, [[0, played_until]])])
    assert played_until == 100.0
    assert response.json()["watched_seconds"] == 100
    assert response.json()["watch_complete"] is True


def test_carried_credit_is_bounded(client, learner, module, enrollment):
    client.force_login(learner)
    rewind_clock(learner, module, 100)
    post(client, module, [report(1, [[0, 10]])])
    # A forged report right after earns only the carried credit and the real time since.
    carry = CREDIT_CARRY_SECONDS * 2.0
    response = post(client, module, [report(2, [[0, 100]])])
    assert 10 + carry <= response.json()["watched_seconds"] < 10 + carry + 2
    # The carry is spent, so another one at once earns little more.
    response = post(client, module, [report(3, [[0, 100]])])
    assert response.json()["watched_seconds"] < 10 + carry + 2


def test_seeking_forward_earns_nothing(client, learner, module, enrollment):
    client.force_login(learner)
    rewind_clock(learner, module, 20)
    response = post(client, module, [report(1, [[0, 5], [95, 96]], position=96)])
    assert response.json()["watched_seconds"] == 6
    assert progress_of(learner, module).watch_complete is False


def test_replayed_report_is_ignored(client, learner, module, enrollment):
    client.force_login(learner)
    rewind_clock(learner, module, 60)
    post(client, module, [report(5, [[0, 30]])])
    rewind_clock(learner, module, 60)
    response = post(client, module, [report(5, [[0, 30], [30, 60]], position=60)])
    assert response.json()["ignored"] == 1
    assert response.json()["watched_seconds"] == 30


def test_out_of_order_report_keeps_position(client, learner, module, enrollment):
    client.force_login(learner)
    rewind_clock(learner, module, 60)
    post(client, module, [report(7, [[0, 50]])])
    post(client, module, [report(6, [[0, 20]])])
    assert progress_of(learner, module).position_seconds == 50


def test_second_tab_has_its_own_sequence(client, learner, module, enrollment):
    client.force_login(learner)
    rewind_clock(learner, module, 60)
    post(client, module, [report(9, [[0, 20]])])
    rewind_clock(learner, module, 60)
    response = post(client, module, [report(1, [[50, 70]])], tab="other-tab-987654")
    assert response.json()["watched_seconds"] == 40


def test_progress_never_decreases(client, learner, module, enrollment):
    client.force_login(learner)
    rewind_clock(learner, module, 60)
    post(client, module, [report(1, [[0, 50]])])
    rewind_clock(learner, module, 60)
    response = post(client, module, [report(2, [[0, 5]], position=5)])
    assert response.json()["watched_seconds"] == 50


def test_batch_of_offline_reports_is_merged(client, learner, module, enrollment):
    client.force_login(learner)
    rewind_clock(learner, module, 120)
    response = post(client, module, [report(1, [[0, 10]]), report(2, [[0, 20]]), report(3, [[0, 45]])])
    assert response.json()["accepted"] == 3
    assert response.json()["watched_seconds"] == 45


def test_failed_resume_keeps_saved_position(client, learner, module, enrollment):
    client.force_login(learner)
    rewind_clock(learner, module, 60)
    post(client, module, [report(1, [[0, 40]])])
    post(client, module, [report(2, [], position=0)], tab="reloaded-tab-1234")
    assert progress_of(learner, module).position_seconds == 40


def test_restart_from_beginning_resets_position(client, learner, module, enrollment):
    client.force_login(learner)
    rewind_clock(learner, module, 60)
    post(client, module, [report(1, [[0, 40]])])
    # The learner played ten seconds in a new tab, then went back to the start.
    post(client, module, [report(1, [[40, 50]], position=0)], tab="reloaded-tab-1234")
    assert progress_of(learner, module).position_seconds == 0


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"client": CLIENT, "reports": [report(1, [[-5, 10]])]}, "negative"),
        ({"client": CLIENT, "reports": [report(1, [[20, 10]], position=20)]}, "reversed"),
        ({"client": CLIENT, "reports": [report(1, [[0, 1e9]], position=1)]}, "past_end"),
        ({"client": CLIENT, "reports": [report(1, [[0, 150]], position=1)]}, "past_end"),
        ({"client": CLIENT, "reports": [report(1, [[0, 10]], position=-1)]}, "bad_position"),
        ({"client": CLIENT, "reports": [report(1, [[0, 10]], position=500)]}, "bad_position"),
        ({"client": CLIENT, "reports": [report(-1, [[0, 10]])]}, "bad_sequence"),
        ({"client": CLIENT, "reports": [report(2**40, [[0, 10]])]}, "bad_sequence"),
        ({"client": CLIENT, "reports": [report("1", [[0, 10]])]}, "bad_sequence"),
        ({"client": "x", "reports": [report(1, [[0, 10]])]}, "bad_client"),
        ({"client": CLIENT, "reports": []}, "malformed"),
        ({"client": CLIENT, "reports": [report(n, [[0, 1]]) for n in range(60)]}, "too_many_reports"),
        ([1, 2, 3], "malformed"),
    ],
)
def test_hostile_report_rejected(client, learner, module, enrollment, payload, code):
    client.force_login(learner)
    rewind_clock(learner, module, 60)
    response = client.post(
        reverse("courses:progress", args=[module.pk]), json.dumps(payload), content_type="application/json"
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json()["error"] == code
    assert progress_of(learner, module).watched_seconds == 0


def test_nan_in_body_rejected(client, learner, module, enrollment):
    client.force_login(learner)
    body = '{"client": "%s", "reports": [{"seq": 1, "position": NaN, "played": [[0, NaN]]}]}' % CLIENT
    response = client.post(reverse("courses:progress", args=[module.pk]), body, content_type="application/json")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json()["error"] == "not_finite"
    assert not ModuleProgress.objects.filter(module=module).exists()


def test_invalid_json_rejected(client, learner, module, enrollment):
    client.force_login(learner)
    response = client.post(reverse("courses:progress", args=[module.pk]), "{not json", content_type="application/json")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json()["error"] == "malformed"


def test_other_learners_module_rejected(client, make_learner, module, enrollment):
    stranger = make_learner()
    client.force_login(stranger)
    response = post(client, module, [report(1, [[0, 10]])])
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert response.json()["error"] == "not_enrolled"
    assert not ModuleProgress.objects.filter(learner=stranger).exists()


def test_anonymous_report_rejected(client, module):
    response = post(client, module, [report(1, [[0, 10]])])
    assert response.status_code == HTTPStatus.FORBIDDEN


def test_pending_learner_rejected(client, make_learner, course, module):
    from courses.services.enrolment import enrol
    from lms.models import User

    pending = make_learner(status=User.Status.PENDING)
    enrol(pending, course)
    client.force_login(pending)
    assert post(client, module, [report(1, [[0, 10]])]).status_code == HTTPStatus.FORBIDDEN


def test_get_not_allowed(client, learner, module, enrollment):
    client.force_login(learner)
    response = client.get(reverse("courses:progress", args=[module.pk]))
    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_csrf_required(learner, module, enrollment):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    assert post(client, module, [report(1, [[0, 10]])]).status_code == HTTPStatus.FORBIDDEN


def test_module_without_video_rejected(client, learner, module, enrollment):
    ModulePage.objects.filter(pk=module.pk).update(video=None)
    client.force_login(learner)
    response = post(client, module, [report(1, [[0, 10]])])
    assert response.status_code == HTTPStatus.CONFLICT
    assert response.json()["error"] == "no_video"


def test_locked_module_rejected(client, learner, home_page):
    from .conftest import make_course
    from courses.services.enrolment import enrol

    course = make_course(home_page, slug="in-order", sequential=True)
    enrol(learner, course)
    second = ModulePage.objects.child_of(course).order_by("path").last()
    client.force_login(learner)
    response = post(client, second, [report(1, [[0, 10]])])
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert response.json()["error"] == "locked"


def test_first_credit_marks_enrolment_in_progress(client, learner, module, enrollment):
    client.force_login(learner)
    rewind_clock(learner, module, 60)
    post(client, module, [report(1, [[0, 10]])])
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.IN_PROGRESS


def test_watch_share_completes_module_without_quiz(client, learner, module, enrollment):
    client.force_login(learner)
    rewind_clock(learner, module, 60)
    response = post(client, module, [report(1, [[0, 90]])])
    assert response.json()["watch_complete"] is True
    assert response.json()["module_complete"] is True


def test_watch_share_below_required_not_complete(client, learner, module, enrollment):
    client.force_login(learner)
    rewind_clock(learner, module, 60)
    response = post(client, module, [report(1, [[0, 89]])])
    assert response.json()["watch_complete"] is False


def test_short_video_duration_used_from_server(client, learner, course, enrollment):
    module = ModulePage.objects.child_of(course).order_by("path").first()
    ModulePage.objects.filter(pk=module.pk).update(video=make_video(2.0))
    client.force_login(learner)
    rewind_clock(learner, module, 60)
    response = post(client, module, [report(1, [[0, 2.04]])])
    assert response.json()["watched_seconds"] == 2
