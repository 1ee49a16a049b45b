from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from lms.signals import learner_ready

        from .services.onboarding import on_learner_ready

        learner_ready.connect(on_learner_ready, dispatch_uid="courses.onboarding")
