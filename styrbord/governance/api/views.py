"""Viewsets of the governance API, through the same queries, services and policy as the pages.

Reading needs a role in the municipality and writing the editor role (``MunicipalityRole``);
on top of that each service checks the user's seat in the body (secretary or chair) and
the meeting's status. A service's refusal is answered 403 (not your step) or 400 (out of
order, with the reason); a stale ``version`` is answered 409.

Closed agenda items exist only for the body's current members: lists leave them out and
their ids, and those of their action items, are answered 404 to everyone else.
"""

from collections.abc import Callable

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from styrbord.core.api.viewsets import EditableViewSet, ServiceViewSet
from styrbord.governance import queries
from styrbord.governance.api.serializers import (
    STEPS,
    ActionItemSerializer,
    ActionItemUpdateSerializer,
    AgendaItemSerializer,
    AgendaItemUpdateSerializer,
    BodyMembershipSerializer,
    BodyMembershipUpdateSerializer,
    BodySerializer,
    ConcludeSerializer,
    DecisionSerializer,
    EndMembershipSerializer,
    MeetingSerializer,
    MeetingUpdateSerializer,
    MoveSerializer,
    NoteSerializer,
    ProtocolNoteSerializer,
    ProtocolNoteTextSerializer,
    RecordDecisionSerializer,
    VersionSerializer,
)
from styrbord.governance.filters import (
    ActionItemFilter,
    AgendaItemFilter,
    BodyFilter,
    BodyMembershipFilter,
    DecisionFilter,
    MeetingFilter,
)
from styrbord.governance.models import (
    ActionItem,
    AgendaItem,
    Body,
    BodyMembership,
    Meeting,
    ProtocolNote,
)
from styrbord.governance.services import bodies, follow_up, items, meetings


class BodyViewSet(EditableViewSet):
    """Governance bodies. A body is concluded with the ``conclude`` action, not by editing."""

    model = Body
    serializer_class = BodySerializer
    filterset_class = BodyFilter

    def scoped_queryset(self) -> QuerySet[Body]:
        return queries.bodies_for_list().order_by("name", "pk")

    def create_through_service(self, **data) -> Body:
        return bodies.create_body(
            municipality=self.request._request.municipality, actor=self.request.user, **data
        )

    def update_through_service(self, body: Body, version: int, **data) -> Body:
        return bodies.update_body(body, actor=self.request.user, expected_version=version, **data)

    @extend_schema(request=ConcludeSerializer, responses=BodySerializer)
    @action(detail=True, methods=["post"])
    def conclude(self, request, **kwargs) -> Response:
        """Conclude the body with a date and a closing note; its history stays readable."""
        body = self.get_object()
        data = self.validated(ConcludeSerializer)
        body = bodies.conclude_body(
            body,
            actor=request.user,
            expected_version=data["version"],
            concluded_on=data["concluded_on"],
            closing_note=data["closing_note"],
        )
        return self.answer(body)


class BodyMembershipViewSet(EditableViewSet):
    """Seats in bodies. ``current=true`` lists today's seats; a seat ends with ``end``."""

    model = BodyMembership
    serializer_class = BodyMembershipSerializer
    update_serializer_class = BodyMembershipUpdateSerializer
    filterset_class = BodyMembershipFilter

    def scoped_queryset(self) -> QuerySet[BodyMembership]:
        return queries.memberships().order_by("body__name", "body_id", "starts_on", "pk")

    def create_through_service(self, **data) -> BodyMembership:
        return bodies.add_member(actor=self.request.user, **data)

    def update_through_service(
        self, membership: BodyMembership, version: int, **data
    ) -> BodyMembership:
        return bodies.update_membership(
            membership, actor=self.request.user, expected_version=version, **data
        )

    @extend_schema(request=EndMembershipSerializer, responses=BodyMembershipSerializer)
    @action(detail=True, methods=["post"])
    def end(self, request, **kwargs) -> Response:
        """End the seat on ``ends_on``."""
        membership = self.get_object()
        data = self.validated(EndMembershipSerializer)
        membership = bodies.end_membership(
            membership,
            actor=request.user,
            expected_version=data["version"],
            ends_on=data["ends_on"],
        )
        return self.answer(membership)


