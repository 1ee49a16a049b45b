"""Knowledge gain by profession and sex, from pre-test and final exam attempts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from lms.models import User
from lms.reports.filters import ReportFilters
from lms.reports.gain import knowledge_gain

from ..factories import UserFactory, profession
from .conftest import record

assessments_models = pytest.importorskip("assessments.models")


@pytest.fixture
def exams(course):
    Quiz, QuestionPool = assessments_models.Quiz, assessments_models.QuestionPool
    pool = QuestionPool.objects.create(name_mn="Сан", course=course)
    common = {"pool": pool, "course": course, "question_count": 1}
    return (Quiz.objects.create(kind=Quiz.Kind.PRETEST, title_mn="Өмнөх тест", **common),
            Quiz.objects.create(kind=Quiz.Kind.FINAL, title_mn="Төгсгөлийн шалгалт", **common))


def sit(learner, quiz, number: int, score: int):
    Attempt = assessments_models.Attempt
    now = timezone.now() + timedelta(minutes=number)
    return Attempt.objects.create(learner=learner, quiz=quiz, number=number, status=Attempt.Status.SUBMITTED,
                                  started_at=now, submitted_at=now, score_percent=score, passed=score >= 70)


def test_gain_by_profession_and_sex(course, police_agency, exams):
    pretest, final = exams
    man = UserFactory(agency=police_agency, sex=User.Sex.MALE)
    woman = UserFactory(agency=police_agency, sex=User.Sex.FEMALE)
    judge = UserFactory(agency=police_agency, sex=User.Sex.FEMALE, profession=profession("judge"))
    untested = UserFactory(agency=police_agency)
    for learner in (man, woman, judge, untested):
        record(learner, course)
    sit(man, pretest, 1, 40)
    sit(man, pretest, 2, 90)  # a later pre-test sitting does not replace the first
    sit(man, final, 1, 60)
    sit(man, final, 2, 80)
    sit(woman, pretest, 1, 50)
    sit(woman, final, 1, 90)
    sit(judge, pretest, 1, 70)
    sit(judge, final, 1, 75)
    sit(untested, pretest, 1, 10)

    rows = knowledge_gain(ReportFilters(), viewer=None)

    cells = [row.cells() for row in rows]
    assert cells == [
        ["Шүүгч", "Эмэгтэй", 1, 70.0, 75.0, 5.0],
        ["Цагдаагийн алба хаагч", "Эрэгтэй", 1, 40.0, 80.0, 40.0],
        ["Цагдаагийн алба хаагч", "Эмэгтэй", 1, 50.0, 90.0, 40.0],
        ["бүгд", "бүгд", 3, 53.3, 81.7, 28.3],
    ]
