"""The Wagtail admin form of module pages."""

from wagtail.admin.forms import WagtailAdminPageForm


class ModulePageForm(WagtailAdminPageForm):
    """Reject a failed lecture video for every action except saving a draft.

    Wagtail defers validation only for "Save draft". Publishing, submitting for review and a
    reviewer's approval from the editor all validate fully, and get the error on the video
    field before anything is saved.
    """

    def clean(self):
        cleaned_data = super().clean()
        video = cleaned_data.get("video")
        if video is not None and not self.is_deferred_validation and video.status == video.Status.FAILED:
            from .models.pages import FAILED_VIDEO_MESSAGE

            self.add_error("video", FAILED_VIDEO_MESSAGE)
        return cleaned_data
