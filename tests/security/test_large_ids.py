"""Ids beyond 64 bits get a 404 in the path and a form error in a query or form, never a server error.

SQLite raises OverflowError and PostgreSQL a DataError for such a number wherever Django's own
range check does not apply.
lms/ids.py stops them at the URL converter and the id form fields.
"""

import re
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter

from lms.ids import MAX_ID, IdChoiceField, IdMultipleChoiceField, ObjectIdConverter, fits_id_range

from ..factories import UserFactory

pytestmark = pytest.mark.django_db

# 20 digits: above 9223372036854775807, the largest signed 64-bit integer.
HUGE = "99999999999999999999"
PROJECT_APPS = ("lms", "courses", "assessments", "media", "certificates")
# Django's own messages, in the Mongolian of its catalog.
INVALID_CHOICE = "Зөв сонголт хийнэ үү. Энэ утга сонголтонд алга."
INVALID_HUGE_CHOICE = f"Зөв сонголт хийнэ үү. {HUGE} гэсэн сонголт байхгүй байна."


def project_patterns(patterns=None, prefix=""):
    """Yield (route, pattern) for every URL pattern whose view lives in this project's apps."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            yield from project_patterns(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            view = entry.callback
            module = getattr(getattr(view, "view_class", view), "__module__", "")
            if module.split(".")[0] in PROJECT_APPS:
                yield prefix + str(entry.pattern), entry.pattern


def with_huge_ids(route: str) -> str:
    """Fill every argument of `route` with the 20-digit number."""
    return "/" + re.sub(r"<[^>]+>", HUGE, route)


def routes_with_arguments() -> list[tuple[str, object]]:
    return [(route, pattern) for route, pattern in project_patterns() if pattern.converters]


def test_project_patterns_take_ids_through_the_id_converter():
    routes = routes_with_arguments()
    # The walk reaches the learner URL confs and the admin URLs added by hooks.
    assert any(route.startswith("learn/") for route, _ in routes)
    assert any(route.startswith("admin/certificates/") for route, _ in routes)
    # Wagtail writes the snippet viewsets' own routes, and their keys are plain integer columns,
    # which Django's range check already covers.
    plain_ints = [route for route, pattern in routes if not route.startswith("admin/snippets/")
                  and any(isinstance(converter, IntConverter) for converter in pattern.converters.values())]
    assert plain_ints == []


def test_id_converter_accepts_up_to_18_digits():
    converter = ObjectIdConverter()
    assert converter.to_python("999999999999999999") == 999_999_999_999_999_999
    assert converter.to_url(42) == "42"
    pattern = get_resolver().resolve("/learn/course/999999999999999999/enrol/")
    assert pattern.kwargs == {"course_id": 999_999_999_999_999_999}


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True, profession=None, email="root@example.mn")


@pytest.mark.parametrize("who", ["anonymous", "owner", "own_staff", "superuser"])
def test_huge_id_urls_return_404(world, superuser, who):
    user = {"anonymous": None, "superuser": superuser}.get(who, getattr(world, who, None))
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)

    answers = {}
    for route, pattern in routes_with_arguments():
        url = with_huge_ids(route)
        for method in ("get", "post"):
            answers[method, url] = getattr(client, method)(url, {"course": HUGE, "reason": "Шалтгаан"}).status_code

    assert ("post", f"/learn/course/{HUGE}/enrol/") in answers
    assert ("post", f"/admin/courses/{HUGE}/trainers/") in answers
    server_errors = {key: status for key, status in answers.items() if status >= 500}
    assert server_errors == {}
    # A huge id matches no id route: the site returns 404, and Wagtail sends people without
    # admin access from any unknown admin address to the sign-in page.
    expected = {}
    for route, pattern in routes_with_arguments():
        if any(isinstance(converter, ObjectIdConverter) for converter in pattern.converters.values()):
            admin_refused = route.startswith("admin/") and who in ("anonymous", "owner")
            expected["get", with_huge_ids(route)] = HTTPStatus.FOUND if admin_refused else HTTPStatus.NOT_FOUND
    assert {key: answers[key] for key in expected} == expected


def test_enrol_and_progress_return_404(client, world):
    client.force_login(world.owner)
    assert client.post(f"/learn/course/{HUGE}/enrol/").status_code == HTTPStatus.NOT_FOUND
    assert client.post(f"/learn/module/{HUGE}/progress/", {"position": 10}).status_code == HTTPStatus.NOT_FOUND


# Ids in query strings and forms.


@pytest.mark.parametrize("field", ["course", "agency", "region", "profession"])
def test_report_filter_rejects_huge_id(client, world, field):
    client.force_login(world.own_staff)
    response = client.get("/admin/reports/completion/", {field: HUGE})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert INVALID_CHOICE in response.content.decode()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_report_download_rejects_huge_course(client, world, file_format):
    client.force_login(world.own_staff)
    response = client.get(f"/admin/reports/completion/download.{file_format}", {"course": HUGE})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert INVALID_CHOICE in response.content.decode()


def test_certificate_list_rejects_huge_course(client, world):
    client.force_login(world.own_staff)
    response = client.get("/admin/certificates/", {"course": HUGE})
    assert response.status_code == HTTPStatus.OK
    assert INVALID_CHOICE in response.content.decode()


def test_certificate_archive_rejects_huge_course(client, world):
    from certificates.models import CertificateArchive

    client.force_login(world.own_staff)
    response = client.post("/admin/certificates/archive/", {"course": HUGE}, follow=True)
    assert response.status_code == HTTPStatus.OK
    assert [str(message) for message in response.context["messages"]] == [INVALID_CHOICE]
    assert CertificateArchive.objects.count() == 1  # only the one the fixture built


def test_staff_enrol_rejects_huge_course_and_learner(client, world):
    from courses.models import Enrollment

    client.force_login(world.own_staff)
    response = client.post("/admin/learners/enrol/", {"course": HUGE, "learners": [world.other_learner.pk]})
    assert INVALID_CHOICE in response.content.decode()
    response = client.post("/admin/learners/enrol/", {"course": world.course.pk, "learners": [HUGE]})
    assert INVALID_HUGE_CHOICE in response.content.decode()
    assert not Enrollment.objects.filter(learner=world.other_learner).exists()


def test_course_trainers_reject_huge_trainer(client, world):
    client.force_login(world.own_staff)
    response = client.post(f"/admin/courses/{world.course.pk}/trainers/", {"trainers": [HUGE]})
    assert response.status_code == HTTPStatus.OK
    assert INVALID_HUGE_CHOICE in response.content.decode()


def test_profile_rejects_huge_region(client, world):
    client.force_login(world.owner)
    response = client.post("/me/profile/", {"full_name": "Батын Өлзий", "sex": "female", "region": HUGE,
                                            "agency": world.owner.agency_id, "profession": world.owner.profession_id})
    assert response.status_code == HTTPStatus.OK
    assert INVALID_CHOICE in response.content.decode()


@pytest.mark.parametrize(
    ("url", "data", "message"),
    [
        ("/admin/snippets/assessments/quiz/add/", {"module": HUGE}, INVALID_CHOICE),
        ("/admin/snippets/assessments/quiz/add/", {"course": HUGE}, INVALID_CHOICE),
        ("/admin/snippets/assessments/questionpool/add/", {"course": HUGE}, INVALID_CHOICE),
        ("/admin/snippets/certificates/certificatesettings/add/", {"course": HUGE}, INVALID_CHOICE),
        ("/admin/snippets/courses/onboardingrule/add/", {"courses": [HUGE]}, INVALID_HUGE_CHOICE),
    ],
)
def test_admin_forms_reject_huge_ids(client, superuser, url, data, message):
    client.force_login(superuser)
    response = client.post(url, {"name": "Дүрэм", **data})
    assert response.status_code == HTTPStatus.OK
    assert message in response.content.decode()


# The fields themselves, at the edge of the range.


def test_fits_id_range_at_the_edges():
    assert fits_id_range(MAX_ID)
    assert fits_id_range(str(MAX_ID))
    assert not fits_id_range(MAX_ID + 1)
    assert not fits_id_range(f" {HUGE} ")
    assert not fits_id_range("-" + HUGE)
    # Text that is no number is left to the field's own checks.
    assert fits_id_range("abc")


def test_id_choice_field_rejects_beyond_64_bits(world):
    from courses.models import CoursePage

    field = IdChoiceField(queryset=CoursePage.objects.all())
    assert field.clean(str(world.course.pk)) == world.course
    for value in (HUGE, str(MAX_ID + 1)):
        with pytest.raises(ValidationError) as refused:
            field.clean(value)
        assert refused.value.code == "invalid_choice"
    # The largest id is in range: it reaches the database and is simply not found.
    with pytest.raises(ValidationError) as refused:
        field.clean(str(MAX_ID))
    assert refused.value.code == "invalid_choice"


def test_id_multiple_choice_field_rejects_beyond_64_bits(world):
    from lms.models import User

    field = IdMultipleChoiceField(queryset=User.objects.all())
    assert list(field.clean([str(world.owner.pk)])) == [world.owner]
    with pytest.raises(ValidationError) as refused:
        field.clean([str(world.owner.pk), HUGE])
    assert refused.value.code == "invalid_choice"
    assert refused.value.params == {"value": HUGE}
