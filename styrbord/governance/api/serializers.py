"""Serializers of the governance API: what a row looks like, and what each action takes."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from styrbord.core.api.serializers import ScopedPrimaryKeyField, VersionedSerializer
from styrbord.core.models import OrgUnit, Person
from styrbord.governance import queries
from styrbord.governance.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attachment,
    Body,
    BodyMembership,
    Meeting,
    Outcome,
    ProtocolNote,
)


class VisibleItemField(ScopedPrimaryKeyField):
    """An agenda item the requesting user may see: a closed item of a body they do not sit
    in is answered as if it did not exist."""

    def get_queryset(self):
        return queries.items_visible_to(self.context["request"].user)


class BodySerializer(VersionedSerializer):
    reports_to = ScopedPrimaryKeyField(queryset=Body.objects, allow_null=True, required=False)
    is_active = serializers.BooleanField(read_only=True)
    member_count = serializers.IntegerField(
        read_only=True, help_text=_("Current members, on the list.")
    )

    class Meta:
        model = Body
        fields = [
            "id",
            "kind",
            "name",
            "short_name",
            "purpose",
            "terms_of_reference",
            "terms_approved_by",
            "terms_approved_on",
            "decision_level",
            "reports_to",
            "cadence",
            "agenda_lead_days",
            "usual_place",
            "is_active",
            "concluded_on",
            "closing_note",
            "member_count",
            "version",
            "updated_at",
        ]
        read_only_fields = ["concluded_on", "closing_note", "updated_at"]


class BodyMembershipSerializer(VersionedSerializer):
    body = ScopedPrimaryKeyField(queryset=Body.objects)
    person = ScopedPrimaryKeyField(queryset=Person.objects)
    person_name = serializers.CharField(source="person.name", read_only=True)
    represents = ScopedPrimaryKeyField(queryset=OrgUnit.objects, allow_null=True, required=False)
    is_current = serializers.SerializerMethodField()

    class Meta:
        model = BodyMembership
        fields = [
            "id",
            "body",
            "person",
            "person_name",
            "role",
            "is_permanent",
            "represents",
            "starts_on",
            "ends_on",
            "is_current",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]

    def get_is_current(self, membership: BodyMembership) -> bool:
        return membership.is_current()


class BodyMembershipUpdateSerializer(BodyMembershipSerializer):
    """The body and the person of a seat are fixed; another seat is a new membership."""

    body = serializers.PrimaryKeyRelatedField(read_only=True)
    person = serializers.PrimaryKeyRelatedField(read_only=True)


class ProtocolNoteSerializer(serializers.ModelSerializer):
    author = serializers.StringRelatedField()

    class Meta:
        model = ProtocolNote
        fields = ["id", "text", "author", "created_at"]
        read_only_fields = fields


# The workflow stamps of a meeting: who took each step and when.
STEPS = [
    "agenda_submitted",
    "agenda_approved",
    "agenda_sent",
    "held_recorded",
    "minutes_submitted",
    "minutes_approved",
]


class MeetingSerializer(VersionedSerializer):
    body = ScopedPrimaryKeyField(queryset=Body.objects)
    body_name = serializers.CharField(source="body.name", read_only=True)
    agenda_due = serializers.DateField(read_only=True)
    agenda_is_late = serializers.BooleanField(read_only=True)
    item_count = serializers.IntegerField(read_only=True)
    protocol_notes = ProtocolNoteSerializer(many=True, read_only=True)
    agenda_submitted_by = serializers.StringRelatedField()
    agenda_approved_by = serializers.StringRelatedField()
    agenda_sent_by = serializers.StringRelatedField()
    held_recorded_by = serializers.StringRelatedField()
    minutes_submitted_by = serializers.StringRelatedField()
    minutes_approved_by = serializers.StringRelatedField()

    class Meta:
        model = Meeting
        fields = [
            "id",
            "body",
            "body_name",
            "title",
            "starts_at",
            "ends_at",
            "place",
            "online_link",
            "status",
            "return_note",
            "agenda_due",
            "agenda_is_late",
            *(f"{step}_{suffix}" for step in STEPS for suffix in ("at", "by")),
            "item_count",
            "protocol_notes",
            "version",
            "updated_at",
        ]
        read_only_fields = [
            "status",
            "return_note",
            *(f"{step}_at" for step in STEPS),
            "updated_at",
        ]


class MeetingUpdateSerializer(MeetingSerializer):
    """A meeting stays with its body; its status changes only through the workflow steps."""

    body = serializers.PrimaryKeyRelatedField(read_only=True)


class AttachmentSerializer(serializers.ModelSerializer):
    """An attachment as listed on its item; files are uploaded and downloaded in the app."""

    download_url = serializers.SerializerMethodField(
        help_text=_("The app's download address; it needs a signed-in browser session.")
    )

    class Meta:
        model = Attachment
        fields = ["id", "name", "size", "content_type", "download_url"]
        read_only_fields = fields

    def get_download_url(self, attachment: Attachment) -> str:
        request = self.context["request"]
        path = reverse(
            "governance:attachment_download",
            kwargs={"kommune": request._request.municipality.slug, "pk": attachment.pk},
        )
        return request.build_absolute_uri(path)


class AgendaItemSerializer(VersionedSerializer):
    """An agenda item. Attachments are listed read-only: they are uploaded and downloaded
    in the app, which checks file type, size and who may see the item."""

    meeting = ScopedPrimaryKeyField(queryset=Meeting.objects)
    responsible = ScopedPrimaryKeyField(queryset=Person.objects, allow_null=True, required=False)
    attachments = AttachmentSerializer(many=True, read_only=True)

    class Meta:
        model = AgendaItem
        fields = [
            "id",
            "meeting",
            "position",
            "kind",
            "title",
            "background",
            "recommendation",
            "responsible",
            "is_closed",
            "treated_at_managers_meeting",
            "decision",
            "outcome",
            "carried_from",
            "carried_because",
            "attachments",
            "version",
            "updated_at",
        ]
        read_only_fields = [
            "position",
            "decision",
            "outcome",
            "carried_from",
            "carried_because",
            "updated_at",
        ]


class AgendaItemUpdateSerializer(AgendaItemSerializer):
    """An item stays on its meeting's agenda; postponing and escalating carry a copy."""

    meeting = serializers.PrimaryKeyRelatedField(read_only=True)


