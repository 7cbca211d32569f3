"""The benefit calculations against hand-computed cases, and their properties."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from styrbord.benefits import calc

money = st.decimals(min_value=-10_000_000, max_value=10_000_000, places=2, allow_nan=False)
rates = st.decimals(min_value=0, max_value=30, places=2, allow_nan=False)


def test_achievement_of_a_rising_measure_is_the_share_of_the_distance_covered():
    # Satisfaction 60 → target 80, now 70: half way.
    assert calc.achievement(D(60), D(80), D(70)) == D("0.5")


def test_achievement_of_a_falling_measure_counts_a_fall_as_progress():
    # Case-handling time 20 days → target 12, now 14: (14 − 20) / (12 − 20) = 0.75.
    assert calc.achievement(D(20), D(12), D(14)) == D("0.75")


def test_a_falling_measure_that_rose_has_negative_achievement():
    assert calc.achievement(D(20), D(12), D(22)) == D("-0.25")


def test_achievement_beyond_the_target_is_above_one():
    assert calc.achievement(D(20), D(12), D(10)) == D("1.25")


def test_a_target_equal_to_the_baseline_has_no_fraction():
    assert calc.achievement(D(50), D(50), D(55)) is None


def test_holding_the_level_depends_on_the_direction():
    assert calc.held(D(50), D(55), lower_is_better=False)
    assert not calc.held(D(50), D(55), lower_is_better=True)
    assert calc.held(D(50), D(50), lower_is_better=True)


def test_npv_discounts_from_the_second_year():
    # −1000 now, +600 in each of the two next years at 10 %:
    # −1000 + 600/1.1 + 600/1.21 = −1000 + 545.4545… + 495.8677… = 41.3223…
    result = calc.npv([D(-1000), D(600), D(600)], D(10))
    assert result.quantize(D("0.0001")) == D("41.3223")


def test_npv_at_a_zero_rate_is_the_plain_sum():
    assert calc.npv([D(-1000), D(400), D(700)], D(0)) == D(100)


def test_payback_is_the_first_year_the_cumulative_flow_stays_non_negative():
    # Cumulative: −1000, −600, 100, 500 → year 2.
    assert calc.payback_offset([D(-1000), D(400), D(700), D(400)]) == 2


def test_payback_never_happens_when_the_cumulative_flow_stays_negative():
    assert calc.payback_offset([D(-1000), D(100), D(100)]) is None


def test_payback_that_is_lost_again_does_not_count():
    # Cumulative: −100, 100, −50: above zero in year 1 but not at the end.
    assert calc.payback_offset([D(-100), D(200), D(-150)]) is None


def test_a_case_with_no_costs_pays_back_at_once():
    assert calc.payback_offset([D(0), D(100)]) == 0


def test_the_expected_value_of_a_three_point_estimate_is_the_pert_mean():
    # (60 + 4 × 100 + 200) / 6 = 110.
    assert calc.expected_value(D(60), D(100), D(200)) == D(110)


def test_sensitivity_puts_the_widest_swing_first():
    lines = [
        calc.Estimate("licens", 0, D(-120), D(-100), D(-90)),
        calc.Estimate("gevinst", 1, D(50), D(200), D(400)),
    ]
    rows = calc.sensitivity(lines, 2, D(0))
    assert [row[0] for row in rows] == ["gevinst", "licens"]
    _key, low, high = rows[0]
    # Others at expected: licens −101.67; gevinst expected 208.33 → low 50, high 400.
    assert low.quantize(D("0.01")) == D("-51.67")
    assert high.quantize(D("0.01")) == D("298.33")


@given(baseline=money, target=money)
def test_achievement_is_zero_at_the_baseline_and_one_at_the_target(baseline, target):
    if baseline == target:
        assert calc.achievement(baseline, target, baseline) is None
    else:
        assert calc.achievement(baseline, target, baseline) == 0
        assert calc.achievement(baseline, target, target) == 1


@given(flows=st.lists(money, min_size=1, max_size=10))
def test_npv_at_zero_rate_equals_the_sum(flows):
    assert calc.npv(flows, D(0)) == sum(flows, D(0))


@given(flow=st.decimals(min_value=1, max_value=1_000_000, places=2), low=rates, high=rates)
def test_a_higher_rate_never_raises_the_value_of_a_later_benefit(flow, low, high):
    low, high = sorted((low, high))
    assert calc.npv([D(0), flow], high) <= calc.npv([D(0), flow], low)


@given(flows=st.lists(money, min_size=1, max_size=10))
def test_after_the_payback_year_the_cumulative_flow_is_never_negative(flows):
    offset = calc.payback_offset(flows)
    running = calc.cumulative(flows)
    if offset is None:
        assert running[-1] < 0
    else:
        assert all(value >= 0 for value in running[offset:])
        assert offset == 0 or running[offset - 1] < 0


@given(a=money, b=money, c=money)
def test_the_expected_value_lies_between_minimum_and_maximum(a, b, c):
    low, likely, high = sorted((a, b, c))
    assert low <= calc.expected_value(low, likely, high) <= high


@pytest.mark.parametrize("rate", [D(0), D("3.5")])
def test_worst_and_best_bracket_the_expected_flows(rate):
    lines = [
        calc.Estimate("cost", 0, D(-150), D(-100), D(-80)),
        calc.Estimate("benefit", 1, D(20), D(60), D(90)),
    ]
    worst, best = calc.worst_and_best(lines, 2)
    expected = calc.flows(lines, 2)
    assert calc.npv(worst, rate) <= calc.npv(expected, rate) <= calc.npv(best, rate)
