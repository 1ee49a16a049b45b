"""Names kept in both interface languages, picked by the active language."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def pick_language(mongolian: str, english: str) -> str:
    """Return the English text on an English page when there is one, else the Mongolian."""
    language = (get_language() or "mn").split("-")[0]
    if language == "en" and english:
        return english
    return mongolian


class BilingualNameMixin(models.Model):
    name_mn = models.CharField(_("name in Mongolian"), max_length=255)
    name_en = models.CharField(_("name in English"), max_length=255, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return pick_language(self.name_mn, self.name_en)
