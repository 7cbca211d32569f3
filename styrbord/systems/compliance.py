"""The compliance overview: what each system usage in use still lacks, and how to fix it.

Only usages whose lifecycle is in ``IN_USE`` are checked. The seven gaps, as the page
explains them:

- missing owner: nobody holds the role ``system_data_owner`` on the usage today (an
  assignment counts from its start, when given, to its end, when given, both included);
- personal data without registration: the usage holds ordinary, sensitive or criminal
  personal data and no data-processing registration is linked to it;
- risk assessment overdue: the usage holds personal data or is business critical, and the
  risk assessment is not done, its next date has passed, or — with no next date — the last
  one is more than 12 months old;
- DPIA missing: sensitive or criminal personal data and no DPIA done;
- oversight overdue: a linked registration's next oversight (the last oversight, else the
  agreement date, plus the interval; nothing without an interval) is before today;
- contract notice soon: a linked contract, not terminated, whose last day to give notice
  is within six months, or has passed while the contract has not yet ended;
- accessibility unchecked: no date of the last accessibility check.

The list page needs every gap for hundreds of usages, so ``annotate_gaps`` computes them in
the database. The notice deadline is calendar logic (``deadlines``) that SQL cannot count
portably; it is computed in Python over the municipality's contracts once per request and
enters the query as a list of contract ids. ``gaps_for`` computes the same for one usage
in Python; the tests hold the two to agreement.
"""

import datetime
from collections.abc import Collection
from dataclasses import dataclass

from django.db import models
from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from styrbord.core.dates import add_months
from styrbord.core.models import Municipality
from styrbord.systems import deadlines
from styrbord.systems.models import (
    IN_USE,
    Answer,
    Contract,
    DataProcessingRegistration,
    Oversight,
    RoleAssignment,
    SystemUsage,
)
from styrbord.systems.oversight import next_oversight_due

OWNER_ROLE = "system_data_owner"
NOTICE_SOON_MONTHS = 6
RISK_VALID_MONTHS = 12


class Gap(models.TextChoices):
    MISSING_OWNER = "missing_owner", _("Missing system and data owner")
    NO_REGISTRATION = "no_registration", _("Personal data without a data-processing registration")
    RISK_OVERDUE = "risk_overdue", _("Risk assessment overdue")
    DPIA_MISSING = "dpia_missing", _("DPIA missing")
    OVERSIGHT_OVERDUE = "oversight_overdue", _("Oversight of a processor overdue")
    NOTICE_SOON = "notice_soon", _("Contract notice deadline within six months")
    ACCESSIBILITY_UNCHECKED = "accessibility_unchecked", _("Web accessibility not checked")


SENTENCES = {
    Gap.MISSING_OWNER: _("Nobody is the system and data owner of this usage today."),
    Gap.NO_REGISTRATION: _(
        "The usage holds personal data, but no data-processing registration is linked to it."
    ),
    Gap.RISK_OVERDUE: _(
        "The usage holds personal data or is business critical, and its risk assessment is "
        "missing or more than due."
    ),
    Gap.DPIA_MISSING: _(
        "The usage holds sensitive or criminal personal data, and no DPIA has been done."
    ),
    Gap.OVERSIGHT_OVERDUE: _("The oversight of a linked processor was due before today."),
    Gap.NOTICE_SOON: _(
        "A linked contract must be given notice within six months, or its notice deadline "
        "has passed while it still runs."
    ),
    Gap.ACCESSIBILITY_UNCHECKED: _("Nobody has recorded when web accessibility was checked."),
}

FIX_LABELS = {
    Gap.MISSING_OWNER: _("Assign an owner"),
    Gap.NO_REGISTRATION: _("Register the data processing"),
    Gap.RISK_OVERDUE: _("Record the risk assessment"),
    Gap.DPIA_MISSING: _("Record the DPIA"),
    Gap.OVERSIGHT_OVERDUE: _("Record the oversight"),
    Gap.NOTICE_SOON: _("Open the contract"),
    Gap.ACCESSIBILITY_UNCHECKED: _("Record the accessibility check"),
}

# The two gaps whose fix is on another object, whose id ``target`` annotates.
_TARGETED = (Gap.OVERSIGHT_OVERDUE, Gap.NOTICE_SOON)


def field(kind: Gap) -> str:
    """The annotation ``annotate_gaps`` puts on each usage for ``kind``."""
    return f"gap_{kind.value}"


def target(kind: Gap) -> str:
    """The annotation holding the id of the object a ``_TARGETED`` gap's fix is on."""
    return f"target_{kind.value}"


