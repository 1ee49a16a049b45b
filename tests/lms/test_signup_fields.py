"""Sign-up and profile selects: sex has no preselected value, and unit domains approve at once."""

import re
from http import HTTPStatus

import pytest
from django.core import mail
from django.core.cache import cache

from lms.models import User
from lms.services.approval import approve_by_email_domain

from ..factories import AgencyFactory, UserFactory
from .test_accounts import signup_data

pytestmark = pytest.mark.django_db

REQUIRED = "Энэ талбарыг заавал бөглөх шаардлагатай."


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Start with empty sign-up rate limits, which the test settings keep in a per-process cache."""
    cache.clear()


def select_options(html: str, name: str) -> list[tuple[str, str, bool]]:
    """Return (value, label, selected) for each option of the named select."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [
        (value, label, " selected" in attributes)
        for value, attributes, label in re.findall(r'<option value="([^"]*)"([^>]*)>([^<]*)</option>', select)
    ]


def test_signup_sex_starts_empty(client):
    options = select_options(client.get("/accounts/signup/").content.decode(), "sex")

    assert options[0] == ("", "---------", True)
    assert [value for value, _label, selected in options if selected] == [""]
    assert [value for value, _label, _selected in options[1:]] == ["male", "female", "not_stated"]
    assert options[3][1] == "Заагаагүй"


def test_signup_without_sex_is_rejected(client, agency):
    response = client.post("/accounts/signup/", signup_data(agency) | {"sex": ""})

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["sex"] == [REQUIRED]
    assert not User.objects.filter(email="new.officer@example.mn").exists()


def test_signup_keeps_not_stated_choice(client, agency):
    response = client.post("/accounts/signup/", signup_data(agency) | {"sex": "not_stated"})

    assert response.status_code == HTTPStatus.FOUND
    assert User.objects.get(email="new.officer@example.mn").sex == User.Sex.NOT_STATED


def test_profile_shows_stored_sex(client, learner):
    client.force_login(learner)

    options = select_options(client.get("/me/profile/").content.decode(), "sex")

    assert options[0] == ("", "---------", False)
    assert [value for value, _label, selected in options if selected] == ["female"]


def test_profile_without_sex_is_rejected(client, learner):
    client.force_login(learner)
    data = {
        "full_name": learner.full_name,
        "sex": "",
        "profession": learner.profession_id,
        "agency": learner.agency_id,
        "region": learner.region_id,
        "preferred_language": "mn",
    }

    response = client.post("/me/profile/", data)

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["sex"] == [REQUIRED]
    learner.refresh_from_db()
    assert learner.sex == User.Sex.FEMALE


def test_user_created_without_sex_is_not_stated(agency):
    """Imports and the admin create users through the model, whose default is unchanged."""
    user = User.objects.create_user(email="imported@example.mn", password=None, agency=agency)

    assert user.sex == User.Sex.NOT_STATED


def test_parent_domain_approves_unit_member(agency):
    agency.email_domains = "police.example.mn"
    agency.save()
    district = AgencyFactory(parent=agency, academy=agency.academy)
    user = UserFactory(email="officer@police.example.mn", agency=district, status=User.Status.PENDING)

    assert approve_by_email_domain(user) is True

    user.refresh_from_db()
    assert user.status == User.Status.APPROVED


def test_grandparent_domain_approves_unit_member(agency):
    agency.email_domains = "Police.Example.MN, mail.police.example.mn"
    agency.save()
    district = AgencyFactory(parent=agency, academy=agency.academy)
    station = AgencyFactory(parent=district, academy=agency.academy)
    user = UserFactory(email="officer@mail.police.example.mn", agency=station, status=User.Status.PENDING)

    assert approve_by_email_domain(user) is True


def test_unit_domain_does_not_cover_parent(agency):
    district = AgencyFactory(parent=agency, academy=agency.academy, email_domains="district.example.mn")
    user = UserFactory(email="officer@district.example.mn", agency=agency, status=User.Status.PENDING)

    assert approve_by_email_domain(user) is False

    user.refresh_from_db()
    assert user.status == User.Status.PENDING
    assert district.allowed_domains_with_ancestors() == {"district.example.mn"}


def test_signup_to_unit_of_allowed_domain_is_approved(client, agency):
    agency.email_domains = "police.example.mn"
    agency.save()
    district = AgencyFactory(parent=agency, academy=agency.academy)

    client.post("/accounts/signup/", signup_data(district, email="new.officer@police.example.mn"))
    user = User.objects.get(email="new.officer@police.example.mn")
    assert user.status == User.Status.PENDING

    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    assert client.post(link).status_code == HTTPStatus.FOUND

    user.refresh_from_db()
    assert user.status == User.Status.APPROVED
    assert mail.outbox[-1].subject == "Таны бүртгэл баталгаажлаа"
