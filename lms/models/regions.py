from django.db import models
from django.utils.translation import gettext_lazy as _

from .bilingual import BilingualNameMixin


class Region(BilingualNameMixin):
    """A province (аймаг) or a district (дүүрэг) of the capital, where an official serves."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("Province")
        CAPITAL_DISTRICT = "capital_district", _("Capital district")

    code = models.CharField(
        _("code"),
        max_length=32,
        unique=True,
        help_text=_("ISO 3166-2:MN code for provinces; MN-1- and the district for the capital."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        ordering = ["kind", "sort_order", "name_mn"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
