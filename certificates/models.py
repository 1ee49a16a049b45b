"""Issued certificates and the per-academy settings printed on them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lms.models.bilingual import pick_language


class CertificateQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True)


class Certificate(models.Model):
    """Proof that a learner completed a course, checked by its public code."""

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="certificates",
    )
    # PROTECT: deleting a course must not silently void the certificates earned in it.
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("course"), on_delete=models.PROTECT, related_name="certificates"
    )
    code = models.CharField(
        _("verification code"),
        max_length=20,
        unique=True,
        editable=False,
        help_text=_("Printed on the certificate and typed on the verification page."),
    )
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the certificate was issued automatically at completion."),
    )
    completed_on = models.DateField(_("completed on"), help_text=_("The day in Ulaanbaatar time."))
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaced_by",
        help_text=_("The revoked certificate this one was reissued for."),
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revoking"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            # Exactly one valid certificate per learner and course; revoked ones stay as history.
            models.UniqueConstraint(
                fields=["learner", "course"],
                condition=Q(revoked_at__isnull=True),
                name="certificates_one_valid_per_learner_course",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("certificates:verify", args=[self.code])

    def get_download_url(self) -> str:
        return reverse("certificates:download", args=[self.code])

    @property
    def status(self) -> "Certificate.Status":
        return self.Status.REVOKED if self.revoked_at else self.Status.VALID

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None


class CertificateSettings(models.Model):
    """Signatory and traditional-script title printed on an academy's certificates.

    A row with a course overrides the academy's row without one.
    """

    academy = models.ForeignKey(
        "lms.TrainingAcademy",
        verbose_name=_("training academy"),
        on_delete=models.CASCADE,
        related_name="certificate_settings",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leave empty to apply to every course of the academy."),
    )
    signatory_name_mn = models.CharField(_("signatory's name in Mongolian"), max_length=200, blank=True)
    signatory_name_en = models.CharField(_("signatory's name in English"), max_length=200, blank=True)
    signatory_title_mn = models.CharField(_("signatory's position in Mongolian"), max_length=255, blank=True)
    signatory_title_en = models.CharField(_("signatory's position in English"), max_length=255, blank=True)
    title_traditional = models.CharField(
        _("certificate title in traditional Mongolian script"),
        max_length=255,
        blank=True,
        help_text=_("Printed vertically at the left edge of the certificate when set."),
    )

    class Meta:
        verbose_name = _("certificate settings")
        verbose_name_plural = _("certificate settings")
        constraints = [
            models.UniqueConstraint(
                fields=["academy", "course"], name="certificates_settings_unique_academy_course"
            ),
            models.UniqueConstraint(
                fields=["academy"],
                condition=Q(course__isnull=True),
                name="certificates_settings_one_default_per_academy",
            ),
        ]

    def __str__(self) -> str:
        if self.course_id:
            return f"{self.academy} — {self.course}"
        return str(self.academy)

    @property
    def signatory_name(self) -> str:
        return pick_language(self.signatory_name_mn, self.signatory_name_en)

    def clean(self) -> None:
        if self.course_id and self.course.academy_id != self.academy_id:
            raise ValidationError(
                {"course": _("This course belongs to another academy.")}, code="course_of_other_academy"
            )

    @classmethod
    def for_course(cls, course) -> "CertificateSettings":
        """Return the course's own settings, else its academy's, else an unsaved empty row."""
        if course.academy_id is None:
            return cls()
        rows = cls.objects.filter(academy_id=course.academy_id).filter(Q(course=course) | Q(course__isnull=True))
        # The course's own row sorts first because its course_id is not None.
        chosen = sorted(rows, key=lambda row: row.course_id is None)
        return chosen[0] if chosen else cls(academy_id=course.academy_id)


class CertificateArchive(models.Model):
    """A ZIP of many certificates that a staff member requested and a task worker builds.

    The file sits in storage under a random name and is served only through the download
    view, which checks that the requester (or a superuser) is asking.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        BUILDING = "building", _("Building")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    class Failure(models.TextChoices):
        BUILD_FAILED = "build_failed", _(
            "The certificates could not be put into a ZIP file. Request the archive again, "
            "and tell the site administrator if it fails again."
        )
        SAVE_FAILED = "save_failed", _(
            "The ZIP file could not be saved to file storage. Request the archive again, "
            "and tell the site administrator if it fails again."
        )
        ABANDONED = "abandoned", _(
            "The build stopped before it finished, probably because the task worker restarted. "
            "Request the archive again."
        )
        SOURCE_DELETED = "source_deleted", _(
            "The course or the account that requested the archive was deleted before it was built."
        )

    # SET_NULL: the row, and so its file, must stay until delete_expired_archives removes both.
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="certificate_archives",
    )
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("course"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    completed_from = models.DateField(_("completed from"), null=True, blank=True)
    completed_to = models.DateField(_("completed until"), null=True, blank=True)

    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    failure = models.CharField(_("reason for failure"), max_length=32, choices=Failure.choices, blank=True)
    certificate_count = models.PositiveIntegerField(_("number of certificates"), null=True, blank=True)
    size_bytes = models.PositiveBigIntegerField(_("size (bytes)"), null=True, blank=True)
    file = models.FileField(_("ZIP file"), max_length=255, blank=True, editable=False)

    created_at = models.DateTimeField(_("requested at"), auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(_("build started"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate archive")
        verbose_name_plural = _("certificate archives")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["requested_by", "status"], name="certificates_archive_owner")]

    def __str__(self) -> str:
        period = " – ".join(str(day) if day else "…" for day in (self.completed_from, self.completed_to))
        return f"{self.course or '—'}, {period}"

    def get_download_url(self) -> str:
        return reverse("certificates_admin:archive_download", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.BUILDING)

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY

    @property
    def is_failed(self) -> bool:
        return self.status == self.Status.FAILED

    def download_filename(self) -> str:
        """Return for example certificates-tip-victims-2026-12-01-2026-12-31.zip."""
        from .files import archive_filename

        return archive_filename(self.course.slug if self.course else "", self.completed_from, self.completed_to)

    def may_download(self, user) -> bool:
        """Tell whether the user requested this archive or is a superuser."""
        if not user.is_authenticated:
            return False
        return user.is_superuser or (self.requested_by_id is not None and self.requested_by_id == user.pk)
