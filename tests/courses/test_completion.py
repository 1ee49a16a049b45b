import pytest

from courses.models import Enrollment, ModulePage, ModuleProgress
from courses.services.completion import refresh_completion

from .conftest import make_quiz, pass_quiz

pytestmark = pytest.mark.django_db


def watch(learner, module):
    ModuleProgress.objects.update_or_create(
        learner=learner, module=module, defaults={"watched_seconds": 100, "watch_complete": True}
    )


@pytest.fixture
def modules(course):
    return list(ModulePage.objects.child_of(course).order_by("path"))


def certificates_of(learner):
    from certificates.models import Certificate

    return Certificate.objects.filter(learner=learner)


def test_watched_module_without_quiz_completes(learner, course, enrollment, modules):
    watch(learner, modules[0])
    refresh_completion(learner, course)
    assert ModuleProgress.objects.get(learner=learner, module=modules[0]).is_complete


def test_module_waits_for_its_quiz(learner, course, enrollment, modules):
    quiz = make_quiz(module=modules[0])
    watch(learner, modules[0])
    refresh_completion(learner, course)
    assert not ModuleProgress.objects.get(learner=learner, module=modules[0]).is_complete

    pass_quiz(learner, quiz)
    refresh_completion(learner, course)
    assert ModuleProgress.objects.get(learner=learner, module=modules[0]).is_complete


def test_failed_quiz_keeps_module_open(learner, course, enrollment, modules):
    quiz = make_quiz(module=modules[0])
    watch(learner, modules[0])
    pass_quiz(learner, quiz, passed=False)
    refresh_completion(learner, course)
    assert not ModuleProgress.objects.get(learner=learner, module=modules[0]).is_complete


def test_quiz_without_watching_not_complete(learner, course, enrollment, modules):
    pass_quiz(learner, make_quiz(module=modules[0]))
    refresh_completion(learner, course)
    assert not ModuleProgress.objects.filter(learner=learner, module=modules[0], completed_at__isnull=False).exists()


def test_course_completes_and_issues_certificate(learner, course, enrollment, modules):
    for module in modules:
        watch(learner, module)
    refresh_completion(learner, course)

    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert enrollment.completed_at is not None
    assert certificates_of(learner).count() == 1


def test_course_waits_for_final_exam(learner, course, enrollment, modules):
    exam = make_quiz(course=course)
    for module in modules:
        watch(learner, module)
    refresh_completion(learner, course)
    enrollment.refresh_from_db()
    assert enrollment.status != Enrollment.Status.COMPLETED
    assert not certificates_of(learner).exists()

    pass_quiz(learner, exam)
    refresh_completion(learner, course)
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED


def test_refresh_twice_keeps_first_completion(learner, course, enrollment, modules):
    for module in modules:
        watch(learner, module)
    refresh_completion(learner, course)
    enrollment.refresh_from_db()
    first = enrollment.completed_at

    refresh_completion(learner, course)
    enrollment.refresh_from_db()
    assert enrollment.completed_at == first
    assert certificates_of(learner).count() == 1


def test_module_without_video_needs_only_quiz(learner, course, enrollment, modules):
    ModulePage.objects.filter(pk=modules[0].pk).update(video=None)
    pass_quiz(learner, make_quiz(module=modules[0]))
    refresh_completion(learner, course)
    assert ModuleProgress.objects.get(learner=learner, module=modules[0]).is_complete


def test_not_enrolled_learner_completes_nothing(make_learner, course, modules):
    stranger = make_learner()
    watch(stranger, modules[0])
    refresh_completion(stranger, course)
    assert not ModuleProgress.objects.get(learner=stranger, module=modules[0]).is_complete
