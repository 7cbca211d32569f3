"""Pages for agenda items: content, order, decisions, attachments, links, escalation."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from styrbord.core.views.helpers import require, save_versioned
from styrbord.governance import links, policy, queries
from styrbord.governance.forms import (
    AgendaItemForm,
    AttachmentForm,
    DecisionForm,
    LinkForm,
    VersionForm,
)
from styrbord.governance.models import AgendaItem, Attachment, ItemLink
from styrbord.governance.services import items as services

# A link form offers at most this many objects of each kind, newest first.
LINK_CHOICES_PER_KIND = 200


def _item(request: HttpRequest, pk: int) -> AgendaItem:
    """The item, if the user may see it: a closed item is not found for non-members."""
    item = get_object_or_404(
        AgendaItem.objects.select_related("meeting__body", "responsible"), pk=pk
    )
    if item.is_closed and not policy.can_see_closed_items(request.user, item.meeting.body):
        raise Http404
    return item


def _back(item: AgendaItem, kommune: str) -> HttpResponse:
    response = redirect("governance:meeting_detail", kommune=kommune, pk=item.meeting_id)
    response["Location"] += f"#item-{item.pk}"
    return response


@require_http_methods(["GET", "POST"])
def item_create(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    meeting = get_object_or_404(queries.meetings(), pk=pk)
    form = AgendaItemForm(
        request.POST or None,
        instance=AgendaItem(municipality=request.municipality, meeting=meeting),
    )
    if request.method == "POST" and form.is_valid():
        item = save_versioned(
            form,
            lambda: services.add_item(meeting=meeting, actor=request.user, **form.changed_values()),
        )
        if item:
            messages.success(request, _("The item was added to the agenda."))
            return _back(item, kommune)
    return render(
        request, "governance/items/form.html", {"form": form, "meeting": meeting, "item": None}
    )


@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    item = _item(request, pk)
    form = AgendaItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: services.update_item(
                item,
                actor=request.user,
                expected_version=form.cleaned_data["version"] or 0,
                **form.changed_values(),
            ),
        )
        if saved:
            messages.success(request, _("Your changes were saved."))
            return _back(item, kommune)
    return render(
        request, "governance/items/form.html", {"form": form, "meeting": item.meeting, "item": item}
    )


@require_http_methods(["GET", "POST"])
def item_delete(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    item = _item(request, pk)
    form = VersionForm(request.POST or None, initial={"version": item.version})
    deleted = (
        request.method == "POST"
        and form.is_valid()
        and save_versioned(form, lambda: services.delete_item(item, actor=request.user) or True)
    )
    if deleted:
        messages.success(request, _("The item was removed from the agenda."))
        return redirect("governance:meeting_detail", kommune=kommune, pk=item.meeting_id)
    return render(request, "governance/items/delete.html", {"form": form, "item": item})


@require_POST
def item_move(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    item = _item(request, pk)
    offset = -1 if request.POST.get("direction") == "up" else 1
    try:
        services.move_item(item, actor=request.user, offset=offset)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _back(item, kommune)


@require_http_methods(["GET", "POST"])
def item_decision(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    item = _item(request, pk)
    form = DecisionForm(
        request.POST or None,
        initial={"version": item.version, "decision": item.decision, "outcome": item.outcome},
    )
    if request.method == "POST" and form.is_valid():
        saved = save_versioned(
            form,
            lambda: services.record_decision(
                item,
                actor=request.user,
                expected_version=form.cleaned_data["version"],
                decision=form.cleaned_data["decision"],
                outcome=form.cleaned_data["outcome"],
            ),
        )
        if saved:
            messages.success(request, _("The decision was recorded."))
            return _back(item, kommune)
    return render(request, "governance/items/decision.html", {"form": form, "item": item})


@require_http_methods(["GET", "POST"])
def item_escalate(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    item = _item(request, pk)
    form = VersionForm(request.POST or None, initial={"version": item.version})
    if request.method == "POST" and form.is_valid():
        copy = save_versioned(form, lambda: services.escalate_item(item, actor=request.user))
        if copy:
            messages.success(
                request,
                _("The item was put on the agenda of %(meeting)s.") % {"meeting": copy.meeting},
            )
            return _back(item, kommune)
    return render(request, "governance/items/escalate.html", {"form": form, "item": item})


@require_http_methods(["GET", "POST"])
def attachment_add(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    item = _item(request, pk)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        added = save_versioned(
            form,
            lambda: services.add_attachment(
                item=item, actor=request.user, upload=form.cleaned_data["file"]
            ),
        )
        if added:
            messages.success(request, _("%(name)s was attached.") % {"name": added.name})
            return _back(item, kommune)
    return render(request, "governance/items/attachment_form.html", {"form": form, "item": item})


def attachment_download(request: HttpRequest, kommune: str, pk: int) -> FileResponse:
    attachment = get_object_or_404(Attachment.objects.select_related("item__meeting__body"), pk=pk)
    _item(request, attachment.item_id)  # the same visibility as the item
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def attachment_delete(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    attachment = get_object_or_404(Attachment.objects.select_related("item__meeting__body"), pk=pk)
    item = _item(request, attachment.item_id)
    try:
        services.remove_attachment(attachment, actor=request.user)
        messages.success(request, _("%(name)s was removed.") % {"name": attachment.name})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _back(item, kommune)


@require_http_methods(["GET", "POST"])
def link_add(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    item = _item(request, pk)
    form = LinkForm(request.POST or None, choices=links.choices(LINK_CHOICES_PER_KIND))
    if request.method == "POST" and form.is_valid():
        model, target_pk = links.resolve(form.cleaned_data["target"])
        target = get_object_or_404(model.objects.all(), pk=target_pk)
        if save_versioned(
            form, lambda: services.add_link(item=item, actor=request.user, target=target)
        ):
            messages.success(request, _("The link was added."))
            return _back(item, kommune)
    return render(request, "governance/items/link_form.html", {"form": form, "item": item})


@require_POST
def link_delete(request: HttpRequest, kommune: str, pk: int) -> HttpResponse:
    require(policy.can_edit(request.user, request.municipality))
    link = get_object_or_404(ItemLink.objects.select_related("item__meeting__body"), pk=pk)
    item = _item(request, link.item_id)
    try:
        services.remove_link(link, actor=request.user)
        messages.success(request, _("The link was removed."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return _back(item, kommune)
