"""ZIP archives of certificates: requested by staff, built by the task, downloaded by the requester."""

import io
import zipfile
from datetime import date, timedelta
from http import HTTPStatus
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from certificates.models import Certificate, CertificateArchive
from certificates.services import issue_certificate, revoke_certificate
from certificates.services.archives import ARCHIVE_FOLDER, build_archive
from lms import roles
from tests.factories import AgencyFactory, TrainingAcademyFactory, UserFactory

PERIOD = {"completed_from": "2026-12-01", "completed_to": "2026-12-31"}


@pytest.fixture(autouse=True)
def storage(archive_storage):
    return archive_storage


@pytest.fixture
def staff_client(client, academy_staff):
    client.force_login(academy_staff)
    return client


@pytest.fixture
def other_staff(db):
    user = UserFactory(academy=TrainingAcademyFactory(), is_staff=True, profession=None, email="other@example.mn")
    user.groups.add(Group.objects.get(name=roles.ACADEMY_STAFF))
    return user


@pytest.fixture
def request_zip(staff_client, course, django_capture_on_commit_callbacks):
    """Post the archive form for the course. The queued task runs at commit unless run_task is False."""

    def post(client=staff_client, run_task=True, **fields):
        data = {"course": course.pk, **PERIOD, **fields}
        with django_capture_on_commit_callbacks(execute=run_task):
            return client.post(reverse("certificates_admin:archive"), data)

    return post


@pytest.fixture
def ready_archive(request_zip, certificate):
    request_zip()
    archive = CertificateArchive.objects.get()
    assert archive.status == CertificateArchive.Status.READY
    return archive


def zip_members(response) -> dict[str, bytes]:
    data = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def download(client, archive):
    return client.get(reverse("certificates_admin:archive_download", args=[archive.pk]))


def test_zip_holds_only_valid_managed_certificates(
    request_zip, staff_client, certificate, course, make_course, academy, agency, academy_staff, make_learner
):
    second = issue_certificate(make_learner(agency=agency, full_name="Алтан Сүх"), course, None)
    revoked = issue_certificate(make_learner(agency=agency, full_name="Болд Дорж"), course, None)
    revoke_certificate(revoked, by=academy_staff, reason="Алдаатай")
    other_course = issue_certificate(certificate.learner, make_course(academy, slug="other-course"), None)
    late = issue_certificate(make_learner(agency=agency, full_name="Дорж Бат"), course, None)
    outsider = make_learner(agency=AgencyFactory(academy=TrainingAcademyFactory()), full_name="Гадны Суралцагч")
    foreign = issue_certificate(outsider, course, None)
    Certificate.objects.filter(pk__in=[second.pk, revoked.pk, other_course.pk, foreign.pk]).update(
        completed_on=date(2026, 12, 10)
    )
    Certificate.objects.filter(pk=late.pk).update(completed_on=date(2027, 1, 1))

    response = request_zip()

    assert response.status_code == HTTPStatus.FOUND
    archive = CertificateArchive.objects.get()
    assert archive.status == CertificateArchive.Status.READY
    assert archive.certificate_count == 2
    members = zip_members(download(staff_client, archive))
    assert list(members) == [
        f"Алтан Сүх {second.code}.pdf",
        f"{certificate.learner.full_name} {certificate.code}.pdf",
    ]
    assert archive.size_bytes == default_storage.size(archive.file.name)


def test_zip_is_stored_under_random_name(ready_archive, course):
    name = ready_archive.file.name

    assert name.startswith(f"{ARCHIVE_FOLDER}/")
    assert course.slug not in name
    assert len(Path(name).stem) >= 40


