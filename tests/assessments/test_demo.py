"""The demo quizzes load once and cover every demo module."""

import pytest

from assessments.demo import load_demo_quizzes
from assessments.models import Question, Quiz
from courses.models import ModulePage

pytestmark = pytest.mark.django_db


def test_demo_quizzes_cover_modules_and_exams(demo_site):
    load_demo_quizzes()

    assert Quiz.objects.filter(kind=Quiz.Kind.MODULE).count() == ModulePage.objects.count() == 14
    pretest = Quiz.objects.get(kind=Quiz.Kind.PRETEST)
    final = Quiz.objects.get(kind=Quiz.Kind.FINAL)
    assert pretest.pool_id == final.pool_id
    assert not Question.objects.filter(text_en="").exists()


def test_demo_quizzes_load_twice(demo_site):
    load_demo_quizzes()
    questions = Question.objects.count()

    assert load_demo_quizzes() == {"quizzes": 0}
    assert Question.objects.count() == questions
