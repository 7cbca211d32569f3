"""Agenda items: content while the agenda is open, decisions once the meeting is held,
attachments, links, postponement and escalation."""

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from styrbord.core.models import User
from styrbord.core.services import changes
from styrbord.core.services.fields import only, same_municipality
from styrbord.governance import hooks, links, policy
from styrbord.governance.models import (
    AgendaItem,
    Attachment,
    CarriedBecause,
    ItemLink,
    Meeting,
    Outcome,
)
from styrbord.governance.services.meetings import next_open_meeting

CONTENT_FIELDS = {
    "kind",
    "title",
    "background",
    "recommendation",
    "responsible",
    "is_closed",
    "treated_at_managers_meeting",
}


def _require_agenda_open(meeting: Meeting) -> None:
    if not meeting.agenda_is_open:
        raise ValidationError(
            _(
                "The agenda is %(status)s and can no longer be changed. The chair can send it "
                "back to preparation."
            )
            % {"status": meeting.get_status_display().lower()}
        )


def _next_position(meeting: Meeting) -> int:
    return (meeting.items.aggregate(top=Max("position"))["top"] or 0) + 1


def add_item(*, meeting: Meeting, actor: User, **data: Any) -> AgendaItem:
    policy.require_secretary(actor, meeting.body)
    return propose_item(meeting=meeting, actor=actor, **data)


def propose_item(*, meeting: Meeting, actor: User, **data: Any) -> AgendaItem:
    """Put an item on an open agenda for another module: a project sent for a decision, an
    escalated status report. That module's policy has allowed the actor; the secretary
    edits, moves or removes the item like any other."""
    _require_agenda_open(meeting)
    same_municipality(meeting.municipality, responsible=data.get("responsible"))
    item = AgendaItem(
        municipality=meeting.municipality,
        meeting=meeting,
        position=_next_position(meeting),
        **only(data, CONTENT_FIELDS | {"cycle_item"}),
    )
    return changes.create(item, actor=actor)


def update_item(item: AgendaItem, *, actor: User, expected_version: int, **data: Any) -> AgendaItem:
    policy.require_secretary(actor, item.meeting.body)
    _require_agenda_open(item.meeting)
    only(data, CONTENT_FIELDS)
    same_municipality(item.municipality, responsible=data.get("responsible"))
    return changes.update(item, actor=actor, expected_version=expected_version, changes=data)


@transaction.atomic
def delete_item(item: AgendaItem, *, actor: User) -> None:
    policy.require_secretary(actor, item.meeting.body)
    _require_agenda_open(item.meeting)
    meeting = item.meeting
    changes.delete(item, actor=actor)
    _renumber(meeting, actor)


@transaction.atomic
def move_item(item: AgendaItem, *, actor: User, offset: int) -> AgendaItem:
    """Move ``item`` up (negative) or down (positive) in the agenda and renumber."""
    policy.require_secretary(actor, item.meeting.body)
    _require_agenda_open(item.meeting)
    ordered = list(item.meeting.items.order_by("position", "id"))
    index = next(i for i, other in enumerate(ordered) if other.pk == item.pk)
    target = max(0, min(len(ordered) - 1, index + offset))
    ordered.insert(target, ordered.pop(index))
    _renumber(item.meeting, actor, ordered)
    item.refresh_from_db()
    return item


def _renumber(meeting: Meeting, actor: User, ordered: list[AgendaItem] | None = None) -> None:
    ordered = ordered if ordered is not None else list(meeting.items.order_by("position", "id"))
    for number, other in enumerate(ordered, start=1):
        if other.position != number:
            changes.update(
                other, actor=actor, expected_version=other.version, changes={"position": number}
            )


@transaction.atomic
def record_decision(
    item: AgendaItem, *, actor: User, expected_version: int, decision: str, outcome: str
) -> AgendaItem:
    """Record what the body decided. A postponed item is carried to the body's next
    meeting with an open agenda; without one, the postponement is refused with the reason."""
    meeting = item.meeting
    policy.require_secretary(actor, meeting.body)
    if not meeting.minutes_are_open:
        raise ValidationError(
            _(
                "Decisions are recorded after the meeting is held and before the minutes "
                "are submitted."
            )
        )
    if outcome and outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choose an outcome.")})
    was_postponed = item.outcome == Outcome.POSTPONED
    carried_to = None
    item = changes.update(
        item,
        actor=actor,
        expected_version=expected_version,
        changes={"decision": decision, "outcome": outcome},
    )
    if outcome == Outcome.POSTPONED and not was_postponed:
        target = next_open_meeting(meeting.body, after=meeting)
        if target is None:
            raise ValidationError(
                {
                    "outcome": _(
                        "%(body)s has no later meeting with an open agenda to move the item to. "
                        "Plan the next meeting first."
                    )
                    % {"body": meeting.body}
                }
            )
        carried_to = _carry(item, to=target, actor=actor, because=CarriedBecause.POSTPONED)
    elif was_postponed and outcome != Outcome.POSTPONED:
        # The item is no longer postponed: take its copy off the next agenda, unless that
        # agenda has gone past preparation, where the secretary must remove it by hand.
        for copy in item.carried_to.filter(carried_because=CarriedBecause.POSTPONED):
            if copy.meeting.agenda_is_open:
                changes.delete(copy, actor=actor)
                _renumber(copy.meeting, actor)
    hooks.decided(item, actor=actor, carried_to=carried_to)
    return item


