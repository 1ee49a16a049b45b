"""Records the reports app keeps: who downloaded which report, and imported officials' identifiers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportDownload(models.Model):
    """One download of a report file, kept as an audit record."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("downloaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty for scheduled exports made on the command line."),
    )
    created_at = models.DateTimeField(_("downloaded at"), auto_now_add=True, db_index=True)
    report = models.CharField(_("report"), max_length=32)
    file_format = models.CharField(_("file format"), max_length=4, choices=Format.choices)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    shared = models.BooleanField(_("small counts suppressed"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report download")
        verbose_name_plural = _("report downloads")

    def __str__(self) -> str:
        return f"{self.report} {self.file_format} {self.created_at:%Y-%m-%d %H:%M}"


class CompletionImport(models.Model):
    """One applied import of in-person completions, kept as an audit record."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty for imports made on the command line."),
    )
    created_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    filename = models.CharField(_("file name"), max_length=255)
    rows = models.PositiveIntegerField(_("rows"))
    completions_recorded = models.PositiveIntegerField(_("completions recorded"))
    learners_created = models.PositiveIntegerField(_("learners created"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("completion import")
        verbose_name_plural = _("completion imports")

    def __str__(self) -> str:
        return f"{self.filename} {self.created_at:%Y-%m-%d %H:%M}"


class PersonalIdentifier(models.Model):
    """An official's national identifier, used to match imported training records without an e-mail."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="personal_identifier",
    )
    value = models.CharField(
        _("personal identifier"),
        max_length=32,
        unique=True,
        help_text=_("The registration number from the national ID card, stored in upper case."),
    )

    class Meta:
        verbose_name = _("personal identifier")
        verbose_name_plural = _("personal identifiers")

    def __str__(self) -> str:
        return self.value
