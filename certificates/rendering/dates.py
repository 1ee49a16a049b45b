"""Dates as the certificate prints them, independent of the interface language."""

from datetime import date

ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def mongolian_date(day: date) -> str:
    """Return the official Mongolian form, for example "2026 оны 12 сарын 4"."""
    return f"{day.year} оны {day.month} сарын {day.day}"


def english_date(day: date) -> str:
    return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"
