from datetime import timedelta

from django import template

from ..durations import duration_in_words

register = template.Library()


@register.filter
def duration_words(value):
    """Write a timedelta in words in the active language; leave any other value unchanged."""
    if isinstance(value, timedelta):
        return duration_in_words(value)
    return value
