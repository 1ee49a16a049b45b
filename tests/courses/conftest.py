"""Fixtures for course tests: a course with modules, videos of known length and enrolments."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from courses.models import CoursePage, ModulePage, ModuleProgress
from courses.services.enrolment import enrol
from media.models import Video

from ..factories import profession


def make_video(duration: float = 100.0, title: str = "Лекц") -> Video:
    return Video.objects.create(
        title=title, source="videos/lecture.mp4", status=Video.Status.READY, duration_seconds=duration
    )


def make_course(home_page, *, modules: int = 2, slug: str = "test-course", sequential: bool = False,
                duration: float = 100.0, audience=("police",)) -> CoursePage:
    """Create a published course with `modules` published modules, each with its own video."""
    course = CoursePage(
        title="Туршилтын сургалт",
        title_en="Test course",
        slug=slug,
        summary_mn="Товч агуулга",
        summary_en="Summary",
        estimated_hours=Decimal(4),
        sequential=sequential,
    )
    home_page.add_child(instance=course)
    # New pages are live already; publishing revisions would only slow the tests down.
    course.audience.set([profession(code) for code in audience])
    course.save()
    for number in range(1, modules + 1):
        module = ModulePage(
            title=f"{number}. Модуль",
            title_en=f"{number}. Module",
            slug=f"module-{number}",
            video=make_video(duration, title=f"Лекц {number}"),
        )
        course.add_child(instance=module)
    return CoursePage.objects.get(pk=course.pk)


@pytest.fixture
def course(home_page):
    return make_course(home_page)


@pytest.fixture
def module(course):
    return ModulePage.objects.child_of(course).order_by("path").first()


@pytest.fixture
def enrollment(learner, course):
    enrollment, _created = enrol(learner, course)
    return enrollment


def rewind_clock(learner, module, seconds: float) -> None:
    """Pretend the learner's last report arrived `seconds` ago, as if that much time had passed."""
    ModuleProgress.objects.update_or_create(
        learner=learner, module=module, defaults={"last_report_at": timezone.now() - timedelta(seconds=seconds)}
    )


def make_quiz(*, module=None, course=None):
    """Create a module quiz for `module`, or a final exam for `course`."""
    from assessments.models import QuestionPool, Quiz

    pool = QuestionPool.objects.create(name_mn="Асуултын сан", course=course)
    if module is not None:
        return Quiz.objects.create(kind=Quiz.Kind.MODULE, module=module, title_mn="Модулийн сорил", pool=pool)
    return Quiz.objects.create(kind=Quiz.Kind.FINAL, course=course, title_mn="Төгсөлтийн шалгалт", pool=pool)


def pass_quiz(learner, quiz, *, passed: bool = True):
    from assessments.models import Attempt

    return Attempt.objects.create(
        learner=learner,
        quiz=quiz,
        number=Attempt.objects.filter(learner=learner, quiz=quiz).count() + 1,
        status=Attempt.Status.SUBMITTED,
        submitted_at=timezone.now(),
        score_percent=100 if passed else 0,
        passed=passed,
    )
