"""Verification codes: random, easy to read aloud and tolerant of how people type them."""

import re
import secrets

# Crockford's base32 alphabet, which already lacks I, L, O and U, without 0 and 1 as well,
# so no two characters look alike.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 14  # 14 * log2(30) ≈ 68.7 bits of randomness.
GROUPS = (4, 4, 4, 2)

# Cyrillic letters that people typing on a Mongolian keyboard may enter for a Latin
# letter or a digit of the alphabet that looks the same.
LOOK_ALIKES = str.maketrans(
    {
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "Р": "P",
        "С": "C", "Т": "T", "Х": "X", "У": "Y", "З": "3", "Ч": "4", "Б": "6",
    }
)
SEPARATORS = re.compile(r"[\s\-‐‑‒–—_.·]+")


def format_code(characters: str) -> str:
    """Group 14 characters as XXXX-XXXX-XXXX-XX."""
    parts = []
    start = 0
    for size in GROUPS:
        parts.append(characters[start : start + size])
        start += size
    return "-".join(parts)


def generate_code() -> str:
    return format_code("".join(secrets.choice(ALPHABET) for _ in range(LENGTH)))


def normalise_code(typed: str) -> str | None:
    """Return the canonical grouped code for what a person typed, or None when it cannot be one.

    Case, spaces, dashes and Cyrillic look-alike letters do not matter.
    """
    characters = SEPARATORS.sub("", typed or "").upper().translate(LOOK_ALIKES)
    if len(characters) != LENGTH or any(character not in ALPHABET for character in characters):
        return None
    return format_code(characters)
