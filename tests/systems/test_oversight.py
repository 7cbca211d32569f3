"""The next oversight due and the 72-hour notification status, against hand-computed cases."""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation

from styrbord.systems.oversight import (
    NotifyState,
    duration_in_words,
    next_oversight_due,
    notify_status,
)

CPH = ZoneInfo("Europe/Copenhagen")
D = datetime.date


def at(*parts: int) -> datetime.datetime:
    return datetime.datetime(*parts, tzinfo=CPH)


def incident(detected_at, *, breach=True, notified_at=None):
    return SimpleNamespace(
        detected_at=detected_at, personal_data_breach=breach, notified_at=notified_at
    )


@pytest.fixture(autouse=True)
def english_in_copenhagen():
    with translation.override("en"), timezone.override(CPH):
        yield


class TestNextOversightDue:
    def test_counts_from_the_last_oversight(self):
        assert next_oversight_due(D(2025, 3, 10), D(2020, 1, 1), 12) == D(2026, 3, 10)

    def test_counts_from_the_agreement_before_the_first_oversight(self):
        assert next_oversight_due(None, D(2025, 6, 15), 6) == D(2025, 12, 15)

    def test_nothing_is_due_without_an_interval(self):
        assert next_oversight_due(D(2025, 3, 10), D(2025, 1, 1), None) is None
        assert next_oversight_due(D(2025, 3, 10), D(2025, 1, 1), 0) is None

    def test_nothing_is_due_with_nothing_to_count_from(self):
        assert next_oversight_due(None, None, 12) is None

    def test_a_leap_day_plus_a_year_is_the_last_of_february(self):
        assert next_oversight_due(D(2024, 2, 29), None, 12) == D(2025, 2, 28)

    def test_a_leap_day_plus_four_years_is_a_leap_day(self):
        assert next_oversight_due(None, D(2024, 2, 29), 48) == D(2028, 2, 29)

    def test_a_month_end_stays_within_the_shorter_month(self):
        assert next_oversight_due(D(2025, 8, 31), None, 6) == D(2026, 2, 28)
        assert next_oversight_due(D(2023, 8, 31), None, 6) == D(2024, 2, 29)
        assert next_oversight_due(D(2026, 1, 31), None, 3) == D(2026, 4, 30)

    def test_runs_over_the_year_end(self):
        assert next_oversight_due(D(2026, 11, 30), None, 3) == D(2027, 2, 28)


class TestNotifyStatus:
    def test_not_required_without_a_personal_data_breach(self):
        status = notify_status(incident(at(2026, 11, 20, 14, 5), breach=False), at(2026, 12, 1))
        assert status.state == NotifyState.NOT_REQUIRED
        assert status.deadline is None
        assert not status.is_open
        assert "need not be notified" in status.sentence

    def test_due_with_hours_and_minutes_left(self):
        status = notify_status(incident(at(2026, 11, 20, 14, 5)), at(2026, 11, 21, 20, 53))
        assert status.state == NotifyState.DUE
        assert status.deadline == at(2026, 11, 23, 14, 5)
        assert status.remaining == datetime.timedelta(hours=41, minutes=12)
        assert status.sentence == (
            "Datatilsynet must be notified by 23.11.2026 at 14:05 — 41 hours and 12 minutes left"
        )

    def test_the_deadline_is_said_in_local_time(self):
        detected = datetime.datetime(2026, 11, 20, 13, 5, tzinfo=datetime.UTC)
        status = notify_status(incident(detected), at(2026, 11, 21, 8, 0))
        assert "23.11.2026 at 14:05" in status.sentence

    def test_due_soon_within_a_day_says_so(self):
        status = notify_status(incident(at(2026, 11, 20, 14, 5)), at(2026, 11, 22, 15, 4))
        assert status.state == NotifyState.DUE_SOON
        assert status.needs_attention
        assert status.label == "Due soon"
        assert status.sentence.endswith("23 hours and 1 minute left")

    def test_less_than_a_minute_left(self):
        status = notify_status(incident(at(2026, 11, 20, 14, 5)), at(2026, 11, 23, 14, 4, 30))
        assert status.sentence.endswith("less than a minute left")

    def test_overdue_at_the_deadline(self):
        status = notify_status(incident(at(2026, 11, 20, 14, 5)), at(2026, 11, 23, 14, 5))
        assert status.state == NotifyState.OVERDUE
        assert status.is_open

    def test_overdue_says_by_how_much(self):
        status = notify_status(incident(at(2026, 11, 20, 14, 5)), at(2026, 11, 23, 16, 5))
        assert status.state == NotifyState.OVERDUE
        assert status.label == "Overdue"
        assert status.sentence == (
            "Datatilsynet should have been notified by 23.11.2026 at 14:05 — overdue by 2 hours"
        )

    def test_long_overdue_is_said_in_days(self):
        status = notify_status(incident(at(2026, 11, 1, 8, 0)), at(2026, 11, 10, 11, 30))
        assert status.sentence.endswith("overdue by 6 days and 3 hours")

    def test_notified_on_time(self):
        status = notify_status(
            incident(at(2026, 11, 20, 14, 5), notified_at=at(2026, 11, 22, 9, 0)),
            at(2026, 12, 1),
        )
        assert status.state == NotifyState.NOTIFIED_ON_TIME
        assert not status.is_open
        assert status.sentence == (
            "Datatilsynet was notified on 22.11.2026 at 09:00, within 72 hours."
        )

    def test_notified_exactly_at_the_deadline_is_on_time(self):
        status = notify_status(
            incident(at(2026, 11, 20, 14, 5), notified_at=at(2026, 11, 23, 14, 5)),
            at(2026, 12, 1),
        )
        assert status.state == NotifyState.NOTIFIED_ON_TIME

    def test_notified_late(self):
        status = notify_status(
            incident(at(2026, 11, 20, 14, 5), notified_at=at(2026, 11, 23, 19, 35)),
            at(2026, 12, 1),
        )
        assert status.state == NotifyState.NOTIFIED_LATE
        assert status.sentence == (
            "Datatilsynet was notified on 23.11.2026 at 19:35, "
            "5 hours and 30 minutes after the deadline."
        )

    def test_72_hours_over_a_daylight_saving_change_are_real_hours(self):
        # Summer time ends on 25 October 2026 at 03:00, so the wall clock gains an hour.
        status = notify_status(incident(at(2026, 10, 24, 12, 0)), at(2026, 10, 25, 12, 0))
        assert "27.10.2026 at 11:00" in status.sentence


class TestDurationInWords:
    @pytest.mark.parametrize(
        ("delta", "words"),
        [
            (datetime.timedelta(minutes=1), "1 minute"),
            (datetime.timedelta(minutes=59, seconds=59), "59 minutes"),
            (datetime.timedelta(hours=1), "1 hour"),
            (datetime.timedelta(hours=71, minutes=59), "71 hours and 59 minutes"),
            (datetime.timedelta(hours=72), "3 days"),
            (datetime.timedelta(days=4, hours=1, minutes=50), "4 days and 1 hour"),
        ],
    )
    def test_whole_units_rounded_down(self, delta, words):
        assert duration_in_words(delta) == words
