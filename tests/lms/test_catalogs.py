"""Every Mongolian catalog of the project is complete and compiled."""

import gettext
from pathlib import Path

import pytest
from django.conf import settings

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