class DecisionSerializer(serializers.ModelSerializer):
    """An entry of the decision log: an agenda item with an outcome."""

    body = serializers.IntegerField(source="meeting.body_id", read_only=True)
    body_name = serializers.CharField(source="meeting.body.name", read_only=True)
    meeting_starts_at = serializers.DateTimeField(source="meeting.starts_at", read_only=True)

    class Meta:
        model = AgendaItem
        fields = [
            "id",
            "meeting",
            "meeting_starts_at",
            "body",
            "body_name",
            "position",
            "kind",
            "title",
            "decision",
            "outcome",
            "is_closed",
        ]
        read_only_fields = fields


class ActionItemSerializer(VersionedSerializer):
    item = VisibleItemField(queryset=AgendaItem.objects)
    meeting = serializers.IntegerField(source="item.meeting_id", read_only=True)
    body = serializers.IntegerField(source="item.meeting.body_id", read_only=True)
    owner = ScopedPrimaryKeyField(queryset=Person.objects)
    owner_name = serializers.CharField(source="owner.name", read_only=True)
    status = serializers.ChoiceField(
        choices=ActionStatus.choices, read_only=True, help_text=_("A new action item is open.")
    )
    is_overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = ActionItem
        fields = [
            "id",
            "item",
            "meeting",
            "body",
            "text",
            "owner",
            "owner_name",
            "due_on",
            "status",
            "completed_on",
            "is_overdue",
            "version",
            "updated_at",
        ]
        read_only_fields = ["completed_on", "updated_at"]


class ActionItemUpdateSerializer(ActionItemSerializer):
    """The item is fixed; the status can change (closing sets the completion date)."""

    item = serializers.PrimaryKeyRelatedField(read_only=True)
    status = serializers.ChoiceField(choices=ActionStatus.choices, required=False)


# --- request bodies of the actions ---


class VersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(help_text=_("The version read before this step."))


class NoteSerializer(VersionSerializer):
    note = serializers.CharField(allow_blank=True, help_text=_("Why it is sent back."))


class ProtocolNoteTextSerializer(serializers.Serializer):
    text = serializers.CharField(allow_blank=True)


class ConcludeSerializer(VersionSerializer):
    concluded_on = serializers.DateField()
    closing_note = serializers.CharField(allow_blank=True)


class EndMembershipSerializer(VersionSerializer):
    ends_on = serializers.DateField()


class RecordDecisionSerializer(VersionSerializer):
    decision = serializers.CharField(allow_blank=True)
    outcome = serializers.ChoiceField(choices=Outcome.choices, allow_blank=True)


class MoveSerializer(serializers.Serializer):
    offset = serializers.IntegerField(
        min_value=-100, max_value=100, help_text=_("Negative moves up, positive moves down.")
    )
