"""System checks for settings that fail silently when wrong."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def check_language_defaults(app_configs, **kwargs):
    errors = []
    if settings.LANGUAGE_CODE != "mn":
        errors.append(
            Error(
                "LANGUAGE_CODE must be 'mn': the interface is Mongolian first.",
                id="lms.E001",
            )
        )
    return errors
