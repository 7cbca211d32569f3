"""A contract's notice dates against hand-computed cases, and their properties."""

from datetime import date, timedelta

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from styrbord.systems.deadlines import (
    KITOS_BY_END_OF,
    ByEndOf,
    Deadline,
    add_months,
    decision_deadline,
    earliest_end,
    expiring_within,
    last_notice_day,
    notice_deadline,
    notice_problem,
    period_end,
)

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 12, 31))
notice_months = st.integers(min_value=0, max_value=36)
periods = st.sampled_from(list(ByEndOf))


@pytest.fixture(autouse=True)
def english():
    """The assertions read the English source texts, whatever the Danish catalogue says."""
    with translation.override("en"):
        yield


def _period_start(end: date, by_end_of: ByEndOf) -> date:
    """The first day of the period that ends on ``end`` (a test oracle, counted by hand)."""
    span = {ByEndOf.MONTH: 1, ByEndOf.QUARTER: 3, ByEndOf.YEAR: 12}[by_end_of]
    return add_months(end.replace(day=1), -(span - 1))


# add_months


def test_adding_a_month_to_the_31st_of_january_gives_the_end_of_february():
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)


def test_adding_months_across_a_new_year():
    assert add_months(date(2026, 11, 21), 3) == date(2027, 2, 21)


# period_end


@pytest.mark.parametrize(
    ("by_end_of", "expected"),
    [
        (ByEndOf.MONTH, date(2027, 2, 28)),
        (ByEndOf.QUARTER, date(2027, 3, 31)),
        (ByEndOf.YEAR, date(2027, 12, 31)),
    ],
)
def test_period_end_is_the_last_day_of_the_period_containing_the_day(by_end_of, expected):
    assert period_end(date(2027, 2, 21), by_end_of) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 1, 1), date(2026, 3, 31)),
        (date(2026, 4, 1), date(2026, 6, 30)),
        (date(2026, 9, 30), date(2026, 9, 30)),
        (date(2026, 10, 15), date(2026, 12, 31)),
    ],
)
def test_quarters_end_in_march_june_september_and_december(day, expected):
    assert period_end(day, ByEndOf.QUARTER) == expected


def test_period_end_of_a_leap_february_is_the_29th():
    assert period_end(date(2028, 2, 3), ByEndOf.MONTH) == date(2028, 2, 29)


def test_period_end_accepts_the_stored_string_value():
    assert period_end(date(2026, 5, 5), "quarter") == date(2026, 6, 30)


def test_period_end_refuses_an_unknown_period():
    with pytest.raises(ValueError):
        period_end(date(2026, 5, 5), "week")


def test_kitos_period_names_map_to_ours():
    assert KITOS_BY_END_OF["EndOfMonth"] == ByEndOf.MONTH
    assert KITOS_BY_END_OF["EndOfQuarter"] == ByEndOf.QUARTER
    assert KITOS_BY_END_OF["EndOfCalendarYear"] == ByEndOf.YEAR


# earliest_end


def test_three_months_to_the_end_of_a_quarter_given_in_november_ends_in_march():
    # 21 Nov 2026 + 3 months = 21 Feb 2027, in the quarter ending 31 March.
    assert earliest_end(date(2026, 11, 21), 3, ByEndOf.QUARTER) == date(2027, 3, 31)


def test_three_months_to_the_end_of_a_month_given_in_november_ends_in_february():
    assert earliest_end(date(2026, 11, 21), 3, ByEndOf.MONTH) == date(2027, 2, 28)


def test_three_months_to_the_end_of_a_year_given_in_november_ends_the_next_year():
    assert earliest_end(date(2026, 11, 21), 3, ByEndOf.YEAR) == date(2027, 12, 31)


def test_notice_whose_period_runs_out_on_a_period_end_ends_that_day():
    # 31 Dec 2026 + 3 months = 31 March 2027, itself a quarter end.
    assert earliest_end(date(2026, 12, 31), 3, ByEndOf.QUARTER) == date(2027, 3, 31)


