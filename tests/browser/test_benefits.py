"""Benefits realisation in the browser: every page passes axe, and a benefit is added with
baseline and target, measured, seen overdue in "Mine opgaver", costed in the business case
and reported to the steering group through the real UI."""

from collections.abc import Callable

import pytest
from django_scopes import scope
from playwright.sync_api import expect

from styrbord.benefits.models import Benefit, BusinessCase
from styrbord.governance.models import Attachment
from tests.browser import benefits_world, governance_world, portfolio_world
from tests.browser.support import assert_accessible, log_in, submit, visit
from tests.browser.test_portfolio import choose

pytestmark = pytest.mark.browser

Case = Callable[..., None]
CASES: dict[str, tuple[str, Case]] = {}


def case(name: str, user: str = "editor") -> Callable[[Case], Case]:
    def register(steps: Case) -> Case:
        CASES[name] = (user, steps)
        return steps

    return register


@pytest.fixture
def bw(world):
    gov = governance_world.build(world)
    pw = portfolio_world.build(world, gov)
    built = benefits_world.build(world, pw)
    built.gov, built.pw = gov, pw
    return built


def u(rest: str = "") -> str:
    return f"/norddjurs/gevinster/{rest}"


def p(bw, rest: str = "") -> str:
    return u(f"projekt/{bw.pw.running.pk}/{rest}")


@case("benefits list", user="reader")
def _index(page, bw):
    visit(page, u())


@case("project benefits", user="reader")
def _project(page, bw):
    visit(page, p(bw))


@case("benefit detail", user="reader")
def _detail(page, bw):
    visit(page, u(f"{bw.freed_time.pk}/"))


@case("new benefit with errors")
def _create(page, bw):
    visit(page, p(bw, "ny/"))
    page.locator("[name=title]").fill("Hurtigere svar")
    page.locator("[name=baseline_date]").fill("2026-06-01")
    page.locator("[name=target_date]").fill("2026-01-01")
    submit(page)


@case("edit benefit")
def _edit(page, bw):
    visit(page, u(f"{bw.freed_time.pk}/rediger/"))


@case("record measurement")
def _measure(page, bw):
    visit(page, u(f"{bw.freed_time.pk}/maaling/ny/"))


@case("record harvest")
def _harvest(page, bw):
    visit(page, u(f"{bw.savings.pk}/hoestning/ny/"))


@case("realisation profile")
def _profile(page, bw):
    visit(page, u(f"{bw.freed_time.pk}/profil/"))


@case("business case", user="reader")
def _case(page, bw):
    visit(page, p(bw, "business-case/"))


@case("edit business case")
def _case_edit(page, bw):
    visit(page, p(bw, "business-case/rediger/"))


@case("new cost with errors")
def _cost(page, bw):
    visit(page, p(bw, "business-case/omkostning/ny/"))
    page.locator("[name=minimum]").fill("300")
    page.locator("[name=likely]").fill("200")
    page.locator("[name=maximum]").fill("100")
    submit(page)


@case("business case compared with baseline", user="reader")
def _compare(page, bw):
    visit(page, p(bw, "business-case/sammenligning/"))


@case("benefit map")
def _map(page, bw):
    visit(page, p(bw, "gevinstkort/"))


@case("new map node")
def _node(page, bw):
    visit(page, p(bw, "gevinstkort/knude/ny/"))


@case("new map arrow")
def _edge(page, bw):
    visit(page, p(bw, "gevinstkort/pil/ny/"))


@case("benefit report", user="reader")
def _report(page, bw):
    visit(page, u("rapport/"))


@case("attach report to an agenda item")
def _attach(page, bw):
    visit(page, u("rapport/dagsorden/"))


@case("project page with benefits panel", user="reader")
def _project_page(page, bw):
    visit(page, f"/norddjurs/portefolje/projekter/{bw.pw.running.pk}/")


@case("dashboard with a measurement due")
def _dashboard(page, bw):
    visit(page, "/norddjurs/")


@pytest.mark.parametrize("name", list(CASES))
def test_benefit_page_has_no_axe_violations(name, warm_page, world, bw):
    user, steps = CASES[name]
    log_in(warm_page.context, getattr(world, user), world.url)
    steps(warm_page, bw)
    assert_accessible(warm_page)


def test_a_benefit_is_measured_costed_and_reported_to_the_steering_group(new_context, world, bw):
    page = new_context().new_page()
    log_in(page.context, world.editor, world.url)
    project = bw.pw.proposal

    # A benefit with baseline and target, owned by the editor (a manager).
    page.goto(world.url + u(f"projekt/{project.pk}/ny/"))
    page.locator("[name=title]").fill("Kortere ventetid på byggesager")
    choose(page, "category", "Kvalitet")
    choose(page, "owner", bw.owner.name)
    page.locator("[name=measure]").fill("Sagsbehandlingstid")
    page.locator("[name=unit]").fill("dage")
    choose(page, "direction", "Lavere")
    page.locator("[name=baseline_value]").fill("40")
    page.locator("[name=baseline_date]").fill("2026-01-15")
    page.locator("[name=target_expected]").fill("20")
    page.locator("[name=target_date]").fill("2027-12-31")
    choose(page, "frequency", "Hver måned")
    submit(page)
    with scope(municipality=world.norddjurs):
        benefit = Benefit.objects.get(title="Kortere ventetid på byggesager")

    # Two measurements; the latest, 30 days down to 35 → 25 %, is shown with its meaning.
    for date, value in (("2026-03-01", "38"), ("2026-04-01", "35")):
        page.goto(world.url + u(f"{benefit.pk}/maaling/ny/"))
        page.locator("[name=measured_on]").fill(date)
        page.locator("[name=value]").fill(value)
        submit(page)
    page.goto(world.url + u(f"projekt/{project.pk}/"))
    expect(page.get_by_text("25 %").first).to_be_visible()

    # The next measurement (a month after 1 April) is overdue in "Mine opgaver".
    page.goto(world.url + "/norddjurs/")
    reminder = page.get_by_role("link", name="Kortere ventetid på byggesager", exact=False)
    expect(reminder.first).to_be_visible()
    assert_accessible(page)

    # The business case: created, one cost, the NPV shown.
    page.goto(world.url + u(f"projekt/{project.pk}/business-case/rediger/"))
    submit(page)
    page.goto(world.url + u(f"projekt/{project.pk}/business-case/omkostning/ny/"))
    choose(page, "kind", "Engangs")
    choose(page, "cost_type", "Licenser")
    page.locator("[name=minimum]").fill("100000")
    page.locator("[name=likely]").fill("100000")
    page.locator("[name=maximum]").fill("100000")
    submit(page)
    with scope(municipality=world.norddjurs):
        assert BusinessCase.objects.get(project=project).costs.count() == 1

    # The year's benefit report goes onto the steering group's coming agenda.
    page.goto(world.url + u("rapport/dagsorden/"))
    choose(page, "item", "Office 365")
    submit(page)
    with scope(municipality=world.norddjurs):
        assert Attachment.objects.filter(item__meeting=bw.gov.preparing).exists()
    assert_accessible(page)
