"""Admin forms of videos: uploads are checked by size and content before they are stored."""

from django.core.files.uploadedfile import UploadedFile
from wagtail.admin.forms import WagtailAdminModelForm


class VideoAdminForm(WagtailAdminModelForm):
    # Services import the models, and the model names this form, so they load on use.

    def clean_source(self):
        from .services.uploads import validate_upload

        source = self.cleaned_data.get("source")
        if isinstance(source, UploadedFile):
            validate_upload(source)
        return source

    def save(self, commit=True):
        from .services.uploads import file_sha256, mark_source_replaced

        video = super().save(commit=False)
        source = self.cleaned_data.get("source")
        if "source" in self.changed_data and isinstance(source, UploadedFile):
            mark_source_replaced(video, file_sha256(source))
        if commit:
            video.save()
            self.save_m2m()
        return video
