"""The report screen in the Wagtail admin, and the CSV and XLSX downloads of the same figures."""

import tempfile

from django.http import FileResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from ..charts import monthly_chart, profession_chart
from ..exports import csv_lines, write_xlsx
from ..forms import ReportFilterForm
from ..gain import knowledge_gain
from ..learner_list import LEARNER_COLUMNS, learner_page
from ..queries import CROSS_TABLES, completions_by_month, suppression_threshold
from ..registry import REPORT_LABELS, ReportUnavailable, build_document
from ..services.downloads import record_download
from .access import can_view_reports, forbidden

# Spooled XLSX output stays in memory up to this size, then moves to a temporary file.
XLSX_SPOOL_BYTES = 8 * 1024 * 1024


def report_screen(request):
    if not can_view_reports(request.user):
        return forbidden(request)
    form = ReportFilterForm(request.GET or None, user=request.user)
    context = {"form": form, "reports": REPORT_LABELS.items(), "kind": "profession"}
    if request.GET and not form.is_valid():
        return TemplateResponse(request, "reports/report.html", context, status=400)

    if not form.is_bound:
        form = ReportFilterForm({}, user=request.user)
        form.is_valid()
    kind = form.report_kind
    filters = form.to_filters()
    viewer = request.user
    context.update({"form": form, "kind": kind, "filters": filters, "query": _query_without(request, "page", "report")})

    if kind in CROSS_TABLES:
        table = CROSS_TABLES[kind](filters, viewer)
        context["table"] = table
        if kind == "profession":
            threshold = suppression_threshold() if filters.shared else None
            context["charts"] = [profession_chart(table),
                                 monthly_chart(completions_by_month(filters, viewer), threshold)]
    elif kind == "gain":
        context["gain_rows"] = knowledge_gain(filters, viewer)
    elif kind == "learners":
        context["learner_columns"] = LEARNER_COLUMNS
        context["page"] = learner_page(filters, viewer, request.GET.get("page"))
    # A table may apply the period to another date than the form asked for (the status table
    # always uses the enrolment date), so the header describes the table's own filters.
    context["header"] = context["table"].filters.describe() if "table" in context else filters.describe()
    return TemplateResponse(request, "reports/report.html", context)


def download(request, file_format: str):
    if not can_view_reports(request.user):
        return forbidden(request)
    form = ReportFilterForm(request.GET, user=request.user)
    if not form.is_valid():
        return TemplateResponse(request, "reports/report.html",
                                {"form": form, "reports": REPORT_LABELS.items(), "kind": "profession"}, status=400)
    kind = form.report_kind
    filters = form.to_filters()

    try:
        document = build_document(kind, filters, request.user)
    except ReportUnavailable:
        return TemplateResponse(request, "reports/report.html",
                                {"form": form, "reports": REPORT_LABELS.items(), "kind": kind,
                                 "unavailable": True}, status=404)
    record_download(request.user, kind, filters, file_format)
    filename = "%s-%s.%s" % (kind, timezone.localdate().isoformat(), file_format)

    if file_format == "csv":
        response = StreamingHttpResponse(csv_lines(document), content_type="text/csv; charset=utf-8")
    else:
        spool = tempfile.SpooledTemporaryFile(max_size=XLSX_SPOOL_BYTES)
        write_xlsx(document, spool)
        spool.seek(0)
        response = FileResponse(
            spool, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _query_without(request, *names: str) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()

