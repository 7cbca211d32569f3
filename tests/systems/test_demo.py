"""The IT-system demo: Norddjurs' and Rebild's systems with contracts, registrations and
the gaps the overview shows.

The whole demo is loaded once for the module, in a transaction rolled back at the end,
because loading the governance and portfolio demos takes a few seconds. The gaps are
computed here from the data, not through the compliance module.
"""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from styrbord.core.dates import add_months
from styrbord.core.models import Municipality
from styrbord.systems import deadlines, demo
from styrbord.systems.disposition import Disposition, time_disposition
from styrbord.systems.models import (
    IN_USE,
    Accessibility,
    Answer,
    Contract,
    ContractCost,
    DataProcessingRegistration,
    ItSystem,
    Oversight,
    RoleAssignment,
    SecurityIncident,
    Supplier,
    SystemUsage,
)

MODELS = (
    Supplier,
    ItSystem,
    SystemUsage,
    RoleAssignment,
    Contract,
    ContractCost,
    DataProcessingRegistration,
    Oversight,
    SecurityIncident,
)


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), override_settings(DEMO_MODE=True), transaction.atomic():
        call_command("demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def norddjurs(loaded, db):
    place = Municipality.objects.get(code="0707")
    with scope(municipality=place):
        yield place


def _in_use(place):
    return SystemUsage.objects.filter(municipality=place, lifecycle__in=IN_USE)


def test_loading_again_adds_nothing(loaded, db):
    with scopes_disabled():
        before = {model: model.objects.count() for model in MODELS}
    demo.load()
    with scopes_disabled():
        assert {model: model.objects.count() for model in MODELS} == before


def test_norddjurs_has_usages_contracts_and_registrations(norddjurs):
    assert SystemUsage.objects.count() == 20
    assert Contract.objects.count() >= 8
    assert DataProcessingRegistration.objects.count() >= 5
    assert ContractCost.objects.exists()


def test_rebild_has_its_own_usages(loaded, db):
    with scope(municipality=Municipality.objects.get(code="0840")):
        assert SystemUsage.objects.count() == 12
        assert SystemUsage.objects.filter(system__name="Skolekom").exists()


def test_catalogue_systems_belong_to_the_catalogue(loaded, db):
    with scopes_disabled():
        aula = ItSystem.objects.get(name="Aula")
        assert aula.municipality.is_catalogue
        assert SystemUsage.objects.filter(system=aula).count() == 2


def test_the_time_quadrant_has_all_four_dispositions(norddjurs):
    found = {
        time_disposition(usage.functional_fit, usage.technical_fit) for usage in _in_use(norddjurs)
    }
    assert set(Disposition) <= found


def test_each_kind_of_compliance_gap_is_there(norddjurs):
    today = timezone.localdate()
    in_use = _in_use(norddjurs)
    without_owner = in_use.exclude(roles__role__key="system_data_owner")
    personal = [usage for usage in in_use if usage.processes_personal_data]
    unregistered = [u for u in personal if not u.processing_registrations.exists()]
    no_dpia = in_use.filter(data_sensitive=True).exclude(dpia_done=Answer.YES)
    risk_overdue = in_use.filter(risk_next_on__lt=today)
    unassessed = in_use.filter(accessibility=Accessibility.UNDECIDED)
    assert [u.local_id for u in without_owner] == ["ND-016"]
    assert [u.local_id for u in unregistered] == ["ND-017"]
    assert [u.local_id for u in no_dpia] == ["ND-011"]
    assert [u.local_id for u in risk_overdue] == ["ND-015"]
    assert {u.local_id for u in unassessed} == {"ND-016", "ND-018"}


def test_oversight_of_one_processor_is_overdue(norddjurs):
    today = timezone.localdate()
    overdue = [
        registration.name
        for registration in DataProcessingRegistration.objects.all()
        if registration.oversight_interval_months
        and add_months(
            registration.oversights.first().done_on, registration.oversight_interval_months
        )
        < today
    ]
    assert overdue == ["Zoom webinarer"]


def test_a_third_country_transfer_gives_its_basis(norddjurs):
    transfers = DataProcessingRegistration.objects.filter(third_country_transfer=True)
    assert transfers.filter(name="Zoom webinarer").exists()
    assert all("standardkontrakt" in t.transfer_basis for t in transfers)


def test_contract_deadlines_the_overview_shows(norddjurs):
    today = timezone.localdate()
    expiring = [
        c.name for c in Contract.objects.all() if deadlines.expiring_within(c.expires_on, today, 6)
    ]
    assert "Zoom Webinars licens" in expiring
    sbsys = Contract.objects.get(name="SBSYS drift og vedligeholdelse")
    deadline = deadlines.notice_deadline(
        today=today,
        expires_on=sbsys.expires_on,
        months=sbsys.notice_months,
        by_end_of=sbsys.notice_by_end_of or None,
        irrevocable_until=sbsys.irrevocable_until,
    )
    decide_by = deadlines.decision_deadline(deadline.notice_by, sbsys.decision_lead_months)
    assert today <= decide_by <= add_months(today, 3)
    child = Contract.objects.get(name="Microsoft 365-licenser (E3/E5)")
    assert child.parent.procurement == "framework"


def test_one_breach_is_closed_and_notified_and_one_is_open(norddjurs):
    breaches = SecurityIncident.objects.filter(personal_data_breach=True)
    closed = breaches.filter(closed_at__isnull=False, notified_at__isnull=False)
    still_open = breaches.filter(closed_at__isnull=True, notified_at__isnull=False)
    assert closed.count() == 1
    assert still_open.count() == 1
    breach = still_open.get()
    assert breach.notified_at <= breach.notify_by


def test_speech_recognition_is_linked_to_its_project(norddjurs):
    usage = SystemUsage.objects.get(system__name="Dictus talegenkendelse")
    assert "Talegenkendelse" in {project.name for project in usage.projects.all()}
