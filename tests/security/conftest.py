"""Two academies, each with a learner who owns records, and the people who must not reach them."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone

from lms import roles

from ..factories import AgencyFactory, TrainingAcademyFactory, UserFactory


@pytest.fixture(autouse=True)
def empty_cache():
    # Rate-limit counters live in the cache, which outlives a test's database.
    cache.clear()
    yield
    cache.clear()


def make_staff(academy, email):
    user = UserFactory(academy=academy, is_staff=True, profession=None, email=email)
    user.groups.add(Group.objects.get(name=roles.ACADEMY_STAFF))
    return user


@pytest.fixture
def world(home_page, settings, tmp_path):
    """Return a namespace of the owner, their records, and three kinds of outsider."""
    from assessments.models import Choice, Question, QuestionPool, Quiz
    from assessments.services.attempts import start_attempt
    from certificates.services import issue_certificate
    from certificates.services.archives import build_archive, request_archive
    from courses.models import CoursePage, Enrollment, ModulePage

    own_academy = TrainingAcademyFactory()
    other_academy = TrainingAcademyFactory()
    own_agency = AgencyFactory(academy=own_academy)

    course = CoursePage(title="Сургалт", title_en="Course", slug="course", academy=own_academy)
    home_page.add_child(instance=course)
    course.save_revision().publish()
    module = ModulePage(title="1. Модуль", title_en="1. Module", slug="module-1")
    course.add_child(instance=module)
    module.save_revision().publish()

    pool = QuestionPool.objects.create(name_mn="Асуулт", name_en="Questions", course=course)
    question = Question.objects.create(pool=pool, text_mn="Хоёр нэмэх хоёр?", text_en="Two plus two?")
    Choice.objects.create(question=question, sort_order=0, text_mn="Дөрөв", text_en="Four", is_correct=True)
    Choice.objects.create(question=question, sort_order=1, text_mn="Тав", text_en="Five", is_correct=False)
    quiz = Quiz.objects.create(
        kind=Quiz.Kind.MODULE, title_mn="Сорил", title_en="Quiz", module=module, pool=pool,
        question_count=1, pass_percent=60, max_attempts=3, retry_wait=timedelta(0),
    )

    owner = UserFactory(agency=own_agency, email="owner@example.mn")
    Enrollment.objects.create(learner=owner, course=course)
    attempt = start_attempt(owner, quiz)
    certificate = issue_certificate(owner, course, timezone.now())

    class World:
        pass

    world = World()
    world.course, world.module, world.quiz, world.attempt, world.certificate = course, module, quiz, attempt, certificate
    world.owner = owner
    world.own_staff = make_staff(own_academy, "own.staff@example.mn")
    world.other_learner = UserFactory(agency=own_agency, email="classmate@example.mn")
    world.other_staff = make_staff(other_academy, "other.staff@example.mn")
    world.pending = UserFactory(agency=own_agency, status="pending", email="pending@example.mn")

    # A ZIP of the course's certificates that only own_staff requested, built into a
    # folder of this test so the download has a real file behind it.
    settings.MEDIA_ROOT = tmp_path / "media"
    archive, _created = request_archive(world.own_staff, course, None, None)
    world.archive = build_archive(archive.pk)
    return world
