from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from lms.ids import IdChoiceField, IdMultipleChoiceField
from lms.permissions import managed_agencies, managed_learners

from .models import CoursePage

MAX_IMPORT_BYTES = 2 * 1024 * 1024


class LearnerImportForm(forms.Form):
    file = forms.FileField(
        label=_("List of officials (CSV or XLSX)"),
        validators=[FileExtensionValidator(["csv", "xlsx"])],
        help_text=_("At most 2 MB. The first row contains the column headers."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."), code="too_large")
        return upload


class StaffEnrolForm(forms.Form):
    course = IdChoiceField(label=_("Course"), queryset=CoursePage.objects.live().order_by("path"))
    learners = IdMultipleChoiceField(
        label=_("Learners"), queryset=None, widget=forms.CheckboxSelectMultiple,
        help_text=_("Only learners of the agencies your academy serves are listed."),
    )
    due_date = forms.DateField(
        label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["learners"].queryset = (
            managed_learners(staff).filter(is_staff=False, status="approved").order_by("full_name")
        )


class OnboardingRuleForm(WagtailAdminModelForm):
    """Limits academy staff to rules for the agencies their academy serves."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and not for_user.is_superuser:
            self.fields["agency"].queryset = managed_agencies(for_user)
            self.fields["agency"].required = True
