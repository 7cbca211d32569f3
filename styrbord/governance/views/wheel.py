"""The annual wheel (årshjul), "plan the year", the wheel's recurring items and the
organisation diagram."""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from styrbord.core.views.helpers import require, save_versioned
from styrbord.governance import diagrams, policy, queries
from styrbord.governance.diagrams import WheelRing
from styrbord.governance.forms_wheel import CycleItemForm
from styrbord.governance.models import QUARTER_CHOICES, Body, CycleItem
from styrbord.governance.services import follow_up, planning

# Years outside this range are not calendars anyone plans; refusing them keeps dates valid.
FIRST_YEAR, LAST_YEAR = 1990, 2100


@dataclass
class BodyYear:
    """One body's part of the wheel page: its ring, and its recurring items each with
    when in the year it comes back."""

    number: int
    ring: WheelRing
    items: list[tuple[CycleItem, str]]


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404


def _active_in(body: Body, year: int) -> bool:
    return body.concluded_on is None or body.concluded_on.year >= year


def _when(item: CycleItem) -> str:
    if item.month:
        return capfirst(item.get_month_display())
    labels = dict(QUARTER_CHOICES)
    return ", ".join(str(labels[quarter]) for quarter in item.quarter_numbers)


def wheel(request: HttpRequest, kommune: str) -> HttpResponse:
    return wheel_year(request, kommune, timezone.localdate().year)


def wheel_year(request: HttpRequest, kommune: str, year: int) -> HttpResponse:
    """The year's wheel for all bodies with meetings or recurring items, and the same as
    lists. Three queries for the data, however many meetings there are."""
    _check_year(year)
    bodies = diagrams.bodies_in_tree_order(queries.bodies())
    meetings = defaultdict(list)
    for meeting in queries.meetings_in_year(year):
        meetings[meeting.body_id].append(meeting)
    cycle_items = defaultdict(list)
    for item in queries.cycle_items():
        cycle_items[item.body_id].append(item)

    rows: list[BodyYear] = []
    without_items: list[Body] = []
    for body in bodies:
        items = cycle_items[body.pk] if _active_in(body, year) else []
        if meetings[body.pk] or items:
            ring = WheelRing(body=body, meetings=meetings[body.pk], cycle_items=items)
            rows.append(
                BodyYear(
                    number=len(rows) + 1, ring=ring, items=[(item, _when(item)) for item in items]
                )
            )
        elif body.is_active:
            without_items.append(body)

    svg = diagrams.wheel_svg(
        year,
        [row.ring for row in rows],
        lambda meeting: reverse(
            "governance:meeting_detail", kwargs={"kommune": kommune, "pk": meeting.pk}
        ),
    )
    can_edit = policy.can_edit(request.user, request.municipality)
    today = timezone.localdate()
    return render(
        request,
        "governance/wheel/wheel.html",
        {
            "year": year,
            "previous_year": year - 1 if year > FIRST_YEAR else None,
            "next_year": year + 1 if year < LAST_YEAR else None,
            "is_current_year": year == today.year,
            # The SVG escapes every text itself (diagrams.py).
            "svg": mark_safe(svg),  # noqa: S308
            "rows": rows,
            "without_items": without_items,
            "can_edit": can_edit,
            "can_plan": can_edit and year >= today.year,
            "secretary_of": [
                body
                for body in bodies
                if body.is_active and policy.body_roles(request.user, body) & policy.SECRETARY_ROLES
            ]
            if can_edit
            else [],
        },
    )


@require_POST
def wheel_plan(request: HttpRequest, kommune: str, year: int) -> HttpResponse:
    """Plan the year for the bodies the user is secretary of; the service skips the rest."""
    _check_year(year)
    require(policy.can_edit(request.user, request.municipality))
    if year < timezone.localdate().year:
        messages.error(request, _("The year is over, so there is nothing to plan."))
        return redirect("governance:wheel_year", kommune=kommune, year=year)
    bodies = list(queries.bodies().filter(concluded_on__isnull=True))
    result = planning.plan_year(
        municipality=request.municipality, year=year, actor=request.user, bodies=bodies
    )
    if len(result.skipped_bodies) == len(bodies):
        messages.error(request, _("You are not the secretary of any body, so nothing was planned."))
    elif result.meetings or result.items:
        meeting_count, item_count = len(result.meetings), len(result.items)
        messages.success(
            request,
            _("%(meetings)s and %(items)s were planned.")
            % {
                "meetings": ngettext("%(count)d meeting", "%(count)d meetings", meeting_count)
                % {"count": meeting_count},
                "items": ngettext("%(count)d agenda item", "%(count)d agenda items", item_count)
                % {"count": item_count},
            },
        )
    else:
        messages.success(request, _("Nothing new to plan — the year is already planned."))
    return redirect("governance:wheel_year", kommune=kommune, year=year)


@require_http_methods(["GET", "POST"])
def cycle_item_create(request: HttpRequest, kommune: str, body_pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    body = get_object_or_404(queries.bodies(), pk=body_pk)
    form = CycleItemForm(
        request.POST or None, instance=CycleItem(municipality=request.municipality, body=body)
    )
    if request.method == "POST" and form.is_valid():
        created = save_versioned(
            form,
            lambda: follow_up.create_cycle_item(
                body=body, actor=request.user, **form.changed_values()
            ),
        )
        if created:
            messages.success(
                request, _("The recurring item %(title)s was added.") % {"title": created.title}
            )
            return redirect("governance:body_detail", kommune=kommune, pk=body.pk)
    return render(
        request,
        "governance/wheel/cycle_item_form.html",
        {"form": form, "body": body, "cycle_item": None},
    )


@require_http_methods(["GET", "POST"])
def cycle_item_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    cycle_item = get_object_or_404(queries.cycle_items(), pk=pk)
    form = CycleItemForm(request.POST or None, instance=cycle_item)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: follow_up.update_cycle_item(
                cycle_item,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect("governance:body_detail", kommune=kommune, pk=cycle_item.body_id)
    return render(
        request,
        "governance/wheel/cycle_item_form.html",
        {"form": form, "body": cycle_item.body, "cycle_item": cycle_item},
    )


@require_http_methods(["GET", "POST"])
def cycle_item_delete(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    cycle_item = get_object_or_404(queries.cycle_items(), pk=pk)
    if request.method == "POST":
        follow_up.delete_cycle_item(cycle_item, actor=request.user)
        messages.success(
            request, _("The recurring item %(title)s was deleted.") % {"title": cycle_item.title}
        )
        return redirect("governance:body_detail", kommune=kommune, pk=cycle_item.body_id)
    return render(request, "governance/wheel/cycle_item_delete.html", {"cycle_item": cycle_item})


def body_diagram(request: HttpRequest, kommune: str) -> HttpResponse:
    bodies = list(queries.bodies())
    svg = diagrams.body_diagram_svg(
        bodies,
        lambda body: reverse("governance:body_detail", kwargs={"kommune": kommune, "pk": body.pk}),
    )
    return render(
        request,
        "governance/diagram/body_diagram.html",
        {
            # The SVG escapes every text itself (diagrams.py).
            "svg": mark_safe(svg),  # noqa: S308
            "tree": diagrams.body_tree(bodies),
            "printed_on": timezone.localdate(),
        },
    )
