"""What the IT-system portfolio puts in "Mine opgaver".

- A contract's owner: the decision to terminate, re-tender or renew, from 30 days before
  the decision deadline, and the last day to give notice.
- A usage's system and data owners: each compliance gap of the usage (``compliance``),
  except oversight, which comes once per registration below. A usage without an owner
  reaches the managers of its responsible unit instead.
- The owners of a registration's usages: the next oversight, from 30 days before it.
- The owners of an incident's usage and the municipality's data-protection advisers (DPO):
  an open personal-data breach not yet notified to Datatilsynet, due at the 72 hours.

Every provider runs a fixed number of queries, whatever the number of tasks.
"""

import datetime
from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styrbord.core import tasks
from styrbord.core.models import Municipality, User
from styrbord.core.tasks import Task
from styrbord.systems import compliance, deadlines
from styrbord.systems.models import (
    IN_USE,
    Contract,
    DataProcessingRegistration,
    Oversight,
    RoleAssignment,
    SecurityIncident,
    SystemUsage,
)
from styrbord.systems.oversight import next_oversight_due

AHEAD_DAYS = 30
DPO_ROLE = "dpo"
LIMIT = 100
CATEGORY = _("IT systems")


def _url(name: str, municipality: Municipality, pk: int) -> str:
    return reverse(f"systems:{name}", kwargs={"kommune": municipality.slug, "pk": pk})


def contract_deadlines(user: User, municipality: Municipality) -> Iterable[Task]:
    today = timezone.localdate()
    contracts = Contract.objects.filter(
        owner__user_id=user.pk, terminated_on__isnull=True, notice_months__isnull=False
    ).order_by("pk")[:LIMIT]
    for contract in contracts:
        deadline = compliance.notice_deadline_of(contract, today)
        if deadline is None:
            continue
        decide_by = deadlines.decision_deadline(deadline.notice_by, contract.decision_lead_months)
        if today < decide_by - datetime.timedelta(days=AHEAD_DAYS):
            continue
        url = _url("contract_detail", municipality, contract.pk)
        yield Task(
            title=_("Decide whether to terminate, re-tender or renew the contract %(contract)s")
            % {"contract": contract.name},
            url=url,
            due=decide_by,
            category=CATEGORY,
        )
        yield Task(
            title=_("Last day to give notice on the contract %(contract)s")
            % {"contract": contract.name},
            url=url,
            due=deadline.notice_by,
            category=CATEGORY,
        )


def _owned_by(user: User, today: datetime.date, prefix: str = "") -> Exists:
    return Exists(
        compliance.current_owners(today).filter(
            person__user_id=user.pk, usage_id=OuterRef(f"{prefix}pk")
        )
    )


def usage_gaps(user: User, municipality: Municipality) -> Iterable[Task]:
    today = timezone.localdate()
    # Oversight is a task of its own (``oversight_due``), so its registrations are not read.
    owned = compliance.annotate_gaps(
        SystemUsage.objects.select_related("system"), today, overdue_registrations=()
    )
    owned = owned.filter(_owned_by(user, today))
    kinds = [kind for kind in compliance.Gap if kind != compliance.Gap.OVERSIGHT_OVERDUE]
    condition = Q()
    for kind in kinds:
        condition |= compliance.has_gap(kind)
    for usage in owned.filter(condition).order_by("pk")[:LIMIT]:
        for line in compliance.lines_of(usage):
            if line.kind == compliance.Gap.OVERSIGHT_OVERDUE:
                continue
            yield Task(
                title=_("%(gap)s: %(usage)s") % {"gap": line.label, "usage": usage},
                url=line.fix_url(municipality.slug),
                due=usage.risk_next_on if line.kind == compliance.Gap.RISK_OVERDUE else None,
                category=CATEGORY,
            )


def ownerless_usages(user: User, municipality: Municipality) -> Iterable[Task]:
    """A usage without an owner reaches the managers of its responsible unit."""
    today = timezone.localdate()
    owners = compliance.current_owners(today).filter(usage_id=OuterRef("pk"))
    usages = (
        SystemUsage.objects.filter(
            lifecycle__in=IN_USE,
            responsible_unit__persons__user_id=user.pk,
            responsible_unit__persons__is_manager=True,
            responsible_unit__persons__is_active=True,
        )
        .filter(~Exists(owners))
        .select_related("system")
        .distinct()
        .order_by("pk")[:LIMIT]
    )
    for usage in usages:
        line = compliance.GapLine(compliance.Gap.MISSING_OWNER, usage.pk)
        yield Task(
            title=_("Find a system and data owner for %(usage)s") % {"usage": usage},
            url=line.fix_url(municipality.slug),
            category=CATEGORY,
        )


def oversight_due(user: User, municipality: Municipality) -> Iterable[Task]:
    today = timezone.localdate()
    last = Oversight.objects.filter(registration=OuterRef("pk")).order_by("-done_on")
    registrations = (
        DataProcessingRegistration.objects.filter(oversight_interval_months__gt=0)
        .filter(
            Exists(
                compliance.current_owners(today).filter(
                    person__user_id=user.pk, usage__processing_registrations=OuterRef("pk")
                )
            )
        )
        .annotate(last_done=Subquery(last.values("done_on")[:1]))
        .order_by("pk")[:LIMIT]
    )
    horizon = today + datetime.timedelta(days=AHEAD_DAYS)
    for registration in registrations:
        due = next_oversight_due(
            registration.last_done,
            registration.agreement_on,
            registration.oversight_interval_months,
        )
        if due is None or due > horizon:
            continue
        yield Task(
            title=_("Oversee the processors of %(registration)s")
            % {"registration": registration.name},
            url=_url("registration_detail", municipality, registration.pk),
            due=due,
            category=CATEGORY,
        )


def _is_dpo(user: User, today: datetime.date) -> bool:
    return RoleAssignment.objects.filter(
        compliance.current_on(today),
        role__key=DPO_ROLE,
        person__user_id=user.pk,
        usage__isnull=True,
        contract__isnull=True,
        org_unit__isnull=True,
    ).exists()


def breaches_to_notify(user: User, municipality: Municipality) -> Iterable[Task]:
    today = timezone.localdate()
    incidents = SecurityIncident.objects.filter(
        personal_data_breach=True, notified_at__isnull=True, closed_at__isnull=True
    ).select_related("usage__system")
    if not _is_dpo(user, today):
        incidents = incidents.filter(_owned_by(user, today, prefix="usage__"))
    for incident in incidents.order_by("detected_at", "pk")[:LIMIT]:
        notify_by = timezone.localtime(incident.notify_by)
        yield Task(
            title=_("Notify Datatilsynet of the breach by %(time)s: %(incident)s")
            % {"time": f"{notify_by:%d.%m.%Y %H:%M}", "incident": incident.description[:80]},
            url=_url("incident_detail", municipality, incident.pk),
            due=notify_by.date(),
            category=CATEGORY,
        )


def register() -> None:
    """Called from ``SystemsConfig.ready()``."""
    tasks.register("systems.contract_deadlines", contract_deadlines)
    tasks.register("systems.usage_gaps", usage_gaps)
    tasks.register("systems.ownerless_usages", ownerless_usages)
    tasks.register("systems.oversight_due", oversight_due)
    tasks.register("systems.breaches_to_notify", breaches_to_notify)