def test_notice_given_on_the_first_day_after_a_quarter_waits_for_the_next_quarter():
    # 1 Jan 2027 + 3 months = 1 April 2027, in the quarter ending 30 June.
    assert earliest_end(date(2027, 1, 1), 3, ByEndOf.QUARTER) == date(2027, 6, 30)


def test_month_end_arithmetic_keeps_notice_from_the_31st_within_february():
    # 30 Nov 2026 + 3 months = 28 Feb 2027 (no 30 February), a month end.
    assert earliest_end(date(2026, 11, 30), 3, ByEndOf.MONTH) == date(2027, 2, 28)


def test_irrevocable_until_pushes_the_end_to_the_first_period_end_on_or_after_it():
    # The notice period would end the contract 31 March 2027; it is irrevocable to mid-2028.
    assert earliest_end(
        date(2026, 11, 21), 3, ByEndOf.QUARTER, irrevocable_until=date(2028, 6, 30)
    ) == date(2028, 6, 30)


def test_irrevocable_until_inside_a_period_pushes_to_that_period_end():
    assert earliest_end(
        date(2026, 11, 21), 3, ByEndOf.YEAR, irrevocable_until=date(2028, 6, 30)
    ) == date(2028, 12, 31)


def test_irrevocable_until_already_passed_changes_nothing():
    assert earliest_end(
        date(2026, 11, 21), 3, ByEndOf.QUARTER, irrevocable_until=date(2025, 1, 1)
    ) == date(2027, 3, 31)


def test_without_a_period_the_contract_ends_when_the_notice_period_runs_out():
    assert earliest_end(date(2026, 11, 21), 3, None) == date(2027, 2, 21)


def test_earliest_end_refuses_negative_months():
    with pytest.raises(ValueError):
        earliest_end(date(2026, 11, 21), -1, ByEndOf.MONTH)


@given(notice_on=days, months=notice_months, by_end_of=periods)
def test_earliest_end_is_a_period_end(notice_on, months, by_end_of):
    end = earliest_end(notice_on, months, by_end_of)
    assert period_end(end, by_end_of) == end


@given(
    notice_on=days,
    months=notice_months,
    by_end_of=periods,
    irrevocable_until=st.none() | days,
)
def test_earliest_end_lets_the_notice_period_run_and_respects_irrevocability(
    notice_on, months, by_end_of, irrevocable_until
):
    end = earliest_end(notice_on, months, by_end_of, irrevocable_until)
    assert end >= add_months(notice_on, months)
    assert irrevocable_until is None or end >= irrevocable_until


@given(
    notice_on=days,
    months=notice_months,
    by_end_of=periods,
    irrevocable_until=st.none() | days,
)
def test_earliest_end_is_the_first_period_end_that_qualifies(
    notice_on, months, by_end_of, irrevocable_until
):
    end = earliest_end(notice_on, months, by_end_of, irrevocable_until)
    previous_end = _period_start(end, by_end_of) - timedelta(days=1)
    too_early = previous_end < add_months(notice_on, months) or (
        irrevocable_until is not None and previous_end < irrevocable_until
    )
    assert too_early


# last_notice_day


def test_last_notice_day_for_the_31st_of_august_is_the_end_of_february():
    assert last_notice_day(date(2027, 8, 31), 6) == date(2027, 2, 28)
    assert last_notice_day(date(2028, 8, 31), 6) == date(2028, 2, 29)


def test_last_notice_day_from_a_month_end_is_a_month_end():
    # Notice on 31 December + 6 months = 30 June: still in time.
    assert last_notice_day(date(2027, 6, 30), 6) == date(2026, 12, 31)


def test_last_notice_day_in_mid_month_counts_back_to_the_same_day():
    assert last_notice_day(date(2027, 3, 15), 3) == date(2026, 12, 15)


