"""Strategy pages under /<kommune>/strategi/.

Pages read through ``shared`` (own and catalogue rows); edit pages fetch through the
scoped managers, so a catalogue or foreign id answers 404 before any form is shown.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from styrbord.core.forms import VersionForm
from styrbord.core.views.helpers import paginate, require, save_versioned
from styrbord.strategy import policy, queries, services
from styrbord.strategy.forms import AddendumForm, FocusAreaForm, PrincipleForm, StrategyForm
from styrbord.strategy.models import (
    FocusArea,
    Principle,
    PrincipleKind,
    Strategy,
    StrategyAddendum,
)


def _version(form: BaseForm) -> int:
    return form.cleaned_data["version"] or 0


def _saved(request: HttpRequest, form: BaseForm, save: Callable[[], Any], message: str) -> Any:
    """The saved object after a valid POST, with a message; None to show the form again."""
    if request.method != "POST" or not form.is_valid():
        return None
    saved = save_versioned(form, save)
    if saved:
        messages.success(request, message)
    return saved


def _to_strategy(kommune: str, strategy_id: int) -> HttpResponse:
    return redirect("strategy:strategy_detail", kommune=kommune, pk=strategy_id)


def _form_page(
    request: HttpRequest, form: BaseForm, heading: str, strategy: Strategy | None
) -> HttpResponse:
    return render(
        request, "strategy/form.html", {"form": form, "heading": heading, "strategy": strategy}
    )


def strategy_list(request: HttpRequest, kommune: str) -> HttpResponse:
    return render(
        request,
        "strategy/list.html",
        {
            "page": paginate(request, queries.strategies()),
            "can_edit": policy.can_edit(request.user, request.municipality),
        },
    )


def strategy_detail(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    strategy = get_object_or_404(queries.strategies(), pk=pk)
    municipality = request.municipality
    return render(
        request,
        "strategy/detail.html",
        {
            "strategy": strategy,
            "is_shared": strategy.municipality.is_catalogue,
            "can_edit": policy.can_edit_row(request.user, strategy),
            "focus_areas": queries.focus_areas_with_counts(strategy, municipality),
            "principles": queries.principles_with_counts(
                strategy, municipality, PrincipleKind.STRATEGIC
            ),
            "architecture_principles": queries.principles_with_counts(
                strategy, municipality, PrincipleKind.ARCHITECTURE
            ),
            "addenda": queries.addenda(strategy),
        },
    )


@require_http_methods(["GET", "POST"])
def strategy_create(request: HttpRequest, kommune: str) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    form = StrategyForm(request.POST or None, instance=Strategy(municipality=request.municipality))
    strategy = _saved(
        request,
        form,
        lambda: services.create_strategy(
            municipality=request.municipality, actor=request.user, **form.changed_values()
        ),
        _("The strategy was created."),
    )
    if strategy:
        return _to_strategy(kommune, strategy.pk)
    return _form_page(request, form, _("New strategy"), None)


@require_http_methods(["GET", "POST"])
def strategy_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    strategy = get_object_or_404(queries.own_strategies(), pk=pk)
    require(policy.can_edit_row(request.user, strategy))
    form = StrategyForm(request.POST or None, instance=strategy)
    saved = _saved(
        request,
        form,
        lambda: services.update_strategy(
            strategy, actor=request.user, expected_version=_version(form), **form.changed_values()
        ),
        _("Your changes were saved."),
    )
    if saved:
        return _to_strategy(kommune, strategy.pk)
    return _form_page(request, form, _("Edit the strategy"), strategy)


# --- addenda ---


@require_http_methods(["GET", "POST"])
def addendum_create(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    strategy = get_object_or_404(queries.own_strategies(), pk=pk)
    require(policy.can_edit_row(request.user, strategy))
    form = AddendumForm(
        request.POST or None,
        instance=StrategyAddendum(municipality=strategy.municipality, strategy=strategy),
    )
    addendum = _saved(
        request,
        form,
        lambda: services.create_addendum(
            strategy=strategy, actor=request.user, **form.changed_values()
        ),
        _("The addendum was added."),
    )
    if addendum:
        return _to_strategy(kommune, strategy.pk)
    return _form_page(request, form, _("New addendum"), strategy)


@require_http_methods(["GET", "POST"])
def addendum_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    addendum = get_object_or_404(queries.own_addenda(), pk=pk)
    require(policy.can_edit_row(request.user, addendum))
    form = AddendumForm(request.POST or None, instance=addendum)
    saved = _saved(
        request,
        form,
        lambda: services.update_addendum(
            addendum, actor=request.user, expected_version=_version(form), **form.changed_values()
        ),
        _("Your changes were saved."),
    )
    if saved:
        return _to_strategy(kommune, addendum.strategy_id)
    return _form_page(request, form, _("Edit the addendum"), addendum.strategy)


# --- focus areas ---


@require_http_methods(["GET", "POST"])
def focus_area_create(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    strategy = get_object_or_404(queries.own_strategies(), pk=pk)
    require(policy.can_edit_row(request.user, strategy))
    form = FocusAreaForm(
        request.POST or None,
        instance=FocusArea(municipality=strategy.municipality, strategy=strategy),
        initial={"number": queries.next_number(strategy.focus_areas)},
    )
    focus_area = _saved(
        request,
        form,
        lambda: services.create_focus_area(
            strategy=strategy, actor=request.user, **form.changed_values()
        ),
        _("The focus area was added."),
    )
    if focus_area:
        return _to_strategy(kommune, strategy.pk)
    return _form_page(request, form, _("New focus area"), strategy)


@require_http_methods(["GET", "POST"])
def focus_area_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    focus_area = get_object_or_404(queries.own_focus_areas(), pk=pk)
    require(policy.can_edit_row(request.user, focus_area))
    form = FocusAreaForm(request.POST or None, instance=focus_area)
    saved = _saved(
        request,
        form,
        lambda: services.update_focus_area(
            focus_area,
            actor=request.user,
            expected_version=_version(form),
            **form.changed_values(),
        ),
        _("Your changes were saved."),
    )
    if saved:
        return _to_strategy(kommune, focus_area.strategy_id)
    return _form_page(request, form, _("Edit the focus area"), focus_area.strategy)


@require_http_methods(["GET", "POST"])
def focus_area_delete(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    focus_area = get_object_or_404(queries.own_focus_areas(), pk=pk)
    require(policy.can_edit_row(request.user, focus_area))
    form = VersionForm(request.POST or None, initial={"version": focus_area.version})
    deleted = _saved(
        request,
        form,
        lambda: services.delete_focus_area(focus_area, actor=request.user) or True,
        _("The focus area was deleted."),
    )
    if deleted:
        return _to_strategy(kommune, focus_area.strategy_id)
    return render(
        request,
        "strategy/delete.html",
        {
            "form": form,
            "strategy": focus_area.strategy,
            "heading": _("Delete the focus area %(name)s") % {"name": focus_area.name},
        },
    )


# --- principles ---


@require_http_methods(["GET", "POST"])
def principle_create(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    strategy = get_object_or_404(queries.own_strategies(), pk=pk)
    require(policy.can_edit_row(request.user, strategy))
    kind = request.GET.get("kind", PrincipleKind.STRATEGIC)
    form = PrincipleForm(
        request.POST or None,
        instance=Principle(municipality=strategy.municipality, strategy=strategy),
        initial={
            "kind": kind,
            "number": queries.next_number(strategy.principles.filter(kind=kind)),
        },
    )
    principle = _saved(
        request,
        form,
        lambda: services.create_principle(
            strategy=strategy, actor=request.user, **form.changed_values()
        ),
        _("The principle was added."),
    )
    if principle:
        return _to_strategy(kommune, strategy.pk)
    return _form_page(request, form, _("New principle"), strategy)


@require_http_methods(["GET", "POST"])
def principle_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    principle = get_object_or_404(queries.own_principles(), pk=pk)
    require(policy.can_edit_row(request.user, principle))
    form = PrincipleForm(request.POST or None, instance=principle)
    saved = _saved(
        request,
        form,
        lambda: services.update_principle(
            principle,
            actor=request.user,
            expected_version=_version(form),
            **form.changed_values(),
        ),
        _("Your changes were saved."),
    )
    if saved:
        return _to_strategy(kommune, principle.strategy_id)
    return _form_page(request, form, _("Edit the principle"), principle.strategy)


@require_http_methods(["GET", "POST"])
def principle_delete(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    principle = get_object_or_404(queries.own_principles(), pk=pk)
    require(policy.can_edit_row(request.user, principle))
    form = VersionForm(request.POST or None, initial={"version": principle.version})
    deleted = _saved(
        request,
        form,
        lambda: services.delete_principle(principle, actor=request.user) or True,
        _("The principle was deleted."),
    )
    if deleted:
        return _to_strategy(kommune, principle.strategy_id)
    return render(
        request,
        "strategy/delete.html",
        {
            "form": form,
            "strategy": principle.strategy,
            "heading": _("Delete the principle %(name)s") % {"name": principle.name},
        },
    )
