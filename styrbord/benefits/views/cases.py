"""A project's business case: the key figures, the year table, the cost lines, the benefits
drawn from the project, the cash flow and sensitivity charts, and the comparison with the
case as it was approved.

The numbers are worked out by ``economics`` from the stored cost lines and the project's
benefits; the writes go through ``services.cases``.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from styrbord.benefits import calc, case_charts, economics, policy, queries
from styrbord.benefits.forms_cases import CaseForm, CostForm
from styrbord.benefits.models import Benefit, BusinessCase, Category, CostLine
from styrbord.benefits.models.cases import default_discount_rate
from styrbord.benefits.services import cases as case_services
from styrbord.benefits.views._common import project_context, viewable_project
from styrbord.core.views.helpers import require, save_versioned
from styrbord.portfolio.models import Project

ZERO = Decimal(0)


def _case_url(kommune: str, project_pk: int, anchor: str = "") -> str:
    url = reverse("benefits:case", kwargs={"kommune": kommune, "pk": project_pk})
    return f"{url}#{anchor}" if anchor else url


def _can_edit(request: HttpRequest) -> bool:
    return policy.can_edit(request.user, request.municipality)


# --- what the case page shows -------------------------------------------------------------


@dataclass(frozen=True)
class BenefitRow:
    """A benefit as the case counts it: the most likely amount per year of the case, and
    the totals over the horizon at the pessimistic, most likely and optimistic target."""

    benefit: Benefit
    basis: str
    amounts: list[Decimal | None]
    low: Decimal
    likely: Decimal
    high: Decimal


def _basis(benefit: Benefit, case: BusinessCase) -> str:
    if any(point.amount is not None for point in benefit.profile.all()):
        basis = _("The amounts of its realisation profile in each year.")
    else:
        first = benefit.target_date.year if benefit.target_date else case.start_year
        basis = _("%(amount)s a year from %(year)s.") % {
            "amount": case_charts.money(benefit.value_per_year or ZERO),
            "year": max(first, case.start_year),
        }
    if benefit.category == Category.DISBENEFIT:
        basis = " ".join((basis, _("A dis-benefit: counts against the case, without a range.")))
    return basis


def benefit_rows(
    case: BusinessCase, benefits: list[Benefit]
) -> tuple[list[BenefitRow], list[Benefit]]:
    """The benefits that bring money into the case's years, and those that bring none."""
    counted: list[BenefitRow] = []
    uncounted: list[Benefit] = []
    for benefit in benefits:
        lines = economics.estimates(case, [], [benefit])
        if not lines:
            uncounted.append(benefit)
            continue
        amounts: list[Decimal | None] = [None] * len(case.years)
        for line in lines:
            amounts[line.offset] = (amounts[line.offset] or ZERO) + line.likely
        counted.append(
            BenefitRow(
                benefit=benefit,
                basis=_basis(benefit, case),
                amounts=amounts,
                low=sum((line.minimum for line in lines), ZERO),
                likely=sum((line.likely for line in lines), ZERO),
                high=sum((line.maximum for line in lines), ZERO),
            )
        )
    return counted, uncounted


@dataclass(frozen=True)
class Pair:
    """A figure as approved and as it stands now; either side may be missing (a year
    only one of them covers)."""

    then: Decimal | None
    now: Decimal | None

    @property
    def difference(self) -> Decimal | None:
        if self.then is None or self.now is None:
            return None
        return self.now - self.then


@dataclass(frozen=True)
class YearComparison:
    year: int
    costs: Pair
    benefits: Pair
    net: Pair

    @property
    def pairs(self) -> tuple[Pair, Pair, Pair]:
        return self.costs, self.benefits, self.net


@dataclass(frozen=True)
class Comparison:
    approved_at: Any
    npv: Pair
    npv_worst: Pair
    npv_best: Pair
    payback_then: int | None
    payback_now: int | None
    frame_then: dict[str, Any]
    frame_now: dict[str, Any]
    years: list[YearComparison]

    @property
    def frame_changed(self) -> bool:
        return self.frame_then != self.frame_now


