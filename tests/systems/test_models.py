"""The IT-system portfolio's tables refuse what cannot be true."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from styrbord.core.models import Municipality
from styrbord.core.services import changes
from styrbord.systems.models import (
    Contract,
    ItSystem,
    Role,
    RoleAssignment,
    SecurityIncident,
    SystemUsage,
)
from tests.factories import OrgUnitFactory, PersonFactory

pytestmark = pytest.mark.usefixtures("in_norddjurs")

DAY = datetime.timedelta(days=1)


def _system(municipality, name="SBSYS") -> ItSystem:
    return changes.create(ItSystem(municipality=municipality, name=name), actor=None)


def _usage(municipality, **fields) -> SystemUsage:
    return changes.create(
        SystemUsage(municipality=municipality, system=_system(municipality), **fields), actor=None
    )


def _contract(municipality, **fields) -> Contract:
    return changes.create(Contract(municipality=municipality, name="Drift", **fields), actor=None)


def test_the_role_catalogue_is_loaded_for_every_municipality(norddjurs):
    keys = set(Role.shared.values_list("key", flat=True))
    assert {"system_data_owner", "it_contact", "contract_owner", "dpo"} <= keys


def test_a_contract_that_ends_before_it_starts_is_refused(norddjurs):
    with pytest.raises(ValidationError) as refused:
        _contract(
            norddjurs, starts_on=datetime.date(2026, 6, 1), expires_on=datetime.date(2026, 1, 1)
        )
    assert "expires_on" in refused.value.message_dict


def test_a_notice_period_longer_than_the_contract_is_refused(norddjurs):
    with pytest.raises(ValidationError) as refused:
        _contract(
            norddjurs,
            starts_on=datetime.date(2026, 1, 1),
            expires_on=datetime.date(2026, 6, 30),
            notice_months=12,
        )
    assert "expires_on" in refused.value.message_dict


def test_a_parent_contract_that_would_make_a_cycle_is_refused(norddjurs):
    parent = _contract(norddjurs)
    child = _contract(norddjurs, parent=parent)
    parent.parent = child
    with pytest.raises(ValidationError) as refused:
        parent.full_clean()
    assert "parent" in refused.value.message_dict


def test_a_role_is_held_only_on_the_kind_of_object_it_applies_to(norddjurs):
    contract_owner = Role.shared.get(key="contract_owner")
    assignment = RoleAssignment(
        municipality=norddjurs,
        role=contract_owner,
        person=PersonFactory(),
        usage=_usage(norddjurs),
    )
    with pytest.raises(ValidationError) as refused:
        assignment.full_clean()
    assert "role" in refused.value.message_dict


def test_a_role_is_held_on_one_object_at_a_time(norddjurs):
    owner = Role.shared.get(key="system_data_owner")
    assignment = RoleAssignment(
        municipality=norddjurs,
        role=owner,
        person=PersonFactory(),
        usage=_usage(norddjurs),
        org_unit=OrgUnitFactory(),
    )
    with pytest.raises(ValidationError):
        assignment.full_clean()


def test_a_usage_may_use_a_catalogue_system(norddjurs):
    catalogue = Municipality.objects.get(is_catalogue=True)
    usage = changes.create(
        SystemUsage(municipality=norddjurs, system=_system(catalogue, "Aula")), actor=None
    )
    assert usage.pk


def test_a_usage_may_not_use_another_municipalitys_system(norddjurs, rebild):
    usage = SystemUsage(municipality=norddjurs, system=_system(rebild))
    with pytest.raises(ValidationError) as refused:
        usage.full_clean()
    assert "system" in refused.value.message_dict


def test_a_breach_of_personal_data_must_be_notified_within_72_hours(norddjurs):
    detected = timezone.now()
    incident = SecurityIncident(
        municipality=norddjurs,
        detected_at=detected,
        description="Mail sendt til forkert modtager",
        severity="medium",
        personal_data_breach=True,
    )
    assert incident.notify_by == detected + 72 * datetime.timedelta(hours=1)


def test_a_notification_before_the_detection_is_refused(norddjurs):
    detected = timezone.now()
    incident = SecurityIncident(
        municipality=norddjurs,
        detected_at=detected,
        description="x",
        severity="low",
        notified_at=detected - DAY,
    )
    with pytest.raises(ValidationError) as refused:
        incident.full_clean()
    assert "notified_at" in refused.value.message_dict
