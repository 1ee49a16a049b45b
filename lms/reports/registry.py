"""The reports on offer, by name, and how each becomes a downloadable document."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.models import User

from .exports import ReportDocument, document_for_table
from .filters import ReportFilters
from .gain import GAIN_COLUMNS, knowledge_gain
from .learner_list import LEARNER_COLUMNS, learner_rows
from .queries import CROSS_TABLES

REPORT_LABELS = {
    "profession": gettext_lazy("By profession and sex"),
    "region": gettext_lazy("By region"),
    "agency": gettext_lazy("By agency"),
    "status": gettext_lazy("By status"),
    "recruitment": gettext_lazy("New recruits"),
    "gain": gettext_lazy("Knowledge gain"),
    "learners": gettext_lazy("Learner list"),
}


class ReportUnavailable(Exception):
    """Raised for a report whose data source does not exist yet."""


def build_document(kind: str, filters: ReportFilters, viewer: User | None) -> ReportDocument:
    """Build the named report as rows for a file; `viewer` None means everything (the command line)."""
    if kind in CROSS_TABLES:
        return document_for_table(CROSS_TABLES[kind](filters, viewer))
    if kind == "learners":
        return ReportDocument(
            title=_("Learner list"),
            filters=filters,
            columns=[str(column) for column in LEARNER_COLUMNS],
            rows=learner_rows(filters, viewer),
        )
    if kind == "gain":
        rows = knowledge_gain(filters, viewer)
        if rows is None:
            raise ReportUnavailable(kind)
        return ReportDocument(
            title=_("Knowledge gain"),
            filters=filters,
            columns=[str(column) for column in GAIN_COLUMNS],
            rows=[row.cells() for row in rows],
        )
    raise KeyError(kind)
