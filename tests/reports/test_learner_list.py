"""The per-learner list: progress, final score, completion date and certificate code."""

from datetime import date

import pytest

from courses.models import Enrollment, ModulePage
from lms.reports.filters import Measure, ReportFilters
from lms.reports.learner_list import learner_rows

from ..factories import UserFactory
from .conftest import local, record


def test_list_shows_progress_and_certificate(course, police_agency):
    from certificates.services.issuing import issue_certificate

    ModuleProgress = pytest.importorskip("courses.models").ModuleProgress
    halfway = UserFactory(agency=police_agency, full_name="Ананд")
    done = UserFactory(agency=police_agency, full_name="Болор")
    record(halfway, course, status=Enrollment.Status.IN_PROGRESS)
    record(done, course, completed_at=local(2026, 1, 31, 23, 30))
    first_module = ModulePage.objects.child_of(course).order_by("path").first()
    ModuleProgress.objects.create(learner=halfway, module=first_module, completed_at=local(2026, 1, 10))
    certificate = issue_certificate(done, course, local(2026, 1, 31, 23, 30))

    rows = list(learner_rows(ReportFilters(measure=Measure.ENROLLED), viewer=None))

    assert [row[0] for row in rows] == ["Ананд", "Болор"]
    assert rows[0][13] == 50
    assert rows[0][12] is None
    assert rows[0][15] == ""
    assert rows[1][13] == 100
    assert rows[1][12] == date(2026, 1, 31)
    assert rows[1][15] == certificate.code
