"""Every Mongolian catalog of the project is complete and compiled."""

import gettext
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from .po_files import parse_po

PROJECT = Path(settings.BASE_DIR)
CATALOGS = sorted(
    path
    for path in PROJECT.glob("**/locale/**/mn/LC_MESSAGES/*.po")
    if not path.is_relative_to(PROJECT / ".venv") and not path.is_relative_to(PROJECT / "var")
)


def entry_label(entry: dict) -> str:
    return repr(entry["msgid"])


def test_project_has_mongolian_catalogs():
    assert PROJECT / "locale" / "mn" / "LC_MESSAGES" / "django.po" in CATALOGS
    assert PROJECT / "lms" / "locale" / "mn" / "LC_MESSAGES" / "django.po" in CATALOGS


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda path: str(path.relative_to(PROJECT)))
def test_catalog_has_no_untranslated_entry(catalog):
    entries = [entry for entry in parse_po(catalog) if entry["msgid"] and not entry.get("obsolete")]
    untranslated = [
        entry_label(entry)
        for entry in entries
        if not all(value for field, value in entry.items() if field.startswith("msgstr"))
    ]
    assert untranslated == []


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda path: str(path.relative_to(PROJECT)))
def test_catalog_has_no_fuzzy_entry(catalog):
    fuzzy = [entry_label(entry) for entry in parse_po(catalog) if "fuzzy" in entry.get("flags", set())]
    assert fuzzy == []


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda path: str(path.relative_to(PROJECT)))
def test_catalog_is_compiled(catalog):
    """The .mo file contains every translation of the .po file (msgfmt skips empty ones)."""
    compiled = catalog.with_suffix(".mo")
    assert compiled.exists()
    with compiled.open("rb") as file:
        messages = gettext.GNUTranslations(file)._catalog
    stale = []
    for entry in parse_po(catalog):
        if not entry["msgid"] or entry.get("obsolete") or "msgid_plural" in entry or not entry["msgstr"]:
            continue
        key = entry["msgid"] if entry.get("msgctxt") is None else f"{entry['msgctxt']}\x04{entry['msgid']}"
        if messages.get(key) != entry["msgstr"]:
            stale.append(entry_label(entry))
    assert stale == []


@pytest.mark.parametrize(
    ("english", "values", "mongolian"),
    [
        ("The page could not be saved due to validation errors.", {}, "Алдаатай талбар байгаа тул хуудсыг хадгалсангүй."),
        (
            "There are validation errors, click save to highlight them.",
            {},
            "Алдаатай талбар байна. Хадгалах товчийг дарвал алдааг тодруулж харуулна.",
        ),
        ("Autosave is paused", {}, "Автомат хадгалалт түр зогссон"),
        ("Autosave is <span>paused</span>", {}, "Автомат хадгалалт <span>түр зогссон</span>"),
        ("Instances", {}, "Бичлэгийн тоо"),
        ("Name", {}, "Нэр"),
        ("Account", {}, "Бүртгэл"),
        (
            "%(model_name)s '%(object)s' created.",
            {"model_name": "Видео", "object": "Тасархай видео"},
            "Видео «Тасархай видео» нэмэгдлээ.",
        ),
        (
            "%(model_name)s '%(object)s' updated.",
            {"model_name": "Видео", "object": "Лекц"},
            "Видео «Лекц» шинэчлэгдлээ.",
        ),
        ("Page %(page_num)s of %(total_pages)s", {"page_num": 1, "total_pages": 3}, "1/3 хуудас"),
        ("Page %(page_number)s of %(num_pages)s.", {"page_number": 2, "num_pages": 3}, "2/3 хуудас."),
        ("Page %(number)s of %(total)s", {"number": 1, "total": 4}, "1/4 хуудас"),
    ],
)
def test_admin_wording_fixed_in_mongolian(english, values, mongolian):
    with translation.override("mn"):
        text = translation.gettext(english)
    assert (text % values if values else text) == mongolian


@pytest.mark.parametrize(
    ("plural", "mongolian"),
    [("videos", "видео"), ("agencies", "байгууллага"), ("regions", "бүс нутаг"), ("professions", "мэргэжил"),
     ("users", "хэрэглэгч"), ("quizzes", "сорил"), ("onboarding rules", "шинэ алба хаагчийн сургалтын дүрэм")],
)
def test_plural_model_names_stay_singular(plural, mongolian):
    """Wagtail writes "2 <verbose_name_plural>", and a Mongolian noun after a numeral stays singular."""
    with translation.override("mn"):
        assert translation.gettext(plural) == mongolian


@pytest.mark.django_db
def test_snippet_index_columns_in_mongolian(client):
    from tests.factories import UserFactory

    admin = UserFactory(is_staff=True, is_superuser=True, profession=None, agency=None)
    client.force_login(admin)

    html = client.get("/admin/snippets/").content.decode()

    assert "Бичлэгийн тоо" in html
    assert "Instances" not in html
    assert "Овог нэр" not in html
