"""Template tags for the language switcher."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def languages_in_own_names() -> list[tuple[str, str]]:
    """Return (code, name) pairs of settings.LANGUAGES, each name written in its own language.

    Django's get_available_languages translates the names into the active language, and
    its LANG_INFO names Mongolian "Mongolian" even in name_local, so neither fits a switcher.
    """
    return list(settings.LANGUAGES)
