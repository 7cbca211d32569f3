"""The IT-system portfolio in the browser: every page passes axe, and the portfolio is read
from KITOS, given owners and followed up through the real UI — a usage gets its system and
data owner from the compliance overview's fix link, and a contract's decision deadline
reaches its new owner's "Mine opgaver"."""

from collections.abc import Callable

import pytest
from django.utils import timezone
from django_scopes import scope
from playwright.sync_api import expect

from styrbord.systems.models import IN_USE, KitosRun, RoleAssignment, RunStatus, SystemUsage
from tests.browser import governance_world, portfolio_world, systems_world
from tests.browser.support import assert_accessible, log_in, submit, visit
from tests.integrations.kitos_server import KitosServer

pytestmark = pytest.mark.browser

Case = Callable[..., None]
CASES: dict[str, tuple[str, Case]] = {}


def case(name: str, user: str = "editor") -> Callable[[Case], Case]:
    def register(steps: Case) -> Case:
        CASES[name] = (user, steps)
        return steps

    return register


@pytest.fixture
def sw(world):
    gov = governance_world.build(world)
    pw = portfolio_world.build(world, gov)
    built = systems_world.build(world, pw)
    built.pw = pw
    return built


def u(rest: str = "") -> str:
    return f"/norddjurs/systemer/{rest}"


# Usages -------------------------------------------------------------------------------


@case("usage list", user="reader")
def _index(page, sw):
    visit(page, u())


@case("usage list filtered")
def _index_filtered(page, sw):
    visit(page, u("?lifecycle=operational&q=Nord"))


@case("usage detail")
def _usage(page, sw):
    visit(page, u(f"anvendelser/{sw.journal.pk}/"))


@case("usage detail with gaps and a breach", user="reader")
def _usage_gaps(page, sw):
    visit(page, u(f"anvendelser/{sw.booking.pk}/"))


@case("new usage with errors")
def _usage_create(page, sw):
    visit(page, u("anvendelser/ny/"))
    page.locator("[name=valid_from]").fill("2026-06-01")
    page.locator("[name=valid_to]").fill("2026-01-01")
    submit(page)


@case("edit usage")
def _usage_edit(page, sw):
    visit(page, u(f"anvendelser/{sw.journal.pk}/rediger/"))


@case("edit usage with errors")
def _usage_edit_errors(page, sw):
    visit(page, u(f"anvendelser/{sw.journal.pk}/rediger/"))
    page.locator("[name=expected_users_min]").fill("50")
    page.locator("[name=expected_users_max]").fill("10")
    submit(page)


@case("delete usage")
def _usage_delete(page, sw):
    visit(page, u(f"anvendelser/{sw.archive.pk}/slet/"))


@case("usage projects")
def _usage_projects(page, sw):
    visit(page, u(f"anvendelser/{sw.journal.pk}/projekter/"))


@case("usage principle")
def _usage_principle(page, sw):
    visit(page, u(f"anvendelser/{sw.journal.pk}/principper/?principle={sw.pw.principle.pk}"))


# Catalogue ----------------------------------------------------------------------------


@case("catalogue", user="reader")
def _catalogue(page, sw):
    visit(page, u("katalog/"))


@case("new system with errors")
def _system_create(page, sw):
    visit(page, u("katalog/nyt/"))
    submit(page)


@case("system detail", user="reader")
def _system(page, sw):
    visit(page, u(f"katalog/{sw.system.pk}/"))


@case("edit system")
def _system_edit(page, sw):
    visit(page, u(f"katalog/{sw.system.pk}/rediger/"))


@case("suppliers", user="reader")
def _suppliers(page, sw):
    visit(page, u("leverandoerer/"))


@case("new supplier with errors")
def _supplier_create(page, sw):
    visit(page, u("leverandoerer/ny/"))
    submit(page)


@case("supplier detail", user="reader")
def _supplier(page, sw):
    visit(page, u(f"leverandoerer/{sw.system.supplier_id}/"))


# Roles --------------------------------------------------------------------------------


@case("roles", user="reader")
def _roles(page, sw):
    visit(page, u("roller/"))


@case("new role with errors")
def _role_create(page, sw):
    visit(page, u("roller/ny/"))
    submit(page)


@case("catalogue role")
def _role(page, sw):
    visit(page, u(f"roller/{sw.role.pk}/"))


@case("edit own role")
def _role_edit(page, sw):
    visit(page, u(f"roller/{sw.local_role.pk}/rediger/"))


@case("assign a role with errors")
def _assign(page, sw):
    visit(page, u("roller/tildel/"))
    submit(page)


