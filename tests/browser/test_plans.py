"""The action plan and the digitalisation budget in the browser: every page passes axe,
and a plan is drafted, scored, ranked by keyboard, submitted, approved at the steering
group's meeting, revised and compared through the real UI."""

from collections.abc import Callable

import pytest
from django.utils import timezone
from django_scopes import scope
from playwright.sync_api import expect

from styrbord.core.models import User
from styrbord.plans.models import ActionPlan, VersionState
from tests.browser import governance_world, plans_world, portfolio_world
from tests.browser.support import assert_accessible, log_in, submit, visit
from tests.browser.test_portfolio import _run_meeting_to_decision, choose

pytestmark = pytest.mark.browser

Case = Callable[..., None]
CASES: dict[str, tuple[str, Case]] = {}


def case(name: str, user: str = "editor") -> Callable[[Case], Case]:
    def register(steps: Case) -> Case:
        CASES[name] = (user, steps)
        return steps

    return register


@pytest.fixture
def plw(world):
    gov = governance_world.build(world)
    return plans_world.build(world, gov, portfolio_world.build(world, gov))


def u(rest: str) -> str:
    return f"/norddjurs/indsatsplan/{rest}"


def v(plw, number: int, rest: str = "") -> str:
    return u(f"{plw.plan.year}/v{number}/{rest}")


@case("plans index")
def _index(page, plw):
    visit(page, u(""))


@case("new plan with errors")
def _new_plan(page, plw):
    visit(page, u("ny/"))
    page.locator("[name=year]").fill(str(plw.plan.year))
    submit(page)


@case("approved version", user="reader")
def _approved(page, plw):
    visit(page, v(plw, 1))


@case("draft revision with reorder controls")
def _draft(page, plw):
    visit(page, v(plw, 2))


@case("edit introduction")
def _introduction(page, plw):
    visit(page, v(plw, 2, "rediger/"))


@case("new item with an allocation beyond the budget")
def _new_item(page, plw):
    visit(page, v(plw, 2, "punkter/ny/"))
    page.locator("[name=title]").fill("Stort seminar")
    page.locator("[name=allocated_amount]").fill("99000000")
    submit(page)


@case("item scores")
def _scores(page, plw):
    visit(page, v(plw, 2, f"punkter/{plw.item_pk}/score/"))


@case("item hours")
def _hours(page, plw):
    visit(page, v(plw, 2, f"punkter/{plw.item_pk}/timer/"))


@case("prioritisation with bubble chart")
def _prioritisation(page, plw):
    visit(page, v(plw, 2, "prioritering/"))


@case("criteria")
def _criteria(page, plw):
    visit(page, v(plw, 2, "kriterier/"))


@case("new criterion")
def _criterion(page, plw):
    visit(page, v(plw, 2, "kriterier/ny/"))


@case("capacity with over-allocation")
def _capacity(page, plw):
    visit(page, v(plw, 2, "kapacitet/"))


@case("edit capacity")
def _capacity_edit(page, plw):
    visit(page, v(plw, 2, f"kapacitet/{plw.unit.pk}/"))


@case("quarters")
def _quarters(page, plw):
    visit(page, v(plw, 1, "kvartaler/"))


@case("demand coverage")
def _coverage(page, plw):
    visit(page, v(plw, 2, "daekning/"))


@case("submit page")
def _submit(page, plw):
    visit(page, v(plw, 2, "indsend/"))


@case("compare versions")
def _compare(page, plw):
    visit(page, u(f"{plw.plan.year}/sammenlign/"))


@case("new revision")
def _revision(page, plw):
    visit(page, u(f"{plw.plan.year}/revision/"))


@case("budgets")
def _budgets(page, plw):
    visit(page, u("budget/"))


@case("budget pool")
def _pool(page, plw):
    visit(page, u(f"budget/{plw.pool.year}/"))


@case("new allocation")
def _allocation(page, plw):
    visit(page, u(f"budget/{plw.pool.year}/bevillinger/ny/"))


