"""A minimal reader of gettext .po files, enough for checking catalogs in tests."""

import json
from pathlib import Path


def parse_po(path: Path) -> list[dict]:
    """Return the entries of a .po file as dicts of msgctxt, msgid, msgid_plural, msgstr[...] and flags."""
    entries, current, field = [], {}, None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if current.get("msgid") is not None:
                entries.append(current)
            current, field = {}, None
            continue
        if line.startswith("#,"):
            current["flags"] = {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#~"):
            current["obsolete"] = True
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            current[field] += unquote(line)
        else:
            field, _space, value = line.partition(" ")
            current[field] = unquote(value)
    return entries


def unquote(text: str) -> str:
    return json.loads(text) if "\\'" not in text else json.loads(text.replace("\\'", "'"))