def _meeting_step(
    name: str,
    service: Callable[..., Meeting],
    summary: str,
    request_serializer: type[serializers.Serializer] = VersionSerializer,
):
    """A POST action that moves a meeting one step through its workflow."""

    def step(self, request, **kwargs) -> Response:
        meeting = self.get_object()
        data = self.validated(request_serializer)
        version = data.pop("version")
        return self.answer(service(meeting, actor=request.user, expected_version=version, **data))

    step.__name__ = name
    step.__doc__ = summary
    step = action(detail=True, methods=["post"], url_path=name.replace("_", "-"))(step)
    return extend_schema(request=request_serializer, responses=MeetingSerializer)(step)


class MeetingViewSet(EditableViewSet):
    """Meetings and their workflow. Each step is a POST action that takes the ``version``
    read before it; the secretary's steps need the body's secretary, the approvals its
    chair or deputy chair."""

    model = Meeting
    serializer_class = MeetingSerializer
    update_serializer_class = MeetingUpdateSerializer
    filterset_class = MeetingFilter

    def scoped_queryset(self) -> QuerySet[Meeting]:
        return (
            queries.meetings_for_list()
            .select_related(*(f"{step}_by" for step in STEPS))
            .prefetch_related(
                Prefetch(
                    "protocol_notes",
                    queryset=ProtocolNote.objects.select_related("author").order_by("created_at"),
                )
            )
            .order_by("-starts_at", "-pk")
        )

    def create_through_service(self, **data) -> Meeting:
        return meetings.create_meeting(actor=self.request.user, **data)

    def update_through_service(self, meeting: Meeting, version: int, **data) -> Meeting:
        return meetings.update_meeting(
            meeting, actor=self.request.user, expected_version=version, **data
        )

    start_preparation = _meeting_step(
        "start_preparation", meetings.start_preparation, "Start preparing the agenda (secretary)."
    )
    submit_agenda = _meeting_step(
        "submit_agenda", meetings.submit_agenda, "Submit the agenda to the chair (secretary)."
    )
    approve_agenda = _meeting_step(
        "approve_agenda", meetings.approve_agenda, "Approve the agenda (chair)."
    )
    return_agenda = _meeting_step(
        "return_agenda",
        meetings.return_agenda,
        "Send the agenda back to preparation with a note (chair).",
        NoteSerializer,
    )
    send_agenda = _meeting_step(
        "send_agenda", meetings.send_agenda, "Send the approved agenda (secretary)."
    )
    record_held = _meeting_step(
        "record_held", meetings.record_held, "Record that the meeting was held (secretary)."
    )
    submit_minutes = _meeting_step(
        "submit_minutes",
        meetings.submit_minutes,
        "Submit the minutes for approval (secretary).",
    )
    approve_minutes = _meeting_step(
        "approve_minutes", meetings.approve_minutes, "Approve and lock the minutes (chair)."
    )
    return_minutes = _meeting_step(
        "return_minutes",
        meetings.return_minutes,
        "Send the minutes back with a note (chair).",
        NoteSerializer,
    )

    @extend_schema(request=ProtocolNoteTextSerializer, responses={201: ProtocolNoteSerializer})
    @action(detail=True, methods=["post"], url_path="protocol-notes")
    def protocol_notes(self, request, **kwargs) -> Response:
        """Add a dated protocol note to approved minutes (secretary or chair).

        A note adds to the minutes and changes nothing on the meeting, so it takes no version.
        """
        meeting = self.get_object()
        note = meetings.add_protocol_note(
            meeting, actor=request.user, text=self.validated(ProtocolNoteTextSerializer)["text"]
        )
        return Response(ProtocolNoteSerializer(note).data, status=status.HTTP_201_CREATED)


