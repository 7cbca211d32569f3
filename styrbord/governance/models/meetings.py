"""Meetings, their agendas and minutes."""

import datetime
import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import TenantModel
from styrbord.core.storage import private_storage
from styrbord.governance.models.bodies import Body


class MeetingStatus(models.TextChoices):
    """The steps of a meeting, in order; ``services.meetings`` moves between them."""

    PLANNED = "planned", _("Planned")
    AGENDA_PREPARATION = "agenda_preparation", _("Agenda in preparation")
    AGENDA_AWAITING_APPROVAL = "agenda_awaiting_approval", _("Agenda awaiting the chair's approval")
    AGENDA_APPROVED = "agenda_approved", _("Agenda approved, not yet sent")
    AGENDA_SENT = "agenda_sent", _("Agenda sent")
    HELD = "held", _("Held")
    MINUTES_AWAITING_APPROVAL = "minutes_awaiting_approval", _("Minutes awaiting approval")
    MINUTES_APPROVED = "minutes_approved", _("Minutes approved")

    @classmethod
    def rank(cls, value: str) -> int:
        return list(cls.values).index(value)


def _stamped_at() -> models.DateTimeField:
    return models.DateTimeField(null=True, blank=True, editable=False)


def _stamped_by() -> models.ForeignKey:
    """Who took a workflow step; set by the step's service, kept if the login goes."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )


class Meeting(TenantModel):
    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("body")
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("Only when the meeting is special, e.g. a dialogue meeting or a seminar."),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_link = models.URLField(_("online meeting link"), blank=True)
    status = models.CharField(
        _("status"), max_length=30, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    # A meeting that the annual wheel created as an event of its own (a seminar, a
    # dialogue meeting); "plan the year" uses it to avoid creating the same event twice.
    cycle_event = models.ForeignKey(
        "governance.CycleItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_meetings",
        verbose_name=_("annual-wheel event"),
    )
    return_note = models.TextField(
        _("note from the chair"),
        blank=True,
        help_text=_("Why the chair sent the agenda or minutes back."),
    )
    agenda_submitted_at = _stamped_at()
    agenda_submitted_by = _stamped_by()
    agenda_approved_at = _stamped_at()
    agenda_approved_by = _stamped_by()
    agenda_sent_at = _stamped_at()
    agenda_sent_by = _stamped_by()
    held_recorded_at = _stamped_at()
    held_recorded_by = _stamped_by()
    minutes_submitted_at = _stamped_at()
    minutes_submitted_by = _stamped_by()
    minutes_approved_at = _stamped_at()
    minutes_approved_by = _stamped_by()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [
            models.Index(fields=["municipality", "starts_at"]),
            models.Index(fields=["body", "starts_at"]),
        ]

    def __str__(self) -> str:
        when = timezone.localtime(self.starts_at).strftime("%d.%m.%Y")
        label = self.title or str(self.body)
        return f"{label} {when}"

    def clean(self) -> None:
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The meeting must end after it starts.")})

    @property
    def agenda_due(self) -> datetime.date:
        """The last day the agenda may be sent, by the body's lead time."""
        start = timezone.localtime(self.starts_at).date()
        return start - datetime.timedelta(days=self.body.agenda_lead_days)

    @property
    def agenda_is_late(self) -> bool:
        """Sent after the due day, or not sent and the due day has passed."""
        if self.agenda_sent_at:
            return timezone.localtime(self.agenda_sent_at).date() > self.agenda_due
        rank = MeetingStatus.rank(self.status)
        not_sent = rank < MeetingStatus.rank(MeetingStatus.AGENDA_SENT)
        return not_sent and timezone.localdate() > self.agenda_due

    @property
    def agenda_is_open(self) -> bool:
        """Items may still be added, edited and reordered."""
        return self.status in (MeetingStatus.PLANNED, MeetingStatus.AGENDA_PREPARATION)

    @property
    def minutes_are_open(self) -> bool:
        """Decisions, outcomes and attendance may be recorded."""
        return self.status == MeetingStatus.HELD

    @property
    def is_locked(self) -> bool:
        return self.status == MeetingStatus.MINUTES_APPROVED


class Attendance(models.TextChoices):
    UNKNOWN = "unknown", _("Not recorded")
    PRESENT = "present", _("Present")
    APOLOGIES = "apologies", _("Apologies")


