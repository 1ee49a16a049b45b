"""A learner's own change of agency or profession on the profile page."""

from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import translation
from wagtail.models import ModelLogEntry

from courses.models import CoursePage, Enrollment, OnboardingRule
from courses.services.enrolment import enrol
from lms import roles
from lms.models import User
from lms.permissions import managed_learners
from lms.services.approval import approve_learner

from ..factories import AgencyFactory, UserFactory, profession

pytestmark = pytest.mark.django_db

SAVED = "Таны хувийн мэдээлэл хадгалагдлаа."
WAITS_FOR_NEW_ACADEMY = (
    "Таны хувийн мэдээлэл хадгалагдлаа. Таны шинэ байгууллагыг өөр сургалтын байгууллага хариуцдаг тул "
    "бүртгэл тань тэдний баталгаажуулалтыг хүлээж байна. Баталгаажмагц танд и-мэйлээр мэдэгдэнэ."
)


def profile_data(user: User, **changes) -> dict:
    data = {
        "full_name": user.full_name,
        "sex": user.sex,
        "profession": user.profession_id,
        "agency": user.agency_id,
        "region": user.region_id,
        "rank": user.rank,
        "service_start_date": "",
        "preferred_language": "mn",
    }
    data.update(changes)
    return data


def save_profile(client, user: User, **changes) -> list[str]:
    """Post the profile form and return the texts of the messages shown after saving."""
    client.force_login(user)
    response = client.post("/me/profile/", profile_data(user, **changes), follow=True)
    assert response.redirect_chain == [("/me/profile/", HTTPStatus.FOUND)]
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def other_academy_agency(db):
    """An agency served by a training academy other than the learner's."""
    return AgencyFactory(email_domains="court.example.mn")


@pytest.fixture
def other_academy_staff(other_academy_agency):
    staff = UserFactory(
        academy=other_academy_agency.academy, is_staff=True, profession=None, email="court.staff@example.mn"
    )
    staff.groups.add(Group.objects.get(name=roles.ACADEMY_STAFF))
    return staff


def test_move_to_other_academy_withdraws_approval(client, learner, other_academy_agency):
    messages = save_profile(client, learner, agency=other_academy_agency.pk)

    learner.refresh_from_db()
    assert learner.agency == other_academy_agency
    assert learner.status == User.Status.PENDING
    assert learner.status_changed_by == learner
    assert messages == [WAITS_FOR_NEW_ACADEMY]


def test_moved_learner_waits_in_new_academy_queue(
    client, learner, academy_staff, other_academy_agency, other_academy_staff
):
    save_profile(client, learner, agency=other_academy_agency.pk)

    assert not managed_learners(academy_staff).filter(pk=learner.pk).exists()
    assert not managed_learners(other_academy_staff).filter(pk=learner.pk, status=User.Status.APPROVED).exists()

    client.force_login(other_academy_staff)
    queue = client.get("/admin/learners/approvals/")
    assert f"approve-{learner.pk}" in queue.content.decode()

    mail.outbox.clear()
    approved = client.post(f"/admin/learners/{learner.pk}/approve/")
    assert approved.status_code == HTTPStatus.FOUND
    learner.refresh_from_db()
    assert learner.status == User.Status.APPROVED
    assert learner.status_changed_by == other_academy_staff
    assert [message.subject for message in mail.outbox] == ["Таны бүртгэл баталгаажлаа"]


def test_move_to_other_academy_is_audited(client, learner, agency, other_academy_agency):
    save_profile(client, learner, agency=other_academy_agency.pk)

    entry = ModelLogEntry.objects.get(action="lms.change_agency")
    assert entry.object_id == str(learner.pk)
    assert entry.user == learner
    assert entry.data["old_agency_id"] == agency.pk
    assert entry.data["new_agency_id"] == other_academy_agency.pk
    assert entry.data["old_academy_id"] == agency.academy_id
    assert entry.data["new_academy_id"] == other_academy_agency.academy_id
    assert entry.data["approval_withdrawn"] is True
    with translation.override("en"):
        assert entry.message == (
            f"Changed the learner's agency (agency #{agency.pk} → #{other_academy_agency.pk}; "
            "waits for approval by the new academy)"
        )


def test_move_within_academy_keeps_approval(client, learner, agency):
    unit = AgencyFactory(parent=agency, academy=agency.academy)
    sibling = AgencyFactory(academy=agency.academy)

    assert save_profile(client, learner, agency=unit.pk) == [SAVED]
    learner.refresh_from_db()
    assert learner.status == User.Status.APPROVED

    assert save_profile(client, learner, agency=sibling.pk) == [SAVED]
    learner.refresh_from_db()
    assert learner.status == User.Status.APPROVED

    entries = ModelLogEntry.objects.filter(action="lms.change_agency").order_by("pk")
    assert [(entry.data["old_agency_id"], entry.data["new_agency_id"]) for entry in entries] == [
        (agency.pk, unit.pk),
        (unit.pk, sibling.pk),
    ]
    assert [entry.data["approval_withdrawn"] for entry in entries] == [False, False]


