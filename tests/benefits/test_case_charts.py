"""The business case's charts: the cash flow and the sensitivity tornado, drawn from a
worked-out case (``economics.work_out`` on unsaved rows: no database needed)."""

import re
from decimal import Decimal as D

from styrbord.benefits import case_charts, economics
from styrbord.benefits.models import BusinessCase, CostKind, CostLine, CostType


def _case(years: int = 3) -> BusinessCase:
    return BusinessCase(start_year=2026, horizon_years=years, discount_rate=D("3.5"))


def _cost(case: BusinessCase, year: int, amount: int, *, spread: int = 0, **extra) -> CostLine:
    fields = {"kind": CostKind.ONE_OFF, "cost_type": CostType.CONSULTANTS, **extra}
    return CostLine(
        case=case,
        year=year,
        minimum=D(amount - spread),
        likely=D(amount),
        maximum=D(amount + spread),
        **fields,
    )


def _result(case: BusinessCase, costs: list[CostLine]) -> economics.CaseResult:
    return economics.work_out(case, costs, [])


def _has_title_and_desc(svg: str, chart_id: str) -> bool:
    return (
        'role="img"' in svg
        and f'aria-labelledby="{chart_id}-title {chart_id}-desc"' in svg
        and re.search(rf'<title id="{chart_id}-title">[^<]+</title>', svg) is not None
        and re.search(rf'<desc id="{chart_id}-desc">[^<]+</desc>', svg) is not None
    )


# The cash flow


def test_the_cash_flow_chart_has_a_title_and_a_description():
    case = _case()
    svg = case_charts.cash_flow_chart(_result(case, [_cost(case, 2026, 1000)]))
    assert _has_title_and_desc(svg, "chart-cash-flow")


def test_the_cash_flow_chart_takes_the_id_it_is_given():
    svg = case_charts.cash_flow_chart(_result(_case(), []), chart_id="pdf-cash")
    assert _has_title_and_desc(svg, "pdf-cash")


def test_the_cash_flow_chart_survives_a_case_without_lines():
    svg = case_charts.cash_flow_chart(_result(_case(), []))
    assert _has_title_and_desc(svg, "chart-cash-flow")
    assert svg.count('class="chart-net"') == 3
    assert not re.search(r'="-?(nan|inf)', svg)


def test_the_cash_flow_chart_has_a_bar_and_a_year_label_per_year():
    case = _case(years=5)
    svg = case_charts.cash_flow_chart(_result(case, [_cost(case, 2026, 1000)]))
    assert svg.count('class="chart-net"') == 5
    for year in range(2026, 2031):
        assert f">{year}</text>" in svg


def test_a_years_costs_draw_its_bar_below_the_zero_line():
    case = _case()
    svg = case_charts.cash_flow_chart(_result(case, [_cost(case, 2026, 1000)]))
    zero = float(re.search(r'class="chart-zero" x1="[\d.]+" y1="([\d.]+)"', svg).group(1))
    bar = re.search(
        r'class="chart-net" x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"', svg
    )
    top, height = float(bar.group(1)), float(bar.group(2))
    assert top == zero and height > 0
    assert case_charts.NEGATIVE in svg


def test_the_cumulative_is_a_line_through_every_year():
    case = _case(years=4)
    svg = case_charts.cash_flow_chart(_result(case, [_cost(case, 2026, 1000)]))
    points = re.search(r'class="chart-cumulative" points="([^"]+)"', svg).group(1)
    assert len(points.split()) == 4


def test_a_case_that_never_pays_back_has_no_payback_marker_and_says_so():
    case = _case()
    result = _result(case, [_cost(case, 2026, 1000)])
    assert result.payback_year is None and result.npv < 0
    svg = case_charts.cash_flow_chart(result)
    assert 'class="chart-payback"' not in svg
    assert "-1.000" in svg or "-1,000" in svg


def test_a_case_that_pays_back_marks_the_year():
    result = economics.CaseResult(
        years=[
            economics.YearRow(year=2026, net=D(-100), cumulative=D(-100)),
            economics.YearRow(year=2027, net=D(150), cumulative=D(50)),
        ],
        npv=D(45),
        npv_likely=D(45),
        npv_worst=D(45),
        npv_best=D(45),
        payback_year=2027,
    )
    svg = case_charts.cash_flow_chart(result)
    assert svg.count('class="chart-payback"') == 1
    assert "2027" in re.search(r'<desc id="chart-cash-flow-desc">([^<]+)</desc>', svg).group(1)


# The tornado


def test_the_tornado_has_a_title_and_a_description():
    case = _case()
    result = _result(case, [_cost(case, 2026, 1000, spread=200)])
    svg = case_charts.tornado_chart(result.sensitivity, result.npv)
    assert _has_title_and_desc(svg, "chart-sensitivity")


def test_the_tornado_survives_a_case_without_lines():
    svg = case_charts.tornado_chart([], D(0))
    assert _has_title_and_desc(svg, "chart-sensitivity")
    assert "<rect" not in svg


def test_the_tornado_has_a_bar_per_line_around_a_negative_npv():
    case = _case()
    costs = [
        _cost(case, 2026, 1000, spread=500),
        _cost(case, 2027, 300, spread=50, cost_type=CostType.LICENCES, kind=CostKind.RUNNING),
    ]
    result = _result(case, costs)
    assert result.npv < 0
    svg = case_charts.tornado_chart(result.sensitivity, result.npv)
    assert svg.count('class="chart-worse"') == 2
    assert svg.count('class="chart-better"') == 2
    assert svg.count('class="chart-base"') == 1


def test_a_line_without_a_range_draws_no_bar():
    case = _case()
    result = _result(case, [_cost(case, 2026, 1000)])
    svg = case_charts.tornado_chart(result.sensitivity, result.npv)
    assert 'class="chart-worse"' not in svg and 'class="chart-better"' not in svg


def test_the_tornado_escapes_the_line_names():
    svg = case_charts.tornado_chart([("<b>Konsulenter & co</b>", D(-10), D(10))], D(0))
    assert "<b>" not in svg
    assert "&lt;b&gt;Konsulenter &amp; co&lt;/b&gt;" in svg


def test_a_long_line_name_is_clipped():
    name = "En meget lang betegnelse for en omkostning som ingen kan læse i en graf"
    svg = case_charts.tornado_chart([(name, D(-10), D(10))], D(0))
    assert name not in svg
    assert "…" in svg


# The axis


def test_the_axis_covers_the_values_with_round_steps():
    ticks = case_charts._ticks(-1_050_000, 400_000)
    assert ticks[0] <= -1_050_000 and ticks[-1] >= 400_000
    assert ticks == [-1_500_000, -1_000_000, -500_000, 0, 500_000]


def test_the_axis_of_nothing_still_has_a_span():
    ticks = case_charts._ticks(0, 0)
    assert ticks[0] == 0 and ticks[-1] > 0
