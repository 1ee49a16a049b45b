"""System checks for settings that fail silently when wrong."""

from django.conf import settings
from django.core.checks import Error, Warning, register


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


@register()
def check_upload_ceiling(app_configs, **kwargs):
    """Warn when the request ceiling is below a form's own file limit, which then never applies."""
    from courses.forms import MAX_IMPORT_BYTES
    from media.captions import MAX_CAPTION_BYTES

    ceiling = settings.LMS_MAX_REQUEST_UPLOAD_BYTES
    field_limits = {
        "LMS_VIDEO_MAX_UPLOAD_BYTES": settings.LMS_VIDEO_MAX_UPLOAD_BYTES,
        "WAGTAILDOCS_MAX_UPLOAD_SIZE": settings.WAGTAILDOCS_MAX_UPLOAD_SIZE,
        "WAGTAILIMAGES_MAX_UPLOAD_SIZE": settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE,
        "the learner import limit": MAX_IMPORT_BYTES,
        "the caption file limit": MAX_CAPTION_BYTES,
    }
    return [
        Warning(
            f"LMS_MAX_REQUEST_UPLOAD_BYTES ({ceiling}) is below {name} ({limit}): files between the two "
            "sizes get the 413 page instead of the form's own message.",
            hint="Raise LMS_MAX_REQUEST_UPLOAD_BYTES, or unset it to get the largest limit plus 10 MB.",
            id="lms.W001",
        )
        for name, limit in field_limits.items()
        if ceiling < limit
    ]
