""" "Plan the year": meetings from each body's cadence, agendas pre-filled from its wheel.

Running it again creates nothing twice: a period that already has a meeting of the body is
left alone, and a wheel item already on an agenda of the body in that quarter (or month)
is not added again. Bodies that report to another body meet earlier in each period, so the
programme group prepares what the steering group decides in the same quarter.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from styrbord.core.models import Municipality, User
from styrbord.core.services import changes
from styrbord.governance import policy
from styrbord.governance.models import AgendaItem, Body, Cadence, CycleItem, Meeting
from styrbord.governance.services.meetings import create_meeting

TUESDAY = 1
MEETING_START = datetime.time(9, 0)
MEETING_LENGTH = datetime.timedelta(hours=2)


@dataclass
class PlanResult:
    meetings: list[Meeting] = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)
    skipped_bodies: list[Body] = field(default_factory=list)


def _periods(cadence: str, year: int) -> list[tuple[datetime.date, datetime.date]]:
    """The windows in which the body meets once, for its cadence."""

    def month_end(month: int) -> datetime.date:
        following = datetime.date(year + (month == 12), month % 12 + 1, 1)
        return following - datetime.timedelta(days=1)

    if cadence in (Cadence.QUARTERLY, Cadence.AS_NEEDED_QUARTERLY):
        return [(datetime.date(year, 3 * q - 2, 1), month_end(3 * q)) for q in range(1, 5)]
    if cadence == Cadence.MONTHLY:
        return [(datetime.date(year, m, 1), month_end(m)) for m in range(1, 13)]
    if cadence == Cadence.TWICE_A_YEAR:
        return [
            (datetime.date(year, 1, 1), month_end(6)),
            (datetime.date(year, 7, 1), month_end(12)),
        ]
    if cadence == Cadence.YEARLY:
        return [(datetime.date(year, 1, 1), month_end(12))]
    if cadence in (Cadence.EVERY_14_DAYS, Cadence.WEEKLY):
        step = 14 if cadence == Cadence.EVERY_14_DAYS else 7
        first_monday = datetime.date(year, 1, 1)
        first_monday += datetime.timedelta(days=(7 - first_monday.weekday()) % 7)
        periods = []
        start = first_monday
        # The meeting is on the period's Tuesday; a period whose Tuesday falls in the
        # next year belongs to that year's plan.
        while (start + datetime.timedelta(days=TUESDAY)).year == year:
            periods.append((start, start + datetime.timedelta(days=step - 1)))
            start += datetime.timedelta(days=step)
        return periods
    return []


def _depth(body: Body) -> int:
    depth, ancestor = 0, body.reports_to
    while ancestor is not None and depth < 20:
        depth, ancestor = depth + 1, ancestor.reports_to
    return depth


def _meeting_day(start: datetime.date, end: datetime.date, depth: int) -> datetime.date:
    """A Tuesday in the period: for long periods mid-period, earlier for deeper bodies."""
    length = (end - start).days + 1
    if length < 28:
        day = start
    else:
        middle = start + datetime.timedelta(days=length // 2)
        if length > 31 and start <= datetime.date(start.year, 7, 15) <= end:
            # Count back from after the summer holiday, so that deeper bodies still meet
            # earlier without landing in July.
            middle = max(middle, datetime.date(start.year, 9, 1))
        day = middle - datetime.timedelta(days=7 * depth)
        after_summer = datetime.date(day.year, 8, 18)
        if day.month == 7 and after_summer <= end:  # the summer holiday, if the period allows
            day = after_summer
    day += datetime.timedelta(days=(TUESDAY - day.weekday()) % 7)
    return max(start, min(day, end))


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, MEETING_START))


def _period_of(
    meeting_day: datetime.date, cycle_item: CycleItem
) -> tuple[datetime.date, datetime.date]:
    """The quarter (or, for a monthly wheel item, the month) a wheel item belongs to."""
    if cycle_item.month:
        first = meeting_day.replace(day=1)
        last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
        return first, last
    quarter = (meeting_day.month - 1) // 3
    first = datetime.date(meeting_day.year, 3 * quarter + 1, 1)
    last = datetime.date(
        meeting_day.year + (quarter == 3), (3 * quarter + 3) % 12 + 1, 1
    ) - datetime.timedelta(days=1)
    return first, last


def _applies(cycle_item: CycleItem, day: datetime.date) -> bool:
    if cycle_item.month:
        return cycle_item.month == day.month
    return (day.month - 1) // 3 + 1 in cycle_item.quarter_numbers


def _between(start: datetime.date, end: datetime.date) -> dict:
    return {
        "starts_at__gte": _at(start).replace(hour=0),
        "starts_at__lt": _at(end + datetime.timedelta(days=1)).replace(hour=0),
    }


def _fill(meeting: Meeting, actor: User, cycle_items: list[CycleItem]) -> list[AgendaItem]:
    day = timezone.localtime(meeting.starts_at).date()
    added = []
    position = meeting.items.aggregate(top=Max("position"))["top"] or 0
    for cycle_item in cycle_items:
        if cycle_item.is_event or not _applies(cycle_item, day):
            continue
        start, end = _period_of(day, cycle_item)
        already = AgendaItem.objects.filter(
            cycle_item=cycle_item,
            meeting__body=meeting.body,
            **{f"meeting__{key}": value for key, value in _between(start, end).items()},
        ).exists()
        if already:
            continue
        position += 1
        added.append(
            changes.create(
                AgendaItem(
                    municipality=meeting.municipality,
                    meeting=meeting,
                    position=position,
                    kind=cycle_item.kind,
                    title=cycle_item.title,
                    background=cycle_item.description,
                    cycle_item=cycle_item,
                ),
                actor=actor,
            )
        )
    return added


def fill_agenda_from_cycle(meeting: Meeting, *, actor: User) -> list[AgendaItem]:
    """Add the body's wheel items for the meeting's quarter or month that are not yet on
    one of its agendas in that period."""
    policy.require_secretary(actor, meeting.body)
    if not meeting.agenda_is_open:
        return []
    return _fill(meeting, actor, list(meeting.body.cycle_items.all()))


@transaction.atomic
def plan_year(
    *,
    municipality: Municipality,
    year: int,
    actor: User,
    bodies: list[Body] | None = None,
    today: datetime.date | None = None,
) -> PlanResult:
    """Create the year's meetings for the active bodies the actor is secretary of.

    Periods that have already ended are skipped; so is a body that meets only as needed.
    ``today`` is the planning day (the local date unless given), the earliest meeting
    being the day after.
    """
    if bodies is None:
        bodies = list(Body.objects.filter(concluded_on__isnull=True).select_related("reports_to"))
    result = PlanResult()
    today = today or timezone.localdate()
    for body in sorted(bodies, key=_depth, reverse=True):
        if body.municipality_id != municipality.pk:
            raise PermissionDenied
        if not policy.is_secretary(actor, body) or not body.is_active:
            result.skipped_bodies.append(body)
            continue
        depth = _depth(body)
        cycle_items = list(body.cycle_items.all())
        for start, end in _periods(body.cadence, year):
            if end <= today:  # the meeting is at the earliest tomorrow
                continue
            existing = Meeting.objects.filter(
                body=body, cycle_event__isnull=True, **_between(start, end)
            )
            if existing.exists():
                for meeting in existing.filter(status__in=("planned", "agenda_preparation")):
                    result.items += _fill(meeting, actor, cycle_items)
                continue
            day = _meeting_day(max(start, today + datetime.timedelta(days=1)), end, depth)
            if day < today:
                continue
            meeting = create_meeting(
                body=body, actor=actor, starts_at=_at(day), ends_at=_at(day) + MEETING_LENGTH
            )
            result.meetings.append(meeting)
            result.items += _fill(meeting, actor, cycle_items)
        for cycle_item in cycle_items:
            if cycle_item.is_event:
                result.meetings += _plan_event(cycle_item, year, today, depth, actor)
    return result


def _plan_event(
    cycle_item: CycleItem, year: int, today: datetime.date, depth: int, actor: User
) -> list[Meeting]:
    created = []
    for quarter in cycle_item.quarter_numbers:
        if cycle_item.month:
            start = datetime.date(year, cycle_item.month, 1)
            end = _period_of(start, cycle_item)[1]
        else:
            start = datetime.date(year, 3 * quarter - 2, 1)
            end = _period_of(start, CycleItem(quarters=str(quarter)))[1]
        if end <= today:
            continue
        if Meeting.objects.filter(cycle_event=cycle_item, **_between(start, end)).exists():
            continue
        day = _meeting_day(max(start, today + datetime.timedelta(days=1)), end, depth)
        # An event sits a week after the body's ordinary meeting in the same period.
        day = min(day + datetime.timedelta(days=7), end)
        created.append(
            create_meeting(
                body=cycle_item.body,
                actor=actor,
                starts_at=_at(day),
                ends_at=_at(day) + MEETING_LENGTH,
                title=cycle_item.title,
                cycle_event=cycle_item,
            )
        )
    return created
