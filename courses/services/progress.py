"""Recording what a learner watched, from the reports the video player sends."""

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from lms.models import User
from media.models import Video

from .. import intervals
from ..intervals import Interval, InvalidInterval
from ..models import CoursePage, Enrollment, ModulePage, ModuleProgress
from .completion import refresh_completion

logger = logging.getLogger(__name__)

DEFAULT_MAX_PLAYBACK_RATE = 2.0
MAX_REPORTS_PER_REQUEST = 50
MAX_SEQUENCE = 2**31 - 1
CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
# Report numbers are kept for this many of the learner's most recent tabs per module.
KEPT_CLIENTS = 8
# Resume rule: a position below RESTART_POSITION_SECONDS replaces a saved later position only
# when the same tab has already played RESTART_MIN_PLAYED_SECONDS. A player whose resume
# failed reports zero before anything is played. A learner who went back to the start has played.
RESTART_POSITION_SECONDS = 1.0
RESTART_MIN_PLAYED_SECONDS = 2.0
# Unused credit, in seconds of real time, that is kept for the next request. A report waits up
# to 4 s in the player's queue (SEND_EVERY_MS in progress.js) before it is sent, so a request
# can offer video played before the previous request arrived. Without the carry, a learner
# watching at the highest rate loses that difference for good. The carry is bounded, so a
# forged report still earns at most the real time elapsed since the previous one plus this.
CREDIT_CARRY_SECONDS = 10.0


class ProgressRejected(Exception):
    """Raised when a progress request cannot be accepted; nothing of it is stored."""

    MESSAGES = {
        "malformed": _("The progress report is malformed."),
        "bad_client": _("The progress report has no valid tab identifier."),
        "bad_sequence": _("A progress report has an invalid sequence number."),
        "too_many_reports": _("Too many progress reports were sent at once."),
        "bad_position": _("A progress report has an invalid playback position."),
        "too_fragmented": _("The watched ranges are too fragmented to store."),
        "no_video": _("This module has no video ready to watch."),
        **InvalidInterval.MESSAGES,
    }

    def __init__(self, code: str):
        self.code = code
        super().__init__(code)

    @property
    def message(self) -> str:
        return str(self.MESSAGES[self.code])


@dataclass(frozen=True)
class Report:
    sequence: int
    position: float
    played: list[Interval]


@dataclass(frozen=True)
class WatchTarget:
    """The facts about a module and the learner's enrolment that crediting a report needs."""

    module_id: int
    duration: float | None
    required_watch_percent: int
    enrollment_id: int | None
    course_id: int | None
    course_sequential: bool

    @property
    def required_seconds(self) -> float:
        return (self.duration or 0) * self.required_watch_percent / 100


@dataclass(frozen=True)
class ProgressResult:
    progress: ModuleProgress
    accepted: int
    ignored: int
    credited_seconds: float


def max_playback_rate() -> float:
    return float(getattr(settings, "LMS_MAX_PLAYBACK_RATE", DEFAULT_MAX_PLAYBACK_RATE))


