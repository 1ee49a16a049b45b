"""Authoring quizzes in the Wagtail admin and regrading attempts."""

from http import HTTPStatus

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import ModelLogEntry

from assessments.models import Choice, Question, Quiz, RegradeLog
from assessments.services import attempts as service
from assessments.services.regrade import can_regrade, finished_attempts_of, regrade_attempts
from courses.models import Enrollment
from lms import roles
from tests.factories import TrainingAcademyFactory, UserFactory

from .helpers import correct_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer(db):
    user = UserFactory(is_staff=True, profession=None, email="trainer@example.mn")
    user.groups.add(Group.objects.get(name=roles.TRAINERS))
    return user


@pytest.fixture
def trainer_client(client, trainer):
    client.force_login(trainer)
    return client


def question_post(pool, kind, choices) -> dict:
    data = {
        "pool": pool.pk,
        "kind": kind,
        "text_mn": "Хохирогчийг хэрхэн тодорхойлох вэ?",
        "text_en": "How is a victim identified?",
        "explanation_mn": "",
        "explanation_en": "",
        "choices-TOTAL_FORMS": str(len(choices)),
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "2",
        "choices-MAX_NUM_FORMS": "1000",
    }
    for index, (text, correct) in enumerate(choices):
        data[f"choices-{index}-text_mn"] = text
        data[f"choices-{index}-text_en"] = ""
        data[f"choices-{index}-ORDER"] = str(index + 1)
        data[f"choices-{index}-DELETE"] = ""
        data[f"choices-{index}-id"] = ""
        if correct:
            data[f"choices-{index}-is_correct"] = "on"
    return data


def test_trainer_adds_question_with_choices(trainer_client, pool):
    url = reverse("wagtailsnippets_assessments_question:add")

    response = trainer_client.post(url, question_post(pool, "multiple", [("А", True), ("Б", True), ("В", False)]))

    assert response.status_code == HTTPStatus.FOUND
    question = Question.objects.get(text_en="How is a victim identified?")
    assert list(question.choices.order_by("sort_order").values_list("text_mn", "is_correct")) == [
        ("А", True), ("Б", True), ("В", False),
    ]


@pytest.mark.parametrize(
    ("kind", "choices", "message"),
    [
        ("single", [("А", True), ("Б", True)], "Mark exactly one choice as correct."),
        ("single", [("А", False), ("Б", False)], "Mark exactly one choice as correct."),
        ("multiple", [("А", False), ("Б", False)], "Mark at least one choice as correct."),
        ("true_false", [("Үнэн", True), ("Худал", False), ("Мэдэхгүй", False)],
         "A true-or-false question has exactly two choices."),
    ],
)
def test_question_choices_validated(trainer_client, pool, kind, choices, message):
    url = reverse("wagtailsnippets_assessments_question:add")

    trainer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = trainer_client.post(url, question_post(pool, kind, choices))

    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()
    assert not Question.objects.filter(text_en="How is a victim identified?").exists()


def test_trainer_opens_quiz_editor(trainer_client, quiz):
    response = trainer_client.get(reverse("wagtailsnippets_assessments_quiz:edit", args=[quiz.pk]))

    assert response.status_code == HTTPStatus.OK


def test_module_quiz_needs_module(pool):
    quiz = Quiz(kind=Quiz.Kind.MODULE, title_mn="Сорил", pool=pool)

    with pytest.raises(ValidationError) as error:
        quiz.full_clean()

    assert "module" in error.value.message_dict


def test_final_exam_needs_course(pool, module):
    quiz = Quiz(kind=Quiz.Kind.FINAL, title_mn="Шалгалт", pool=pool, module=module)

    with pytest.raises(ValidationError) as error:
        quiz.full_clean()

    assert "course" in error.value.message_dict


def test_regrade_applies_corrected_key(enrolled, quiz, trainer):
    attempt = service.start_attempt(enrolled, quiz)
    attempt, _closed = service.submit_attempt(attempt, correct_answers(attempt))
    first = Question.objects.get(kind=Question.Kind.SINGLE)
    # The trainer finds the key of the single-choice question was wrong and moves it.
    Choice.objects.filter(question=first).update(is_correct=False)
    Choice.objects.filter(question=first, text_mn="Тав").update(is_correct=True)

    regrade = regrade_attempts(quiz, finished_attempts_of(quiz), trainer, "Асуулт 1-ийн хариу буруу байсан")

    attempt.refresh_from_db()
    assert attempt.score_percent < 100
    assert regrade.attempt_count == 1
    assert regrade.changes[0]["old_score"] == "100.00"
    assert regrade.regraded_by == trainer
    entry = ModelLogEntry.objects.get(action="assessments.regrade")
    assert entry.user_id == trainer.pk
    assert entry.data["reason"] == "Асуулт 1-ийн хариу буруу байсан"


def test_regrade_without_reason_rejected(quiz, trainer):
    with pytest.raises(ValidationError) as error:
        regrade_attempts(quiz, finished_attempts_of(quiz), trainer, "   ")

    assert error.value.code == "reason_missing"
    assert not RegradeLog.objects.exists()