@case("project page with its plan items")
def _project(page, plw):
    visit(page, f"/norddjurs/portefolje/projekter/{plw.allocation.project_id}/")
    expect(page.get_by_role("heading", name="Indsatsplan", exact=False).first).to_be_visible()


@pytest.mark.parametrize("name", list(CASES))
def test_plan_page_has_no_axe_violations(name, warm_page, world, plw):
    user, steps = CASES[name]
    log_in(warm_page.context, getattr(world, user), world.url)
    steps(warm_page, plw)
    assert_accessible(warm_page)


def test_a_plan_is_drafted_ranked_approved_revised_and_compared(new_context, world, plw):
    secretary = new_context().new_page()
    chair = new_context().new_page()
    log_in(secretary.context, world.editor, world.url)
    log_in(chair.context, User.objects.get(username="norddjurs-formand"), world.url)
    year = timezone.localdate().year + 1

    # The programme group's secretary drafts next year's plan.
    secretary.goto(u("ny/"))
    secretary.locator("[name=year]").fill(str(year))
    choose(secretary, "owner_body", "rogramgruppe")
    choose(secretary, "approving_body", "tyregruppe")
    submit(secretary)
    with scope(municipality=world.norddjurs):
        plan = ActionPlan.objects.get(year=year)
    base = u(f"{year}/v1/")

    # Two items: a project from the portfolio and a standalone activity.
    secretary.goto(base + "punkter/ny/")
    choose(secretary, "project", "Talegenkendelse")
    secretary.locator("[name=rationale]").fill("Sparer tid i journalføringen.")
    submit(secretary)
    secretary.goto(base + "punkter/ny/")
    secretary.locator("[name=title]").fill("Digitaliseringsseminar")
    submit(secretary)

    # The seminar is scored on every criterion.
    with scope(municipality=world.norddjurs):
        version = plan.versions.get()
        seminar = version.items.get(title="Digitaliseringsseminar")
        criteria = list(version.criteria.all())
    secretary.goto(base + f"punkter/{seminar.pk}/score/")
    for criterion, score in zip(criteria, ("5", "4", "3", "2", "1"), strict=True):
        secretary.locator(f"[name=score_{criterion.pk}]").select_option(score)
    secretary.locator(f"[name=comment_{criteria[0].pk}]").fill("Samler hele organisationen.")
    submit(secretary)

    # Ranked by keyboard: the seminar is moved up with Enter on its button.
    secretary.goto(base)
    move_up = secretary.get_by_role("button", name="Digitaliseringsseminar").filter(has_text="op")
    move_up.focus()
    with secretary.expect_navigation():
        secretary.keyboard.press("Enter")
    with scope(municipality=world.norddjurs):
        assert version.items.get(rank=1).title == "Digitaliseringsseminar"

    # Submitted to the steering group: the plan goes on its next open agenda.
    secretary.goto(base + "indsend/")
    submit(secretary)
    with scope(municipality=world.norddjurs):
        version.refresh_from_db()
        assert version.state == VersionState.SUBMITTED
        meeting = version.agenda_item.meeting
        item_pk = version.agenda_item_id

    # The steering group approves it at its meeting.
    meeting_url = f"/norddjurs/styring/moeder/{meeting.pk}/"
    secretary.goto(meeting_url)
    _run_meeting_to_decision(secretary, chair, meeting_url, item_pk)
    with scope(municipality=world.norddjurs):
        version.refresh_from_db()
        assert version.state == VersionState.APPROVED

    # A revision adds an activity; the comparison shows what changed.
    secretary.goto(u(f"{year}/revision/"))
    secretary.locator("[name=change_note]").fill("Kompetenceløft tilføjes.")
    submit(secretary)
    expect(secretary).to_have_url(world.url + u(f"{year}/v2/"))
    secretary.goto(u(f"{year}/v2/punkter/ny/"))
    secretary.locator("[name=title]").fill("Kompetenceløft i digital ledelse")
    submit(secretary)
    secretary.goto(u(f"{year}/sammenlign/?a=1&b=2"))
    expect(secretary.get_by_text("Kompetenceløft i digital ledelse").first).to_be_visible()
    assert_accessible(secretary)