def find_target(learner: User, module_id: int) -> WatchTarget | None:
    """Read the live module, its video's duration and the learner's enrolment in its course in one query.

    The course is the module's parent page, whose tree path is the module's path minus one
    step. The SQL is written by hand because this is the busiest endpoint of the site, and
    the equivalent ORM query with three subqueries took several times longer to build and plan.
    """
    sql = f"""
        SELECT module.page_ptr_id, module.required_watch_percent, video.duration_seconds,
               enrollment.id, course.page_ptr_id, course.sequential
        FROM {ModulePage._meta.db_table} module
        JOIN {Page._meta.db_table} page ON page.id = module.page_ptr_id AND page.live
        LEFT JOIN {Video._meta.db_table} video ON video.id = module.video_id
        LEFT JOIN {Page._meta.db_table} parent
            ON parent.path = SUBSTR(page.path, 1, (page.depth - 1) * %s)
        LEFT JOIN {CoursePage._meta.db_table} course ON course.page_ptr_id = parent.id
        LEFT JOIN {Enrollment._meta.db_table} enrollment
            ON enrollment.course_id = course.page_ptr_id AND enrollment.learner_id = %s
        WHERE module.page_ptr_id = %s
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [Page.steplen, learner.pk, module_id])
        row = cursor.fetchone()
    if row is None:
        return None
    module_pk, required_watch_percent, duration, enrollment_id, course_id, sequential = row
    return WatchTarget(
        module_id=module_pk,
        duration=duration,
        required_watch_percent=required_watch_percent,
        enrollment_id=enrollment_id,
        course_id=course_id if enrollment_id is not None else None,
        course_sequential=bool(sequential),
    )


def video_duration(target: WatchTarget) -> float:
    """Return the server's own duration of the module's video, which reports are checked against."""
    if not target.duration or target.duration <= 0:
        raise ProgressRejected("no_video")
    return float(target.duration)


def parse_reports(payload, duration: float) -> tuple[str, list[Report]]:
    """Validate a request body of the form {"client": id, "reports": [{seq, position, played}, ...]}.

    Raises ProgressRejected on the first invalid part, so one hostile report rejects the request.
    """
    if not isinstance(payload, dict):
        raise ProgressRejected("malformed")
    client = payload.get("client")
    if not isinstance(client, str) or not CLIENT_ID.match(client):
        raise ProgressRejected("bad_client")
    raw_reports = payload.get("reports")
    if not isinstance(raw_reports, list) or not raw_reports:
        raise ProgressRejected("malformed")
    if len(raw_reports) > MAX_REPORTS_PER_REQUEST:
        raise ProgressRejected("too_many_reports")

    reports = []
    for raw in raw_reports:
        if not isinstance(raw, dict):
            raise ProgressRejected("malformed")
        sequence = raw.get("seq")
        if isinstance(sequence, bool) or not isinstance(sequence, int) or not 0 <= sequence <= MAX_SEQUENCE:
            raise ProgressRejected("bad_sequence")
        try:
            position = intervals.parse_number(raw.get("position"))
            played = intervals.parse_intervals(raw.get("played"), duration)
        except InvalidInterval as error:
            raise ProgressRejected(error.code) from error
        if position < 0 or position > duration + intervals.END_TOLERANCE_SECONDS:
            raise ProgressRejected("bad_position")
        reports.append(Report(sequence=sequence, position=min(position, duration), played=played))
    return client, sorted(reports, key=lambda report: report.sequence)


def resume_position(saved: float, report: Report) -> float:
    """Apply the resume rule described at RESTART_POSITION_SECONDS."""
    if report.position >= RESTART_POSITION_SECONDS or saved < RESTART_POSITION_SECONDS:
        return report.position
    if intervals.total(intervals.merge(report.played)) >= RESTART_MIN_PLAYED_SECONDS:
        return report.position
    return saved


def relax_commit_durability() -> None:
    """Let PostgreSQL confirm this transaction's commit before its WAL reaches the disk.

    A crash can then lose the last fraction of a second of reports, which costs nothing
    lasting: the player's played ranges are cumulative, so the tab's next report offers the
    same seconds again. In bench/progress.py runs on a two-core machine, skipping the
    flush halved the time record_progress takes.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def lock_progress(learner: User, module_id: int) -> ModuleProgress:
    """Return the learner's progress row for the module, locked until the transaction ends."""
    rows = ModuleProgress.objects.select_for_update()
    progress = rows.filter(learner=learner, module_id=module_id).first()
    if progress is not None:
        return progress
    try:
        with transaction.atomic():
            return ModuleProgress.objects.create(learner=learner, module_id=module_id)
    except IntegrityError:
        # Another tab created the row first; wait for its lock like any later report.
        return rows.get(learner=learner, module_id=module_id)


def start_watching(learner: User, module: ModulePage) -> ModuleProgress:
    """Return the learner's progress row, creating it when a module page is first opened.

    The creation time starts the clock that limits how much the first report can credit.
    """
    progress, _created = ModuleProgress.objects.get_or_create(
        learner=learner, module=module, defaults={"last_report_at": timezone.now()}
    )
    return progress


