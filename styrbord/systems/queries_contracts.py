"""Reads of the contract pages, the API and exports: scoped querysets and the computed
notice dates of a contract, in words.

The dates themselves are ``systems.deadlines``' pure rules; this module only feeds them a
contract's terms and says the result in a sentence.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import DecimalField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from styrbord.core.dates import add_months
from styrbord.systems import deadlines
from styrbord.systems.models import Contract, ContractCost, SystemUsage

# The horizons of the expiry lists and of the "notice deadline soon" filter.
EXPIRY_HORIZONS = (6, 12, 18)
NOTICE_SOON_MONTHS = 6

_ZERO = Value(Decimal(0), output_field=DecimalField(max_digits=14, decimal_places=2))


def contracts(year: int | None = None) -> QuerySet[Contract]:
    """The municipality's contracts with supplier and owner, and ``running_this_year``: the
    running cost recorded for ``year`` (this year by default), over every paying unit."""
    year = year or timezone.localdate().year
    return (
        Contract.objects.select_related("supplier", "owner")
        .annotate(
            running_this_year=Coalesce(Sum("costs__running", filter=Q(costs__year=year)), _ZERO)
        )
        .order_by("name", "pk")
    )


def contract_detail() -> QuerySet[Contract]:
    return Contract.objects.select_related("supplier", "owner", "parent")


def open_contracts() -> QuerySet[Contract]:
    """Contracts not terminated: the only ones with deadlines still to meet."""
    return contracts().filter(terminated_on__isnull=True)


def expiring(
    months: int, *, today: datetime.date | None = None, after_months: int = 0
) -> QuerySet[Contract]:
    """Open contracts expiring from ``after_months`` up to ``months`` months from today
    (both ends included when ``after_months`` is 0, as ``deadlines.expiring_within``);
    ``after_months`` makes the 6–12 and 12–18 month bands of the expiry page disjoint."""
    today = today or timezone.localdate()
    queryset = open_contracts().filter(
        expires_on__gte=today, expires_on__lte=add_months(today, months)
    )
    if after_months:
        queryset = queryset.filter(expires_on__gt=add_months(today, after_months))
    return queryset.order_by("expires_on", "name", "pk")


def _deadline_of(
    *,
    today: datetime.date,
    expires_on: datetime.date | None,
    notice_months: int | None,
    by_end_of: str,
    irrevocable_until: datetime.date | None,
) -> deadlines.Deadline | None:
    if notice_months is None:
        return None
    return deadlines.notice_deadline(
        today=today,
        expires_on=expires_on,
        months=notice_months,
        by_end_of=by_end_of or None,
        irrevocable_until=irrevocable_until,
    )


def notice_due_pks(
    queryset: QuerySet[Contract], months: int, *, today: datetime.date | None = None
) -> list[int]:
    """The ids of the contracts of ``queryset`` whose last day to give notice falls within
    ``months``.

    The deadline depends on the period a notice runs to and the irrevocable date, which
    SQL cannot count on a calendar portably; so the terms of the open contracts are read
    in one query and the pure rule decides."""
    today = today or timezone.localdate()
    horizon = add_months(today, months)
    terms = queryset.filter(terminated_on__isnull=True, notice_months__isnull=False).values_list(
        "pk", "expires_on", "notice_months", "notice_by_end_of", "irrevocable_until"
    )
    due = []
    for pk, expires_on, notice_months, by_end_of, irrevocable_until in terms:
        deadline = _deadline_of(
            today=today,
            expires_on=expires_on,
            notice_months=notice_months,
            by_end_of=by_end_of,
            irrevocable_until=irrevocable_until,
        )
        if deadline is not None and deadline.notice_by <= horizon:
            due.append(pk)
    return due


def notice_due_within(
    queryset: QuerySet[Contract], months: int, *, today: datetime.date | None = None
) -> QuerySet[Contract]:
    """``queryset`` narrowed to the contracts with a notice deadline within ``months``;
    still a queryset, to filter and paginate further."""
    return queryset.filter(pk__in=notice_due_pks(queryset, months, today=today))


@dataclass(frozen=True)
class ContractDeadlines:
    """A contract's computed dates: the last day to give notice, the day by which to decide,
    the day it then ends, a short sentence for lists and an explanation for its page.
    The dates are None when the terms do not give them."""

    notice_by: datetime.date | None
    decide_by: datetime.date | None
    ends_on: datetime.date | None
    sentence: str
    explanation: str
    decision_overdue: bool = False


def _day(day: datetime.date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def _period_words(by_end_of: str) -> str:
    return {
        deadlines.ByEndOf.MONTH: _("the end of a month"),
        deadlines.ByEndOf.QUARTER: _("the end of a quarter"),
        deadlines.ByEndOf.YEAR: _("the end of a calendar year"),
    }.get(by_end_of, _("the day the notice period runs out"))


def _undated(contract: Contract) -> ContractDeadlines | None:
    """The words for a contract with no deadline to meet, or None when it has one."""
    if contract.terminated_on is not None:
        sentence = _("Terminated on %(date)s") % {"date": _day(contract.terminated_on)}
        return ContractDeadlines(None, None, contract.expires_on, sentence, sentence + ".")
    if contract.notice_months is None:
        return ContractDeadlines(
            None,
            None,
            contract.expires_on,
            _("No notice period recorded"),
            _("The contract names no notice period, so no notice deadline can be computed."),
        )
    return None


def contract_deadlines(contract: Contract, today: datetime.date | None = None) -> ContractDeadlines:
    """The notice and decision deadlines of ``contract`` as of ``today``, with words."""
    today = today or timezone.localdate()
    undated = _undated(contract)
    if undated is not None:
        return undated
    months = contract.notice_months
    deadline = _deadline_of(
        today=today,
        expires_on=contract.expires_on,
        notice_months=months,
        by_end_of=contract.notice_by_end_of,
        irrevocable_until=contract.irrevocable_until,
    )
    if deadline is None and contract.expires_on < today:
        sentence = _("Expired on %(date)s") % {"date": _day(contract.expires_on)}
        return ContractDeadlines(None, None, contract.expires_on, sentence, sentence + ".")
    if deadline is None:
        sentence = _("Too late to give notice before the expiry on %(date)s") % {
            "date": _day(contract.expires_on)
        }
        explanation = _(
            "The contract expires on %(expires)s. With %(months)s months' notice the last "
            "day to give notice was %(notice)s, which has passed."
        ) % {
            "expires": _day(contract.expires_on),
            "months": months,
            "notice": _day(deadlines.last_notice_day(contract.expires_on, months)),
        }
        return ContractDeadlines(None, None, contract.expires_on, sentence, explanation)

    lead = contract.decision_lead_months
    decide_by = deadlines.decision_deadline(deadline.notice_by, lead)
    values = {
        "expires": _day(deadline.ends_on),
        "months": months,
        "notice": _day(deadline.notice_by),
        "lead": lead,
        "decide": _day(decide_by),
        "period": _period_words(contract.notice_by_end_of),
    }
    if contract.expires_on is not None:
        how = _(
            "The contract expires on %(expires)s. With %(months)s months' notice, notice "
            "must be given by %(notice)s for the contract to end then rather than be "
            "extended or rolled over."
        )
    else:
        how = _(
            "The contract runs until notice is given. Notice given today runs %(months)s "
            "months to %(period)s, so the contract can end on %(expires)s at the earliest; "
            "notice must be given by %(notice)s to reach that end."
        )
        if contract.irrevocable_until is not None:
            how += " " + _("It cannot end before it is no longer irrevocable (%(irrevocable)s).")
            values["irrevocable"] = _day(contract.irrevocable_until)
    how += " " + _(
        "The decision to terminate, re-tender or renew is due %(lead)s months before the "
        "notice deadline: by %(decide)s."
    )
    return ContractDeadlines(
        notice_by=deadline.notice_by,
        decide_by=decide_by,
        ends_on=deadline.ends_on,
        sentence=_("Give notice by %(date)s") % {"date": _day(deadline.notice_by)},
        explanation=how % values,
        decision_overdue=decide_by < today,
    )


def with_deadlines(
    rows: "QuerySet[Contract] | list[Contract]", today: datetime.date | None = None
) -> list[tuple[Contract, ContractDeadlines]]:
    """Each contract of one page with its deadlines: computed in Python for the page's rows
    only, so no extra query."""
    today = today or timezone.localdate()
    return [(contract, contract_deadlines(contract, today)) for contract in rows]


@dataclass
class CostTable:
    """A contract's costs per year and paying unit, with totals per year and overall."""

    rows: list[ContractCost]
    years: list[tuple[int, Decimal, Decimal]] = field(default_factory=list)
    acquisition: Decimal = Decimal(0)
    running: Decimal = Decimal(0)


def costs_of(contract: Contract) -> CostTable:
    rows = list(
        ContractCost.objects.filter(contract=contract)
        .select_related("org_unit")
        .order_by("year", "org_unit__name", "pk")
    )
    per_year: dict[int, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for cost in rows:
        per_year[cost.year][0] += cost.acquisition
        per_year[cost.year][1] += cost.running
    return CostTable(
        rows=rows,
        years=[(year, *per_year[year]) for year in sorted(per_year)],
        acquisition=sum((cost.acquisition for cost in rows), Decimal(0)),
        running=sum((cost.running for cost in rows), Decimal(0)),
    )


def usages_of(contract: Contract) -> QuerySet[SystemUsage]:
    return contract.usages.select_related("system").order_by("local_name", "system__name", "pk")


def children_of(contract: Contract) -> QuerySet[Contract]:
    return Contract.objects.filter(parent=contract).select_related("supplier").order_by("name")


def contracts_covering(usage: SystemUsage) -> QuerySet[Contract]:
    return (
        Contract.objects.filter(usages=usage)
        .select_related("supplier", "owner")
        .order_by("name", "pk")
    )
