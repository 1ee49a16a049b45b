import pytest

from lms.models import Profession, Region

pytestmark = pytest.mark.django_db


def test_regions_cover_provinces_and_districts():
    assert Region.objects.filter(kind=Region.Kind.PROVINCE).count() == 21
    assert Region.objects.filter(kind=Region.Kind.CAPITAL_DISTRICT).count() == 9


def test_province_codes_follow_iso():
    assert Region.objects.get(code="MN-041").name_mn == "Хөвсгөл"
    assert Region.objects.get(code="MN-037").name_en == "Darkhan-Uul"


def test_sukhbaatar_province_and_district_differ():
    names = set(Region.objects.filter(name_en__startswith="Sükhbaatar").values_list("kind", flat=True))
    assert names == {Region.Kind.PROVINCE, Region.Kind.CAPITAL_DISTRICT}


def test_core_professions_exist():
    codes = set(Profession.objects.values_list("code", flat=True))
    assert {"judge", "prosecutor", "police"} <= codes
