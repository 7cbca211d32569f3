"""The benefit's realisation chart: an accessible SVG of the expected profile against the
measurements, with the baseline and the expected target as lines, and its table rows."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from styrbord.benefits import charts
from styrbord.benefits.models import Benefit, Measurement, ProfilePoint
from tests.benefits.factories import BenefitFactory, measure

DAY = datetime.date(2026, 1, 1)


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


def _benefit(**fields) -> Benefit:
    values = {
        "title": "Kortere ventetid",
        "unit": "dage",
        "baseline_value": Decimal(20),
        "baseline_date": DAY,
        "target_expected": Decimal(12),
        "target_date": datetime.date(2027, 1, 1),
    }
    values.update(fields)
    return Benefit(**values)


def _measured(value, day: datetime.date, pk: int = 1) -> Measurement:
    return Measurement(pk=pk, measured_on=day, value=Decimal(value))


def _point(value, day: datetime.date) -> ProfilePoint:
    return ProfilePoint(period_end=day, expected_value=Decimal(value))


MEASUREMENTS = [_measured(18, datetime.date(2026, 4, 1)), _measured(15, datetime.date(2026, 7, 1))]
PROFILE = [_point(17, datetime.date(2026, 6, 30)), _point(12, datetime.date(2026, 12, 31))]


def test_the_chart_is_an_image_with_a_title_and_a_description():
    chart = charts.benefit_chart(_benefit(), MEASUREMENTS, PROFILE, chart_id="c1")
    assert 'role="img"' in chart
    assert 'aria-labelledby="c1-title c1-desc"' in chart
    assert '<title id="c1-title">Realisation of Kortere ventetid (dage)</title>' in chart
    desc = re.search(r'<desc id="c1-desc">(.*?)</desc>', chart).group(1)
    assert "Baseline 20 dage." in desc
    assert "Expected target 12 dage." in desc
    assert "Measurements: 2, the latest 15 dage" in desc


def test_the_chart_draws_the_profile_the_measurements_and_the_two_levels():
    chart = charts.benefit_chart(_benefit(), MEASUREMENTS, PROFILE)
    assert chart.count("<polyline") == 2  # the profile and the measurements
    assert chart.count("<circle") == 2 + 1  # the measurements and the legend's marker
    assert "Baseline: 20" in chart
    assert "Expected target: 12" in chart
    assert "Expected realisation profile" in chart
    assert "Measured" in chart


def test_the_lower_value_is_drawn_lower():
    chart = charts.benefit_chart(_benefit(), MEASUREMENTS, [])
    circles = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="4.5"', chart)[:2]
    (x1, y1), (x2, y2) = ((float(x), float(y)) for x, y in circles)
    assert x2 > x1  # later to the right
    assert y2 > y1  # 15 below 18


def test_text_in_the_chart_is_escaped():
    chart = charts.benefit_chart(_benefit(title='<script>"x"</script>'), MEASUREMENTS, PROFILE)
    assert "<script>" not in chart
    assert "&lt;script&gt;" in chart


def test_a_benefit_with_nothing_to_draw_says_so():
    chart = charts.benefit_chart(
        _benefit(baseline_value=None, target_expected=None, baseline_date=None, target_date=None),
        [],
        [],
    )
    assert 'role="img"' in chart
    assert "Nothing to draw yet" in chart
    assert "No measurements yet." in chart


def test_a_single_date_still_gives_a_chart():
    chart = charts.benefit_chart(
        _benefit(baseline_date=None, target_date=None), [_measured(18, DAY)], []
    )
    assert "<circle" in chart
    assert '="nan"' not in chart


def test_the_rows_join_the_profile_and_the_measurements_by_date():
    rows = charts.rows([*MEASUREMENTS, _measured(14, datetime.date(2026, 7, 1), pk=2)], PROFILE)
    assert [(r.day, r.expected, r.measured) for r in rows] == [
        (datetime.date(2026, 4, 1), None, Decimal(18)),
        (datetime.date(2026, 6, 30), Decimal(17), None),
        # Two measurements on one day: the later recorded counts, as in the chart.
        (datetime.date(2026, 7, 1), None, Decimal(14)),
        (datetime.date(2026, 12, 31), Decimal(12), None),
    ]


def test_the_detail_page_puts_the_chart_next_to_a_table_of_the_same_numbers(reader_client):
    benefit = BenefitFactory(title="Færre fejl")
    measure(benefit, "16.5", days_ago=5)
    html = reader_client.get(
        reverse("benefits:benefit_detail", kwargs={"kommune": "norddjurs", "pk": benefit.pk})
    ).content.decode()
    assert '<title id="chart-benefit-title">Realisation of Færre fejl (dage)</title>' in html
    assert "<caption>Expected and measured values by date (dage)</caption>" in html
    assert "<td>16.50</td>" in html
