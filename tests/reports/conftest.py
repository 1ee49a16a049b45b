"""Fixtures for report tests: two courses, two academies with agency trees, and completion helpers."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group

from courses.models import CoursePage, Enrollment, ModulePage
from lms import roles

from ..factories import AgencyFactory, TrainingAcademyFactory, UserFactory, profession

ULAANBAATAR = ZoneInfo("Asia/Ulaanbaatar")


def make_course(home_page, slug: str, title: str, audience: list[str], modules: int = 2) -> CoursePage:
    course = CoursePage(title=title, title_en=slug, slug=slug, estimated_hours=Decimal(4))
    home_page.add_child(instance=course)
    course.audience.set([profession(code) for code in audience])
    course.save_revision().publish()
    for number in range(1, modules + 1):
        module = ModulePage(title=f"{number}. Модуль", title_en=f"{number}. Module", slug=f"module-{number}")
        course.add_child(instance=module)
        module.save_revision().publish()
    return CoursePage.objects.get(pk=course.pk)


@pytest.fixture
def course(home_page):
    return make_course(home_page, "tip-victim-centred", "Хохирогч төвтэй сургалт", ["judge", "prosecutor", "police"])


@pytest.fixture
def cyber_course(home_page):
    return make_course(home_page, "cyber-tip-investigation", "Кибер сургалт", ["prosecutor", "police"])


@pytest.fixture
def police_academy(db):
    return TrainingAcademyFactory(code="police-academy", name_mn="Цагдаагийн академи")


@pytest.fixture
def judicial_academy(db):
    return TrainingAcademyFactory(code="judicial-academy", name_mn="Шүүхийн академи")


@pytest.fixture
def police_agency(police_academy):
    return AgencyFactory(code="police", name_mn="Цагдаагийн ерөнхий газар", academy=police_academy)


@pytest.fixture
def police_unit(police_agency, police_academy):
    return AgencyFactory(code="police-khovd", name_mn="Ховд аймгийн цагдаа", academy=police_academy,
                         parent=police_agency)


@pytest.fixture
def court(judicial_academy):
    return AgencyFactory(code="court", name_mn="Улсын дээд шүүх", academy=judicial_academy)


def make_staff(academy, email: str):
    user = UserFactory(academy=academy, is_staff=True, profession=None, agency=None, email=email)
    user.groups.add(Group.objects.get(name=roles.ACADEMY_STAFF))
    return user


@pytest.fixture
def police_staff(police_academy):
    return make_staff(police_academy, "police-staff@example.mn")


@pytest.fixture
def judicial_staff(judicial_academy):
    return make_staff(judicial_academy, "court-staff@example.mn")


@pytest.fixture
def administrator(db):
    return UserFactory(is_staff=True, is_superuser=True, profession=None, agency=None, email="admin@example.mn")


def local(year, month, day, hour=12, minute=0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=ULAANBAATAR)


def record(learner, course, *, status=Enrollment.Status.COMPLETED, completed_at=None, enrolled_at=None,
           mode=Enrollment.Mode.ONLINE, due_date=None) -> Enrollment:
    """Create an enrolment with chosen timestamps; enrolled_at is auto-set, so it is updated afterwards."""
    if status == Enrollment.Status.COMPLETED and completed_at is None:
        completed_at = local(2026, 1, 15)
    enrollment = Enrollment.objects.create(
        learner=learner, course=course, status=status, mode=mode, completed_at=completed_at, due_date=due_date
    )
    Enrollment.objects.filter(pk=enrollment.pk).update(enrolled_at=enrolled_at or local(2026, 1, 2))
    enrollment.refresh_from_db()
    return enrollment
