"""Audited actions: who did what to whom, shown in Wagtail's site history report.

Every app records its actions with `wagtail.log_actions.log(instance=..., action=...,
user=..., data={...})`; the names and their labels live here so the report and its
CSV/XLSX export can show them. `data` contains ids and short facts, not file contents.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.log_actions import LogFormatter

# action name -> (label in the report's filter, message in the report's rows)
AUDITED_ACTIONS = {
    "lms.approve": (_("Approve learner"), _("Approved the learner's account")),
    "lms.reject": (_("Reject learner"), _("Rejected the learner's account")),
    "lms.change_agency": (_("Change agency"), _("Changed the learner's agency")),
    "lms.change_profession": (_("Change profession"), _("Changed the learner's profession")),
    "lms.assign_trainer": (_("Assign trainer"), _("Allowed the trainer to edit a course")),
    "lms.unassign_trainer": (_("Unassign trainer"), _("Removed the trainer from a course")),
    "courses.enrol": (_("Enrol"), _("Enrolled the learner in a course")),
    "courses.unenrol": (_("Unenrol"), _("Removed the learner from a course")),
    "courses.import_learners": (_("Import learners"), _("Imported a list of learners")),
    "reports.import_completions": (_("Import completions"), _("Imported in-person completions")),
    "reports.download": (_("Download report"), _("Downloaded a report")),
    "certificates.revoke": (_("Revoke certificate"), _("Revoked a certificate")),
    "certificates.reissue": (_("Reissue certificate"), _("Reissued a certificate")),
    "certificates.archive": (_("Request certificate archive"), _("Requested a ZIP of a course's certificates")),
    "assessments.regrade": (_("Regrade attempts"), _("Regraded quiz attempts")),
}


class AuditFormatter(LogFormatter):
    """Show the stored reason, course, agency or profession ids and row count after the message."""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        details = []
        if data.get("reason"):
            details.append(_("reason: %(reason)s") % {"reason": data["reason"]})
        if "new_agency_id" in data:
            details.append(
                _("agency #%(old)s → #%(new)s") % {"old": data.get("old_agency_id"), "new": data["new_agency_id"]}
            )
        if data.get("approval_withdrawn"):
            details.append(_("waits for approval by the new academy"))
        if "new_profession_id" in data:
            details.append(
                _("profession #%(old)s → #%(new)s")
                % {"old": data.get("old_profession_id"), "new": data["new_profession_id"]}
            )
        if data.get("course_id"):
            details.append(_("course #%(id)s") % {"id": data["course_id"]})
        if data.get("count") is not None:
            count = data["count"]
            details.append(ngettext("%(count)s row", "%(count)s rows", count) % {"count": count})
        if not details:
            return self.message
        return "%s (%s)" % (self.message, "; ".join(str(detail) for detail in details))


@hooks.register("register_log_actions")
def register_audited_actions(actions):
    for action, (label, message) in AUDITED_ACTIONS.items():
        formatter = type("AuditFormatter", (AuditFormatter,), {"label": label, "message": message})
        actions.register_action(action)(formatter)