def test_move_keeps_enrolments_and_history(client, demo_site, learner, other_academy_agency):
    course = CoursePage.objects.live().order_by("path").first()
    enrol(learner, course)
    enrolment_entries = ModelLogEntry.objects.filter(object_id=str(learner.pk), action="courses.enrol").count()

    save_profile(client, learner, agency=other_academy_agency.pk)

    assert list(Enrollment.objects.filter(learner=learner).values_list("course_id", flat=True)) == [course.pk]
    assert ModelLogEntry.objects.filter(object_id=str(learner.pk), action="courses.enrol").count() == enrolment_entries


def test_onboarding_waits_for_new_academy_approval(client, demo_site, learner, other_academy_agency, other_academy_staff):
    course = CoursePage.objects.live().order_by("path").first()
    rule = OnboardingRule.objects.create(name="Supreme Court recruits", agency=other_academy_agency, due_days=30)
    rule.courses.add(course)

    save_profile(client, learner, agency=other_academy_agency.pk)
    assert not Enrollment.objects.filter(learner=learner, course=course).exists()

    approve_learner(learner, by=other_academy_staff)
    assert Enrollment.objects.filter(learner=learner, course=course).exists()


def test_onboarding_runs_after_move_within_academy(client, demo_site, learner, agency):
    unit = AgencyFactory(parent=agency, academy=agency.academy)
    course = CoursePage.objects.live().order_by("path").first()
    rule = OnboardingRule.objects.create(name="Unit recruits", agency=unit, due_days=30)
    rule.courses.add(course)

    save_profile(client, learner, agency=unit.pk)

    assert Enrollment.objects.filter(learner=learner, course=course).exists()


def test_move_with_new_agency_domain_approves_at_once(client, other_academy_agency):
    learner = UserFactory(email="officer@court.example.mn")
    mail.outbox.clear()

    messages = save_profile(client, learner, agency=other_academy_agency.pk)

    learner.refresh_from_db()
    assert learner.status == User.Status.APPROVED
    assert learner.status_changed_by is None
    assert messages == [SAVED]
    assert ModelLogEntry.objects.get(action="lms.approve").data == {"automatic": True}
    assert [message.subject for message in mail.outbox] == ["Таны бүртгэл баталгаажлаа"]


def test_unconfirmed_address_skips_domain_approval(client, other_academy_agency):
    learner = UserFactory(email="officer@court.example.mn")
    EmailAddress.objects.filter(user=learner).update(verified=False)

    save_profile(client, learner, agency=other_academy_agency.pk)

    learner.refresh_from_db()
    assert learner.status == User.Status.PENDING


def test_pending_learner_move_stays_pending(client, other_academy_agency, agency):
    learner = UserFactory(agency=agency, status=User.Status.PENDING)

    assert save_profile(client, learner, agency=other_academy_agency.pk) == [SAVED]

    learner.refresh_from_db()
    assert learner.status == User.Status.PENDING
    assert ModelLogEntry.objects.get(action="lms.change_agency").data["approval_withdrawn"] is False


def test_staff_move_keeps_approval(client, agency, other_academy_agency):
    trainer = UserFactory(agency=agency, is_staff=True)

    save_profile(client, trainer, agency=other_academy_agency.pk)

    trainer.refresh_from_db()
    assert trainer.status == User.Status.APPROVED


def test_profession_change_keeps_approval_and_is_audited(client, learner):
    old_profession_id = learner.profession_id
    judge = profession("judge")

    assert save_profile(client, learner, profession=judge.pk) == [SAVED]

    learner.refresh_from_db()
    assert learner.status == User.Status.APPROVED
    entry = ModelLogEntry.objects.get(action="lms.change_profession")
    assert entry.user == learner
    assert entry.data == {"old_profession_id": old_profession_id, "new_profession_id": judge.pk}
    with translation.override("en"):
        assert entry.message == f"Changed the learner's profession (profession #{old_profession_id} → #{judge.pk})"
    assert not ModelLogEntry.objects.filter(action="lms.change_agency").exists()


def test_unchanged_profile_writes_no_audit(client, learner):
    assert save_profile(client, learner, rank="Ахлах дэслэгч") == [SAVED]

    assert not ModelLogEntry.objects.filter(action__in=["lms.change_agency", "lms.change_profession"]).exists()
