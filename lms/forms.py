"""Forms for the learner's profile, used by sign-up and the profile page."""

import datetime

from django import forms
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .ids import IdChoiceField
from .models import Agency, Profession, Region, User

# No serving official started before this year, so an earlier date is a typing mistake.
EARLIEST_SERVICE_START = datetime.date(1950, 1, 1)

# The "---------" label that Django's own model selects (profession, agency, region) show.
BLANK_CHOICE_LABEL = BLANK_CHOICE_DASH[0][1]


class AgencyChoiceField(IdChoiceField):
    """A select that shows the agency tree by indenting units under their parents."""

    def label_from_instance(self, agency: Agency) -> str:
        return "\u00a0\u00a0" * (agency.depth - 1) + agency.name


class ProfileFieldsMixin(forms.Form):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        help_text=_("As written on your national ID card, for example Батын Өлзий."),
    )
    # An empty first choice, as the other selects have, so a learner who skips the field is
    # not counted as the first listed sex. "Not stated" stays available as a deliberate choice.
    sex = forms.ChoiceField(label=_("Sex"), choices=[("", BLANK_CHOICE_LABEL), *User.Sex.choices])
    profession = IdChoiceField(label=_("Profession"), queryset=Profession.objects.all())
    agency = AgencyChoiceField(label=_("Agency"), queryset=Agency.objects.order_by("path"))
    region = IdChoiceField(label=_("Province or capital district"), queryset=Region.objects.all())
    rank = forms.CharField(label=_("Rank or position"), max_length=200, required=False)
    service_start_date = forms.DateField(
        label=_("Service start date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The day you started serving in your current profession."),
    )

    def clean_full_name(self) -> str:
        # Collapse inner runs of spaces so reports and certificates show one clean form.
        return " ".join(self.cleaned_data["full_name"].split())

    def clean_service_start_date(self) -> datetime.date | None:
        started = self.cleaned_data["service_start_date"]
        if started is None:
            return None
        today = timezone.localdate()
        if started > today:
            raise forms.ValidationError(
                _("The service start date cannot be in the future. Enter a date on or before %(today)s."),
                code="future",
                params={"today": date_format(today, "SHORT_DATE_FORMAT")},
            )
        if started < EARLIEST_SERVICE_START:
            raise forms.ValidationError(
                _("The service start date cannot be before %(earliest)s. Check the year."),
                code="too_early",
                params={"earliest": date_format(EARLIEST_SERVICE_START, "SHORT_DATE_FORMAT")},
            )
        return started


class SignupProfileForm(ProfileFieldsMixin):
    """Extra sign-up fields that django-allauth adds to its own form."""

    def signup(self, request, user: User) -> None:
        for field in ("full_name", "sex", "profession", "agency", "region", "rank", "service_start_date"):
            setattr(user, field, self.cleaned_data[field])
        user.preferred_language = (getattr(request, "LANGUAGE_CODE", "mn") or "mn")[:2]
        user.status = User.Status.PENDING
        user.save()


class ProfileForm(ProfileFieldsMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "sex", "profession", "agency", "region", "rank", "service_start_date", "preferred_language"]


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Sent to the learner by e-mail."),
    )
