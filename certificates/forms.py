from django import forms
from django.utils.translation import gettext_lazy as _

from lms.ids import IdChoiceField

from .services.codes import normalise_code


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Certificate code"),
        max_length=40,
        help_text=_("The 14 characters printed under the QR code, for example ABCD-EFGH-JKMN-PQ."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    def clean_code(self) -> str:
        canonical = normalise_code(self.cleaned_data["code"])
        if canonical is None:
            raise forms.ValidationError(
                _("This is not a certificate code: it has 14 letters and digits, for example ABCD-EFGH-JKMN-PQ."),
                code="invalid_code",
            )
        return canonical


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept with the certificate's history."),
    )


class CertificateFilterForm(forms.Form):
    """Filter for the staff list and ZIP download: a course and a period of completion."""

    course = IdChoiceField(label=_("Course"), queryset=None, required=False, empty_label=_("All courses"))
    completed_from = forms.DateField(
        label=_("Completed from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    completed_to = forms.DateField(
        label=_("Completed until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        from courses.models import CoursePage

        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = CoursePage.objects.order_by("title")
        # A page's str() is its Wagtail title, which is the Mongolian one.
        self.fields["course"].label_from_instance = lambda course: course.display_title

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("completed_from"), cleaned.get("completed_to")
        if start and end and start > end:
            raise forms.ValidationError(
                _("The start of the period is after its end."), code="period_reversed"
            )
        return cleaned

    def filter(self, certificates):
        """Narrow a queryset of certificates to the cleaned course and period."""
        data = self.cleaned_data
        if data.get("course"):
            certificates = certificates.filter(course=data["course"])
        if data.get("completed_from"):
            certificates = certificates.filter(completed_on__gte=data["completed_from"])
        if data.get("completed_to"):
            certificates = certificates.filter(completed_on__lte=data["completed_to"])
        return certificates