def test_regrade_screen_records_reason(trainer_client, enrolled, quiz, trainer):
    attempt = service.start_attempt(enrolled, quiz)
    service.submit_attempt(attempt, correct_answers(attempt))
    url = reverse("assessments_regrade", args=[quiz.pk])

    response = trainer_client.post(url, {"reason": "Түлхүүрийг зассан"})

    assert response.status_code == HTTPStatus.FOUND
    regrade = RegradeLog.objects.get()
    assert regrade.reason == "Түлхүүрийг зассан"
    assert regrade.regraded_by == trainer


def test_regrade_screen_blank_reason_shows_error(trainer_client, quiz):
    trainer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = trainer_client.post(reverse("assessments_regrade", args=[quiz.pk]), {"reason": "  "})

    assert response.status_code == HTTPStatus.OK
    assert "This field is required." in response.content.decode()
    assert not RegradeLog.objects.exists()


def test_regrade_screen_forbidden_to_learner(client, enrolled, quiz):
    enrolled.is_staff = True
    enrolled.save()
    client.force_login(enrolled)

    response = client.get(reverse("assessments_regrade", args=[quiz.pk]))

    assert response.status_code == HTTPStatus.FOUND
    assert not RegradeLog.objects.exists()


def test_regrade_screen_needs_permission(client, quiz):
    staff = UserFactory(is_staff=True, profession=None, email="other@example.mn")
    staff.groups.add(Group.objects.get(name=roles.LEARNERS))
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)

    response = client.post(reverse("assessments_regrade", args=[quiz.pk]), {"reason": "Шалгах"})

    # The Wagtail admin turns PermissionDenied into a redirect to its dashboard.
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == "/admin/"
    assert not RegradeLog.objects.exists()


@pytest.mark.parametrize("model", ["quiz", "question", "questionpool"])
def test_trainer_opens_add_forms(trainer_client, model):
    response = trainer_client.get(reverse(f"wagtailsnippets_assessments_{model}:add"))

    assert response.status_code == HTTPStatus.OK


def test_trainer_adds_final_exam(trainer_client, course, pool):
    data = {
        "kind": "final",
        "title_mn": "Төгсөлтийн шалгалт",
        "title_en": "Final exam",
        "module": "",
        "course": course.pk,
        "pool": pool.pk,
        "question_count": "2",
        "shuffle_choices": "on",
        "multiple_choice_scoring": "partial",
        "pass_percent": "70",
        "max_attempts": "3",
        "retry_wait": "00:10:00",
        "time_limit": "00:30:00",
        "reveal_answers": "last_attempt",
    }

    response = trainer_client.post(reverse("wagtailsnippets_assessments_quiz:add"), data)

    assert response.status_code == HTTPStatus.FOUND
    quiz = Quiz.objects.get(kind=Quiz.Kind.FINAL)
    assert quiz.course_id == course.pk
    assert quiz.time_limit.total_seconds() == 1800


def test_admin_rejects_module_quiz_without_module(trainer_client, pool):
    data = {
        "kind": "module", "title_mn": "Сорил", "title_en": "", "module": "", "course": "", "pool": pool.pk,
        "question_count": "2", "multiple_choice_scoring": "all_or_nothing", "pass_percent": "70",
        "max_attempts": "", "retry_wait": "", "time_limit": "", "reveal_answers": "each_attempt",
    }

    trainer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = trainer_client.post(reverse("wagtailsnippets_assessments_quiz:add"), data)

    assert response.status_code == HTTPStatus.OK
    assert "A module quiz needs its module." in response.content.decode()
    assert not Quiz.objects.exists()


def test_staff_sees_only_managed_attempts(client, academy_staff, enrolled, quiz, make_learner):
    own = service.start_attempt(enrolled, quiz)
    outsider = make_learner()
    Enrollment.objects.create(learner=outsider, course=quiz.get_course())
    service.start_attempt(outsider, quiz)
    client.force_login(academy_staff)

    response = client.get(reverse("wagtailsnippets_assessments_attempt:list"))

    assert response.status_code == HTTPStatus.OK
    assert [attempt.pk for attempt in response.context["object_list"]] == [own.pk]


def test_attempt_edit_forbidden_in_admin(client, academy_staff, enrolled, quiz):
    attempt = service.start_attempt(enrolled, quiz)
    client.force_login(academy_staff)

    response = client.get(reverse("wagtailsnippets_assessments_attempt:edit", args=[attempt.pk]))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url == "/admin/"


def test_regrade_limited_to_owning_academy(course, quiz, academy, academy_staff):
    other_staff = UserFactory(academy=TrainingAcademyFactory(), is_staff=True, profession=None,
                              email="other.staff@example.mn")
    other_staff.groups.add(Group.objects.get(name=roles.ACADEMY_STAFF))
    course.academy = academy
    course.save()

    assert can_regrade(academy_staff, quiz) is True
    assert can_regrade(other_staff, quiz) is False
