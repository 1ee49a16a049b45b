from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ModuleProgress(models.Model):
    """How much of one module's video a learner has watched, and whether the module is complete."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="module_progress"
    )
    module = models.ForeignKey(
        "courses.ModulePage", verbose_name=_("module"), on_delete=models.CASCADE, related_name="progress_records"
    )
    watched_seconds = models.FloatField(_("seconds watched"), default=0)
    position_seconds = models.FloatField(_("resume position (seconds)"), default=0)
    watched_intervals = models.JSONField(
        _("watched ranges"),
        default=list,
        blank=True,
        help_text=_("Sorted, disjoint [start, end] pairs of credited video time in seconds."),
    )
    watch_complete = models.BooleanField(_("watch share reached"), default=False)
    completed_at = models.DateTimeField(_("module completed at"), null=True, blank=True)
    client_sequences = models.JSONField(
        _("last report number per browser tab"),
        default=list,
        blank=True,
        help_text=_("[tab, number] pairs, oldest first; lets the server ignore replayed and out-of-order reports."),
    )
    # The clock that limits credit (see record_progress): the last report's arrival, moved back
    # by at most CREDIT_CARRY_SECONDS to keep credit that report left unused.
    last_report_at = models.DateTimeField(_("last report at"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("module progress")
        verbose_name_plural = _("module progress")
        constraints = [
            models.UniqueConstraint(fields=["learner", "module"], name="courses_moduleprogress_unique_learner_module")
        ]

    def __str__(self) -> str:
        return f"{self.learner} — {self.module}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None
