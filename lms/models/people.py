from datetime import date

import calendar
from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .agencies import Agency, TrainingAcademy
from .bilingual import BilingualNameMixin
from .regions import Region


class Profession(BilingualNameMixin):
    """A profession learners choose at sign-up; trainers can add to the list."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        ordering = ["sort_order", "name_mn"]
        verbose_name = _("profession")
        verbose_name_plural = _("professions")


class EmailUserManager(UserManager):
    """Manager for users who sign in by e-mail, stored in lower case."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=email.strip().lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("status", User.Status.APPROVED)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    """An account: a learner, a trainer, academy staff or an administrator."""

    class Sex(models.TextChoices):
        MALE = "male", _("Male")
        FEMALE = "female", _("Female")
        NOT_STATED = "not_stated", _("Not stated")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(
        _("full name"), max_length=200, help_text=_("As written on the national ID card.")
    )
    sex = models.CharField(_("sex"), max_length=12, choices=Sex.choices, default=Sex.NOT_STATED)
    profession = models.ForeignKey(
        Profession, verbose_name=_("profession"), on_delete=models.PROTECT, null=True, blank=True
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, null=True, blank=True, related_name="members"
    )
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, null=True, blank=True
    )
    rank = models.CharField(_("rank or position"), max_length=200, blank=True)
    service_start_date = models.DateField(_("service start date"), null=True, blank=True)
    status = models.CharField(
        _("account status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    status_reason = models.TextField(_("reason"), blank=True)
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    status_changed_by = models.ForeignKey(
        "self", verbose_name=_("status changed by"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    academy = models.ForeignKey(
        TrainingAcademy,
        verbose_name=_("staff of academy"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff",
        help_text=_("Set for academy staff: they manage learners of the agencies this academy serves."),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=settings.LANGUAGES, default="mn"
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [models.UniqueConstraint(Lower("email"), name="lms_user_email_ci_unique")]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name or self.email

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    def is_new_recruit(self, on: date | None = None) -> bool:
        """Tell whether service began within the configured new-recruit period."""
        if self.service_start_date is None:
            return False
        today = on or timezone.localdate()
        months = getattr(settings, "LMS_NEW_RECRUIT_MONTHS", 12)
        return self.service_start_date > subtract_months(today, months)


def subtract_months(day: date, months: int) -> date:
    """Return the same calendar day `months` earlier, clamped to the end of a shorter month."""
    total = day.year * 12 + (day.month - 1) - months
    year, month = divmod(total, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last_day))
