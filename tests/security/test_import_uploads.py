"""Import screens reject files whose content does not match their extension, and import nothing."""

from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from courses.views.admin import SESSION_KEY as PENDING_IMPORT_KEY
from lms.models import User

pytestmark = pytest.mark.django_db

DISGUISED = [
    ("officials.xlsx", b"<html><script>alert(1)</script></html>"),
    ("officials.csv", b"PK\x03\x04\x00\x00binary\x00\xff\xfe"),
    ("officials.exe", b"MZ\x90\x00\x03\x00\x00\x00"),
]


@pytest.mark.parametrize("name, content", DISGUISED)
def test_learner_import_rejects_disguised_file(client, world, name, content):
    users_before = User.objects.count()
    client.force_login(world.own_staff)

    response = client.post("/admin/learners/import/", {"file": SimpleUploadedFile(name, content)})

    assert response.status_code in (HTTPStatus.OK, HTTPStatus.BAD_REQUEST)
    # The form rejects a wrong extension, and the preview reports content it cannot read.
    result = response.context["result"]
    assert response.context["form"].errors or (result is not None and not result.ok)
    assert PENDING_IMPORT_KEY not in client.session
    assert User.objects.count() == users_before


@pytest.mark.parametrize("name, content", DISGUISED)
def test_completion_import_rejects_disguised_file(client, world, name, content):
    client.force_login(world.own_staff)

    response = client.post("/admin/reports/import/", {"file": SimpleUploadedFile(name, content)})

    assert response.status_code in (HTTPStatus.OK, HTTPStatus.BAD_REQUEST)
    assert response.context["form"].errors
