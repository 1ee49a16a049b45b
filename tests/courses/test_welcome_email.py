"""An account created by a learner import gets one welcome e-mail with a link to set its password."""

import io
import re
from http import HTTPStatus

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from courses.services.learner_import import import_learners
from courses.services.welcome import send_welcome_email
from lms.models import User

from ..factories import UserFactory

pytestmark = pytest.mark.django_db

HEADER = "full_name,email,profession,agency,courses"


@pytest.fixture
def import_file(agency, course):
    lines = [
        HEADER,
        f"Батын Сараа,saraa@example.mn,police,{agency.code},{course.slug}",
        f"Доржийн Бат,bat@example.mn,police,{agency.code},",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def link_in(body: str) -> str:
    return re.search(r"http://\S+/password/reset/key/\S+", body).group(0)


def test_import_welcomes_each_new_account(import_file, academy_staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = import_learners("list.csv", import_file, academy_staff)

    assert result.created == 2
    assert sorted(message.to[0] for message in mail.outbox) == ["bat@example.mn", "saraa@example.mn"]
    message = next(message for message in mail.outbox if message.to == ["saraa@example.mn"])
    assert message.subject == "ХХГХ сургалтын платформ дахь таны бүртгэл"
    assert "Эрхэм Батын Сараа," in message.body
    assert "Та и-мэйл хаягаараа (saraa@example.mn) нэвтэрнэ." in message.body
    assert "Энэ холбоосоор нууц үгээ тохируулна уу:" in message.body
    assert "Холбоос нэг удаа, 3 хоногийн турш ажиллана." in message.body


def test_reimport_sends_nothing(import_file, academy_staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        import_learners("list.csv", import_file, academy_staff)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        again = import_learners("list.csv", import_file, academy_staff)

    assert again.created == 0
    assert mail.outbox == []


def test_existing_account_gets_no_welcome(import_file, agency, academy_staff, django_capture_on_commit_callbacks):
    UserFactory(email="bat@example.mn", agency=agency)

    with django_capture_on_commit_callbacks(execute=True):
        import_learners("list.csv", import_file, academy_staff)

    assert [message.to for message in mail.outbox] == [["saraa@example.mn"]]


def test_rejected_file_sends_nothing(agency, academy_staff, django_capture_on_commit_callbacks):
    content = f"{HEADER}\nБатын Сараа,saraa@example.mn,police,{agency.code},no-such-course\n".encode()

    with django_capture_on_commit_callbacks(execute=True):
        result = import_learners("list.csv", content, academy_staff)

    assert not result.ok
    assert mail.outbox == []


def test_welcome_link_sets_password(client, import_file, academy_staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        import_learners("list.csv", import_file, academy_staff)
    message = next(message for message in mail.outbox if message.to == ["saraa@example.mn"])
    path = link_in(message.body).split("://", 1)[1].split("/", 1)[1]

    # allauth moves the key into the session and redirects to a key-less address.
    form_page = client.get("/" + path, follow=True)
    assert form_page.status_code == HTTPStatus.OK
    assert "password1" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0], {"password1": "Tsagaan-Sar-2027!", "password2": "Tsagaan-Sar-2027!"}
    )
    assert done.status_code == HTTPStatus.FOUND

    learner = User.objects.get(email="saraa@example.mn")
    assert learner.check_password("Tsagaan-Sar-2027!")
    # The token is tied to the old password, so the same link no longer works.
    assert "password1" not in client.get("/" + path, follow=True).content.decode()


def test_welcome_follows_preferred_language(agency):
    learner = UserFactory(email="en@example.mn", agency=agency, full_name="Anna Bold", preferred_language="en")
    learner.set_unusable_password()
    learner.save()

    assert send_welcome_email(learner)

    message = mail.outbox[0]
    assert message.subject == "Your account on the TIP training platform"
    assert "Dear Anna Bold," in message.body
    assert "The link works once and for 3 days." in message.body


def test_command_import_welcomes(tmp_path, import_file, django_capture_on_commit_callbacks):
    path = tmp_path / "list.csv"
    path.write_bytes(import_file)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_learners", str(path), stdout=io.StringIO())

    assert len(mail.outbox) == 2


def test_admin_import_welcomes_once(client, settings, tmp_path, academy_staff, import_file,
                                    django_capture_on_commit_callbacks):
    settings.LMS_IMPORT_DIR = tmp_path
    client.force_login(academy_staff)
    client.post("/admin/learners/import/", {"file": SimpleUploadedFile("list.csv", import_file)})
    token = client.session["courses_learner_import"]["token"]

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/learners/import/confirm/", {"token": token})

    assert sorted(message.to[0] for message in mail.outbox) == ["bat@example.mn", "saraa@example.mn"]
