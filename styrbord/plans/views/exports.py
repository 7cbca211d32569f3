"""A plan version as a PDF (the document the steering group gets) and as an Excel workbook."""

from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header

from styrbord.core.pdf import render_pdf
from styrbord.core.views.helpers import require
from styrbord.plans import exports, policy
from styrbord.plans.models import PlanVersion
from styrbord.plans.views._common import load_version

PDF_TEMPLATE = "plans/pdf/version.html"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def version_pdf_response(request: HttpRequest, version: PlanVersion) -> HttpResponse:
    """The PDF, or a 503 answer when this server cannot make PDFs (no Pango)."""
    return render_pdf(
        request, PDF_TEMPLATE, exports.pdf_context(version), exports.filename(version, "pdf")
    )


def version_pdf(request: HttpRequest, kommune: str, year: int, number: int) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    return version_pdf_response(request, load_version(year, number))


def version_xlsx(request: HttpRequest, kommune: str, year: int, number: int) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    version = load_version(year, number)
    response = HttpResponse(exports.to_xlsx(version), content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=exports.filename(version, "xlsx")
    )
    return response