def has_gap(kind: Gap) -> Q:
    """The filter for usages with ``kind``, on an ``annotate_gaps`` queryset."""
    return Q(**{field(kind): True})


def has_any_gap() -> Q:
    condition = Q()
    for kind in Gap:
        condition |= has_gap(kind)
    return condition


@dataclass(frozen=True)
class GapLine:
    kind: Gap
    usage_id: int
    target_id: int | None = None  # the registration or contract the fix is on

    @property
    def label(self) -> str:
        return str(self.kind.label)

    @property
    def sentence(self) -> str:
        return str(SENTENCES[self.kind])

    @property
    def fix_label(self) -> str:
        return str(FIX_LABELS[self.kind])

    def fix_url(self, kommune: str) -> str:
        slug = {"kommune": kommune}
        usage = {"kommune": kommune, "pk": self.usage_id}
        if self.kind == Gap.MISSING_OWNER:
            return f"{reverse('systems:assignment_create', kwargs=slug)}?usage={self.usage_id}"
        if self.kind == Gap.NO_REGISTRATION:
            return f"{reverse('systems:registration_create', kwargs=slug)}?usage={self.usage_id}"
        if self.kind == Gap.RISK_OVERDUE:
            return f"{reverse('systems:usage_edit', kwargs=usage)}#risk"
        if self.kind == Gap.OVERSIGHT_OVERDUE:
            return reverse(
                "systems:registration_detail", kwargs={"kommune": kommune, "pk": self.target_id}
            )
        if self.kind == Gap.NOTICE_SOON:
            return reverse(
                "systems:contract_detail", kwargs={"kommune": kommune, "pk": self.target_id}
            )
        return reverse("systems:usage_edit", kwargs=usage)


# Contracts ----------------------------------------------------------------------------


def notice_deadline_of(contract: Contract, today: datetime.date) -> deadlines.Deadline | None:
    """The coming notice deadline of an open contract; None without a notice period."""
    if contract.terminated_on is not None or contract.notice_months is None:
        return None
    return deadlines.notice_deadline(
        today=today,
        expires_on=contract.expires_on,
        months=contract.notice_months,
        by_end_of=contract.notice_by_end_of or None,
        irrevocable_until=contract.irrevocable_until,
    )


def notice_soon(contract: Contract, today: datetime.date) -> bool:
    """The contract's notice deadline is within six months, or it has passed (a fixed
    term whose last notice day is gone) while the contract has not ended."""
    if contract.terminated_on is not None or contract.notice_months is None:
        return False
    return _terms_notice_soon(
        today,
        contract.expires_on,
        contract.notice_months,
        contract.notice_by_end_of,
        contract.irrevocable_until,
    )


def _terms_notice_soon(
    today: datetime.date,
    expires_on: datetime.date | None,
    months: int,
    by_end_of: str,
    irrevocable_until: datetime.date | None,
) -> bool:
    deadline = deadlines.notice_deadline(
        today=today,
        expires_on=expires_on,
        months=months,
        by_end_of=by_end_of or None,
        irrevocable_until=irrevocable_until,
    )
    if deadline is None:
        return expires_on is not None and expires_on >= today
    return deadline.notice_by <= add_months(today, NOTICE_SOON_MONTHS)


def notice_soon_ids(today: datetime.date) -> list[int]:
    """The ids of the municipality's contracts with a notice deadline soon: one query, of
    the terms only (a model instance per contract cost more than the calendar)."""
    terms = Contract.objects.filter(
        terminated_on__isnull=True, notice_months__isnull=False
    ).values_list("pk", "expires_on", "notice_months", "notice_by_end_of", "irrevocable_until")
    return [pk for pk, *rest in terms if _terms_notice_soon(today, *rest)]


# The database side ----------------------------------------------------------------------


def current_on(today: datetime.date, prefix: str = "") -> Q:
    return (Q(**{f"{prefix}ends_on__isnull": True}) | Q(**{f"{prefix}ends_on__gte": today})) & (
        Q(**{f"{prefix}starts_on__isnull": True}) | Q(**{f"{prefix}starts_on__lte": today})
    )


def current_owners(today: datetime.date) -> QuerySet[RoleAssignment]:
    return RoleAssignment.objects.filter(current_on(today), role__key=OWNER_ROLE)


