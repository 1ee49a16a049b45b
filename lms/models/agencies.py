from django.db import models
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node

from .bilingual import BilingualNameMixin


class TrainingAcademy(BilingualNameMixin):
    """An institution that trains officials and receives the reports of the agencies it serves."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name_traditional = models.CharField(
        _("name in traditional Mongolian script"),
        max_length=255,
        blank=True,
        help_text=_("Printed vertically on certificates when set."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    class Meta:
        ordering = ["name_mn"]
        verbose_name = _("training academy")
        verbose_name_plural = _("training academies")


class Agency(MP_Node, BilingualNameMixin):
    """A ministry, agency or one of its units. Units sit below their parent in the tree."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    academy = models.ForeignKey(
        TrainingAcademy,
        verbose_name=_("training academy"),
        on_delete=models.PROTECT,
        related_name="agencies",
        help_text=_("The academy whose staff approve this agency's learners and see its reports."),
    )
    email_domains = models.CharField(
        _("approved e-mail domains"),
        max_length=500,
        blank=True,
        help_text=_(
            "Comma-separated domains, for example police.gov.mn. "
            "Sign-ups from these domains are approved without waiting for staff."
        ),
    )

    node_order_by = ["name_mn"]

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def allowed_domains(self) -> set[str]:
        """Return the domains set on this agency itself, in lower case."""
        return {part.strip().lower() for part in self.email_domains.split(",") if part.strip()}

    def allowed_domains_with_ancestors(self) -> set[str]:
        """Return this agency's domains and those of every agency above it in the tree.

        A district police department shares the national police's mail domain, so a
        domain set on a parent counts for all of its units.
        """
        domains = self.allowed_domains()
        for ancestor in self.get_ancestors():
            domains |= ancestor.allowed_domains()
        return domains

    def with_descendants(self):
        """Return a queryset of this agency and every unit below it."""
        return Agency.objects.filter(path__startswith=self.path)
