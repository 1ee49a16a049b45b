"""Knowledge gain from a course's pre-test and final exam, which share one pool."""

from decimal import Decimal

import pytest

from assessments.models import Quiz
from assessments.services import attempts as service
from assessments.services.gain import gain_by, group_gain, learner_gain
from courses.models import Enrollment
from lms.models import User

from .helpers import correct_answers, wrong_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def exams(course, pool):
    common = {"course": course, "pool": pool, "question_count": 3, "pass_percent": 50, "max_attempts": None}
    pretest = Quiz.objects.create(kind=Quiz.Kind.PRETEST, title_mn="Урьдчилсан тест", **common)
    final = Quiz.objects.create(kind=Quiz.Kind.FINAL, title_mn="Төгсөлтийн шалгалт", **common)
    return pretest, final


def take(learner, quiz, right: bool) -> None:
    attempt = service.start_attempt(learner, quiz)
    service.submit_attempt(attempt, correct_answers(attempt) if right else wrong_answers(attempt))


@pytest.fixture
def learners(make_learner, course):
    people = [
        make_learner(sex=User.Sex.FEMALE),
        make_learner(sex=User.Sex.MALE),
        make_learner(sex=User.Sex.MALE),
    ]
    for person in people:
        Enrollment.objects.create(learner=person, course=course)
    return people


def test_learner_gain_uses_first_pretest_and_best_final(learners, exams):
    pretest, final = exams
    woman = learners[0]
    take(woman, pretest, right=False)
    take(woman, pretest, right=True)
    take(woman, final, right=True)
    take(woman, final, right=False)

    gain = learner_gain(woman, pretest.course)

    assert gain.pretest == Decimal("0.00")
    assert gain.final == Decimal("100.00")
    assert gain.change == Decimal("100.00")


def test_learner_gain_empty_without_final(learners, exams):
    pretest, _final = exams
    take(learners[0], pretest, right=False)

    gain = learner_gain(learners[0], pretest.course)

    assert gain.learners == 0
    assert gain.change is None


def test_group_gain_counts_learners_with_both(learners, exams):
    pretest, final = exams
    woman, man, absent = learners
    take(woman, pretest, right=False)
    take(woman, final, right=True)
    take(man, pretest, right=True)
    take(man, final, right=True)
    take(absent, pretest, right=False)

    gain = group_gain(pretest.course)

    assert gain.learners == 2
    assert gain.pretest == Decimal("50.00")
    assert gain.final == Decimal("100.00")
    assert gain.change == Decimal("50.00")


def test_gain_by_sex(learners, exams):
    pretest, final = exams
    woman, man, _absent = learners
    take(woman, pretest, right=False)
    take(woman, final, right=True)
    take(man, pretest, right=True)
    take(man, final, right=True)

    by_sex = gain_by(pretest.course, "sex")

    assert by_sex[User.Sex.FEMALE].change == Decimal("100.00")
    assert by_sex[User.Sex.MALE].change == Decimal("0.00")


def test_gain_without_exams_is_empty(course, learners):
    assert group_gain(course).learners == 0
    assert group_gain(course).change is None
