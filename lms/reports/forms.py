"""The report filter form and the import upload form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage, Enrollment
from lms.ids import IdChoiceField
from lms.models import Agency, Profession, Region, User
from lms.permissions import managed_agencies

from .filters import Measure, ReportFilters
from .registry import REPORT_LABELS


class AgencyChoiceField(IdChoiceField):
    def label_from_instance(self, agency: Agency) -> str:
        # Indent units under their parents, so the tree reads in a plain select.
        return "\u00a0\u00a0" * (agency.depth - 1) + agency.name


class CourseChoiceField(IdChoiceField):
    def label_from_instance(self, course: CoursePage) -> str:
        # A page's str() is its Wagtail title, which is the Mongolian one.
        return course.display_title


class ReportFilterForm(forms.Form):
    report = forms.ChoiceField(label=_("Report"), choices=list(REPORT_LABELS.items()), required=False)
    course = CourseChoiceField(label=_("Course"), queryset=CoursePage.objects.none(), required=False,
                               empty_label=_("All courses"))
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
                                help_text=_("Inclusive, Ulaanbaatar time."))
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
                              help_text=_("Inclusive, Ulaanbaatar time."))
    measure = forms.ChoiceField(label=_("Count learners who"), choices=Measure.CHOICES, required=False)
    agency = AgencyChoiceField(label=_("Agency"), queryset=Agency.objects.none(), required=False,
                               empty_label=_("All agencies"))
    region = IdChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False,
                           empty_label=_("All regions"))
    profession = IdChoiceField(label=_("Profession"), queryset=Profession.objects.all(), required=False,
                               empty_label=_("All professions"))
    sex = forms.ChoiceField(label=_("Sex"), choices=[("", _("All"))] + list(User.Sex.choices), required=False)
    new_recruit = forms.ChoiceField(
        label=_("New recruits"),
        choices=[("", _("All")), ("yes", _("New recruits only")), ("no", _("Serving officers only"))],
        required=False,
        help_text=_("A new recruit began service within the configured months before the end of the period."),
    )
    mode = forms.ChoiceField(label=_("Mode"), choices=[("", _("All"))] + list(Enrollment.Mode.choices),
                             required=False)
    shared = forms.BooleanField(label=_("For sharing outside the academy: hide small counts"), required=False)

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = CoursePage.objects.live().order_by("path")
        self.fields["agency"].queryset = managed_agencies(user).order_by("path")

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("The end of the period must not be before its start."))
        return cleaned

    @property
    def report_kind(self) -> str:
        return (self.cleaned_data.get("report") if self.is_valid() else "") or "profession"

    def to_filters(self) -> ReportFilters:
        data = self.cleaned_data
        recruit = {"yes": True, "no": False}.get(data.get("new_recruit") or "")
        return ReportFilters(
            courses=(data["course"],) if data.get("course") else (),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            agency=data.get("agency"),
            region=data.get("region"),
            profession=data.get("profession"),
            sex=data.get("sex") or "",
            new_recruit=recruit,
            mode=data.get("mode") or "",
            measure=data.get("measure") or Measure.COMPLETED,
            shared=bool(data.get("shared")),
        )


# The import is read whole into memory. 20 MB is roughly 70,000 rows at an estimated 300 bytes
# per row of Cyrillic names, agencies and course titles.
MAX_IMPORT_BYTES = 20 * 1024 * 1024


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "CSV (UTF-8) or XLSX with the columns full name, e-mail or personal identifier, sex, profession, "
            "agency, region, course and completion date."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."), code="file_type")
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."), code="too_large")
        return upload