def overdue_registration_ids(today: datetime.date) -> list[int]:
    """The ids of the registrations whose next oversight is before ``today``: one query for
    the last oversight of each, and ``next_oversight_due``'s rule in Python, so the overview
    and the registration pages agree to the day (adding months is not portable SQL)."""
    rows = (
        DataProcessingRegistration.objects.filter(oversight_interval_months__gt=0)
        # A subquery per registration: its oversights are few and indexed, whereas a join
        # and GROUP BY makes PostgreSQL hash every municipality's oversight rows.
        .annotate(
            last_done=Subquery(
                Oversight.objects.filter(registration=OuterRef("pk"))
                .order_by("-done_on")
                .values("done_on")[:1]
            )
        )
        .values_list("pk", "last_done", "agreement_on", "oversight_interval_months")
    )
    return [
        pk
        for pk, last_done, agreement_on, months in rows
        if (due := next_oversight_due(last_done, agreement_on, months)) is not None and due < today
    ]


def _boolean(condition: Q) -> ExpressionWrapper:
    return ExpressionWrapper(condition, output_field=BooleanField())


def _personal() -> Q:
    return Q(data_ordinary=True) | Q(data_sensitive=True) | Q(data_criminal=True)


def annotate_gaps(
    queryset: QuerySet[SystemUsage],
    today: datetime.date,
    notice_contracts: Collection[int] | None = None,
    overdue_registrations: Collection[int] | None = None,
) -> QuerySet[SystemUsage]:
    """``queryset`` limited to usages in use, with a True/False annotation per gap
    (``field``) and, for oversight and notice, the id of a registration or contract that has
    the gap (``target``). ``notice_contracts`` and ``overdue_registrations`` are
    ``notice_soon_ids`` and ``overdue_registration_ids``, computed here when not given.

    The gap flags test membership in sets the database reads once per query (``IN`` over an
    uncorrelated subquery), not a subquery per usage: the totals refer to each flag twice,
    and the overview must stay fast at a municipality's 600 usages."""
    if notice_contracts is None:
        notice_contracts = notice_soon_ids(today)
    if overdue_registrations is None:
        overdue_registrations = overdue_registration_ids(today)
    processing, overdue_links, notice_links = _links(notice_contracts, overdue_registrations)
    risk_late = (
        ~Q(risk_assessment_done=Answer.YES)
        | Q(risk_next_on__lt=today)
        | Q(risk_next_on__isnull=True, risk_assessed_on__lt=add_months(today, -RISK_VALID_MONTHS))
    )
    flagged = queryset.filter(lifecycle__in=IN_USE).annotate(
        **{
            field(Gap.MISSING_OWNER): _boolean(~Q(pk__in=current_owners(today).values("usage_id"))),
            field(Gap.NO_REGISTRATION): _boolean(
                _personal() & ~Q(pk__in=processing.values("systemusage_id"))
            ),
            field(Gap.RISK_OVERDUE): _boolean(
                (_personal() | Q(business_critical=Answer.YES)) & risk_late
            ),
            field(Gap.DPIA_MISSING): _boolean(
                (Q(data_sensitive=True) | Q(data_criminal=True)) & ~Q(dpia_done=Answer.YES)
            ),
            field(Gap.OVERSIGHT_OVERDUE): _boolean(
                Q(pk__in=overdue_links.values("systemusage_id"))
            ),
            field(Gap.NOTICE_SOON): _boolean(Q(pk__in=notice_links.values("systemusage_id"))),
            field(Gap.ACCESSIBILITY_UNCHECKED): _boolean(Q(accessibility_checked_on__isnull=True)),
        }
    )
    return annotate_targets(flagged, notice_contracts, overdue_registrations)


def _links(
    notice_contracts: Collection[int], overdue_registrations: Collection[int]
) -> tuple[QuerySet, QuerySet, QuerySet]:
    """The usages' links to this municipality's registrations, to the overdue ones, and to
    the contracts whose notice is soon."""
    processing = DataProcessingRegistration.usages.through.objects.filter(
        dataprocessingregistration__in=DataProcessingRegistration.objects.values("pk")
    )
    overdue_links = processing.filter(dataprocessingregistration_id__in=list(overdue_registrations))
    notice_links = Contract.usages.through.objects.filter(contract_id__in=list(notice_contracts))
    return processing, overdue_links, notice_links


def annotate_targets(
    queryset: QuerySet[SystemUsage],
    notice_contracts: Collection[int],
    overdue_registrations: Collection[int],
) -> QuerySet[SystemUsage]:
    """For oversight and notice, the id of the registration or contract a usage's gap is on
    (``target``): the fix link goes there."""
    _processing, overdue_links, notice_links = _links(notice_contracts, overdue_registrations)
    return queryset.annotate(
        **{
            target(Gap.OVERSIGHT_OVERDUE): Subquery(
                overdue_links.filter(systemusage_id=OuterRef("pk"))
                .order_by("dataprocessingregistration_id")
                .values("dataprocessingregistration_id")[:1]
            ),
            target(Gap.NOTICE_SOON): Subquery(
                notice_links.filter(systemusage_id=OuterRef("pk"))
                .order_by("contract_id")
                .values("contract_id")[:1]
            ),
        }
    )


