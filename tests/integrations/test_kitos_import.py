"""The KITOS importer against a real local HTTP server serving the recorded responses."""

import gc
from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scope, scopes_disabled

from styrbord.core.models import ChangeLogEntry, OrgUnit, Person
from styrbord.integrations.kitos import importer
from styrbord.integrations.kitos.importer import synchronise
from styrbord.systems.models import (
    Contract,
    ContractCost,
    DataProcessingRegistration,
    Hosting,
    ItSystem,
    KitosRun,
    Lifecycle,
    Oversight,
    RoleAssignment,
    RunStatus,
    Supplier,
    SystemUsage,
)
from styrbord.systems.services import usages as usage_services
from tests.integrations import kitos_server as kitos

kitos_server = kitos.kitos_server

SBSYS_USAGE = "81078d96-735e-5bdd-adc4-8a1ca99c1a74"
SBSYS_CONTRACT = "0874a95f-f8db-5ca4-9bca-5b766bfef47e"
SBSYS_REGISTRATION = "1babec2b-4134-5fce-a6d3-479048b03935"
REBILD_SBSYS_USAGE = "4c9423b3-9229-567f-a324-895f7ee1d895"
USAGES = "/api/v2/it-system-usages"


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def served(server, collection: str, uuid: str) -> dict:
    return next(item for item in server.collections[collection] if item["uuid"] == uuid)


@pytest.fixture
def client(kitos_server):
    return kitos_server.client(sleep=lambda seconds: None, timeout=2, retries=2)


def log_count() -> int:
    return ChangeLogEntry._base_manager.count()


def usage(uuid: str) -> SystemUsage:
    return SystemUsage._base_manager.get(kitos_uuid=uuid)


def test_first_run_creates_the_portfolio(norddjurs, client):
    run = synchronise(norddjurs, client)

    assert run.status == RunStatus.SUCCEEDED, run.problems
    with scopes_disabled():
        assert SystemUsage.objects.filter(municipality=norddjurs).count() == 7
        assert Contract.objects.filter(municipality=norddjurs).count() == 6
        assert DataProcessingRegistration.objects.filter(municipality=norddjurs).count() == 3
        sbsys = usage(SBSYS_USAGE)
        assert sbsys.system.name == "SBSYS"
        assert sbsys.system.municipality.is_catalogue
        assert sbsys.system.supplier.cvr == "38293222"
        assert sbsys.lifecycle == Lifecycle.OPERATIONAL
        assert sbsys.hosting == Hosting.EXTERNAL
        assert sbsys.purpose == "Journalisering af sager og dokumenter"
        assert sbsys.data_ordinary and sbsys.data_sensitive and not sbsys.data_criminal
        assert sbsys.responsible_unit.external_uuid is not None
        assert sbsys.using_units.count() == 3
        assert sbsys.kitos_synced_at is not None
        contract = Contract.objects.get(kitos_uuid=SBSYS_CONTRACT)
        assert contract.notice_months == 6
        assert contract.notice_by_end_of == "quarter"
        assert list(contract.usages.all()) == [sbsys]
        assert contract.owner.name == "Tonny Olsen"
        cost = ContractCost.objects.get(contract=contract)
        assert (cost.acquisition, cost.running) == (250000, 410000)
        registration = DataProcessingRegistration.objects.get(kitos_uuid=SBSYS_REGISTRATION)
        assert registration.oversight_interval_months == 12
        assert [o.remark for o in Oversight.objects.filter(registration=registration)] == [
            "Erklæring uden forbehold"
        ]
        assert list(registration.processors.values_list("cvr", flat=True)) == ["38293222"]
        holders = RoleAssignment.objects.filter(usage=sbsys).values_list("person__name", flat=True)
        assert sorted(holders) == ["Kaare Christensen", "Tonny Olsen"]
        assert Person.objects.filter(name="Tonny Olsen", municipality=norddjurs).count() == 1
        assert (
            OrgUnit.objects.filter(municipality=norddjurs, external_uuid__isnull=False).count() == 8
        )
    assert run.counts["usage"]["created"] == 7
    assert any(c["uuid"] == SBSYS_USAGE and c["action"] == "created" for c in run.changes)


