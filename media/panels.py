"""A read-only panel showing a video's transcoding state on its admin edit page."""

from wagtail.admin.panels import Panel


class TranscodingStatusPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "media/admin/transcoding_status_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["video"] = self.instance
            return context