class Participant(TenantModel):
    """Someone invited to a meeting: a member (with a person) or a guest (maybe without)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="participants", verbose_name=_("meeting")
    )
    person = models.ForeignKey(
        "core.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meeting_invitations",
        verbose_name=_("person"),
    )
    guest_name = models.CharField(
        _("guest name"),
        max_length=200,
        blank=True,
        help_text=_("For a guest who is not in the person register."),
    )
    is_guest = models.BooleanField(_("guest"), default=False)
    role = models.CharField(_("role at the meeting"), max_length=100, blank=True)
    attendance = models.CharField(
        _("attendance"), max_length=20, choices=Attendance.choices, default=Attendance.UNKNOWN
    )

    class Meta:
        ordering = ["is_guest", "id"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"],
                condition=models.Q(person__isnull=False),
                name="participant_unique_person",
            )
        ]

    def __str__(self) -> str:
        return str(self.person) if self.person_id else self.guest_name

    def clean(self) -> None:
        if not self.person_id and not self.guest_name.strip():
            raise ValidationError({"person": _("Choose a person or write the guest's name.")})


class ItemKind(models.TextChoices):
    ORIENTATION = "orientation", _("Orientering (for information)")
    DISCUSSION = "discussion", _("Drøftelse (for discussion)")
    DECISION = "decision", _("Beslutning (for decision)")


class Outcome(models.TextChoices):
    APPROVED = "approved", _("Approved")
    APPROVED_WITH_CHANGES = "approved_with_changes", _("Approved with changes")
    REJECTED = "rejected", _("Rejected")
    POSTPONED = "postponed", _("Postponed")
    NOTED = "noted", _("Noted")


class CarriedBecause(models.TextChoices):
    POSTPONED = "postponed", _("Postponed from an earlier meeting")
    ESCALATED = "escalated", _("Escalated from another body")


class AgendaItem(TenantModel):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="items", verbose_name=_("meeting")
    )
    position = models.PositiveSmallIntegerField(_("number"), default=1)
    kind = models.CharField(
        _("kind"), max_length=20, choices=ItemKind.choices, default=ItemKind.ORIENTATION
    )
    title = models.CharField(_("title"), max_length=300)
    background = models.TextField(
        _("sagsfremstilling"), blank=True, help_text=_("The case presentation, in Markdown.")
    )
    recommendation = models.TextField(
        _("indstilling"), blank=True, help_text=_("What the body is asked to do, in Markdown.")
    )
    responsible = models.ForeignKey(
        "core.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="responsible_for_items",
        verbose_name=_("responsible"),
    )
    is_closed = models.BooleanField(
        _("closed item"),
        default=False,
        help_text=_(
            "Closed items are shown only to the body's members and left out of shared minutes."
        ),
    )
    treated_at_managers_meeting = models.BooleanField(
        _("treated at the managers' meeting first"), default=False
    )
    decision = models.TextField(_("decision"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices, blank=True)
    cycle_item = models.ForeignKey(
        "governance.CycleItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("from the annual wheel"),
    )
    carried_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_to",
        verbose_name=_("carried from"),
    )
    carried_because = models.CharField(
        _("carried because"), max_length=20, choices=CarriedBecause.choices, blank=True
    )

    class Meta:
        ordering = ["meeting", "position", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        indexes = [models.Index(fields=["municipality", "outcome"])]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    # The stored name is random so that a guessed path never reaches a file; the
    # original name is kept in ``name`` for the download.
    return f"governance/{instance.municipality_id}/{uuid.uuid4().hex}"


class Attachment(TenantModel):
    item = models.ForeignKey(
        AgendaItem,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("agenda item"),
    )
    file = models.FileField(_("file"), upload_to=attachment_path, storage=private_storage)
    name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name


class ItemLink(TenantModel):
    """A link from an agenda item to another object (a body, a meeting, later a project,
    a plan or an IT system). Linkable models are listed in ``governance.links``."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="links", verbose_name=_("agenda item")
    )
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "target_type", "target_id"], name="itemlink_unique_target"
            )
        ]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return str(self.target)


class ProtocolNote(TenantModel):
    """A dated note added to approved, locked minutes (protokolbemærkning)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="protocol_notes", verbose_name=_("meeting")
    )
    text = models.TextField(_("protocol note"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("written by"),
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("protocol note")
        verbose_name_plural = _("protocol notes")

    def __str__(self) -> str:
        return self.text[:60]
