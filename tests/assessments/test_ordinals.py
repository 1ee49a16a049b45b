import pytest
from django.utils import translation

from assessments.ordinals import mongolian_ordinal_suffix, ordinal

FRONT = "дүгээр"
BACK = "дугаар"


@pytest.mark.parametrize(
    ("number", "suffix"),
    [
        (1, FRONT), (2, BACK), (3, BACK), (4, FRONT), (5, BACK), (6, BACK), (7, BACK), (8, BACK), (9, FRONT),
        (10, BACK), (11, FRONT), (12, BACK), (14, FRONT), (19, FRONT),
        (20, BACK), (30, BACK), (40, FRONT), (50, BACK), (60, BACK), (70, BACK), (80, BACK), (90, FRONT),
        (41, FRONT), (45, BACK), (99, FRONT), (100, BACK), (101, FRONT), (140, FRONT), (200, BACK),
        (1000, BACK), (1990, FRONT), (2024, FRONT), (0, FRONT),
    ],
)
def test_mongolian_ordinal_suffix(number, suffix):
    assert mongolian_ordinal_suffix(number) == suffix


def test_ordinal_mongolian_page():
    with translation.override("mn"):
        assert ordinal(2) == "2 дугаар"


def test_ordinal_english_page_bare_number():
    with translation.override("en"):
        assert ordinal(2) == "2"