def test_last_notice_day_for_a_day_missing_in_the_earlier_month_is_that_month_end():
    # There is no 30 February; notice on 28 February + 1 month = 28 March ≤ 30 March.
    assert last_notice_day(date(2027, 3, 30), 1) == date(2027, 2, 28)


def test_last_notice_day_with_no_notice_period_is_the_end_itself():
    assert last_notice_day(date(2027, 3, 15), 0) == date(2027, 3, 15)


def test_last_notice_day_refuses_negative_months():
    with pytest.raises(ValueError):
        last_notice_day(date(2027, 3, 15), -3)


@given(end_on=days, months=notice_months)
def test_last_notice_day_is_the_latest_day_whose_notice_period_fits(end_on, months):
    notice_by = last_notice_day(end_on, months)
    assert add_months(notice_by, months) <= end_on
    assert add_months(notice_by + timedelta(days=1), months) > end_on


@given(day=days, months=notice_months, by_end_of=periods)
def test_notice_on_the_last_notice_day_reaches_that_period_end(day, months, by_end_of):
    end_on = period_end(day, by_end_of)
    notice_by = last_notice_day(end_on, months)
    assert earliest_end(notice_by, months, by_end_of) == end_on
    assert earliest_end(notice_by + timedelta(days=1), months, by_end_of) > end_on


# notice_deadline


def test_a_running_contract_must_be_given_notice_by_the_last_day_for_its_earliest_end():
    deadline = notice_deadline(
        today=date(2026, 11, 21),
        expires_on=None,
        months=3,
        by_end_of=ByEndOf.QUARTER,
        irrevocable_until=None,
    )
    assert deadline == Deadline(notice_by=date(2026, 12, 31), ends_on=date(2027, 3, 31))


def test_a_running_contract_given_notice_by_end_of_month():
    deadline = notice_deadline(
        today=date(2026, 11, 21),
        expires_on=None,
        months=3,
        by_end_of=ByEndOf.MONTH,
        irrevocable_until=None,
    )
    assert deadline == Deadline(notice_by=date(2026, 11, 30), ends_on=date(2027, 2, 28))


def test_an_irrevocable_running_contract_has_its_deadline_before_the_first_possible_end():
    deadline = notice_deadline(
        today=date(2026, 11, 21),
        expires_on=None,
        months=3,
        by_end_of=ByEndOf.QUARTER,
        irrevocable_until=date(2028, 6, 30),
    )
    assert deadline == Deadline(notice_by=date(2028, 3, 31), ends_on=date(2028, 6, 30))


def test_a_fixed_term_contract_must_be_given_notice_before_its_expiry():
    deadline = notice_deadline(
        today=date(2026, 11, 21),
        expires_on=date(2027, 8, 31),
        months=6,
        by_end_of=ByEndOf.QUARTER,
        irrevocable_until=None,
    )
    assert deadline == Deadline(notice_by=date(2027, 2, 28), ends_on=date(2027, 8, 31))


def test_a_fixed_term_deadline_falling_today_is_still_in_time():
    deadline = notice_deadline(
        today=date(2027, 2, 28),
        expires_on=date(2027, 8, 31),
        months=6,
        by_end_of=ByEndOf.QUARTER,
        irrevocable_until=None,
    )
    assert deadline == Deadline(notice_by=date(2027, 2, 28), ends_on=date(2027, 8, 31))


def test_a_fixed_term_deadline_that_has_passed_is_too_late_for_the_expiry():
    assert (
        notice_deadline(
            today=date(2027, 3, 1),
            expires_on=date(2027, 8, 31),
            months=6,
            by_end_of=ByEndOf.QUARTER,
            irrevocable_until=None,
        )
        is None
    )


