"""The Wagtail document form with the platform's upload checks (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

from django.conf import settings
from wagtail.documents.forms import BaseDocumentForm

from .uploads import UploadValidator, safe_filename


class DocumentForm(BaseDocumentForm):
    """Accept a handbook or other document only when its content matches its extension."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            UploadValidator(settings.WAGTAILDOCS_EXTENSIONS, settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)(file)
            file.name = safe_filename(file.name)
        return file