Flags = dict[int, tuple[bool, ...]]


def flags_of(queryset: QuerySet[SystemUsage]) -> Flags:
    """Each usage's gap flags in ``Gap`` order, from an ``annotate_gaps`` queryset: one
    query, of a few booleans per usage in use."""
    names = [field(kind) for kind in Gap]
    return {pk: tuple(row) for pk, *row in queryset.order_by().values_list("pk", *names)}


def set_flags(usage: SystemUsage, flags: Flags) -> SystemUsage:
    """Put ``usage``'s flags on it as ``annotate_gaps`` would, for ``lines_of``."""
    for kind, flag in zip(Gap, flags[usage.pk], strict=True):
        setattr(usage, field(kind), flag)
    return usage


def lines_of(usage: SystemUsage) -> list[GapLine]:
    """The gaps of a usage read from ``annotate_gaps``' annotations, in ``Gap`` order."""
    return [
        GapLine(kind, usage.pk, getattr(usage, target(kind)) if kind in _TARGETED else None)
        for kind in Gap
        if getattr(usage, field(kind))
    ]


@dataclass(frozen=True)
class Totals:
    checked: int  # usages in use
    with_gaps: int  # of which have at least one gap
    per_kind: dict[Gap, int]


def totals(flags: Flags) -> Totals:
    """Counts per gap kind over ``flags_of``. A ``COUNT … FILTER`` per kind in SQL would
    repeat every flag's subquery, which Django then spends longer compiling than the
    database spends running."""
    rows = flags.values()
    return Totals(
        checked=len(rows),
        with_gaps=sum(1 for row in rows if any(row)),
        per_kind={kind: sum(1 for row in rows if row[n]) for n, kind in enumerate(Gap)},
    )


def overview(
    municipality: Municipality,
    today: datetime.date,
    notice_contracts: Collection[int] | None = None,
) -> Totals:
    """The municipality's totals per gap kind."""
    usages = SystemUsage.objects.filter(municipality=municipality)
    return totals(flags_of(annotate_gaps(usages, today, notice_contracts)))


# The Python side, for one usage ----------------------------------------------------------


def _risk_overdue(usage: SystemUsage, today: datetime.date) -> bool:
    if not (usage.processes_personal_data or usage.business_critical == Answer.YES):
        return False
    if usage.risk_assessment_done != Answer.YES:
        return True
    if usage.risk_next_on is not None:
        return usage.risk_next_on < today
    return usage.risk_assessed_on is not None and usage.risk_assessed_on < add_months(
        today, -RISK_VALID_MONTHS
    )


def _overdue_registration(usage: SystemUsage, today: datetime.date) -> int | None:
    for registration in usage.processing_registrations.order_by("pk"):
        last = registration.oversights.order_by("-done_on").first()
        due = next_oversight_due(
            last.done_on if last else None,
            registration.agreement_on,
            registration.oversight_interval_months,
        )
        if due is not None and due < today:
            return registration.pk
    return None


def gaps_for(usage: SystemUsage, today: datetime.date) -> list[GapLine]:
    """The gaps of one usage, computed in Python by the same rules as ``annotate_gaps``.
    A usage not in use has none."""
    if usage.lifecycle not in IN_USE:
        return []
    checks: list[tuple[Gap, bool | int | None]] = [
        (
            Gap.MISSING_OWNER,
            not current_owners(today).filter(usage=usage).exists(),
        ),
        (
            Gap.NO_REGISTRATION,
            usage.processes_personal_data and not usage.processing_registrations.exists(),
        ),
        (Gap.RISK_OVERDUE, _risk_overdue(usage, today)),
        (
            Gap.DPIA_MISSING,
            (usage.data_sensitive or usage.data_criminal) and usage.dpia_done != Answer.YES,
        ),
        (Gap.OVERSIGHT_OVERDUE, _overdue_registration(usage, today)),
        (
            Gap.NOTICE_SOON,
            next(
                (c.pk for c in usage.contracts.order_by("pk") if notice_soon(c, today)),
                None,
            ),
        ),
        (Gap.ACCESSIBILITY_UNCHECKED, usage.accessibility_checked_on is None),
    ]
    lines = []
    for kind, value in checks:
        if kind in _TARGETED:
            if value is not None:
                lines.append(GapLine(kind, usage.pk, value))
        elif value:
            lines.append(GapLine(kind, usage.pk))
    return lines
