from django.db import models
from django.utils.translation import gettext_lazy as _


class OnboardingRule(models.Model):
    """Courses that learners of an agency, a profession or new recruits must take, with a due period."""

    name = models.CharField(_("name"), max_length=255)
    agency = models.ForeignKey(
        "lms.Agency",
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="onboarding_rules",
        help_text=_("The rule covers this agency and all of its units. Leave empty for every agency."),
    )
    profession = models.ForeignKey(
        "lms.Profession",
        verbose_name=_("profession"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="onboarding_rules",
        help_text=_("Leave empty for every profession."),
    )
    new_recruits_only = models.BooleanField(
        _("new recruits only"),
        default=False,
        help_text=_("When set, the rule covers only learners whose service began recently."),
    )
    courses = models.ManyToManyField(
        "courses.CoursePage", verbose_name=_("required courses"), related_name="onboarding_rules"
    )
    due_days = models.PositiveSmallIntegerField(
        _("due within (days)"), default=30, help_text=_("Days from enrolment until the course must be completed.")
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("onboarding rule")
        verbose_name_plural = _("onboarding rules")

    def __str__(self) -> str:
        return self.name
