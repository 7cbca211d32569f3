"""What governance puts in "Mine opgaver", and the memberships panel on a person's page."""

import datetime
from collections.abc import Iterable
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import Municipality, Person, User
from styrbord.core.tasks import Task
from styrbord.governance import policy, queries
from styrbord.governance.models import OPEN_ACTION_STATUSES, ActionItem, Meeting, MeetingStatus

S = MeetingStatus
SECRETARY_STEPS = {
    S.PLANNED: _("Prepare the agenda"),
    S.AGENDA_PREPARATION: _("Finish the agenda and ask the chair for approval"),
    S.AGENDA_APPROVED: _("Send the approved agenda"),
    S.HELD: _("Write the minutes"),
}
CHAIR_STEPS = {
    S.AGENDA_AWAITING_APPROVAL: _("Approve the agenda"),
    S.MINUTES_AWAITING_APPROVAL: _("Approve the minutes"),
}
# A planned meeting becomes the secretary's task this many days before it.
PREPARE_AHEAD_DAYS = 21


def action_items(user: User, municipality: Municipality) -> Iterable[Task]:
    mine = ActionItem.objects.filter(
        owner__user=user, status__in=OPEN_ACTION_STATUSES
    ).select_related("item__meeting")
    for action in mine:
        yield Task(
            title=_("Action item: %(text)s") % {"text": str(action)},
            url=reverse(
                "governance:meeting_detail",
                kwargs={"kommune": municipality.slug, "pk": action.item.meeting_id},
            )
            + f"#item-{action.item_id}",
            due=action.due_on,
            category=_("Governance"),
        )


def meeting_steps(user: User, municipality: Municipality) -> Iterable[Task]:
    horizon = timezone.now() + datetime.timedelta(days=PREPARE_AHEAD_DAYS)
    statuses = set(SECRETARY_STEPS) | set(CHAIR_STEPS)
    candidates = (
        queries.meetings()
        .filter(status__in=statuses, body__memberships__person__user=user)
        .exclude(status=S.PLANNED, starts_at__gt=horizon)
        .distinct()
        .order_by("starts_at")[:50]
    )
    for meeting in candidates:
        title = _step_for(user, meeting)
        if title:
            yield Task(
                title=f"{title}: {meeting}",
                url=reverse(
                    "governance:meeting_detail",
                    kwargs={"kommune": municipality.slug, "pk": meeting.pk},
                ),
                due=meeting.agenda_due if meeting.status in SECRETARY_STEPS else None,
                category=_("Governance"),
            )


def _step_for(user: User, meeting: Meeting) -> str | None:
    if meeting.status in SECRETARY_STEPS and policy.is_secretary(user, meeting.body):
        return str(SECRETARY_STEPS[meeting.status])
    if meeting.status in CHAIR_STEPS and policy.is_chair(user, meeting.body):
        return str(CHAIR_STEPS[meeting.status])
    return None


def person_memberships_context(request: HttpRequest, person: Person) -> dict[str, Any]:
    return {"person": person, "body_memberships": queries.memberships_of(person)}
