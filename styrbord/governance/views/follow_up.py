"""The decision log and action items."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from styrbord.core.views.helpers import paginate, require, save_versioned
from styrbord.governance import policy, queries
from styrbord.governance.filters import ActionItemFilter, DecisionFilter
from styrbord.governance.forms import ActionItemForm, ActionStatusForm
from styrbord.governance.models import ActionItem
from styrbord.governance.services import follow_up as services
from styrbord.governance.views.items import _item


def decision_log(request: HttpRequest, kommune: str) -> HttpResponse:
    filterset = DecisionFilter(
        request.GET or None, queryset=queries.decisions(request.user), request=request
    )
    return render(
        request,
        "governance/decisions/list.html",
        {"filter": filterset, "page": paginate(request, filterset.qs)},
    )


def action_list(request: HttpRequest, kommune: str) -> HttpResponse:
    filterset = ActionItemFilter(
        request.GET or None, queryset=queries.action_items(request.user), request=request
    )
    return render(
        request,
        "governance/actions/list.html",
        {"filter": filterset, "page": paginate(request, filterset.qs.order_by("due_on", "id"))},
    )


def _action(request: HttpRequest, pk: int) -> ActionItem:
    action = get_object_or_404(queries.action_items(request.user), pk=pk)
    return action


@require_http_methods(["GET", "POST"])
def action_create(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    item = _item(request, pk)
    form = ActionItemForm(
        request.POST or None, instance=ActionItem(municipality=request.municipality, item=item)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = save_versioned(
            form,
            lambda: services.create_action_item(
                item=item,
                actor=request.user,
                owner=data["owner"],
                text=data["text"],
                due_on=data["due_on"],
            ),
        )
        if action:
            messages.success(request, _("The action item was added."))
            response = redirect("governance:meeting_detail", kommune=kommune, pk=item.meeting_id)
            response["Location"] += f"#item-{item.pk}"
            return response
    return render(
        request, "governance/actions/form.html", {"form": form, "item": item, "action": None}
    )


@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    action = _action(request, pk)
    can_edit = policy.can_edit(request.user, request.municipality)
    if not policy.can_update_action_item(request.user, action):
        raise Http404
    status_form = ActionStatusForm(
        request.POST if request.POST.get("form") == "status" else None,
        initial={"version": action.version, "status": action.status},
        prefix="status",
    )
    form = ActionItemForm(
        request.POST if request.POST.get("form") == "action" else None, instance=action
    )
    if request.method == "POST" and request.POST.get("form") == "status" and status_form.is_valid():
        saved = save_versioned(
            status_form,
            lambda: services.update_action_item(
                action,
                actor=request.user,
                expected_version=status_form.cleaned_data["version"],
                status=status_form.cleaned_data["status"],
            ),
        )
        if saved:
            messages.success(request, _("The status was saved."))
            return redirect("governance:action_list", kommune=kommune)
    editing = can_edit and request.method == "POST" and request.POST.get("form") == "action"
    if editing and form.is_valid():
        saved = save_versioned(
            form,
            lambda: services.update_action_item(
                action,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return redirect("governance:action_list", kommune=kommune)
    return render(
        request,
        "governance/actions/edit.html",
        {"form": form, "status_form": status_form, "action": action, "can_edit": can_edit},
    )
