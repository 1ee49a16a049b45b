"""System checks of the certificates app's settings."""

from django.core.checks import Error, register


@register()
def check_archive_days(app_configs, **kwargs):
    from .services.archives import archive_days

    days = archive_days()
    if days < 1:
        return [
            Error(
                f"LMS_CERTIFICATE_ARCHIVE_DAYS is {days}, so every certificate ZIP would expire before staff could "
                "download it.",
                hint="Set LMS_CERTIFICATE_ARCHIVE_DAYS to 1 or more, or unset it for the default of 7.",
                id="certificates.E001",
            )
        ]
    return []
