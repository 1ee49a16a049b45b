"""Fixtures for quiz tests: a course with one module, an enrolled learner and small question pools."""

from datetime import timedelta

import pytest

from assessments.models import Choice, Question, QuestionPool, Quiz
from courses.models import CoursePage, Enrollment, ModulePage


def add_question(pool: QuestionPool, text: str, choices: list[tuple[str, bool]], kind=Question.Kind.SINGLE) -> Question:
    """Create a question whose choices are (Mongolian text, is correct) pairs; English texts get an "EN" prefix."""
    question = Question.objects.create(pool=pool, kind=kind, text_mn=text, text_en=f"EN {text}",
                                       explanation_mn=f"Тайлбар: {text}", explanation_en=f"Why: {text}")
    for order, (choice_text, correct) in enumerate(choices):
        Choice.objects.create(question=question, sort_order=order, text_mn=choice_text, text_en=f"EN {choice_text}",
                              is_correct=correct)
    return question


@pytest.fixture
def course(home_page):
    course = CoursePage(title="Туршилтын сургалт", title_en="Test course", slug="test-course")
    home_page.add_child(instance=course)
    return course


@pytest.fixture
def module(course):
    module = ModulePage(title="1. Ойлголт", title_en="1. Concepts", slug="module-1")
    course.add_child(instance=module)
    return module


@pytest.fixture
def enrolled(learner, course):
    Enrollment.objects.create(learner=learner, course=course)
    return learner


@pytest.fixture
def pool(course):
    pool = QuestionPool.objects.create(name_mn="Модуль 1", name_en="Module 1", course=course)
    add_question(pool, "Хоёр нэмэх хоёр?", [("Дөрөв", True), ("Тав", False), ("Гурав", False)])
    add_question(pool, "Нар зүүнээс мандана.", [("Үнэн", True), ("Худал", False)], kind=Question.Kind.TRUE_FALSE)
    add_question(
        pool, "Аль нь улаан бэ?", [("Цус", True), ("Гал", True), ("Өвс", False), ("Тэнгэр", False)],
        kind=Question.Kind.MULTIPLE,
    )
    return pool


@pytest.fixture
def make_quiz(module, pool):
    def make(**fields) -> Quiz:
        values = {
            "kind": Quiz.Kind.MODULE,
            "title_mn": "Модулийн сорил",
            "title_en": "Module quiz",
            "module": module,
            "pool": pool,
            "question_count": 3,
            "pass_percent": 60,
            "max_attempts": 3,
            "retry_wait": timedelta(0),
        }
        values.update(fields)
        return Quiz.objects.create(**values)

    return make


@pytest.fixture
def quiz(make_quiz):
    return make_quiz()