def test_second_run_without_changes_writes_and_logs_nothing(norddjurs, client, kitos_server):
    synchronise(norddjurs, client)
    before = log_count()
    versions = dict(SystemUsage._base_manager.values_list("pk", "version"))

    run = synchronise(norddjurs, client)

    assert run.status == RunStatus.SUCCEEDED
    assert run.changed_since is not None
    assert log_count() == before
    assert dict(SystemUsage._base_manager.values_list("pk", "version")) == versions
    assert run.changes == []


def test_full_run_without_changes_writes_and_logs_nothing(norddjurs, client):
    synchronise(norddjurs, client)
    before = log_count()

    run = synchronise(norddjurs, client, full=True)

    assert run.status == RunStatus.SUCCEEDED, run.problems
    assert run.changed_since is None
    assert log_count() == before
    assert run.counts["usage"] == {"unchanged": 7}
    assert run.changes == []


def test_a_changed_record_in_an_increment_updates_just_that(norddjurs, client, kitos_server):
    synchronise(norddjurs, client)
    item = served(kitos_server, "it-system-usages", SBSYS_USAGE)
    item["general"]["purpose"] = "Sager, dokumenter og post"
    item["lastModified"] = now_iso()
    before = log_count()

    run = synchronise(norddjurs, client)

    assert usage(SBSYS_USAGE).purpose == "Sager, dokumenter og post"
    assert run.counts["usage"] == {"unchanged": 0, "updated": 1} or run.counts["usage"] == {
        "updated": 1
    }
    assert log_count() == before + 1
    asked = [r for r in kitos_server.requests if r.path == USAGES][-1]
    assert "changedSinceGtEq" in asked.params
    [change] = [c for c in run.changes if c["kind"] == "usage"]
    assert change["fields"] == [
        {
            "field": "purpose",
            "before": "Journalisering af sager og dokumenter",
            "after": "Sager, dokumenter og post",
        }
    ]


def test_a_removal_in_the_deleted_feed_removes_the_usage(norddjurs, client, kitos_server):
    synchronise(norddjurs, client)
    kitos_server.collections["it-system-usages"] = [
        i for i in kitos_server.collections["it-system-usages"] if i["uuid"] != SBSYS_USAGE
    ]
    kitos_server.collections["deleted-entities"].append(
        {"occurredAtUtc": now_iso(), "entityUuid": SBSYS_USAGE, "entityType": "ItSystemUsage"}
    )

    run = synchronise(norddjurs, client)

    assert not SystemUsage._base_manager.filter(kitos_uuid=SBSYS_USAGE).exists()
    assert run.counts["usage"]["removed"] == 1
    assert ChangeLogEntry._base_manager.filter(action="delete", object_repr="SBSYS").exists()


def test_both_usage_shapes_are_read(norddjurs, rebild, client):
    synchronise(norddjurs, client)
    run = synchronise(rebild, client)

    assert run.status == RunStatus.SUCCEEDED, run.problems
    older = usage(REBILD_SBSYS_USAGE)
    assert older.municipality == rebild
    assert older.purpose == "ESDH og journalisering"
    assert older.business_critical == "yes"
    assert older.hosting == Hosting.EXTERNAL
    newer = usage(SBSYS_USAGE)
    assert newer.business_critical == "yes"
    # One catalogue system serves both municipalities.
    assert older.system_id == newer.system_id
    assert ItSystem._base_manager.filter(name="SBSYS").count() == 1


def test_a_malformed_record_is_skipped_and_reported_while_the_rest_import(
    norddjurs, client, kitos_server
):
    item = served(kitos_server, "it-system-usages", SBSYS_USAGE)
    item["general"]["validity"]["validFrom"] = "not a date"

    run = synchronise(norddjurs, client)

    assert run.status == RunStatus.PARTIAL
    [problem] = [p for p in run.problems if p["kind"] == "usage"]
    assert problem["uuid"] == SBSYS_USAGE
    assert "validFrom" in problem["message"]
    assert SystemUsage._base_manager.filter(municipality=norddjurs).count() == 6


