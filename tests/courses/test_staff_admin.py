from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from courses.models import Enrollment
from courses.services.enrolment import EnrolmentRefused, enrol_by_staff
from lms.models import User

from ..factories import AgencyFactory, profession

pytestmark = pytest.mark.django_db


def test_staff_enrols_managed_learner_outside_audience(academy_staff, make_learner, agency, course):
    judge = make_learner(agency=agency, profession=profession("judge"))
    enrollment, created = enrol_by_staff(academy_staff, judge, course)
    assert created
    assert enrollment.learner == judge


def test_staff_cannot_enrol_unmanaged_learner(academy_staff, make_learner, course):
    stranger = make_learner(agency=AgencyFactory())
    with pytest.raises(EnrolmentRefused):
        enrol_by_staff(academy_staff, stranger, course)
    assert not Enrollment.objects.filter(learner=stranger).exists()


def test_staff_enrol_view(client, academy_staff, learner, course):
    client.force_login(academy_staff)
    response = client.post("/admin/learners/enrol/", {"course": course.pk, "learners": [learner.pk]})
    assert response.status_code == HTTPStatus.FOUND
    assert Enrollment.objects.filter(learner=learner, course=course).exists()


def test_staff_enrol_view_hides_unmanaged(client, academy_staff, make_learner, course):
    stranger = make_learner(agency=AgencyFactory())
    client.force_login(academy_staff)
    response = client.post("/admin/learners/enrol/", {"course": course.pk, "learners": [stranger.pk]})
    assert response.status_code == HTTPStatus.OK
    assert not Enrollment.objects.filter(learner=stranger).exists()


def test_learner_cannot_open_import(client, learner):
    client.force_login(learner)
    assert client.get("/admin/learners/import/").status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.FOUND)


def upload(content: bytes, name="list.csv"):
    return SimpleUploadedFile(name, content, content_type="text/csv")


def test_admin_import_preview_then_confirm(client, settings, tmp_path, academy_staff, agency, course):
    settings.LMS_IMPORT_DIR = tmp_path
    content = f"full_name,email,profession,agency,courses\nУрьд Харах,preview@example.mn,police,{agency.code},{course.slug}\n"
    client.force_login(academy_staff)

    preview = client.post("/admin/learners/import/", {"file": upload(content.encode())})
    assert preview.status_code == HTTPStatus.OK
    assert preview.context["result"].ok
    assert not User.objects.filter(email="preview@example.mn").exists()

    token = client.session["courses_learner_import"]["token"]
    confirmed = client.post("/admin/learners/import/confirm/", {"token": token})
    assert confirmed.status_code == HTTPStatus.FOUND
    assert Enrollment.objects.filter(learner__email="preview@example.mn", course=course).exists()
    assert list(tmp_path.iterdir()) == []


def test_admin_import_shows_errors(client, academy_staff, agency):
    content = f"full_name,email,profession,agency\nМуу,bad-address,police,{agency.code}\n"
    client.force_login(academy_staff)
    response = client.post("/admin/learners/import/", {"file": upload(content.encode())})
    assert [error.line for error in response.context["result"].errors] == [2]
    assert "courses_learner_import" not in client.session


def test_admin_import_confirm_needs_preview(client, academy_staff):
    client.force_login(academy_staff)
    response = client.post("/admin/learners/import/confirm/", {"token": "guessed"})
    assert response.status_code == HTTPStatus.FOUND


def test_onboarding_rules_list_own_academy_only(client, academy_staff, agency, course):
    from courses.models import OnboardingRule

    own = OnboardingRule.objects.create(name="Манай дүрэм", agency=agency)
    other = OnboardingRule.objects.create(name="Бусдын дүрэм", agency=AgencyFactory())
    client.force_login(academy_staff)

    response = client.get("/admin/snippets/courses/onboardingrule/")

    assert response.status_code == HTTPStatus.OK
    assert own.name in response.content.decode()
    assert other.name not in response.content.decode()


def test_onboarding_rule_form_rejects_foreign_agency(academy_staff, course):
    from courses.forms import OnboardingRuleForm
    from courses.wagtail_hooks import OnboardingRuleViewSet

    form_class = OnboardingRuleViewSet().get_edit_handler().get_form_class()
    assert issubclass(form_class, OnboardingRuleForm)
    form = form_class(
        data={"name": "Дүрэм", "agency": AgencyFactory().pk, "courses": [course.pk], "due_days": 30, "is_active": "on"},
        for_user=academy_staff,
    )
    assert not form.is_valid()
    assert "agency" in form.errors