@case("assign a role on a usage")
def _assign_usage(page, sw):
    visit(page, u(f"roller/tildel/?usage={sw.booking.pk}"))


@case("edit assignment")
def _assignment_edit(page, sw):
    visit(page, u(f"roller/tildeling/{sw.assignment.pk}/rediger/"))


@case("remove assignment")
def _assignment_delete(page, sw):
    visit(page, u(f"roller/tildeling/{sw.assignment.pk}/slet/"))


@case("missing roles")
def _missing(page, sw):
    visit(page, u("roller/mangler/"))


@case("handover")
def _handover(page, sw):
    visit(page, u(f"roller/overdrag/{sw.owner.pk}/"))


@case("handover preview")
def _handover_preview(page, sw):
    on = timezone.localdate().isoformat()
    visit(page, u(f"roller/overdrag/{sw.owner.pk}/?successor={sw.other.pk}&on={on}"))
    expect(page.locator("main")).to_contain_text(sw.contract.name)


# Contracts ----------------------------------------------------------------------------


@case("contracts", user="reader")
def _contracts(page, sw):
    visit(page, u("kontrakter/"))


@case("expiring contracts", user="reader")
def _expiring(page, sw):
    visit(page, u("kontrakter/udloeber/"))


@case("new contract with errors")
def _contract_create(page, sw):
    visit(page, u("kontrakter/ny/"))
    page.locator("[name=starts_on]").fill("2026-06-01")
    page.locator("[name=expires_on]").fill("2026-01-01")
    submit(page)


@case("contract detail")
def _contract(page, sw):
    visit(page, u(f"kontrakter/{sw.contract.pk}/"))


@case("edit contract with errors")
def _contract_edit(page, sw):
    visit(page, u(f"kontrakter/{sw.contract.pk}/rediger/"))
    page.locator("[name=name]").fill("")
    submit(page)


@case("delete contract")
def _contract_delete(page, sw):
    visit(page, u(f"kontrakter/{sw.other_contract.pk}/slet/"))


@case("contract usages")
def _contract_usages(page, sw):
    visit(page, u(f"kontrakter/{sw.contract.pk}/anvendelser/"))


@case("new contract cost with errors")
def _cost(page, sw):
    visit(page, u(f"kontrakter/{sw.contract.pk}/omkostning/ny/"))
    page.locator("[name=year]").fill("")
    submit(page)


# Data protection ----------------------------------------------------------------------


@case("registrations", user="reader")
def _registrations(page, sw):
    visit(page, u("databehandling/"))


@case("new registration with errors")
def _registration_create(page, sw):
    visit(page, u(f"databehandling/ny/?usage={sw.booking.pk}"))
    submit(page)


@case("registration detail")
def _registration(page, sw):
    visit(page, u(f"databehandling/{sw.registration.pk}/"))


@case("edit registration with errors")
def _registration_edit(page, sw):
    visit(page, u(f"databehandling/{sw.registration.pk}/rediger/"))
    page.locator("[name=name]").fill("")
    submit(page)


@case("delete registration")
def _registration_delete(page, sw):
    visit(page, u(f"databehandling/{sw.registration.pk}/slet/"))


@case("record oversight with errors")
def _oversight(page, sw):
    visit(page, u(f"databehandling/{sw.registration.pk}/tilsyn/ny/"))
    page.locator("[name=done_on]").fill("")
    submit(page)


# Incidents ----------------------------------------------------------------------------


@case("incidents", user="reader")
def _incidents(page, sw):
    visit(page, u("haendelser/"))


@case("report incident with errors", user="reader")
def _incident_create(page, sw):
    visit(page, u("haendelser/ny/"))
    submit(page)


@case("incident detail")
def _incident(page, sw):
    visit(page, u(f"haendelser/{sw.incident.pk}/"))


@case("edit incident with errors")
def _incident_edit(page, sw):
    visit(page, u(f"haendelser/{sw.incident.pk}/rediger/"))
    page.locator("[name=description]").fill("")
    submit(page)


# Overviews ----------------------------------------------------------------------------


@case("compliance overview", user="reader")
def _compliance(page, sw):
    visit(page, u("overblik/"))


@case("compliance overview filtered")
def _compliance_filtered(page, sw):
    visit(page, u("overblik/?gap=missing_owner"))


@case("landscape TIME", user="reader")
def _landscape(page, sw):
    visit(page, u("landskab/"))


@case("landscape lifecycle", user="reader")
def _lifecycle(page, sw):
    visit(page, u("landskab/livscyklus/"))


@case("landscape by unit", user="reader")
def _by_unit(page, sw):
    visit(page, u("landskab/enheder/"))


@case("landscape suppliers", user="reader")
def _landscape_suppliers(page, sw):
    visit(page, u("landskab/leverandoerer/"))