def test_an_unknown_enum_value_skips_only_that_record(norddjurs, client, kitos_server):
    item = served(kitos_server, "it-system-usages", SBSYS_USAGE)
    item["general"]["hostedAt"] = "OnTheMoon"

    run = synchronise(norddjurs, client)

    assert [p["uuid"] for p in run.problems] == [SBSYS_USAGE]
    assert "OnTheMoon" in run.problems[0]["message"]
    assert SystemUsage._base_manager.filter(municipality=norddjurs).count() == 6


def test_an_unknown_role_name_is_reported_not_fatal(norddjurs, client, kitos_server):
    item = served(kitos_server, "it-system-usages", SBSYS_USAGE)
    item["roles"][0]["role"]["name"] = "Kaffeansvarlig"

    run = synchronise(norddjurs, client)

    assert run.status == RunStatus.PARTIAL
    assert [(p["kind"], p["name"]) for p in run.problems] == [("role_assignment", "Kaffeansvarlig")]
    with scopes_disabled():
        assert list(
            RoleAssignment.objects.filter(usage=usage(SBSYS_USAGE)).values_list(
                "person__name", flat=True
            )
        ) == ["Kaare Christensen"]


def test_a_timeout_is_retried_then_succeeds(norddjurs, kitos_server):
    client = kitos_server.client(sleep=lambda seconds: None, timeout=0.3, retries=2)
    kitos_server.delay_next(1, 1.0, path=USAGES)

    run = synchronise(norddjurs, client)

    assert run.status == RunStatus.SUCCEEDED
    assert kitos_server.count(USAGES) >= 2
    assert SystemUsage._base_manager.filter(municipality=norddjurs).count() == 7


def test_a_failure_after_retries_leaves_nothing_written(norddjurs, client, kitos_server):
    kitos_server.fail_next(10, path="/api/v2/it-contracts")
    before = log_count()

    run = synchronise(norddjurs, client)

    assert run.status == RunStatus.FAILED
    assert "it-contracts" in run.error
    assert log_count() == before
    assert not SystemUsage._base_manager.filter(municipality=norddjurs).exists()
    assert not OrgUnit._base_manager.filter(
        municipality=norddjurs, external_uuid__isnull=False
    ).exists()
    # A failed run is no starting point for the next increment.
    assert synchronise(norddjurs, client).changed_since is None


def test_a_malformed_response_fails_the_run_and_writes_nothing(norddjurs, client, kitos_server):
    kitos_server.malformed_next(1, path=USAGES)

    run = synchronise(norddjurs, client)

    assert run.status == RunStatus.FAILED
    assert "malformed" in run.error.lower() or "JSON" in run.error
    assert not SystemUsage._base_manager.filter(municipality=norddjurs).exists()


def test_dry_run_writes_nothing_but_lists_the_changes(norddjurs, client):
    before = log_count()

    run = synchronise(norddjurs, client, dry_run=True)

    assert run.dry_run and run.status == RunStatus.SUCCEEDED
    assert log_count() == before
    assert not SystemUsage._base_manager.filter(municipality=norddjurs).exists()
    assert not Supplier._base_manager.filter(kitos_uuid__isnull=False).exists()
    created = [c for c in run.changes if c["kind"] == "usage" and c["action"] == "created"]
    assert len(created) == 7
    sbsys = next(c for c in created if c["uuid"] == SBSYS_USAGE)
    assert {"field": "hosting", "before": None, "after": "external"} in sbsys["fields"]
    # A dry run is no starting point for the next increment either.
    assert synchronise(norddjurs, client).changed_since is None
    assert KitosRun._base_manager.filter(municipality=norddjurs).count() == 2


def test_dry_run_after_a_change_lists_the_field_change(norddjurs, client, kitos_server):
    synchronise(norddjurs, client)
    item = served(kitos_server, "it-system-usages", SBSYS_USAGE)
    item["general"]["hostedAt"] = "OnPremise"
    item["lastModified"] = now_iso()

    run = synchronise(norddjurs, client, dry_run=True)

    assert usage(SBSYS_USAGE).hosting == Hosting.EXTERNAL
    [change] = [c for c in run.changes if c["kind"] == "usage"]
    assert change["action"] == "updated"
    assert change["fields"] == [{"field": "hosting", "before": "external", "after": "on_premises"}]


