from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    name = "lms"
    verbose_name = _("People, agencies and regions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers system checks)
        from .ids import register_admin_form_fields  # also registers the <id:> path converter
        from . import receivers  # noqa: F401  (keeps page rights in step with course owners)
        from .review_notifications import connect_review_notifications

        connect_review_notifications()
        register_admin_form_fields()
