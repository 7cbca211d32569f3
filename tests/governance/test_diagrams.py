"""The organisation diagram and the annual wheel as SVG (governance/diagrams.py)."""

import datetime
import math
import re

import pytest
from django.utils import timezone, translation
from django_scopes import scopes_disabled

from styrbord.governance import diagrams
from styrbord.governance.diagrams import WheelRing
from styrbord.governance.models import Body, BodyKind, MeetingStatus
from tests.governance.factories import BodyFactory, CycleItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def url_for(obj) -> str:
    return f"/x/{obj.pk}/"


@pytest.fixture
def organisation(norddjurs):
    council = BodyFactory(kind=BodyKind.CITY_COUNCIL, name="Byrådet")
    board = BodyFactory(kind=BodyKind.EXECUTIVE_BOARD, name="Direktionen", reports_to=council)
    steering = BodyFactory(name="Styregruppen", reports_to=board)
    programme = BodyFactory(
        kind=BodyKind.PROGRAMME_GROUP, name="Programgruppen", reports_to=steering
    )
    projects = [
        BodyFactory(kind=BodyKind.PROJECT_GROUP, name=f"Projektgruppe {n}", reports_to=programme)
        for n in range(1, 5)
    ]
    concluded = BodyFactory(
        kind=BodyKind.COORDINATION_GROUP,
        name="Covid-19-gruppen",
        reports_to=steering,
        concluded_on=datetime.date(2021, 9, 30),
        closing_note="Afsluttet.",
    )
    loose = BodyFactory(kind=BodyKind.OTHER, name="Løs gruppe")
    with scopes_disabled():
        return list(
            Body.objects.select_related("reports_to").filter(
                pk__in=[
                    b.pk for b in [council, board, steering, programme, *projects, concluded, loose]
                ]
            )
        )


def _box(svg: str, body: Body) -> str:
    return re.search(rf'<a [^>]*data-body="{body.pk}".*?</a>', svg).group(0)


def test_diagram_shows_every_body_once(organisation):
    svg = diagrams.body_diagram_svg(organisation, url_for)
    for body in organisation:
        assert svg.count(f'data-body="{body.pk}"') == 1
        assert svg.count(f">{body.name}</text>") == 1
        assert f'href="/x/{body.pk}/"' in svg


def test_diagram_draws_one_line_per_reporting_relation(organisation):
    svg = diagrams.body_diagram_svg(organisation, url_for)
    relations = {(b.pk, b.reports_to_id) for b in organisation if b.reports_to_id}
    drawn = set(re.findall(r'class="diagram-line" data-from="(\d+)" data-to="(\d+)"', svg))
    assert svg.count('class="diagram-line"') == len(relations)
    assert {(int(a), int(b)) for a, b in drawn} == relations


def test_diagram_marks_concluded_bodies(organisation):
    concluded = next(b for b in organisation if b.concluded_on)
    with translation.override("en"):
        svg = diagrams.body_diagram_svg(organisation, url_for)
    box = _box(svg, concluded)
    assert "diagram-concluded" in box
    assert "stroke-dasharray" in box
    assert "Concluded" in box
    active = next(b for b in organisation if b.name == "Styregruppen")
    assert "Concluded" not in _box(svg, active)


def test_diagram_puts_superiors_above_those_reporting_to_them(organisation):
    svg = diagrams.body_diagram_svg(organisation, url_for)

    def top(body: Body) -> float:
        return float(re.search(r'<rect x="[\d.]+" y="([\d.]+)"', _box(svg, body)).group(1))

    for body in organisation:
        if body.reports_to_id:
            parent = next(b for b in organisation if b.pk == body.reports_to_id)
            assert top(parent) < top(body)


def test_diagram_boxes_do_not_overlap(organisation):
    svg = diagrams.body_diagram_svg(organisation, url_for)
    rects = [(float(x), float(y)) for x, y in re.findall(r'<rect x="([\d.]+)" y="([\d.]+)"', svg)]
    for i, (x1, y1) in enumerate(rects):
        for x2, y2 in rects[i + 1 :]:
            apart = abs(x1 - x2) >= diagrams.BOX_W or abs(y1 - y2) >= diagrams.BOX_H
            assert apart, (x1, y1, x2, y2)


def test_diagram_is_labelled_for_assistive_technology(organisation):
    svg = diagrams.body_diagram_svg(organisation, url_for)
    assert 'aria-labelledby="body-diagram-title body-diagram-desc"' in svg
    assert '<title id="body-diagram-title">' in svg


def test_diagram_escapes_names(norddjurs):
    body = BodyFactory(name='<script>alert("x")</script>')
    svg = diagrams.body_diagram_svg([body], url_for)
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg


