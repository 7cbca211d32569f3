"""What the IT-system portfolio puts in "Mine opgaver", and for whom."""

import datetime

import pytest
from django.utils import timezone

from styrbord.core.dates import add_months
from styrbord.systems import task_providers
from tests.factories import OrgUnitFactory, PersonFactory
from tests.systems.factories import (
    ContractFactory,
    IncidentFactory,
    RegistrationFactory,
    UsageFactory,
    assign,
)

pytestmark = pytest.mark.usefixtures("in_norddjurs")
TODAY = timezone.localdate()


def test_the_contract_owner_gets_the_decision_and_notice_deadlines(editor, reader, norddjurs):
    contract = ContractFactory(
        owner=PersonFactory(user=editor), expires_on=add_months(TODAY, 8), notice_months=3
    )
    decision, notice = task_providers.contract_deadlines(editor, norddjurs)
    assert contract.name in decision.title
    assert decision.due < notice.due
    assert decision.overdue
    assert list(task_providers.contract_deadlines(reader, norddjurs)) == []


def test_a_decision_far_ahead_is_not_a_task_yet(editor, norddjurs):
    ContractFactory(owner=PersonFactory(user=editor), expires_on=add_months(TODAY, 30))
    assert list(task_providers.contract_deadlines(editor, norddjurs)) == []


def test_a_usage_gap_reaches_its_owner_only(editor, reader, norddjurs):
    usage = UsageFactory(local_name="Aula")
    assign("system_data_owner", PersonFactory(user=editor), usage=usage)
    (task,) = task_providers.usage_gaps(editor, norddjurs)
    assert "Aula" in task.title
    assert list(task_providers.usage_gaps(reader, norddjurs)) == []
    usage.accessibility_checked_on = TODAY
    usage.save()
    assert list(task_providers.usage_gaps(editor, norddjurs)) == []


def test_a_usage_without_owner_reaches_the_units_managers(editor, reader, norddjurs):
    unit = OrgUnitFactory()
    PersonFactory(user=editor, org_unit=unit, is_manager=True)
    PersonFactory(user=reader, org_unit=unit, is_manager=False)
    usage = UsageFactory(responsible_unit=unit)
    (task,) = task_providers.ownerless_usages(editor, norddjurs)
    assert task.url.endswith(f"?usage={usage.pk}")
    assert list(task_providers.ownerless_usages(reader, norddjurs)) == []
    assign("system_data_owner", PersonFactory(), usage=usage)
    assert list(task_providers.ownerless_usages(editor, norddjurs)) == []


def test_oversight_due_reaches_the_owners_of_the_registrations_usages(editor, norddjurs):
    usage = UsageFactory()
    assign("system_data_owner", PersonFactory(user=editor), usage=usage)
    registration = RegistrationFactory(
        agreement_on=add_months(TODAY, -12) + datetime.timedelta(days=10),
        oversight_interval_months=12,
    )
    registration.usages.add(usage)
    (task,) = task_providers.oversight_due(editor, norddjurs)
    assert task.due == TODAY + datetime.timedelta(days=10)
    registration.oversight_interval_months = 24
    registration.save()
    assert list(task_providers.oversight_due(editor, norddjurs)) == []


def test_an_unnotified_breach_reaches_the_usage_owner_and_the_dpo(
    editor, reader, local_admin, norddjurs
):
    usage = UsageFactory()
    assign("system_data_owner", PersonFactory(user=editor), usage=usage)
    assign("dpo", PersonFactory(user=reader))
    incident = IncidentFactory(usage=usage)
    for user in (editor, reader):
        (task,) = task_providers.breaches_to_notify(user, norddjurs)
        assert task.due == timezone.localtime(incident.notify_by).date()
    assert list(task_providers.breaches_to_notify(local_admin, norddjurs)) == []
    incident.notified_at = timezone.now()
    incident.save()
    assert list(task_providers.breaches_to_notify(editor, norddjurs)) == []


def test_the_providers_query_a_bounded_number_of_times(
    editor, norddjurs, django_assert_max_num_queries
):
    person = PersonFactory(user=editor)
    for _ in range(10):
        usage = UsageFactory()
        assign("system_data_owner", person, usage=usage)
        ContractFactory(owner=person, expires_on=add_months(TODAY, 8)).usages.add(usage)
        IncidentFactory(usage=usage)
    with django_assert_max_num_queries(8):
        for provider in (
            task_providers.contract_deadlines,
            task_providers.usage_gaps,
            task_providers.ownerless_usages,
            task_providers.oversight_due,
            task_providers.breaches_to_notify,
        ):
            list(provider(editor, norddjurs))
