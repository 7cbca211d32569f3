"""PDF documents from the same HTML templates as the pages, made with WeasyPrint.

WeasyPrint needs the system library Pango. It is imported only when a PDF is asked for,
so a server without Pango still serves every other page and answers PDF requests with 503.

User Markdown ends up in these documents, so WeasyPrint may fetch only our own static
files (stylesheets, fonts, images): an image or stylesheet pointing anywhere else is
refused, and the server never fetches a URL that a user wrote.
"""

import logging
import mimetypes
import re
import unicodedata
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urljoin

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# Danish letters that slugify would drop; spelled out so a file name stays readable.
_SPELLED_OUT = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def safe_filename(name: str) -> str:
    """An ASCII file name ending in .pdf, with nothing a browser or shell could misread."""
    stem = name.removesuffix(".pdf").translate(_SPELLED_OUT)
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-._")[:100]
    return f"{stem or 'document'}.pdf"


def static_prefix(request: HttpRequest) -> str:
    """The absolute URL under which the PDF's own static files are found."""
    return urljoin(request.build_absolute_uri("/"), settings.STATIC_URL)


def static_file_for(url: str, prefix: str) -> Path | None:
    """The local static file that ``url`` names, or None for anything else."""
    if not url.startswith(prefix):
        return None
    name = unquote(url[len(prefix) :].split("?", 1)[0].split("#", 1)[0])
    parts = PurePosixPath(name).parts
    if not parts or name.startswith("/") or ".." in parts or "\\" in name:
        return None
    try:
        found = finders.find(name)
        if found is None and staticfiles_storage.exists(name):
            found = staticfiles_storage.path(name)
    except (SuspiciousFileOperation, NotImplementedError):
        return None
    return Path(found) if found else None


def render_pdf_html(request: HttpRequest, template_name: str, context: dict[str, Any]) -> str:
    """The HTML that becomes the PDF; kept apart so tests can read what goes in."""
    return render_to_string(template_name, context, request=request)


def render_pdf(
    request: HttpRequest, template_name: str, context: dict[str, Any], filename: str
) -> HttpResponse:
    """Render ``template_name`` and answer with it as a downloadable PDF."""
    try:
        import weasyprint  # here, not at the top: it needs Pango (see above)
        from weasyprint.urls import URLFetcher, URLFetcherResponse
    except (ImportError, OSError):
        logger.warning("WeasyPrint cannot be loaded; is Pango installed?", exc_info=True)
        return HttpResponse(
            _("PDF cannot be made on this server: the system library Pango is missing."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )

    prefix = static_prefix(request)

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
            path = static_file_for(url, prefix)
            if path is None:
                raise ValueError(f"Refused to fetch {url!r}: only our own static files.")
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, path.read_bytes(), headers={"Content-Type": content_type}
            )

    html = render_pdf_html(request, template_name, context)
    document = weasyprint.HTML(
        string=html, base_url=request.build_absolute_uri("/"), url_fetcher=StaticOnlyFetcher()
    )
    # A tagged PDF keeps headings, lists and tables for screen readers (WCAG applies to PDFs).
    response = HttpResponse(document.write_pdf(pdf_tags=True), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=safe_filename(filename)
    )
    return response
