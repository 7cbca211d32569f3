""" "Plan the year": meetings from each body's cadence, agendas filled from its annual wheel,
nothing created twice and nothing in the past."""

import datetime
import itertools

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django_scopes import scopes_disabled

from styrbord.governance.models import Cadence, Meeting, MeetingStatus, MemberRole
from styrbord.governance.services import planning
from tests.governance.factories import (
    AgendaItemFactory,
    BodyFactory,
    BodyMembershipFactory,
    CycleItemFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.usefixtures("in_scope")

NEXT_YEAR = timezone.localdate().year + 1


def _body(secretary, **fields):
    """A body in Norddjurs whose secretary is ``secretary``."""
    body = BodyFactory(**fields)
    BodyMembershipFactory(body=body, person=secretary.persons.get(), role=MemberRole.SECRETARY)
    return body


def _plan(norddjurs, secretary, year: int = NEXT_YEAR, **kwargs):
    return planning.plan_year(municipality=norddjurs, year=year, actor=secretary, **kwargs)


def _days(body) -> list[datetime.date]:
    return [
        timezone.localtime(meeting.starts_at).date()
        for meeting in Meeting.objects.filter(body=body, cycle_event__isnull=True).order_by(
            "starts_at"
        )
    ]


def _quarter(day: datetime.date) -> int:
    return (day.month - 1) // 3 + 1


def _titles(meeting) -> list[str]:
    return list(meeting.items.order_by("position").values_list("title", flat=True))


def test_a_quarterly_body_gets_one_meeting_in_each_quarter(norddjurs, secretary, steering_group):
    _plan(norddjurs, secretary)
    days = _days(steering_group)
    assert [_quarter(day) for day in days] == [1, 2, 3, 4]
    assert all(day.year == NEXT_YEAR for day in days)


def test_planned_meetings_are_planned_with_the_members_invited(
    norddjurs, secretary, chair, steering_group
):
    result = _plan(norddjurs, secretary)
    meeting = result.meetings[0]
    assert meeting.status == MeetingStatus.PLANNED
    assert {p.person.user for p in meeting.participants.all()} == {secretary, chair}


def test_a_body_meeting_every_14_days_gets_26_meetings_14_days_apart(norddjurs, secretary):
    body = _body(secretary, cadence=Cadence.EVERY_14_DAYS)
    _plan(norddjurs, secretary)
    days = _days(body)
    assert len(days) == 26
    assert {later - earlier for earlier, later in itertools.pairwise(days)} == {
        datetime.timedelta(days=14)
    }


def test_meetings_every_14_days_stay_within_the_year(norddjurs, secretary):
    # In a year starting on a Monday, a 27th fortnight starts on 31 December.
    year = next(y for y in itertools.count(NEXT_YEAR) if datetime.date(y, 1, 1).weekday() == 0)
    body = _body(secretary, cadence=Cadence.EVERY_14_DAYS)
    _plan(norddjurs, secretary, year=year)
    assert {day.year for day in _days(body)} == {year}


@pytest.mark.parametrize("cadence", [Cadence.MONTHLY, Cadence.QUARTERLY, Cadence.EVERY_14_DAYS])
def test_planned_meetings_are_on_tuesdays(norddjurs, secretary, cadence):
    body = _body(secretary, cadence=cadence)
    _plan(norddjurs, secretary)
    assert {day.weekday() for day in _days(body)} == {planning.TUESDAY}


def test_a_monthly_body_meets_once_in_every_month(norddjurs, secretary):
    body = _body(secretary, cadence=Cadence.MONTHLY)
    _plan(norddjurs, secretary)
    assert [day.month for day in _days(body)] == list(range(1, 13))


def test_a_body_meeting_as_needed_gets_no_meetings(norddjurs, secretary):
    body = _body(secretary, cadence=Cadence.AS_NEEDED)
    _plan(norddjurs, secretary)
    assert _days(body) == []


def test_a_reporting_body_meets_before_the_body_it_reports_to_in_every_quarter(
    norddjurs, secretary, steering_group
):
    programme = _body(secretary, reports_to=steering_group, name="Programgruppen")
    _plan(norddjurs, secretary)
    programme_days, steering_days = _days(programme), _days(steering_group)
    assert len(programme_days) == len(steering_days) == 4
    for before, after in zip(programme_days, steering_days, strict=True):
        assert _quarter(before) == _quarter(after)
        assert before < after


def test_planning_twice_creates_nothing_new(norddjurs, secretary, steering_group):
    CycleItemFactory(body=steering_group, title="Porteføljen", quarters="1,2,3,4")
    CycleItemFactory(body=steering_group, title="Seminar", is_event=True, quarters="2")
    first = _plan(norddjurs, secretary)
    second = _plan(norddjurs, secretary)
    assert len(first.meetings) == 5
    assert (second.meetings, second.items) == ([], [])
    assert Meeting.objects.filter(body=steering_group).count() == 5


def test_planning_keeps_a_meeting_already_planned_in_a_quarter(
    norddjurs, secretary, steering_group
):
    own = MeetingFactory(
        body=steering_group,
        starts_at=timezone.make_aware(datetime.datetime(NEXT_YEAR, 3, 2, 13, 0)),
    )
    _plan(norddjurs, secretary)
    q1 = [day for day in _days(steering_group) if _quarter(day) == 1]
    assert q1 == [timezone.localtime(own.starts_at).date()]


def test_wheel_items_land_only_in_their_quarters(norddjurs, secretary, steering_group):
    CycleItemFactory(body=steering_group, title="Nye projektforslag", quarters="1,3")
    _plan(norddjurs, secretary)
    with_item = [
        _quarter(timezone.localtime(meeting.starts_at).date())
        for meeting in Meeting.objects.filter(body=steering_group).order_by("starts_at")
        if "Nye projektforslag" in _titles(meeting)
    ]
    assert with_item == [1, 3]


def test_a_month_bound_wheel_item_lands_only_in_that_month(norddjurs, secretary):
    body = _body(secretary, cadence=Cadence.MONTHLY)
    CycleItemFactory(body=body, title="Strategien", month=10)
    _plan(norddjurs, secretary)
    months = [
        timezone.localtime(meeting.starts_at).month
        for meeting in Meeting.objects.filter(body=body)
        if "Strategien" in _titles(meeting)
    ]
    assert months == [10]


def test_wheel_items_keep_their_order_kind_and_description(norddjurs, secretary, steering_group):
    CycleItemFactory(body=steering_group, title="Porteføljen", position=2, kind="decision")
    CycleItemFactory(
        body=steering_group, title="Orientering af direktionen", position=1, description="Kort."
    )
    result = _plan(norddjurs, secretary)
    first = result.meetings[0]
    assert _titles(first) == ["Orientering af direktionen", "Porteføljen"]
    orientation = first.items.get(position=1)
    assert (orientation.background, orientation.cycle_item.title) == (
        "Kort.",
        "Orientering af direktionen",
    )
    assert first.items.get(position=2).kind == "decision"


def test_an_event_becomes_its_own_meeting_titled_like_the_item(
    norddjurs, secretary, steering_group
):
    seminar = CycleItemFactory(
        body=steering_group, title="Digitaliseringsseminar", is_event=True, month=9
    )
    _plan(norddjurs, secretary)
    event = Meeting.objects.get(cycle_event=seminar)
    assert event.title == "Digitaliseringsseminar"
    assert timezone.localtime(event.starts_at).month == 9
    assert not any("Digitaliseringsseminar" in _titles(m) for m in Meeting.objects.all())


def test_an_event_in_two_quarters_gives_two_meetings(norddjurs, secretary, steering_group):
    dialogue = CycleItemFactory(
        body=steering_group, title="Dialogmøde", is_event=True, quarters="2,4"
    )
    _plan(norddjurs, secretary)
    quarters = [
        _quarter(timezone.localtime(m.starts_at).date())
        for m in Meeting.objects.filter(cycle_event=dialogue).order_by("starts_at")
    ]
    assert quarters == [2, 4]


def test_planning_the_current_year_creates_no_meeting_in_the_past(
    norddjurs, secretary, steering_group
):
    CycleItemFactory(body=steering_group, title="Seminar", is_event=True, quarters="1,2,3,4")
    _body(secretary, cadence=Cadence.EVERY_14_DAYS)
    result = _plan(norddjurs, secretary, year=timezone.localdate().year)
    now = timezone.now()
    assert all(meeting.starts_at > now for meeting in result.meetings)
    assert Meeting.objects.filter(starts_at__lt=now).count() == 0


def test_planning_mid_quarter_plans_the_rest_of_that_quarter(norddjurs, secretary):
    year = timezone.localdate().year + 1
    body = _body(secretary, cadence=Cadence.QUARTERLY)
    _plan(norddjurs, secretary, year=year, today=datetime.date(year, 5, 2))
    days = _days(body)
    assert [_quarter(day) for day in days] == [2, 3, 4]
    assert days[0] > datetime.date(year, 5, 2)


def test_planning_on_the_last_day_of_a_quarter_leaves_that_quarter_out(norddjurs, secretary):
    year = timezone.localdate().year + 1
    body = _body(secretary, cadence=Cadence.QUARTERLY)
    _plan(norddjurs, secretary, year=year, today=datetime.date(year, 3, 31))
    assert [_quarter(day) for day in _days(body)] == [2, 3, 4]


def test_the_bodies_of_other_secretaries_are_skipped(norddjurs, secretary, steering_group):
    other = BodyFactory(name="IT-sikkerhedsgruppen")
    result = _plan(norddjurs, secretary)
    assert other in result.skipped_bodies
    assert steering_group not in result.skipped_bodies
    assert _days(other) == []


def test_a_concluded_body_is_not_planned(norddjurs, secretary):
    body = _body(secretary, concluded_on=timezone.localdate(), closing_note="Afsluttet.")
    result = _plan(norddjurs, secretary)
    assert _days(body) == []
    assert body not in [meeting.body for meeting in result.meetings]


def test_a_body_of_another_municipality_is_refused(norddjurs, rebild, secretary):
    with scopes_disabled():
        foreign = BodyFactory(municipality=rebild)
    with pytest.raises(PermissionDenied):
        _plan(norddjurs, secretary, bodies=[foreign])


def test_filling_from_the_wheel_adds_the_missing_items(secretary, steering_group):
    meeting = MeetingFactory(
        body=steering_group,
        starts_at=timezone.make_aware(datetime.datetime(NEXT_YEAR, 2, 10, 9, 0)),
    )
    CycleItemFactory(body=steering_group, title="Porteføljen", quarters="1")
    CycleItemFactory(body=steering_group, title="Risikovurdering", quarters="2")
    added = planning.fill_agenda_from_cycle(meeting, actor=secretary)
    assert [item.title for item in added] == ["Porteføljen"]
    assert _titles(meeting) == ["Porteføljen"]


def test_filling_from_the_wheel_twice_adds_each_item_once(secretary, steering_group):
    meeting = MeetingFactory(
        body=steering_group,
        starts_at=timezone.make_aware(datetime.datetime(NEXT_YEAR, 2, 10, 9, 0)),
    )
    CycleItemFactory(body=steering_group, title="Porteføljen", quarters="1")
    planning.fill_agenda_from_cycle(meeting, actor=secretary)
    assert planning.fill_agenda_from_cycle(meeting, actor=secretary) == []
    assert _titles(meeting) == ["Porteføljen"]


def test_filling_from_the_wheel_skips_an_item_already_on_another_agenda_that_quarter(
    secretary, steering_group
):
    def meeting_on(month: int, day: int):
        return MeetingFactory(
            body=steering_group,
            starts_at=timezone.make_aware(datetime.datetime(NEXT_YEAR, month, day, 9, 0)),
        )

    first, second = meeting_on(1, 12), meeting_on(3, 9)
    CycleItemFactory(body=steering_group, title="Porteføljen", quarters="1")
    planning.fill_agenda_from_cycle(first, actor=secretary)
    assert planning.fill_agenda_from_cycle(second, actor=secretary) == []


def test_filling_from_the_wheel_appends_after_existing_items(secretary, steering_group):
    meeting = MeetingFactory(
        body=steering_group,
        starts_at=timezone.make_aware(datetime.datetime(NEXT_YEAR, 2, 10, 9, 0)),
    )
    AgendaItemFactory(meeting=meeting, title="Godkendelse af dagsorden", position=1)
    CycleItemFactory(body=steering_group, title="Porteføljen", quarters="1")
    planning.fill_agenda_from_cycle(meeting, actor=secretary)
    assert _titles(meeting) == ["Godkendelse af dagsorden", "Porteføljen"]


def test_filling_from_the_wheel_is_only_for_the_secretary(editor, steering_group):
    meeting = MeetingFactory(body=steering_group)
    with pytest.raises(PermissionDenied):
        planning.fill_agenda_from_cycle(meeting, actor=editor)
