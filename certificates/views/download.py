"""Certificate PDFs for their owner and for the staff who manage the owner."""

import logging

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from ..files import certificate_filename, content_disposition
from ..models import Certificate
from ..permissions import can_download
from ..rendering.pdf import render_certificate
from ..services.codes import normalise_code

logger = logging.getLogger(__name__)


@login_required
def download(request, code: str):
    canonical = normalise_code(code)
    if canonical is None:
        raise Http404
    certificate = get_object_or_404(
        Certificate.objects.valid().select_related("learner", "course__academy"), code=canonical
    )
    # 404 rather than 403, so the response does not reveal which codes exist.
    if not can_download(request.user, certificate):
        logger.warning("certificate download rejected id=%s user=%s", certificate.pk, request.user.pk)
        raise Http404

    response = HttpResponse(render_certificate(certificate), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition(certificate_filename(certificate))
    response["Cache-Control"] = "private, no-store"
    return response
