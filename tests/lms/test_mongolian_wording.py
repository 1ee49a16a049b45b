"""Mongolian translations of composed labels, e-mail spelling and capitalisation."""

import re

import pytest
from django.utils import translation

from .po_files import parse_po
from .test_catalogs import CATALOGS


@pytest.mark.parametrize(
    ("english", "mongolian"),
    [
        ("Submit to %(workflow_name)s", "Хянуулахаар илгээх: Сургалтын байгууллагын хяналт"),
        ("Resubmit to %(task_name)s", "Дахин хянуулахаар илгээх: Сургалтын байгууллагын хяналт"),
        ("%(label)s and Publish", "Баталгаажуулах, нийтлэх"),
        ("The %(model_name)s could not be created due to errors.", "Алдаа гарсан тул хадгалсангүй (Видео)."),
    ],
)
def test_composed_label_reads_naturally(english, mongolian):
    values = {"workflow_name": "Сургалтын байгууллагын хяналт", "task_name": "Сургалтын байгууллагын хяналт"}
    values |= {"label": "Баталгаажуулах", "model_name": "Видео"}
    with translation.override("mn"):
        assert translation.gettext(english) % values == mongolian


@pytest.mark.parametrize(
    "english",
    [
        "%(total)s Page <span class=\"w-sr-only\">created in %(site_name)s</span>",
        "Exploring",
        "You have <span>unsaved edits</span>",
        "Save your changes before leaving",
        "with comment:",
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s",
        "The page \"%(title)s\" has been submitted for moderation to workflow \"%(workflow)s\".",
        "Hello %(username)s,",
        "You do not have permission to access the admin.",
        "If you just want to add pages to an existing site, create them as children of the homepage instead.",
    ],
)
def test_admin_text_is_translated(english):
    with translation.override("mn"):
        assert translation.gettext(english) != english


def test_page_count_reads_in_mongolian():
    with translation.override("mn"):
        text = translation.ngettext(
            "%(total)s Page <span class=\"w-sr-only\">created in %(site_name)s</span>",
            "%(total)s Pages <span class=\"w-sr-only\">created in %(site_name)s</span>",
            17,
        )
    assert text % {"total": 17, "site_name": "ХХГХ"} == "17 хуудас <span class=\"w-sr-only\">(ХХГХ)</span>"


def mongolian_texts():
    for catalog in CATALOGS:
        for entry in parse_po(catalog):
            for field, value in entry.items():
                if field.startswith("msgstr") and value:
                    yield catalog, value


def test_one_spelling_of_email():
    other_spellings = re.compile(r"(?<![\w-])(?:имэйл|имейл|е-мэйл|цахим шуудан)", re.IGNORECASE)
    found = sorted({text for _catalog, text in mongolian_texts() if other_spellings.search(text)})
    assert found == []


@pytest.mark.parametrize(
    ("english", "mongolian"),
    [
        ("Email", "И-мэйл"),
        ("Email address", "И-мэйл хаяг"),
        ("Confirm Email Address", "И-мэйл хаяг баталгаажуулах"),
        ("Email Addresses", "И-мэйл хаягууд"),
        ("Remember Me", "Намайг сана"),
        ("Current Password", "Одоогийн нууц үг"),
        ("E-mail", "И-мэйл"),
    ],
)
def test_account_labels_use_sentence_case(english, mongolian):
    with translation.override("mn"):
        assert translation.gettext(english) == mongolian