@transaction.atomic
def escalate_item(item: AgendaItem, *, actor: User) -> AgendaItem:
    """Put the item on the next open agenda of the body this body reports to."""
    body = item.meeting.body
    policy.require_secretary(actor, body)
    if body.reports_to is None:
        raise ValidationError(_("%(body)s does not report to another body.") % {"body": body})
    if item.carried_to.filter(carried_because=CarriedBecause.ESCALATED).exists():
        raise ValidationError(_("The item has already been escalated."))
    target = next_open_meeting(body.reports_to, after=item.meeting)
    if target is None:
        raise ValidationError(
            _("%(body)s has no coming meeting with an open agenda. Plan one first.")
            % {"body": body.reports_to}
        )
    return _carry(item, to=target, actor=actor, because=CarriedBecause.ESCALATED)


def _carry(item: AgendaItem, *, to: Meeting, actor: User, because: str) -> AgendaItem:
    copy = AgendaItem(
        municipality=item.municipality,
        meeting=to,
        position=_next_position(to),
        kind=item.kind,
        title=item.title,
        background=item.background,
        recommendation=item.recommendation,
        responsible=item.responsible,
        is_closed=item.is_closed,
        treated_at_managers_meeting=item.treated_at_managers_meeting,
        carried_from=item,
        carried_because=because,
    )
    return changes.create(copy, actor=actor)


# What we accept as attachments, by extension, with the first bytes each kind of file
# starts with: the extension alone is what the user chose to call the file.
OFFICE_ZIP = b"PK\x03\x04"
OLE2 = b"\xd0\xcf\x11\xe0"
ALLOWED_FILES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (OFFICE_ZIP,),
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (OFFICE_ZIP,)),
    "pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        (OFFICE_ZIP,),
    ),
    "odt": ("application/vnd.oasis.opendocument.text", (OFFICE_ZIP,)),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", (OFFICE_ZIP,)),
    "odp": ("application/vnd.oasis.opendocument.presentation", (OFFICE_ZIP,)),
    "doc": ("application/msword", (OLE2,)),
    "xls": ("application/vnd.ms-excel", (OLE2,)),
    "ppt": ("application/vnd.ms-powerpoint", (OLE2,)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "gif": ("image/gif", (b"GIF87a", b"GIF89a")),
}


def check_upload(upload: UploadedFile, field: str = "file") -> str:
    """The content type of an acceptable upload; otherwise a ValidationError on ``field``."""
    limit = settings.ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            {
                field: _("The file is %(size)s MB; the limit is %(limit)s MB.")
                % {"size": round(upload.size / 1024 / 1024, 1), "limit": limit // 1024 // 1024}
            }
        )
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in ALLOWED_FILES:
        raise ValidationError(
            {
                field: _(
                    "Files of this type cannot be attached. Use PDF, Office documents "
                    "(docx, xlsx, pptx, odt, ods, odp, doc, xls, ppt) or images (png, jpg, gif)."
                )
            }
        )
    content_type, signatures = ALLOWED_FILES[extension]
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in signatures):
        raise ValidationError(
            {
                field: _("The file's content does not match its name (.%(extension)s).")
                % {"extension": extension}
            }
        )
    return content_type


def add_attachment(*, item: AgendaItem, actor: User, upload: UploadedFile) -> Attachment:
    policy.require_secretary(actor, item.meeting.body)
    if item.meeting.is_locked:
        raise ValidationError(_("The minutes are approved; attachments can no longer change."))
    content_type = check_upload(upload)
    attachment = Attachment(
        municipality=item.municipality,
        item=item,
        name=upload.name[:255],
        content_type=content_type,
        size=upload.size,
    )
    attachment.file.save(upload.name, upload, save=False)
    try:
        return changes.create(attachment, actor=actor)
    except Exception:
        attachment.file.delete(save=False)
        raise


def attach_document(
    *, item: AgendaItem, actor: User | None, name: str, content: bytes, content_type: str
) -> Attachment:
    """Attach a document another module made (a plan's PDF) to the item it proposed; that
    module's policy has allowed the actor, as for ``propose_item``."""
    if item.meeting.is_locked:
        raise ValidationError(_("The minutes are approved; attachments can no longer change."))
    attachment = Attachment(
        municipality=item.municipality,
        item=item,
        name=name[:255],
        content_type=content_type,
        size=len(content),
    )
    attachment.file.save(name, ContentFile(content), save=False)
    try:
        return changes.create(attachment, actor=actor)
    except Exception:
        attachment.file.delete(save=False)
        raise


def remove_attachment(attachment: Attachment, *, actor: User) -> None:
    policy.require_secretary(actor, attachment.item.meeting.body)
    if attachment.item.meeting.is_locked:
        raise ValidationError(_("The minutes are approved; attachments can no longer change."))
    stored = attachment.file.name
    changes.delete(attachment, actor=actor)
    transaction.on_commit(lambda: attachment.file.storage.delete(stored))


def add_link(*, item: AgendaItem, actor: User, target: models.Model) -> ItemLink:
    policy.require_secretary(actor, item.meeting.body)
    if item.meeting.is_locked:
        raise ValidationError(_("The minutes are approved; links can no longer change."))
    if (
        not links.is_linkable(target)
        or getattr(target, "municipality_id", None) != item.municipality_id
    ):
        raise ValidationError({"target": _("Choose an object from this municipality.")})
    target_type = ContentType.objects.get_for_model(target)
    if item.links.filter(target_type=target_type, target_id=target.pk).exists():
        raise ValidationError(
            {"target": _("The item already links to %(target)s.") % {"target": target}}
        )
    return changes.create(
        ItemLink(
            municipality=item.municipality, item=item, target_type=target_type, target_id=target.pk
        ),
        actor=actor,
    )


def remove_link(link: ItemLink, *, actor: User) -> None:
    policy.require_secretary(actor, link.item.meeting.body)
    if link.item.meeting.is_locked:
        raise ValidationError(_("The minutes are approved; links can no longer change."))
    changes.delete(link, actor=actor)
