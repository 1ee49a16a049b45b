"""Ordinal numbers as Mongolian writes them: the numeral followed by дүгээр or дугаар."""

from django.utils.translation import get_language

# The suffix follows the vowels of the last spoken word of the number. Front-vowel words
# take дүгээр: нэг (1), дөрөв (4), ес (9), дөч (40), ер (90), тэг (0). The other digits
# and tens (хоёр, гурав, тав, зургаа, долоо, найм, арав, хорь, гуч, тавь, жар, дал, ная),
# and зуу, мянга, сая, тэрбум for the round hundreds and above, take дугаар.
FRONT_VOWEL_DIGITS = {1, 4, 9}
FRONT_VOWEL_TENS = {4, 9}


def mongolian_ordinal_suffix(number: int) -> str:
    """Return дүгээр or дугаар, whichever follows the integer `number` when read aloud."""
    number = abs(number)
    if number == 0:
        return "дүгээр"
    if number % 10:
        return "дүгээр" if number % 10 in FRONT_VOWEL_DIGITS else "дугаар"
    if number % 100:
        return "дүгээр" if number // 10 % 10 in FRONT_VOWEL_TENS else "дугаар"
    return "дугаар"


def ordinal(number: int) -> str:
    """Return "2 дугаар" on Mongolian pages and the bare number in other languages.

    Translations put the result where the English text has the number, as in
    "Attempt %(number)s" → "%(number)s оролдлого".
    """
    language = get_language() or ""
    if language.split("-")[0] == "mn":
        return f"{number} {mongolian_ordinal_suffix(number)}"
    return str(number)