def test_requester_downloads_with_private_headers(staff_client, ready_archive, course):
    response = download(staff_client, ready_archive)

    assert response.status_code == HTTPStatus.OK
    # Wagtail's never_cache on admin views adds max-age=0, no-cache and must-revalidate.
    directives = {directive.strip() for directive in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
    assert response["Content-Disposition"] == (
        f'attachment; filename="certificates-{course.slug}-2026-12-01-2026-12-31.zip"; '
        f"filename*=UTF-8''certificates-{course.slug}-2026-12-01-2026-12-31.zip"
    )


def test_download_refuses_other_academy_staff(client, ready_archive, other_staff):
    client.force_login(other_staff)

    response = download(client, ready_archive)

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_download_refuses_staff_of_same_academy(client, ready_archive, academy):
    colleague = UserFactory(academy=academy, is_staff=True, profession=None, email="colleague@example.mn")
    colleague.groups.add(Group.objects.get(name=roles.ACADEMY_STAFF))
    client.force_login(colleague)

    response = download(client, ready_archive)

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_download_refuses_learner(client, ready_archive, certificate):
    client.force_login(certificate.learner)

    response = download(client, ready_archive)

    # Wagtail sends a user without admin access to the sign-in page instead of the view.
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert not response.streaming


def test_download_refuses_anonymous(ready_archive):
    response = download(Client(), ready_archive)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_superuser_downloads_any_archive(client, ready_archive):
    client.force_login(UserFactory(is_superuser=True, is_staff=True, profession=None, email="root@example.mn"))

    response = download(client, ready_archive)

    assert response.status_code == HTTPStatus.OK
    assert len(zip_members(response)) == 1


def test_archive_list_shows_ready_archive(staff_client, ready_archive, other_staff):
    CertificateArchive.objects.create(requested_by=other_staff, course=ready_archive.course)

    page = staff_client.get(reverse("certificates_admin:archives")).content.decode()

    assert page.count("data-archive=") == 1
    assert 'data-status="ready"' in page
    assert "Бэлэн" in page
    assert ready_archive.get_download_url() in page
    assert 'http-equiv="refresh"' not in page


def test_queued_archive_page_reloads_itself(request_zip, staff_client, certificate):
    request_zip(run_task=False)

    page = staff_client.get(reverse("certificates_admin:archives")).content.decode()

    assert 'data-status="queued"' in page
    assert "Дараалалд байна" in page
    assert '<meta http-equiv="refresh" content="5">' in page
    assert "/download/" not in page


def test_double_submit_reuses_queued_archive(request_zip, staff_client, certificate):
    request_zip(run_task=False)
    response = request_zip(run_task=False)

    assert CertificateArchive.objects.count() == 1
    assert response["Location"] == reverse("certificates_admin:archives")
    page = staff_client.get(response["Location"]).content.decode()
    assert "Энэ ZIP файл аль хэдийн бэлтгэгдэж байгаа тул дахин хүсэлт үүсгээгүй." in page


def test_double_submit_reuses_building_archive(request_zip, certificate):
    request_zip(run_task=False)
    CertificateArchive.objects.update(status=CertificateArchive.Status.BUILDING, heartbeat_at=timezone.now())

    request_zip()

    archive = CertificateArchive.objects.get()
    assert archive.status == CertificateArchive.Status.BUILDING


def test_other_period_is_a_new_archive(request_zip, certificate):
    request_zip(run_task=False)
    request_zip(run_task=False, completed_to="2026-12-30")

    assert CertificateArchive.objects.count() == 2


def test_ready_archive_is_built_again_on_request(request_zip, ready_archive):
    request_zip()

    assert CertificateArchive.objects.filter(status=CertificateArchive.Status.READY).count() == 2


def test_abandoned_build_is_failed_and_requested_again(request_zip, staff_client, certificate):
    request_zip(run_task=False)
    stale = timezone.now() - timedelta(minutes=11)
    CertificateArchive.objects.update(status=CertificateArchive.Status.BUILDING, started_at=stale, heartbeat_at=stale)

    page = staff_client.get(reverse("certificates_admin:archives")).content.decode()
    request_zip()

    assert "Бэлтгэл дуусахаасаа өмнө зогссон байна." in page
    assert 'data-status="failed"' in page
    abandoned, fresh = CertificateArchive.objects.order_by("pk")
    assert abandoned.failure == CertificateArchive.Failure.ABANDONED
    assert fresh.status == CertificateArchive.Status.READY


def test_failed_save_shows_mongolian_reason(request_zip, staff_client, certificate, storage):
    # A file where the archive folder should be makes every save fail.
    Path(storage).mkdir(parents=True)
    (Path(storage) / ARCHIVE_FOLDER).write_text("not a folder")

    request_zip()

    archive = CertificateArchive.objects.get()
    assert archive.status == CertificateArchive.Status.FAILED
    assert archive.failure == CertificateArchive.Failure.SAVE_FAILED
    assert archive.finished_at is not None
    page = staff_client.get(reverse("certificates_admin:archives")).content.decode()
    assert "ZIP файлыг хадгалах санд хадгалж чадсангүй. Архивыг дахин хүснэ үү." in page
    assert "Амжилтгүй" in page
    assert download(staff_client, archive).status_code == HTTPStatus.NOT_FOUND


def test_build_without_requester_fails(course, certificate):
    archive = CertificateArchive.objects.create(requested_by=None, course=course)

    build_archive(archive.pk)

    archive.refresh_from_db()
    assert archive.status == CertificateArchive.Status.FAILED
    assert archive.failure == CertificateArchive.Failure.SOURCE_DELETED
    assert archive.get_failure_display() == (
        "Архивыг бэлтгэхээс өмнө сургалт эсвэл хүсэлт гаргасан бүртгэл устгагдсан байна."
    )


def test_build_runs_once(ready_archive):
    name = ready_archive.file.name

    build_archive(ready_archive.pk)

    ready_archive.refresh_from_db()
    assert ready_archive.file.name == name
    assert default_storage.listdir(ARCHIVE_FOLDER)[1] == [Path(name).name]


def test_request_without_certificates_is_rejected(request_zip, staff_client, certificate, course):
    response = request_zip(completed_from="2027-01-01", completed_to="2027-01-31")

    assert response["Location"] == (
        f"{reverse('certificates_admin:list')}?course={course.pk}&completed_from=2027-01-01&completed_to=2027-01-31"
    )
    page = staff_client.get(response["Location"]).content.decode()
    assert "Таны суралцагчдын хэн нь ч энэ хугацаанд энэ сургалтын хүчинтэй гэрчилгээ аваагүй байна." in page
    assert not CertificateArchive.objects.exists()


def test_archive_request_rejects_get(staff_client, certificate, course):
    response = staff_client.get(reverse("certificates_admin:archive"), {"course": course.pk})

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert not CertificateArchive.objects.exists()


def test_archive_request_requires_csrf_token(academy_staff, certificate, course):
    client = Client(enforce_csrf_checks=True)
    client.force_login(academy_staff)

    response = client.post(reverse("certificates_admin:archive"), {"course": course.pk})

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not CertificateArchive.objects.exists()


def test_archive_request_is_audited(request_zip, academy_staff, certificate, course):
    request_zip(run_task=False)
    request_zip(run_task=False)

    entry = ModelLogEntry.objects.get(action="certificates.archive")
    archive = CertificateArchive.objects.get()
    assert entry.user == academy_staff
    assert entry.object_id == str(archive.pk)
    assert entry.data == {"course_id": course.pk, "completed_from": "2026-12-01", "completed_to": "2026-12-31"}


def test_list_offers_zip_of_filtered_course(staff_client, certificate, course):
    unfiltered = staff_client.get(reverse("certificates_admin:list")).content.decode()
    filtered = staff_client.get(reverse("certificates_admin:list"), {"course": course.pk, **PERIOD}).content.decode()

    assert 'data-testid="download-zip"' not in unfiltered
    assert 'data-testid="download-zip"' in filtered
    assert f'<input type="hidden" name="course" value="{course.pk}">' in filtered
    assert '<input type="hidden" name="completed_from" value="2026-12-01">' in filtered
    assert 'name="csrfmiddlewaretoken"' in filtered


def test_command_deletes_expired_archives(ready_archive, request_zip, settings):
    settings.LMS_CERTIFICATE_ARCHIVE_DAYS = 7
    expired_name = ready_archive.file.name
    CertificateArchive.objects.filter(pk=ready_archive.pk).update(created_at=timezone.now() - timedelta(days=8))
    request_zip(completed_to="2026-12-30")
    fresh = CertificateArchive.objects.exclude(pk=ready_archive.pk).get()
    output = io.StringIO()

    call_command("delete_expired_archives", stdout=output)

    assert not default_storage.exists(expired_name)
    assert not CertificateArchive.objects.filter(pk=ready_archive.pk).exists()
    assert default_storage.exists(fresh.file.name)
    assert CertificateArchive.objects.filter(pk=fresh.pk).exists()
    assert output.getvalue().strip() == "7 хоногоос өмнө хүссэн 1 архивыг устгалаа."


def test_expired_archive_is_not_downloadable(staff_client, ready_archive, settings):
    settings.LMS_CERTIFICATE_ARCHIVE_DAYS = 1
    CertificateArchive.objects.filter(pk=ready_archive.pk).update(created_at=timezone.now() - timedelta(days=2))

    assert download(staff_client, ready_archive).status_code == HTTPStatus.NOT_FOUND
    page = staff_client.get(reverse("certificates_admin:archives")).content.decode()
    assert "Танд бэлтгэсэн ZIP файл алга." in page


@pytest.mark.parametrize(("days", "errors"), [(7, []), (1, []), (0, ["certificates.E001"]), (-3, ["certificates.E001"])])
def test_archive_days_system_check(settings, days, errors):
    from certificates.checks import check_archive_days

    settings.LMS_CERTIFICATE_ARCHIVE_DAYS = days

    assert [error.id for error in check_archive_days(None)] == errors
