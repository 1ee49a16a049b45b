from django import template

from ..ordinals import ordinal as ordinal_text

register = template.Library()


@register.filter
def ordinal(number):
    """Write an integer as an ordinal in the active language, for example «2 дугаар» in Mongolian."""
    try:
        return ordinal_text(int(number))
    except (TypeError, ValueError):
        return number
