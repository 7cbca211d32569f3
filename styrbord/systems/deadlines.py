"""The dates of a contract's notice terms, as pure functions.

No database here: each function takes plain dates and is tested against hand-computed
cases (``tests/systems/test_deadlines.py``). The terms are the Danish ones KITOS records:
a notice period in months "til udgangen af" a month, quarter or calendar year, an
optional fixed expiry, and an optional "uopsigelig indtil" (irrevocable until).

Months are counted on the calendar and kept within the month: 31 January + 1 month is
28/29 February. Counting back from a month's last day lands on a month's last day, so
that notice given on any day of the right month is in time (see ``last_notice_day``).
"""

import calendar
import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from styrbord.core.dates import add_months


class ByEndOf(models.TextChoices):
    """The period whose end a notice runs to (KITOS ``noticeByEndOf``)."""

    MONTH = "month", gettext_lazy("End of month")
    QUARTER = "quarter", gettext_lazy("End of quarter")
    YEAR = "year", gettext_lazy("End of calendar year")


# KITOS API v2 spells the same three periods like this.
KITOS_BY_END_OF = {
    "EndOfMonth": ByEndOf.MONTH,
    "EndOfQuarter": ByEndOf.QUARTER,
    "EndOfCalendarYear": ByEndOf.YEAR,
}


@dataclass(frozen=True)
class Deadline:
    """Notice given on or before ``notice_by`` ends the contract on ``ends_on``."""

    notice_by: datetime.date
    ends_on: datetime.date


def _last_of_month(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _is_last_of_month(day: datetime.date) -> bool:
    return day == _last_of_month(day.year, day.month)


def _require_months(months: int) -> None:
    if months < 0:
        raise ValueError(f"months must not be negative, got {months}")


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The latest date that is still at least ``months`` before ``day``: the latest ``d``
    with ``add_months(d, months) <= day``.

    Mostly that is ``day`` counted back; the difference is at a month's end, which counts
    back to a month's end: 30 June − 6 months is 31 December, because 31 December + 6
    months is 30 June. Plain counting back would give 30 December and make a notice given
    on 31 December look one day late."""
    _require_months(months)
    earlier = add_months(day, -months)
    if _is_last_of_month(day):
        return _last_of_month(earlier.year, earlier.month)
    return earlier


def period_end(day: datetime.date, by_end_of: ByEndOf | str) -> datetime.date:
    """The last day of the month, quarter or calendar year that contains ``day``."""
    by_end_of = ByEndOf(by_end_of)
    if by_end_of == ByEndOf.MONTH:
        return _last_of_month(day.year, day.month)
    if by_end_of == ByEndOf.QUARTER:
        # Quarters end in March, June, September and December.
        return _last_of_month(day.year, (day.month - 1) // 3 * 3 + 3)
    return datetime.date(day.year, 12, 31)


def earliest_end(
    notice_on: datetime.date,
    months: int,
    by_end_of: ByEndOf | str | None,
    irrevocable_until: datetime.date | None = None,
) -> datetime.date:
    """The day a contract ends at the earliest when notice is given on ``notice_on``.

    The notice period must run in full (``notice_on`` + ``months``) and the contract must
    not end before ``irrevocable_until``; the end is then the first end of a month,
    quarter or year (``by_end_of``) on or after the later of the two. Example: three
    months to the end of a quarter, given 21 November 2026: the period runs to 21 February
    2027, so the contract ends 31 March 2027.

    Without ``by_end_of`` (the terms name no period) the contract ends the day the notice
    period runs out."""
    _require_months(months)
    end = add_months(notice_on, months)
    if irrevocable_until is not None and irrevocable_until > end:
        end = irrevocable_until
    if by_end_of is None:
        return end
    return period_end(end, by_end_of)


def last_notice_day(end_on: datetime.date, months: int) -> datetime.date:
    """The last day notice can be given so that a ``months`` notice period has run by
    ``end_on``: notice on or before this day ends the contract on ``end_on``.

    ``end_on`` counted back ``months``, where a month's end counts back to a month's end
    (``months_before``): to end on 30 June with six months' notice, give notice by 31
    December; to end on 31 August, by 28/29 February."""
    return months_before(end_on, months)


def notice_deadline(
    *,
    today: datetime.date,
    expires_on: datetime.date | None,
    months: int,
    by_end_of: ByEndOf | str | None,
    irrevocable_until: datetime.date | None,
) -> Deadline | None:
    """The coming last day to give notice, and the day the contract then ends.

    A fixed-term contract (``expires_on`` set) is given notice before its expiry so that it
    is not rolled over or extended: the deadline is ``last_notice_day(expires_on, months)``
    and it ends on the expiry (the period in ``by_end_of`` and ``irrevocable_until`` do not
    move a date the parties fixed). When that day has passed it is too late for the
    expiry, and there is no deadline to show: None.

    A running contract (no expiry) can be given notice any day; the deadline is the last
    day that still reaches its earliest possible end from ``today`` (``earliest_end``).
    Notice on ``today`` itself is in time, so that day is never in the past."""
    if expires_on is not None:
        notice_by = last_notice_day(expires_on, months)
        if notice_by < today:
            return None
        return Deadline(notice_by=notice_by, ends_on=expires_on)
    ends_on = earliest_end(today, months, by_end_of, irrevocable_until)
    return Deadline(notice_by=last_notice_day(ends_on, months), ends_on=ends_on)


def decision_deadline(notice_by: datetime.date, lead_months: int = 6) -> datetime.date:
    """The day by which the contract owner must decide to terminate, re-tender or renew:
    ``lead_months`` before the last notice day, so that a re-tender has time to run.
    Counted back like ``months_before``: six months before 31 December is 30 June."""
    return months_before(notice_by, lead_months)


def expiring_within(expires_on: datetime.date | None, today: datetime.date, months: int) -> bool:
    """Whether the contract expires from ``today`` up to ``months`` months on, both days
    included (the 6, 12 and 18 month lists). A contract without an expiry, or one that has
    already expired, is in none of them."""
    _require_months(months)
    if expires_on is None:
        return False
    return today <= expires_on <= add_months(today, months)


def notice_problem(
    *,
    starts_on: datetime.date | None,
    expires_on: datetime.date | None,
    months: int | None,
    irrevocable_until: datetime.date | None,
) -> str | None:
    """Why the terms cannot be met, or None when they can. Terms not filled in are not
    checked. The first problem found is given:

    - the notice period is negative;
    - the contract expires before it starts;
    - it is irrevocable until after it expires;
    - the notice period is longer than the whole contract: the last notice day before the
      expiry falls before the start, so the contract could never be given notice in time.
    """
    if months is not None and months < 0:
        return _("The notice period cannot be negative.")
    if starts_on is not None and expires_on is not None and expires_on < starts_on:
        return _("The contract expires before it starts.")
    if irrevocable_until is not None and expires_on is not None and irrevocable_until > expires_on:
        return _("The contract is irrevocable until after it expires.")
    if (
        starts_on is not None
        and expires_on is not None
        and months is not None
        and last_notice_day(expires_on, months) < starts_on
    ):
        return _("The notice period is longer than the whole contract.")
    return None
