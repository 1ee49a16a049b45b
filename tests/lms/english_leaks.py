"""Find English interface strings on a page rendered in Mongolian.

The English source strings come from the .po files that Wagtail, Django and allauth ship
(their msgids). A string counts as leaked when the merged Mongolian catalog has no
translation for it and it appears on the page as a whole text node, an attribute meant
for people (title, aria-label, placeholder, alt, value of a button), or a string value in
the JSON configuration Wagtail's admin scripts read.
"""

import json
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import allauth
import django
import wagtail
from django.utils import translation
from django.utils.translation import trans_real

from .po_files import parse_po

PACKAGE_ROOTS = [Path(wagtail.__file__).parent, Path(allauth.__file__).parent, Path(django.__file__).parent]
HUMAN_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "aria-description", "data-w-tooltip-content-value"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdi]|%[sdi]|\{\w*\}")


@cache
def english_msgids() -> dict[str, str]:
    """Return each English source text mapped to the msgid its translation is stored under.

    A plural text maps to its singular msgid, because catalogs store plurals by that.
    """
    msgids = {}
    for root in PACKAGE_ROOTS:
        for path in root.glob("**/locale/en/LC_MESSAGES/*.po"):
            for entry in parse_po(path):
                if entry["msgid"] and not entry.get("obsolete"):
                    msgids[entry["msgid"]] = entry["msgid"]
                    if entry.get("msgid_plural"):
                        msgids.setdefault(entry["msgid_plural"], entry["msgid"])
    return msgids


def untranslated_msgids() -> set[str]:
    """Return the English texts that have no Mongolian translation after all catalogs merge."""
    # Admin scripts translate through the djangojs catalog, the server through django.
    catalogs = [trans_real.translation("mn")._catalog, trans_real.DjangoTranslation("mn", domain="djangojs")._catalog]
    translated = set()
    for catalog in catalogs:
        for key in catalog.keys():
            msgid = key[0] if isinstance(key, tuple) else key
            translated.add(msgid.split("\x04", 1)[-1])
    return {
        text
        for text, msgid in english_msgids().items()
        if msgid not in translated and is_words(text)
    }


def is_words(msgid: str) -> bool:
    """Skip ids that read the same in both languages: symbols, codes, single letters."""
    letters = re.sub(PLACEHOLDER, "", msgid)
    return sum(character.isalpha() for character in letters) >= 3


class TextCollector(HTMLParser):
    """Collect the text a person reads on a page, one string per text node or attribute."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.skip = 0
        self.json_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("script", "style", "template"):
            self.skip += 1
            self.json_script = tag == "script" and attributes.get("type") == "application/json"
        for name, value in attrs:
            if value and (name in HUMAN_ATTRIBUTES or (name == "value" and tag == "button")):
                self.texts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self.skip:
            self.skip -= 1
            self.json_script = False

    def handle_data(self, data):
        if self.json_script:
            try:
                self.texts.extend(json_strings(json.loads(data)))
            except ValueError:
                pass
        elif not self.skip:
            self.texts.append(data)


def json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in json_strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in json_strings(item)]
    return []


def visible_texts(html: str) -> set[str]:
    collector = TextCollector()
    collector.feed(html)
    return {" ".join(text.split()) for text in collector.texts if text.strip()}


def pattern_for(msgid: str) -> re.Pattern:
    """Return a regular expression matching the text with its placeholders filled in."""
    pattern = ""
    position = 0
    text = " ".join(msgid.split())
    for match in PLACEHOLDER.finditer(text):
        pattern += re.escape(text[position : match.start()])
        pattern += r"\d+" if match.group().endswith(("d", "i")) else ".+?"
        position = match.end()
    return re.compile(pattern + re.escape(text[position:]) + r"\Z")


def english_leaks(html: str, untranslated: set[str]) -> set[str]:
    """Return the untranslated msgids that appear on the page as a whole text."""
    texts = visible_texts(html)
    leaks = set()
    for msgid in untranslated:
        normalised = " ".join(msgid.split())
        if normalised in texts:
            leaks.add(msgid)
        elif PLACEHOLDER.search(msgid):
            pattern = pattern_for(msgid)
            if any(pattern.match(text) for text in texts):
                leaks.add(msgid)
    return leaks


def mongolian():
    return translation.override("mn")
