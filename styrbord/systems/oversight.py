"""When a processor's oversight is next due, and where an incident stands with
Datatilsynet's 72-hour deadline — as pure functions.

No database here: each function takes plain values (an incident only for its fields) and
is tested against hand-computed cases (``tests/systems/test_oversight.py``). The task
providers for "Mine opgaver" and the pages share these, so a deadline reads the same
everywhere.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from styrbord.core.dates import add_months
from styrbord.systems.models.data_protection import NOTIFY_WITHIN

# Within this much of the deadline the page says "due soon" rather than "due".
DUE_SOON_WITHIN = datetime.timedelta(hours=24)


def next_oversight_due(
    last_done: datetime.date | None,
    agreement_on: datetime.date | None,
    interval_months: int | None,
) -> datetime.date | None:
    """The day the next oversight is due: the last oversight + the interval, or — before
    the first oversight — the agreement date + the interval. ``None`` when there is no
    interval (or nothing to count from): nothing is then due."""
    if not interval_months:
        return None
    start = last_done or agreement_on
    if start is None:
        return None
    return add_months(start, interval_months)


class NotifyState(models.TextChoices):
    NOT_REQUIRED = "not_required", gettext_lazy("Not required")
    NOTIFIED_ON_TIME = "on_time", gettext_lazy("Notified on time")
    NOTIFIED_LATE = "late", gettext_lazy("Notified late")
    DUE_SOON = "due_soon", gettext_lazy("Due soon")
    DUE = "due", gettext_lazy("Due")
    OVERDUE = "overdue", gettext_lazy("Overdue")


@dataclass(frozen=True)
class NotifyStatus:
    """Where an incident stands with Datatilsynet, with the sentence that says so.

    ``remaining`` is the time left to the deadline while it is open (negative when
    overdue); ``None`` once notified or when no notification is required."""

    state: NotifyState
    sentence: str
    deadline: datetime.datetime | None = None
    remaining: datetime.timedelta | None = None

    @property
    def label(self) -> str:
        return str(self.state.label)

    @property
    def is_open(self) -> bool:
        """Datatilsynet still has to be notified."""
        return self.state in (NotifyState.DUE, NotifyState.DUE_SOON, NotifyState.OVERDUE)

    @property
    def needs_attention(self) -> bool:
        return self.state in (NotifyState.DUE_SOON, NotifyState.OVERDUE)


def _hours(count: int) -> str:
    return ngettext("%(count)d hour", "%(count)d hours", count) % {"count": count}


def _minutes(count: int) -> str:
    return ngettext("%(count)d minute", "%(count)d minutes", count) % {"count": count}


def _days(count: int) -> str:
    return ngettext("%(count)d day", "%(count)d days", count) % {"count": count}


def duration_in_words(delta: datetime.timedelta) -> str:
    """``delta`` in whole units, rounded down: hours and minutes up to the 72 hours of
    the deadline, days and hours beyond (nobody counts a week in minutes)."""
    total_minutes = max(int(abs(delta).total_seconds()) // 60, 0)
    hours, minutes = divmod(total_minutes, 60)
    if hours >= NOTIFY_WITHIN.total_seconds() // 3600:
        days, hours = divmod(hours, 24)
        if not hours:
            return _days(days)
        return _("%(days)s and %(hours)s") % {"days": _days(days), "hours": _hours(hours)}
    if not hours:
        return _minutes(minutes)
    if not minutes:
        return _hours(hours)
    return _("%(hours)s and %(minutes)s") % {"hours": _hours(hours), "minutes": _minutes(minutes)}


def _day_and_time(moment: datetime.datetime) -> dict[str, str]:
    local = timezone.localtime(moment)
    return {"date": f"{local:%d.%m.%Y}", "time": f"{local:%H:%M}"}


def due_sentence(deadline: datetime.datetime, remaining: datetime.timedelta) -> str:
    if remaining < datetime.timedelta(minutes=1):
        left = _("less than a minute left")
    else:
        left = _("%(duration)s left") % {"duration": duration_in_words(remaining)}
    return _("Datatilsynet must be notified by %(date)s at %(time)s — %(left)s") % {
        **_day_and_time(deadline),
        "left": left,
    }


def overdue_sentence(deadline: datetime.datetime, late_by: datetime.timedelta) -> str:
    return _(
        "Datatilsynet should have been notified by %(date)s at %(time)s — overdue by %(late)s"
    ) % {**_day_and_time(deadline), "late": duration_in_words(late_by)}


def notify_status(incident: object, now: datetime.datetime) -> NotifyStatus:
    """Where ``incident`` (anything with ``detected_at``, ``personal_data_breach`` and
    ``notified_at``) stands at ``now`` with the 72-hour deadline of Article 33 GDPR."""
    if not incident.personal_data_breach:
        return NotifyStatus(
            NotifyState.NOT_REQUIRED,
            _("No personal data were breached, so Datatilsynet need not be notified."),
        )
    # In UTC: aware arithmetic in one zone counts wall-clock hours, and the 72 hours are
    # real ones across a change to or from summer time.
    deadline = incident.detected_at.astimezone(datetime.UTC) + NOTIFY_WITHIN
    notified_at = incident.notified_at
    if notified_at is not None:
        when = _day_and_time(notified_at)
        if notified_at <= deadline:
            return NotifyStatus(
                NotifyState.NOTIFIED_ON_TIME,
                _("Datatilsynet was notified on %(date)s at %(time)s, within 72 hours.") % when,
                deadline,
            )
        return NotifyStatus(
            NotifyState.NOTIFIED_LATE,
            _("Datatilsynet was notified on %(date)s at %(time)s, %(late)s after the deadline.")
            % {**when, "late": duration_in_words(notified_at - deadline)},
            deadline,
        )
    remaining = deadline - now.astimezone(datetime.UTC)
    if remaining <= datetime.timedelta(0):
        return NotifyStatus(
            NotifyState.OVERDUE, overdue_sentence(deadline, -remaining), deadline, remaining
        )
    state = NotifyState.DUE_SOON if remaining <= DUE_SOON_WITHIN else NotifyState.DUE
    return NotifyStatus(state, due_sentence(deadline, remaining), deadline, remaining)


def countdown_texts(deadline: datetime.datetime) -> dict[str, str]:
    """The pieces of ``due_sentence`` and ``overdue_sentence`` in the current language,
    with ``{duration}``, ``{hours}``, ``{minutes}`` and ``{count}`` where the numbers go,
    so that ``countdown.js`` can tick the sentence down without knowing the language.
    The plural forms are the catalogue's "one" and "other" (Danish and English both
    use the singular for 1 only)."""
    day_and_time = _day_and_time(deadline)
    return {
        "due": _("Datatilsynet must be notified by %(date)s at %(time)s — %(left)s")
        % {**day_and_time, "left": "{left}"},
        "left": _("%(duration)s left") % {"duration": "{duration}"},
        "soon": _("less than a minute left"),
        "overdue": _(
            "Datatilsynet should have been notified by %(date)s at %(time)s — overdue by %(late)s"
        )
        % {**day_and_time, "late": "{duration}"},
        "both": _("%(hours)s and %(minutes)s") % {"hours": "{hours}", "minutes": "{minutes}"},
        "hour": ngettext("%(count)d hour", "%(count)d hours", 1).replace("%(count)d", "{count}"),
        "hours": ngettext("%(count)d hour", "%(count)d hours", 2).replace("%(count)d", "{count}"),
        "minute": ngettext("%(count)d minute", "%(count)d minutes", 1).replace(
            "%(count)d", "{count}"
        ),
        "minutes": ngettext("%(count)d minute", "%(count)d minutes", 2).replace(
            "%(count)d", "{count}"
        ),
        "label_due": str(NotifyState.DUE.label),
        "label_due_soon": str(NotifyState.DUE_SOON.label),
        "label_overdue": str(NotifyState.OVERDUE.label),
        "soon_seconds": str(int(DUE_SOON_WITHIN.total_seconds())),
    }