def _amount(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _rounded(value: Decimal) -> Decimal:
    return round(value, 2)


def compare(case: BusinessCase, result: economics.CaseResult) -> Comparison | None:
    """The approved baseline (``economics.snapshot``) against the case as it stands."""
    baseline = case.baseline
    if not baseline:
        return None
    then_years = {row["year"]: row for row in baseline.get("years", [])}
    now_years = {row.year: row for row in result.years}
    years = []
    for year in sorted(then_years.keys() | now_years.keys()):
        then, now = then_years.get(year), now_years.get(year)
        years.append(
            YearComparison(
                year=year,
                costs=Pair(
                    _amount(then["costs"]) if then else None,
                    _rounded(now.costs) if now else None,
                ),
                benefits=Pair(
                    _amount(then["benefits"]) if then else None,
                    _rounded(now.benefits) if now else None,
                ),
                net=Pair(
                    _amount(then["net"]) if then else None,
                    _rounded(now.net) if now else None,
                ),
            )
        )
    return Comparison(
        approved_at=case.baseline_at,
        npv=Pair(_amount(baseline.get("npv")), _rounded(result.npv)),
        npv_worst=Pair(_amount(baseline.get("npv_worst")), _rounded(result.npv_worst)),
        npv_best=Pair(_amount(baseline.get("npv_best")), _rounded(result.npv_best)),
        payback_then=baseline.get("payback_year"),
        payback_now=result.payback_year,
        frame_then={
            "start_year": baseline.get("start_year"),
            "horizon_years": baseline.get("horizon_years"),
            "discount_rate": _amount(baseline.get("discount_rate")),
        },
        frame_now={
            "start_year": case.start_year,
            "horizon_years": case.horizon_years,
            "discount_rate": case.discount_rate,
        },
        years=years,
    )


def _totals(result: economics.CaseResult) -> economics.YearRow:
    """The year table's last row: the sums over the horizon (the discounted sum is the
    net present value)."""
    rows = result.years

    def total(name: str) -> Decimal:
        return sum((getattr(row, name) for row in rows), ZERO)

    return economics.YearRow(
        year=0,
        one_off=total("one_off"),
        running=total("running"),
        budget_releasing=total("budget_releasing"),
        other_benefits=total("other_benefits"),
        net=total("net"),
        cumulative=rows[-1].cumulative if rows else ZERO,
        discounted=total("discounted"),
    )


def _work_out(case: BusinessCase, project: Project) -> dict[str, Any]:
    """The result and what it was worked out from. Lines outside the case's years (left
    by an earlier change of the years) are shown apart and not counted."""
    costs = queries.costs_of(case)
    inside = [line for line in costs if line.year in case.years]
    benefits = queries.benefits_of(project)
    return {
        "costs": inside,
        "outside": [line for line in costs if line.year not in case.years],
        "benefits": benefits,
        "result": economics.work_out(case, inside, benefits),
    }


# --- pages --------------------------------------------------------------------------------


def case(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    project = viewable_project(request, pk)
    context = project_context(request, project, "business-case")
    business_case = queries.case_of(project)
    context["case"] = business_case
    context["default_rate"] = default_discount_rate()
    if business_case is None:
        return render(request, "benefits/cases/case.html", context)
    worked = _work_out(business_case, project)
    result = worked["result"]
    counted, uncounted = benefit_rows(business_case, worked["benefits"])
    context.update(
        result=result,
        totals=_totals(result),
        costs=[
            (line, calc.expected_value(line.minimum, line.likely, line.maximum))
            for line in worked["costs"]
        ],
        outside=worked["outside"],
        benefit_rows=counted,
        uncounted=uncounted,
        sensitivity=[(key, low, high, high - low) for key, low, high in result.sensitivity],
        cash_flow_chart=mark_safe(case_charts.cash_flow_chart(result)),  # noqa: S308 escaped in svg
        tornado_chart=mark_safe(  # noqa: S308 escaped in svg
            case_charts.tornado_chart(result.sensitivity, result.npv)
        ),
        comparison=compare(business_case, result),
    )
    return render(request, "benefits/cases/case.html", context)


@require_http_methods(["GET", "POST"])
def case_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    project = viewable_project(request, pk)
    require(_can_edit(request))
    business_case = queries.case_of(project)
    if business_case is None:
        start = project.start_date.year if project.start_date else timezone.localdate().year
        instance = BusinessCase(
            municipality=request.municipality,
            project=project,
            start_year=start,
            horizon_years=5,
            discount_rate=default_discount_rate(),
        )
        cost_years: set[int] = set()
    else:
        instance = business_case
        cost_years = {line.year for line in queries.costs_of(business_case)}
    form = CaseForm(request.POST or None, instance=instance, cost_years=cost_years)
    if request.method == "POST" and form.is_valid():
        if business_case is None:
            saved = save_versioned(
                form,
                lambda: case_services.create_case(
                    project, actor=request.user, **form.changed_values()
                ),
            )
        else:
            saved = save_versioned(
                form,
                lambda: case_services.update_case(
                    business_case,
                    actor=request.user,
                    expected_version=form.cleaned_data["version"] or 0,
                    **form.changed_values(),
                ),
            )
        if saved:
            messages.success(
                request,
                _("The business case was created.")
                if business_case is None
                else _("Your changes were saved."),
            )
            return redirect(_case_url(kommune, project.pk))
    heading = (
        _("Create the business case") if business_case is None else _("Edit the business case")
    )
    return render(
        request,
        "benefits/cases/case_form.html",
        {"form": form, "project": project, "heading": heading, "is_new": business_case is None},
    )


def _cost_page(
    request: HttpRequest, project: Project, form: CostForm, heading: str
) -> HttpResponse:
    return render(
        request,
        "benefits/cases/cost_form.html",
        {"form": form, "project": project, "heading": heading},
    )


@require_http_methods(["GET", "POST"])
def cost_create(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    project = viewable_project(request, pk)
    require(_can_edit(request))
    business_case = queries.case_of(project)
    if business_case is None:
        raise Http404
    form = CostForm(
        request.POST or None,
        instance=CostLine(municipality=request.municipality, case=business_case),
        case=business_case,
    )
    if request.method == "POST" and form.is_valid():
        created = save_versioned(
            form,
            lambda: case_services.add_cost(
                business_case, actor=request.user, **form.changed_values()
            ),
        )
        if created:
            messages.success(request, _("The cost was added."))
            return redirect(_case_url(kommune, project.pk, "costs"))
    return _cost_page(request, project, form, _("New cost"))


@require_http_methods(["GET", "POST"])
def cost_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    require(_can_edit(request))
    line = get_object_or_404(queries.cost_lines(), pk=pk)
    project = line.case.project
    # Named before the form is bound, which sets what was typed on the instance.
    heading = _("Edit the cost %(cost)s") % {"cost": line}
    form = CostForm(request.POST or None, instance=line, case=line.case)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: case_services.update_cost(
                line,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect(_case_url(kommune, project.pk, "costs"))
    return _cost_page(request, project, form, heading)


@require_http_methods(["GET", "POST"])
def cost_delete(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_view(request.user, request.municipality))
    require(_can_edit(request))
    line = get_object_or_404(queries.cost_lines(), pk=pk)
    project = line.case.project
    if request.method == "POST":
        case_services.delete_cost(line, actor=request.user)
        messages.success(request, _("The cost was deleted."))
        return redirect(_case_url(kommune, project.pk, "costs"))
    return render(
        request,
        "benefits/cases/cost_confirm_delete.html",
        {
            "line": line,
            "project": project,
            "expected": calc.expected_value(line.minimum, line.likely, line.maximum),
            "heading": _("Delete the cost %(cost)s") % {"cost": line},
        },
    )


def case_compare(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    project = viewable_project(request, pk)
    context = project_context(request, project, "business-case")
    business_case = queries.case_of(project)
    context["case"] = business_case
    if business_case is not None and business_case.baseline:
        result = _work_out(business_case, project)["result"]
        comparison = compare(business_case, result)
        context["comparison"] = comparison
        context["figures"] = [
            (_("Net present value"), comparison.npv),
            (_("Worst case"), comparison.npv_worst),
            (_("Best case"), comparison.npv_best),
        ]
        context["groups"] = [_("Costs"), _("Benefits"), _("Net")]
    return render(request, "benefits/cases/compare.html", context)
