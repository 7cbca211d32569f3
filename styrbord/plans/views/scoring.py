"""Prioritisation: the version's scoring criteria, each item's scores with the explanation
of its weighted score, and the matrix and value-versus-effort chart of all items.

The score informs the ranking; the rank itself is the team's decision and is set on the
ranked plan, never here.
"""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from styrbord.core.services.changes import StaleEdit
from styrbord.core.views.helpers import require, save_versioned
from styrbord.plans import charts, policy, queries
from styrbord.plans.forms_scoring import CriterionForm, ScoresForm
from styrbord.plans.models import ActionPlanItem, Criterion, PlanVersion
from styrbord.plans.scoring import weighted_score
from styrbord.plans.services import items as item_services
from styrbord.plans.services import plans as plan_services
from styrbord.plans.views._common import (
    version_context,
    version_url,
    viewable_version,
)


def _criterion(version: PlanVersion, pk: int) -> Criterion:
    """The version's criterion; another version's or municipality's is not found."""
    return get_object_or_404(version.criteria.all(), pk=pk)


# Criteria -------------------------------------------------------------------------------


def criteria(request: HttpRequest, kommune: str, year: int, number: int) -> HttpResponse:
    version = viewable_version(request, year, number)
    listed = queries.criteria_of(version)
    total = sum(criterion.weight for criterion in listed)
    rows = [
        (criterion, charts.percent(Decimal(criterion.weight) / total) if total else None)
        for criterion in listed
    ]
    return render(
        request,
        "plans/scoring/criteria.html",
        version_context(request, version, "criteria") | {"rows": rows, "total_weight": total},
    )


def _criterion_form_page(
    request: HttpRequest, kommune: str, version: PlanVersion, form: CriterionForm, heading: str
) -> HttpResponse:
    return render(
        request,
        "plans/scoring/criterion_form.html",
        version_context(request, version, "criteria")
        | {
            "form": form,
            "heading": heading,
            "cancel_url": version_url("criteria", kommune, version),
        },
    )


@require_http_methods(["GET", "POST"])
def criterion_create(request: HttpRequest, kommune: str, year: int, number: int) -> HttpResponse:
    version = viewable_version(request, year, number)
    require(policy.can_edit(request.user, request.municipality))
    form = CriterionForm(
        request.POST or None,
        instance=Criterion(municipality=request.municipality, plan_version=version),
    )
    if request.method == "POST" and form.is_valid():
        values = form.changed_values()
        created = save_versioned(
            form, lambda: plan_services.add_criterion(version, actor=request.user, **values)
        )
        if created:
            messages.success(request, _("%(name)s was added.") % {"name": created})
            return redirect(version_url("criteria", kommune, version))
    return _criterion_form_page(request, kommune, version, form, _("New criterion"))


@require_http_methods(["GET", "POST"])
def criterion_edit(
    request: HttpRequest, kommune: str, year: int, number: int, pk: int
) -> HttpResponse:
    version = viewable_version(request, year, number)
    require(policy.can_edit(request.user, request.municipality))
    criterion = _criterion(version, pk)
    heading = _("Edit criterion: %(name)s") % {"name": criterion}
    form = CriterionForm(request.POST or None, instance=criterion)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: plan_services.update_criterion(
                criterion,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect(version_url("criteria", kommune, version))
    return _criterion_form_page(request, kommune, version, form, heading)


@require_http_methods(["GET", "POST"])
def criterion_delete(
    request: HttpRequest, kommune: str, year: int, number: int, pk: int
) -> HttpResponse:
    version = viewable_version(request, year, number)
    require(policy.can_edit(request.user, request.municipality))
    criterion = _criterion(version, pk)
    refused: list[str] = []
    if request.method == "POST":
        try:
            plan_services.delete_criterion(criterion, actor=request.user)
        except ValidationError as error:
            refused = error.messages
        else:
            messages.success(request, _("%(name)s was deleted.") % {"name": criterion})
            return redirect(version_url("criteria", kommune, version))
    return render(
        request,
        "plans/scoring/criterion_confirm_delete.html",
        version_context(request, version, "criteria")
        | {
            "criterion": criterion,
            "score_count": criterion.scores.count(),
            "refused": refused,
            "cancel_url": version_url("criteria", kommune, version),
        },
    )


# One item's scores ----------------------------------------------------------------------


def _save_scores(request: HttpRequest, item: ActionPlanItem, form: ScoresForm) -> bool:
    """Save every criterion's score through the service, all or nothing, with each
    refusal next to its criterion."""
    with transaction.atomic():
        for criterion, score, comment in form.entries():
            try:
                item_services.set_score(
                    item, actor=request.user, criterion=criterion, score=score, comment=comment
                )
            except StaleEdit:
                form.add_error(
                    None,
                    _(
                        "Someone else scored this item while you were editing. Nothing was "
                        "saved. Your input is kept below; save again to keep yours."
                    ),
                )
                break
            except ValidationError as error:
                form.add_service_error(criterion, error)
                # A refusal of the whole version (not a draft) says the same for every
                # criterion; once is enough.
                if not hasattr(error, "error_dict"):
                    break
        if form.errors:
            transaction.set_rollback(True)
            return False
    return True


@require_http_methods(["GET", "POST"])
def item_scores(
    request: HttpRequest, kommune: str, year: int, number: int, pk: int
) -> HttpResponse:
    version = viewable_version(request, year, number)
    if request.method == "POST":
        require(policy.can_edit(request.user, request.municipality))
    item = get_object_or_404(queries.items_of(version), pk=pk)
    listed = queries.criteria_of(version)
    form = ScoresForm(request.POST or None, criteria=listed, scores=list(item.scores.all()))
    if request.method == "POST" and form.is_valid() and _save_scores(request, item, form):
        messages.success(request, _("The scores were saved."))
        return redirect(version_url("item_scores", kommune, version, pk=item.pk))
    score = weighted_score(listed, item.scores.all())
    return render(
        request,
        "plans/scoring/item_scores.html",
        version_context(request, version, "prioritisation")
        | {
            "item": item,
            "form": form,
            "score": score,
            "terms": [(term, charts.percent(term.share)) for term in score.terms],
            "criteria": listed,
        },
    )


# The whole version ----------------------------------------------------------------------


def prioritisation(request: HttpRequest, kommune: str, year: int, number: int) -> HttpResponse:
    version = viewable_version(request, year, number)
    listed = queries.criteria_of(version)
    rows = queries.ranked(version)
    placed, left_out = charts.bubbles(rows)
    return render(
        request,
        "plans/scoring/prioritisation.html",
        version_context(request, version, "prioritisation")
        | {
            "criteria": listed,
            "matrix": charts.matrix(listed, rows),
            # Every text in the picture was escaped by ``charts``.
            "chart": mark_safe(charts.value_effort_chart(placed)),  # noqa: S308
            "placed": sorted(placed, key=lambda bubble: bubble.rank),
            "left_out": left_out,
            "quadrants": charts.quadrant_labels(),
        },
    )
