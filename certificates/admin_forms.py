from wagtail.admin.forms import WagtailAdminModelForm

from courses.models import CoursePage
from lms.ids import IdChoiceField
from lms.models import TrainingAcademy

from .models import CertificateSettings


class CertificateSettingsForm(WagtailAdminModelForm):
    """Staff of an academy choose only their own academy and its courses."""

    class Meta:
        model = CertificateSettings
        fields = [
            "academy",
            "course",
            "signatory_name_mn",
            "signatory_name_en",
            "signatory_title_mn",
            "signatory_title_en",
            "title_traditional",
        ]
        # This Meta does not inherit Wagtail's, so the id field is named here (see lms/ids.py).
        field_classes = {"course": IdChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and not user.is_superuser:
            self.fields["academy"].queryset = TrainingAcademy.objects.filter(pk=user.academy_id)
            self.fields["course"].queryset = CoursePage.objects.filter(academy_id=user.academy_id)