class AgendaItemViewSet(mixins.DestroyModelMixin, EditableViewSet):
    """Agenda items, ordered by meeting and number; closed items only for the body's members.

    Attachments are not part of the API: they are listed read-only (name, size, type) and
    uploaded and downloaded in the app, which checks their type, size and who may see them.
    """

    model = AgendaItem
    serializer_class = AgendaItemSerializer
    update_serializer_class = AgendaItemUpdateSerializer
    filterset_class = AgendaItemFilter

    def scoped_queryset(self) -> QuerySet[AgendaItem]:
        return (
            queries.items_visible_to(self.request.user)
            .prefetch_related("attachments")
            .order_by("-meeting__starts_at", "meeting_id", "position", "pk")
        )

    def create_through_service(self, **data) -> AgendaItem:
        return items.add_item(actor=self.request.user, **data)

    def update_through_service(self, item: AgendaItem, version: int, **data) -> AgendaItem:
        return items.update_item(item, actor=self.request.user, expected_version=version, **data)

    def perform_destroy(self, instance: AgendaItem) -> None:
        items.delete_item(instance, actor=self.request.user)

    @extend_schema(request=RecordDecisionSerializer, responses=AgendaItemSerializer)
    @action(detail=True, methods=["post"])
    def decision(self, request, **kwargs) -> Response:
        """Record the decision and outcome after the meeting; a postponed item is carried
        to the body's next meeting with an open agenda."""
        item = self.get_object()
        data = self.validated(RecordDecisionSerializer)
        item = items.record_decision(
            item,
            actor=request.user,
            expected_version=data["version"],
            decision=data["decision"],
            outcome=data["outcome"],
        )
        return self.answer(item)

    @extend_schema(request=None, responses={201: AgendaItemSerializer})
    @action(detail=True, methods=["post"])
    def escalate(self, request, **kwargs) -> Response:
        """Put a copy of the item on the next open agenda of the body this body reports to;
        the answer is the copy."""
        copy = items.escalate_item(self.get_object(), actor=request.user)
        # Not read back through the visibility filter: a closed copy sits in a body the
        # secretary may not be a member of, yet it holds only what they have just read.
        serializer = AgendaItemSerializer(copy, context=self.get_serializer_context())
        return Response(serializer.data, status=status.HTTP_201_CREATED)

    @extend_schema(request=MoveSerializer, responses=AgendaItemSerializer)
    @action(detail=True, methods=["post"])
    def move(self, request, **kwargs) -> Response:
        """Move the item up (negative offset) or down in its agenda; the rest is renumbered."""
        item = self.get_object()
        offset = self.validated(MoveSerializer)["offset"]
        return self.answer(items.move_item(item, actor=request.user, offset=offset))


class DecisionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ServiceViewSet):
    """The decision log across all bodies: agenda items with an outcome, newest first."""

    model = AgendaItem
    serializer_class = DecisionSerializer
    filterset_class = DecisionFilter

    def scoped_queryset(self) -> QuerySet[AgendaItem]:
        return queries.decisions(self.request.user).order_by(
            "-meeting__starts_at", "meeting_id", "position", "pk"
        )


class ActionItemViewSet(EditableViewSet):
    """Action items (opfølgningspunkter), soonest due first."""

    model = ActionItem
    serializer_class = ActionItemSerializer
    update_serializer_class = ActionItemUpdateSerializer
    filterset_class = ActionItemFilter

    def scoped_queryset(self) -> QuerySet[ActionItem]:
        return queries.action_items(self.request.user).order_by("due_on", "pk")

    def create_through_service(self, **data) -> ActionItem:
        return follow_up.create_action_item(actor=self.request.user, **data)

    def update_through_service(self, action_item: ActionItem, version: int, **data) -> ActionItem:
        return follow_up.update_action_item(
            action_item, actor=self.request.user, expected_version=version, **data
        )
