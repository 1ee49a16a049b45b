"""Fixtures for certificate tests: a course of the learner's academy and an issued certificate."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from courses.models import CoursePage

COURSE_TITLE = "Хүн худалдаалах гэмт хэргийн хохирогч төвтэй, хүүхдэд ээлтэй хэрэг хянан шийдвэрлэх ажиллагаа"
COURSE_TITLE_EN = (
    "Investigating and Prosecuting Trafficking in Persons Cases with Victim-Centered and Child-Friendly Approaches"
)
LEARNER_NAME = "Өлзийбаярын Үүрцайх"


@pytest.fixture
def make_course(home_page):
    def make(academy, slug="tip-victims", title=COURSE_TITLE, title_en=COURSE_TITLE_EN, hours="16"):
        course = CoursePage(
            title=title, title_en=title_en, slug=slug, estimated_hours=Decimal(hours), academy=academy
        )
        home_page.add_child(instance=course)
        return course

    return make


@pytest.fixture
def course(make_course, academy):
    return make_course(academy)


@pytest.fixture
def named_learner(learner):
    learner.full_name = LEARNER_NAME
    learner.save(update_fields=["full_name"])
    return learner


@pytest.fixture
def certificate(named_learner, course):
    from certificates.services import issue_certificate

    completed_at = datetime(2026, 12, 4, 10, 30, tzinfo=ZoneInfo("Asia/Ulaanbaatar"))
    return issue_certificate(named_learner, course, completed_at)


@pytest.fixture
def archive_storage(settings, tmp_path):
    """Point the file storage at a fresh folder, so built ZIP files stay out of var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
