"""Submitting a plan version to the body that approves it, and comparing two versions."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from styrbord.core.forms import VersionForm
from styrbord.core.views.helpers import require, save_versioned
from styrbord.governance.services.meetings import next_open_meeting
from styrbord.plans import exports, policy, queries
from styrbord.plans.compare import compare as compare_versions
from styrbord.plans.models import PlanVersion
from styrbord.plans.services import decisions
from styrbord.plans.views._common import load_plan, load_version, version_context
from styrbord.plans.views.exports import version_pdf_response


def _pdf(request: HttpRequest, version: PlanVersion) -> bytes | None:
    """The plan as the PDF attachment, or None when this server cannot make PDFs."""
    response = version_pdf_response(request, version)
    return response.content if response.status_code == 200 else None


@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest, kommune: str, year: int, number: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    version = load_version(year, number)
    body = version.plan.approving_body
    meeting = next_open_meeting(body) if body is not None else None
    form = VersionForm(request.POST or None, initial={"version": version.version})
    if request.method == "POST" and form.is_valid():
        # Making the PDF takes a moment; skip it when the page already shows why the
        # service will refuse (it still decides, and says why).
        ready = version.is_editable and meeting is not None
        document = _pdf(request, version) if ready else None
        item = save_versioned(
            form,
            lambda: decisions.submit(
                version,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                document=document,
                document_name=exports.filename(version, "pdf"),
            ),
        )
        if item is not None:
            messages.success(
                request,
                _("Version %(number)s is on the agenda of %(body)s for the meeting on %(date)s.")
                % {
                    "number": version.number,
                    "body": item.meeting.body.name,
                    "date": timezone.localtime(item.meeting.starts_at).strftime("%d.%m.%Y"),
                },
            )
            if document is None:
                messages.warning(
                    request,
                    _(
                        "The plan was submitted without its PDF: this server cannot make PDFs. "
                        "Attach the plan to the agenda item by hand."
                    ),
                )
            return redirect("plans:version", kommune=kommune, year=year, number=number)
    return render(
        request,
        "plans/decision/submit.html",
        {
            "plan": version.plan,
            "version": version,
            "body": body,
            "meeting": meeting,
            "preview": decisions.summary(version),
            "form": form,
        },
    )


def _chosen(
    request: HttpRequest, name: str, versions: dict[int, PlanVersion], default: int
) -> PlanVersion:
    value = request.GET.get(name, "")
    if not value:
        return versions[default]
    try:
        return versions[int(value)]
    except (ValueError, KeyError) as unknown:
        raise Http404(_("The plan has no such version.")) from unknown


@require_GET
def compare(request: HttpRequest, kommune: str, year: int) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    plan = load_plan(year)
    versions = {v.number: v for v in queries.versions_of(plan)}
    if not versions:
        raise Http404
    numbers = sorted(versions)
    a = _chosen(request, "a", versions, numbers[-2] if len(numbers) > 1 else numbers[0])
    b = _chosen(request, "b", versions, numbers[-1])
    # With one version there is nothing to compare yet; the page says so.
    comparison = compare_versions(a, b) if len(numbers) > 1 else None
    context = version_context(request, b, "compare") | {
        "a": a,
        "b": b,
        "numbers": numbers,
        "comparison": comparison,
    }
    return render(request, "plans/decision/compare.html", context)