@given(
    today=days,
    months=notice_months,
    by_end_of=periods,
    irrevocable_until=st.none() | days,
)
def test_a_running_contracts_deadline_is_never_past_and_reaches_its_end(
    today, months, by_end_of, irrevocable_until
):
    deadline = notice_deadline(
        today=today,
        expires_on=None,
        months=months,
        by_end_of=by_end_of,
        irrevocable_until=irrevocable_until,
    )
    assert deadline is not None
    assert today <= deadline.notice_by
    assert earliest_end(deadline.notice_by, months, by_end_of, irrevocable_until) == (
        deadline.ends_on
    )


# decision_deadline


def test_the_decision_is_due_six_months_before_the_notice_deadline():
    assert decision_deadline(date(2026, 12, 31)) == date(2026, 6, 30)


def test_the_decision_lead_time_can_be_changed():
    assert decision_deadline(date(2027, 2, 15), lead_months=3) == date(2026, 11, 15)


def test_the_decision_before_a_month_end_deadline_is_due_at_a_month_end():
    assert decision_deadline(date(2027, 2, 28)) == date(2026, 8, 31)


# expiring_within


@pytest.mark.parametrize(
    ("months", "expected"),
    [(6, False), (12, True), (18, True)],
)
def test_a_contract_expiring_in_ten_months_is_on_the_12_and_18_month_lists(months, expected):
    assert expiring_within(date(2027, 9, 21), date(2026, 11, 21), months) is expected


def test_a_contract_expiring_exactly_at_the_limit_is_within_it():
    assert expiring_within(date(2027, 5, 21), date(2026, 11, 21), 6)


def test_a_contract_expiring_today_is_within_every_list():
    assert expiring_within(date(2026, 11, 21), date(2026, 11, 21), 6)


def test_an_expired_contract_is_not_expiring():
    assert not expiring_within(date(2026, 11, 20), date(2026, 11, 21), 6)


def test_a_contract_without_an_expiry_is_not_expiring():
    assert not expiring_within(None, date(2026, 11, 21), 18)


# notice_problem


def test_sound_terms_have_no_problem():
    assert (
        notice_problem(
            starts_on=date(2024, 1, 1),
            expires_on=date(2027, 12, 31),
            months=6,
            irrevocable_until=date(2025, 12, 31),
        )
        is None
    )


def test_terms_not_filled_in_have_no_problem():
    assert (
        notice_problem(starts_on=None, expires_on=None, months=None, irrevocable_until=None) is None
    )


def test_a_contract_that_expires_before_it_starts_is_a_problem():
    assert (
        notice_problem(
            starts_on=date(2026, 1, 1),
            expires_on=date(2025, 12, 31),
            months=3,
            irrevocable_until=None,
        )
        == "The contract expires before it starts."
    )


def test_a_notice_period_longer_than_the_contract_is_a_problem():
    # Twelve months' notice on a contract of one year: notice by 31 Dec 2025, before the start.
    assert (
        notice_problem(
            starts_on=date(2026, 1, 1),
            expires_on=date(2026, 12, 31),
            months=12,
            irrevocable_until=None,
        )
        == "The notice period is longer than the whole contract."
    )


def test_a_notice_period_that_fits_on_the_first_day_is_no_problem():
    # Eleven months' notice: notice by 31 Jan 2026, after the start.
    assert (
        notice_problem(
            starts_on=date(2026, 1, 1),
            expires_on=date(2026, 12, 31),
            months=11,
            irrevocable_until=None,
        )
        is None
    )


def test_irrevocable_until_after_the_expiry_is_a_problem():
    assert (
        notice_problem(
            starts_on=date(2026, 1, 1),
            expires_on=date(2027, 12, 31),
            months=3,
            irrevocable_until=date(2028, 6, 30),
        )
        == "The contract is irrevocable until after it expires."
    )


def test_a_negative_notice_period_is_a_problem():
    assert (
        notice_problem(
            starts_on=date(2026, 1, 1),
            expires_on=None,
            months=-1,
            irrevocable_until=None,
        )
        == "The notice period cannot be negative."
    )