@case("KITOS page", user="local_admin")
def _kitos(page, sw):
    visit(page, u("kitos/"))


@case("Excel import")
def _import(page, sw):
    visit(page, u("import/"))


@case("dashboard with a contract deadline")
def _dashboard(page, sw):
    visit(page, "/norddjurs/")
    expect(page.locator("#my-tasks ~ *").first).to_contain_text(sw.contract.name)


@case("person page with roles")
def _person(page, sw):
    visit(page, f"/norddjurs/personer/{sw.owner.pk}/")


@case("project page with usages", user="reader")
def _project(page, sw):
    visit(page, f"/norddjurs/portefolje/projekter/{sw.pw.running.pk}/")


@pytest.mark.parametrize("name", list(CASES))
def test_systems_page_has_no_axe_violations(name, warm_page, world, sw):
    user, steps = CASES[name]
    log_in(warm_page.context, getattr(world, user), world.url)
    steps(warm_page, sw)
    if name.endswith("with errors"):
        # The case is only worth its name if the form came back with its errors shown.
        expect(warm_page.locator(".form-error-message, .alert-error").first).to_be_visible()
    assert_accessible(warm_page)


# The journey --------------------------------------------------------------------------


def _gap_total(page, kind: str) -> int:
    row = page.locator("tr", has=page.locator(f"th a[href$='?gap={kind}']"))
    return int(row.locator("td.styrbord-number").inner_text().strip())


def test_a_synced_portfolio_gets_owners_and_its_deadlines_reach_the_owner(
    new_context, world, sw, settings
):
    admin = new_context().new_page()
    editor = new_context().new_page()
    log_in(admin.context, world.local_admin, world.url)
    log_in(editor.context, world.editor, world.url)

    with KitosServer() as kitos:
        settings.KITOS_URL = kitos.url
        settings.KITOS_EMAIL = kitos.email
        settings.KITOS_PASSWORD = kitos.password

        # The local administrator reads Norddjurs' portfolio from (the local) KITOS.
        visit(admin, u("kitos/"))
        assert_accessible(admin)
        with admin.expect_navigation():
            admin.locator("main form button[name=dry_run][value='0']").click()
    with scope(municipality=world.norddjurs):
        run = KitosRun.objects.get()
        imported = SystemUsage.objects.filter(kitos_uuid__isnull=False)
        assert run.status == RunStatus.SUCCEEDED, run.error
        assert imported.count() == 7
    assert admin.url.endswith(u(f"kitos/{run.pk}/"))
    expect(admin.get_by_role("status").first).to_be_visible()
    expect(admin.locator("main")).to_contain_text("SBSYS")
    assert_accessible(admin)

    # The compliance overview counts the usages without a system and data owner.
    visit(editor, u("overblik/"))
    missing = _gap_total(editor, "missing_owner")
    assert missing >= 2  # the booking system and at least one imported usage

    # An imported usage lacking its owner: the fix link assigns the role to the editor.
    visit(editor, u("overblik/?gap=missing_owner"))
    with scope(municipality=world.norddjurs):
        owned = RoleAssignment.objects.filter(role=sw.role).values("usage_id")
        target = imported.exclude(pk__in=owned).filter(lifecycle__in=IN_USE).first()
    assert target is not None, "every imported usage in use already has an owner"
    row = editor.locator("tbody tr", has=editor.locator(f"a[href$='anvendelser/{target.pk}/']"))
    with editor.expect_navigation():
        row.locator(f"a[href$='?usage={target.pk}']").first.click()
    assert_accessible(editor)
    editor.locator("[name=role]").select_option(str(sw.role.pk))
    editor.locator("[name=person]").select_option(str(sw.owner.pk))
    submit(editor)
    with scope(municipality=world.norddjurs):
        assert RoleAssignment.objects.filter(role=sw.role, usage=target, person=sw.owner).exists()

    visit(editor, u("overblik/"))
    assert _gap_total(editor, "missing_owner") == missing - 1

    # The editor takes over the archive's contract; its decision is ten days away.
    visit(editor, "/norddjurs/")
    expect(editor.locator("main")).not_to_contain_text(sw.other_contract.name)
    visit(editor, u(f"kontrakter/{sw.other_contract.pk}/rediger/"))
    editor.locator("[name=owner]").select_option(str(sw.owner.pk))
    submit(editor)
    visit(editor, "/norddjurs/")
    tasks = editor.locator("section[aria-labelledby=my-tasks]")
    expect(
        tasks.get_by_role("link", name=sw.other_contract.name, exact=False).first
    ).to_be_visible()
    assert_accessible(editor)