def test_kitos_mastered_fields_are_refused_to_a_person(norddjurs, client, editor):
    synchronise(norddjurs, client)
    with scope(municipality=norddjurs):
        sbsys = SystemUsage.objects.get(kitos_uuid=SBSYS_USAGE)
        with pytest.raises(ValidationError) as refused:
            usage_services.update_usage(
                sbsys, actor=editor, expected_version=sbsys.version, purpose="Noget andet"
            )
        assert "purpose" in refused.value.message_dict
        # Styrbord's own fields stay editable.
        usage_services.update_usage(
            sbsys, actor=editor, expected_version=sbsys.version, functional_fit=3
        )
        assert SystemUsage.objects.get(pk=sbsys.pk).functional_fit == 3


def test_units_typed_in_before_are_linked_not_duplicated(norddjurs, client):
    with scopes_disabled():
        staben = OrgUnit.objects.create(municipality=norddjurs, name="Staben", kind="centre")

    synchronise(norddjurs, client)

    staben.refresh_from_db()
    assert staben.external_uuid is not None
    assert OrgUnit._base_manager.filter(municipality=norddjurs, name="Staben").count() == 1
    assert staben.kind == "centre"


def test_role_dropped_in_kitos_is_removed_but_a_local_one_is_kept(norddjurs, client, kitos_server):
    synchronise(norddjurs, client)
    item = served(kitos_server, "it-system-usages", SBSYS_USAGE)
    item["roles"] = item["roles"][:1]
    item["lastModified"] = now_iso()

    run = synchronise(norddjurs, client)

    assert run.counts["role_assignment"]["removed"] == 1
    with scopes_disabled():
        names = RoleAssignment.objects.filter(usage=usage(SBSYS_USAGE)).values_list(
            "person__name", flat=True
        )
        assert list(names) == ["Tonny Olsen"]


def test_paging_reads_until_a_short_page(norddjurs, kitos_server):
    kitos_server.generate_usages(30)
    client = kitos_server.client(sleep=lambda seconds: None, page_size=10)

    run = synchronise(norddjurs, client)

    assert run.status == RunStatus.SUCCEEDED, run.problems
    assert kitos_server.pages_read(USAGES) == [0, 1, 2, 3]
    assert SystemUsage._base_manager.filter(municipality=norddjurs).count() == 37


def test_a_new_contract_is_inserted_with_its_owner_not_updated_after(norddjurs, client):
    synchronise(norddjurs, client)

    contract = Contract._base_manager.get(kitos_uuid=SBSYS_CONTRACT)
    entries = ChangeLogEntry._base_manager.filter(
        content_type__model="contract", object_id=str(contract.pk)
    )
    [created] = [e for e in entries if e.action == "create"]
    assert created.after["owner"]["label"] == "Tonny Olsen"
    assert not [e for e in entries if e.action == "update" and "owner" in e.after]


def test_a_real_run_lists_a_sample_of_its_changes_but_counts_all(
    norddjurs, client, kitos_server, monkeypatch
):
    monkeypatch.setattr(importer, "CHANGES_KEPT", 5)

    run = synchronise(norddjurs, client)

    assert len(run.changes) == 5
    assert run.counts["usage"]["created"] == 7
    assert run.counts["role_assignment"]["created"] > 5


def test_a_dry_run_lists_every_change(norddjurs, client, monkeypatch):
    monkeypatch.setattr(importer, "CHANGES_KEPT", 5)

    run = synchronise(norddjurs, client, dry_run=True)

    assert len([c for c in run.changes if c["kind"] == "usage"]) == 7
    assert len(run.changes) > 5


def test_a_supplier_many_records_name_is_written_and_counted_once(norddjurs, client):
    run = synchronise(norddjurs, client)

    suppliers = Supplier._base_manager.filter(kitos_uuid__isnull=False)
    assert run.counts["supplier"] == {"created": suppliers.count()}
    assert suppliers.filter(cvr="38293222").count() == 1


def test_the_garbage_collector_runs_again_after_a_run(norddjurs, client, kitos_server):
    synchronise(norddjurs, client)
    assert gc.isenabled()

    kitos_server.fail_next(10, status=500)
    run = synchronise(norddjurs, client)

    assert run.status == RunStatus.FAILED
    assert gc.isenabled()
