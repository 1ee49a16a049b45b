from datetime import date, timedelta

import pytest
from django.utils import timezone

from courses.models import Enrollment, OnboardingRule
from courses.services.learner_import import import_learners
from courses.services.onboarding import apply_onboarding
from lms.models import User
from lms.services.approval import approve_learner
from lms.signals import learner_ready

from ..factories import AgencyFactory, profession

pytestmark = pytest.mark.django_db


def make_rule(course, **fields) -> OnboardingRule:
    rule = OnboardingRule.objects.create(name="Шинэ алба хаагч", due_days=fields.pop("due_days", 30), **fields)
    rule.courses.add(course)
    return rule


def recruit(make_learner, agency, **fields):
    return make_learner(agency=agency, service_start_date=timezone.localdate() - timedelta(days=30), **fields)


def test_rule_enrols_with_due_date(make_learner, agency, course):
    make_rule(course, agency=agency, due_days=45)
    learner = recruit(make_learner, agency)

    created = apply_onboarding(learner)

    assert [enrollment.course_id for enrollment in created] == [course.pk]
    assert created[0].due_date == timezone.localdate() + timedelta(days=45)


def test_rule_covers_agency_units(make_learner, agency, course):
    make_rule(course, agency=agency)
    unit = AgencyFactory(academy=agency.academy, parent=agency)
    assert apply_onboarding(recruit(make_learner, unit))


def test_rule_skips_other_agency(make_learner, agency, course):
    make_rule(course, agency=agency)
    assert apply_onboarding(recruit(make_learner, AgencyFactory())) == []


def test_rule_skips_other_profession(make_learner, agency, course):
    make_rule(course, profession=profession("judge"))
    assert apply_onboarding(recruit(make_learner, agency)) == []


def test_new_recruit_rule_skips_serving_officer(make_learner, agency, course):
    make_rule(course, new_recruits_only=True)
    veteran = make_learner(agency=agency, service_start_date=date(2001, 1, 1))
    assert apply_onboarding(veteran) == []
    assert apply_onboarding(recruit(make_learner, agency))


def test_rules_never_enrol_twice(make_learner, agency, course):
    make_rule(course, agency=agency)
    make_rule(course, profession=profession("police"), due_days=10)
    learner = recruit(make_learner, agency)

    first = apply_onboarding(learner)
    second = apply_onboarding(learner)

    assert len(first) == 1
    assert first[0].due_date == timezone.localdate() + timedelta(days=10)
    assert second == []
    assert Enrollment.objects.filter(learner=learner).count() == 1


def test_pending_learner_not_enrolled(make_learner, agency, course):
    make_rule(course, agency=agency)
    assert apply_onboarding(recruit(make_learner, agency, status=User.Status.PENDING)) == []


def test_approval_applies_rules(make_learner, agency, course, academy_staff):
    make_rule(course, agency=agency)
    learner = recruit(make_learner, agency, status=User.Status.PENDING)
    approve_learner(learner, by=academy_staff)
    assert Enrollment.objects.filter(learner=learner, course=course).exists()


def test_profile_change_signal_applies_rules(make_learner, agency, course):
    learner = recruit(make_learner, agency)
    make_rule(course, agency=agency)
    learner_ready.send(sender=User, user=learner)
    assert Enrollment.objects.filter(learner=learner, course=course).exists()


def test_import_applies_rules(agency, course, academy_staff):
    make_rule(course, agency=agency, due_days=20)
    content = f"full_name,email,profession,agency\nШинэ Ажилтан,new@example.mn,police,{agency.code}\n".encode()
    result = import_learners("list.csv", content, academy_staff)
    assert result.enrolled == 1
    enrollment = Enrollment.objects.get(learner__email="new@example.mn")
    assert enrollment.due_date == timezone.localdate() + timedelta(days=20)