def record_progress(learner: User, target: WatchTarget, client: str, reports: list[Report]) -> ProgressResult:
    """Merge a tab's reports into the learner's progress for the module.

    Reports numbered at or below the tab's last seen number are ignored, so replays and
    late deliveries change nothing. New watched seconds are credited up to the server time
    elapsed since the previous report, plus at most CREDIT_CARRY_SECONDS left unused by it,
    times the highest allowed playback rate. Watched seconds never decrease, and the row
    lock serialises concurrent tabs.
    """
    video_duration(target)

    with transaction.atomic():
        relax_commit_durability()
        progress = lock_progress(learner, target.module_id)
        now = timezone.now()
        last_sequence = dict(progress.client_sequences).get(client, -1)
        fresh = [report for report in reports if report.sequence > last_sequence]
        ignored = len(reports) - len(fresh)
        if not fresh:
            return ProgressResult(progress=progress, accepted=0, ignored=ignored, credited_seconds=0.0)

        stored = intervals.from_json(progress.watched_intervals)
        offered = intervals.merge(interval for report in fresh for interval in report.played)
        new_parts = intervals.subtract(offered, stored)
        allowance = credit_allowance(progress.last_report_at, now)
        credited = intervals.take_first(new_parts, allowance)
        merged = intervals.merge(stored + credited)
        if len(merged) > intervals.MAX_STORED_INTERVALS:
            raise ProgressRejected("too_fragmented")

        watched_before = progress.watched_seconds
        progress.watched_intervals = intervals.to_json(merged)
        progress.watched_seconds = max(watched_before, intervals.total(merged))
        progress.position_seconds = resume_position(progress.position_seconds, fresh[-1])
        newly_watched = False
        if not progress.watch_complete and progress.watched_seconds >= target.required_seconds:
            progress.watch_complete = newly_watched = True
        remember_sequence(progress, client, fresh[-1].sequence)
        progress.last_report_at = credit_clock(now, allowance - intervals.total(credited))
        progress.save(
            update_fields=[
                "watched_intervals",
                "watched_seconds",
                "position_seconds",
                "watch_complete",
                "client_sequences",
                "last_report_at",
                "updated_at",
            ]
        )

    credited_seconds = intervals.total(credited)
    if credited_seconds < intervals.total(new_parts):
        logger.info(
            "progress credit capped user_id=%s module_id=%s offered=%.2f credited=%.2f",
            learner.pk, target.module_id, intervals.total(new_parts), credited_seconds,
        )
    if watched_before == 0 and progress.watched_seconds > 0:
        Enrollment.objects.filter(pk=target.enrollment_id, status=Enrollment.Status.ENROLLED).update(
            status=Enrollment.Status.IN_PROGRESS
        )
    if newly_watched:
        refresh_completion(learner, CoursePage.objects.get(pk=target.course_id))
        progress.refresh_from_db(fields=["completed_at"])
    return ProgressResult(progress=progress, accepted=len(fresh), ignored=ignored, credited_seconds=credited_seconds)


def credit_allowance(clock: datetime | None, now: datetime) -> float:
    """Return the seconds of video that may be credited: server time since `clock` times the highest rate."""
    if clock is None:
        return 0.0
    return max((now - clock).total_seconds(), 0.0) * max_playback_rate()


def credit_clock(now: datetime, unused_video_seconds: float) -> datetime:
    """Return the value stored as `last_report_at`: `now`, moved back to keep some unused credit.

    Moving the clock back by at most CREDIT_CARRY_SECONDS, and never before the previous
    clock, keeps the credited total within the real time elapsed times the highest rate.
    """
    carried = min(max(unused_video_seconds, 0.0) / max_playback_rate(), CREDIT_CARRY_SECONDS)
    return now - timedelta(seconds=carried)


def remember_sequence(progress: ModuleProgress, client: str, sequence: int) -> None:
    """Store the tab's last report number, keeping only the most recent tabs.

    The pairs are a list, not an object, because PostgreSQL's jsonb does not keep key order.
    A replay from a forgotten tab is merged again, which credits nothing new.
    """
    pairs = [[known, number] for known, number in progress.client_sequences if known != client]
    pairs.append([client, sequence])
    progress.client_sequences = pairs[-KEPT_CLIENTS:]
