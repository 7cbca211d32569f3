"""Excel export of usages and contracts, the import template, and the two-step import.

The import is upload → report → confirm. The uploaded file is kept between the two steps
in the private file storage under ``excel-imports/`` (not served, not in the session:
the session is cached and a workbook may be megabytes), named by a random token that only the
uploader's session holds, with the municipality it was checked for. The confirmation
checks the file again and applies it only when the check is unchanged since the report —
no errors, and the same rows planned against the same versions — so nothing is written
that the user has not seen. The file is deleted once applied; files left over by an
abandoned import are deleted after a day by the next upload.
"""

import datetime
import secrets

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from styrbord.core.forms import style
from styrbord.core.services.changes import StaleEdit
from styrbord.core.views.helpers import require
from styrbord.systems import excel, excel_import, policy
from styrbord.systems.filters import UsageFilter
from styrbord.systems.filters_contracts import ContractFilter
from styrbord.systems.models import Contract, SystemUsage

SESSION_KEY = "systems_excel_import"
UPLOAD_DIR = "excel-imports"
KEEP_SECONDS = 24 * 60 * 60


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Workbook (.xlsx)"),
        help_text=gettext_lazy("Filled in from the template or an export."),
        widget=forms.ClearableFileInput(attrs={"accept": excel.XLSX}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        style(self)


def _download(body: bytes, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=excel.XLSX)
    filename = f"{name}-{timezone.localdate():%Y-%m-%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export_usages(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    base = SystemUsage.objects.order_by("system__name", "local_name", "pk")
    filterset = UsageFilter(request.GET or None, queryset=base, request=request)
    return _download(excel.usages_xlsx(filterset.qs), "systemanvendelser")


def export_contracts(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    base = Contract.objects.order_by("name", "pk")
    filterset = ContractFilter(request.GET or None, queryset=base, request=request)
    return _download(excel.contracts_xlsx(filterset.qs), "kontrakter")


def import_template(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    return _download(excel_import.template(), "import-skabelon")


def _storage() -> Storage:
    return storages["private"]


def _name(token: str) -> str:
    return f"{UPLOAD_DIR}/{token}.xlsx"


def _keep(content: bytes) -> str:
    storage = _storage()
    cutoff = timezone.now() - datetime.timedelta(seconds=KEEP_SECONDS)
    if storage.exists(UPLOAD_DIR):
        for old in storage.listdir(UPLOAD_DIR)[1]:
            if storage.get_modified_time(f"{UPLOAD_DIR}/{old}") < cutoff:
                storage.delete(f"{UPLOAD_DIR}/{old}")
    token = secrets.token_urlsafe(24)
    storage.save(_name(token), ContentFile(content))
    return token


def _kept(request: HttpRequest) -> tuple[str, dict] | None:
    stored = request.session.get(SESSION_KEY)
    if not stored or stored.get("municipality") != request.municipality.pk:
        return None
    name = _name(stored["token"])
    return (name, stored) if _storage().exists(name) else None


def _forget(request: HttpRequest, name: str | None) -> None:
    request.session.pop(SESSION_KEY, None)
    if name is not None:
        _storage().delete(name)


def _report_page(
    request: HttpRequest, report: excel_import.ImportReport, *, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "systems/excel/report.html",
        {
            "report": report,
            "counts": report.counts(),
            "can_confirm": not report.has_errors and bool(report.to_apply),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        content = form.cleaned_data["file"].read()
        try:
            workbook = excel_import.read_workbook(content)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            report = excel_import.validate(workbook, municipality=request.municipality)
            kept = _kept(request)
            _forget(request, kept[0] if kept else None)
            if not report.has_errors and report.to_apply:
                request.session[SESSION_KEY] = {
                    "token": _keep(content),
                    "municipality": request.municipality.pk,
                    "fingerprint": report.fingerprint(),
                }
            return _report_page(request, report, status=400 if report.has_errors else 200)
    return render(
        request,
        "systems/excel/upload.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@require_http_methods(["POST"])
def import_confirm(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    upload_url = reverse("systems:import", kwargs={"kommune": kommune})
    kept = _kept(request)
    if kept is None:
        messages.error(request, _("There is no checked file to import. Upload it again."))
        return redirect(upload_url)
    name, stored = kept
    with _storage().open(name, "rb") as kept_file:
        content = kept_file.read()
    report = excel_import.validate(
        excel_import.read_workbook(content), municipality=request.municipality
    )
    # The user confirmed what the report showed; anything else is shown again first.
    if report.has_errors or report.fingerprint() != stored["fingerprint"]:
        if report.has_errors or not report.to_apply:
            _forget(request, name)
        else:
            request.session[SESSION_KEY] = {**stored, "fingerprint": report.fingerprint()}
        messages.error(
            request,
            _(
                "The data changed after the check, so nothing was imported. Check the "
                "file again below and confirm what it will do now."
            ),
        )
        return _report_page(request, report, status=409)
    try:
        written = excel_import.apply(report, actor=request.user)
    except (StaleEdit, ValidationError):
        messages.error(
            request, _("The data changed while importing, so nothing was imported. Try again.")
        )
        return redirect(upload_url)
    finally:
        _forget(request, name)
    messages.success(request, _("Imported %(count)s rows.") % {"count": written})
    return redirect(upload_url)
