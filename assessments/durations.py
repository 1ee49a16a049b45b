"""Durations written out in words in the active language, for quiz rules such as the waiting time."""

from datetime import timedelta

from django.utils.translation import ngettext


def duration_in_words(duration: timedelta) -> str:
    """Write a duration as hours, minutes and seconds in words, for example «1 цаг 30 минут».

    Zero parts are left out, and a duration under one second is written as «0 секунд».
    """
    total = max(0, int(duration.total_seconds()))
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
    if minutes:
        parts.append(ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes})
    if seconds or not parts:
        parts.append(ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds})
    return " ".join(parts)