def test_diagram_survives_a_reporting_loop(norddjurs):
    first = BodyFactory(name="A")
    second = BodyFactory(name="B", reports_to=first)
    with scopes_disabled():
        Body.objects.filter(pk=first.pk).update(reports_to=second)
        bodies = list(Body.objects.filter(pk__in=[first.pk, second.pk]))
    svg = diagrams.body_diagram_svg(bodies, url_for)
    assert svg.count('class="diagram-body') == 2


def test_long_names_wrap_onto_at_most_three_lines():
    lines = diagrams.wrap("Informationssikkerhedsudvalget for den tværgående organisation", 27, 3)
    assert 2 <= len(lines) <= 3
    assert all(len(line) <= 27 for line in lines)


def test_names_break_at_hyphens_before_splitting_words():
    assert diagrams.wrap("IT-sikkerhedsgruppen", 18, 3) == ["IT-", "sikkerhedsgruppen"]


@pytest.mark.parametrize("month", range(1, 13))
def test_a_date_falls_in_its_month_sector(month):
    year = 2030
    start, end = diagrams.month_span(year, month)
    for day in (1, 15, 28):
        assert start <= diagrams.date_angle(datetime.date(year, month, day)) < end


def test_the_year_starts_at_the_top_and_goes_round_once():
    assert diagrams.month_span(2028, 1)[0] == 0
    assert diagrams.month_span(2028, 12)[1] == 360
    assert diagrams.quarter_span(2028, 2)[0] == diagrams.month_span(2028, 4)[0]


def _dot_angle(svg: str) -> float:
    x, y = re.search(r'class="wheel-meeting">.*?<circle cx="([\d.]+)" cy="([\d.]+)"', svg).groups()
    dx, dy = float(x) - diagrams.CENTRE, diagrams.CENTRE - float(y)
    return math.degrees(math.atan2(dx, dy)) % 360


def test_wheel_places_a_meeting_in_its_month(norddjurs):
    year = timezone.localdate().year + 1
    body = BodyFactory()
    meeting = MeetingFactory(
        body=body, starts_at=timezone.make_aware(datetime.datetime(year, 5, 12, 9))
    )
    svg = diagrams.wheel_svg(year, [WheelRing(body, [meeting], [])], url_for)
    start, end = diagrams.month_span(year, 5)
    assert start <= _dot_angle(svg) < end
    assert f'href="/x/{meeting.pk}/"' in svg


def test_wheel_titles_a_meeting_with_date_and_status(norddjurs):
    year = timezone.localdate().year + 1
    body = BodyFactory(name="Styregruppen")
    meeting = MeetingFactory(
        body=body,
        starts_at=timezone.make_aware(datetime.datetime(year, 3, 3, 9)),
        status=MeetingStatus.PLANNED,
    )
    with translation.override("en"):
        svg = diagrams.wheel_svg(year, [WheelRing(body, [meeting], [])], url_for)
    title = re.search(r'class="wheel-meeting"><title>(.*?)</title>', svg).group(1)
    assert "Styregruppen" in title
    assert str(year) in title
    assert "Planned" in title


def test_wheel_shows_recurring_items_per_quarter_and_month(norddjurs):
    year = timezone.localdate().year + 1
    body = BodyFactory()
    quarterly = CycleItemFactory(body=body, title="Porteføljen", quarters="1,3")
    yearly = CycleItemFactory(body=body, title="Seminar", month=11)
    svg = diagrams.wheel_svg(year, [WheelRing(body, [], [quarterly, yearly])], url_for)
    assert svg.count('class="wheel-cycle"') == 3
    assert "Porteføljen" in svg
    assert "Seminar" in svg


def test_wheel_marks_today_only_in_the_current_year(norddjurs):
    body = BodyFactory()
    today = timezone.localdate()
    assert 'class="wheel-today"' in diagrams.wheel_svg(
        today.year, [WheelRing(body, [], [])], url_for
    )
    later = diagrams.wheel_svg(today.year + 1, [WheelRing(body, [], [])], url_for)
    assert 'class="wheel-today"' not in later


def test_wheel_has_a_ring_per_body_in_its_legend(norddjurs):
    bodies = [BodyFactory(name=f"Gruppe {n}") for n in range(3)]
    svg = diagrams.wheel_svg(2031, [WheelRing(b, [], []) for b in bodies], url_for)
    for number, body in enumerate(bodies, start=1):
        assert f"{number}. {body.name}</text>" in svg
    assert 'aria-labelledby="wheel-title wheel-desc"' in svg
