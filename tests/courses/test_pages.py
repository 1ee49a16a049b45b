from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.models import ModulePage, ModuleProgress
from courses.services.enrolment import enrol

from .conftest import make_course

pytestmark = pytest.mark.django_db


def query_count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return len(queries)


def modules_of(course):
    return list(ModulePage.objects.child_of(course).order_by("path"))


@pytest.fixture
def small_and_large(home_page, learner):
    small = make_course(home_page, modules=4, slug="small")
    large = make_course(home_page, modules=14, slug="large")
    for course in (small, large):
        enrol(learner, course)
        for module in modules_of(course)[:2]:
            ModuleProgress.objects.create(learner=learner, module=module, watched_seconds=30)
    return small, large


def test_course_page_queries_constant(client, learner, small_and_large):
    small, large = small_and_large
    client.force_login(learner)
    client.get(small.url)  # warm the site root cache
    assert query_count(client, small.url) == query_count(client, large.url)


def test_module_page_queries_constant(client, learner, small_and_large):
    small, large = small_and_large
    client.force_login(learner)
    small_module, large_module = modules_of(small)[-1], modules_of(large)[-1]
    client.get(small_module.url)
    client.get(large_module.url)
    assert query_count(client, small_module.url) == query_count(client, large_module.url)


def test_my_learning_queries_constant(client, learner, home_page, small_and_large):
    client.force_login(learner)
    client.get("/learn/my/")  # warm the site root cache
    few = query_count(client, "/learn/my/")
    for number in range(3):
        enrol(learner, make_course(home_page, modules=3, slug=f"extra-{number}"))
    assert query_count(client, "/learn/my/") == few


def test_course_page_shows_progress_and_next(client, learner, course, enrollment):
    first, second = modules_of(course)
    ModuleProgress.objects.create(learner=learner, module=first, watched_seconds=100, watch_complete=True,
                                  completed_at="2026-01-01T00:00:00Z")
    client.force_login(learner)
    response = client.get(course.url)
    assert response.context["outline"].next_module.module == second
    assert response.context["outline"].percent == 50
    assert second.url in response.content.decode()


def test_sequential_course_locks_later_modules(client, learner, home_page):
    course = make_course(home_page, modules=3, slug="ordered", sequential=True)
    enrol(learner, course)
    client.force_login(learner)
    states = client.get(course.url).context["outline"].modules
    assert [state.locked for state in states] == [False, True, True]


def test_locked_module_page_hides_video(client, learner, home_page):
    course = make_course(home_page, modules=2, slug="ordered", sequential=True)
    enrol(learner, course)
    client.force_login(learner)
    response = client.get(modules_of(course)[1].url)
    assert response.context["locked"] is True
    assert b"data-progress-url" not in response.content
    assert not ModuleProgress.objects.filter(learner=learner).exists()


def test_module_page_starts_progress_clock(client, learner, module, enrollment):
    client.force_login(learner)
    client.get(module.url)
    assert ModuleProgress.objects.get(learner=learner, module=module).last_report_at is not None


def test_enrol_button_for_audience(client, learner, course):
    client.force_login(learner)
    assert client.get(course.url).context["can_enrol"] is True


def test_enrol_refused_outside_audience(client, make_learner, course):
    from ..factories import profession

    judge = make_learner(profession=profession("judge"))
    client.force_login(judge)
    response = client.post(f"/learn/course/{course.pk}/enrol/")
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not judge.enrollments.exists()


def test_self_enrol_creates_enrolment(client, learner, course):
    client.force_login(learner)
    response = client.post(f"/learn/course/{course.pk}/enrol/")
    assert response.status_code == HTTPStatus.FOUND
    assert learner.enrollments.filter(course=course).exists()


def test_my_learning_marks_overdue(client, learner, course):
    enrollment, _created = enrol(learner, course)
    enrollment.due_date = "2020-01-01"
    enrollment.save()
    client.force_login(learner)
    response = client.get("/learn/my/")
    assert response.context["rows"][0].overdue is True
    assert "overdue" in response.content.decode()


def test_my_learning_lists_certificate(client, learner, course, enrollment):
    from certificates.services import issue_certificate

    certificate = issue_certificate(learner, course, None)
    client.force_login(learner)
    response = client.get("/learn/my/")
    assert certificate.code in response.content.decode()


def test_module_page_requires_login(client, module):
    response = client.get(module.url)
    assert response.status_code == HTTPStatus.FOUND


def test_module_editor_offers_video_chooser(client, module):
    from lms.models import User

    admin = User.objects.create_superuser(email="admin@example.mn", password="correct-horse-battery")
    client.force_login(admin)
    response = client.get(f"/admin/pages/{module.pk}/edit/")
    assert response.status_code == HTTPStatus.OK
    assert 'name="video"' in response.content.decode()


def test_module_page_redirects_unenrolled_learner(client, learner, module):
    client.force_login(learner)
    response = client.get(module.url, follow=True)
    assert response.redirect_chain[0] == (module.get_parent().url, HTTPStatus.FOUND)
    messages = [str(message) for message in response.context["messages"]]
    assert messages == ["Модулиудыг үзэхийн тулд энэ сургалтад элсэнэ үү."]


def test_module_page_opens_for_enrolled_learner(client, learner, module, enrollment):
    client.force_login(learner)
    response = client.get(module.url)
    assert response.status_code == HTTPStatus.OK


def test_module_page_opens_for_superuser(client, module):
    from lms.models import User

    admin = User.objects.create_superuser(email="admin@example.mn", password="correct-horse-battery")
    client.force_login(admin)
    response = client.get(module.url)
    assert response.status_code == HTTPStatus.OK


def test_course_page_unlinked_modules_before_enrolment(client, learner, course, module):
    client.force_login(learner)
    page = client.get(course.url).content.decode()
    assert f'href="{module.url}"' not in page
