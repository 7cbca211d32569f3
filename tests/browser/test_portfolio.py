"""Strategy and portfolio in the browser: every page passes axe, and a project runs its
whole life through the real UI, from an employee's idea to lessons learned."""

import datetime
from collections.abc import Callable

import pytest
from django.utils import timezone
from django_scopes import scope
from playwright.sync_api import expect

from styrbord.core.models import User
from styrbord.portfolio.models import Phase, Project
from tests.browser import governance_world, portfolio_world
from tests.browser.support import assert_accessible, log_in, submit, visit

pytestmark = pytest.mark.browser

Case = Callable[..., None]
CASES: dict[str, tuple[str, Case]] = {}


def case(name: str, user: str = "editor") -> Callable[[Case], Case]:
    def register(steps: Case) -> Case:
        CASES[name] = (user, steps)
        return steps

    return register


@pytest.fixture
def pw(world):
    return portfolio_world.build(world, governance_world.build(world))


def p(rest: str) -> str:
    return f"/norddjurs/portefolje/{rest}"


def s(rest: str) -> str:
    return f"/norddjurs/strategi/{rest}"


@case("portfolio overview")
def _overview(page, pw):
    visit(page, p(""))


@case("portfolio overview filtered", user="reader")
def _overview_filtered(page, pw):
    visit(page, p("?phase=execution&status=red&lighthouse=true"))


@case("timeline")
def _timeline(page, pw):
    visit(page, p("tidslinje/"))


@case("portfolio on a past date")
def _as_of(page, pw):
    visit(page, p(f"historisk/?dato={timezone.localdate().replace(day=1).isoformat()}"))


@case("portfolio changes")
def _changes(page, pw):
    visit(page, p("aendringer/"))


@case("status report grid")
def _report_grid(page, pw):
    visit(page, p("statusrapporter/"))


@case("project boards")
def _boards(page, pw):
    visit(page, p("projektboard/"))


@case("project board")
def _board(page, pw):
    visit(page, p(f"projektboard/{pw.board.pk}/"))


@case("ideas", user="reader")
def _ideas(page, pw):
    visit(page, p("ideer/"))


@case("new idea with errors", user="reader")
def _idea_errors(page, pw):
    visit(page, p("ideer/ny/"))
    submit(page)


@case("idea")
def _idea(page, pw):
    visit(page, p(f"ideer/{pw.idea.pk}/"))


@case("idea triage with errors")
def _idea_triage(page, pw):
    visit(page, p(f"ideer/{pw.idea.pk}/behandl/"))
    submit(page)


@case("lessons learned search", user="reader")
def _lessons(page, pw):
    visit(page, p("erfaringer/?q=webinar"))


@case("shared projects")
def _catalogue(page, pw):
    visit(page, p("faelles/"))


@case("shared project")
def _catalogue_detail(page, pw):
    visit(page, p(f"faelles/{pw.shared_project.pk}/"))


@case("new project with errors")
def _project_errors(page, pw):
    visit(page, p("projekter/ny/"))
    submit(page)


@case("project page")
def _project(page, pw):
    visit(page, p(f"projekter/{pw.running.pk}/"))


@case("project page for a reader", user="reader")
def _project_reader(page, pw):
    visit(page, p(f"projekter/{pw.closed.pk}/"))


@case("edit project")
def _project_edit(page, pw):
    visit(page, p(f"projekter/{pw.running.pk}/rediger/"))


@case("phase change with errors")
def _phase(page, pw):
    visit(page, p(f"projekter/{pw.proposal.pk}/fase/"))
    submit(page)


@case("send for a decision")
def _send(page, pw):
    visit(page, p(f"projekter/{pw.proposal.pk}/send/"))


@case("closing")
def _closing(page, pw):
    visit(page, p(f"projekter/{pw.running.pk}/afslut/"))


@case("architecture alignment with errors")
def _alignment(page, pw):
    visit(page, p(f"projekter/{pw.running.pk}/arkitektur/"))
    submit(page)


@case("add a project link")
def _link(page, pw):
    visit(page, p(f"projekter/{pw.running.pk}/links/ny/"))


@case("start document")
def _charter(page, pw):
    visit(page, p(f"projekter/{pw.running.pk}/startdokument/"))


@case("edit start document")
def _charter_edit(page, pw):
    visit(page, p(f"projekter/{pw.running.pk}/startdokument/rediger/"))


@case("start document changes since approval")
def _charter_changes(page, pw):
    visit(page, p(f"projekter/{pw.running.pk}/startdokument/aendringer/"))


@case("new risk with a probability of 7")
def _risk_errors(page, pw):
    visit(page, p(f"projekter/{pw.running.pk}/risici/ny/"))
    page.locator("[name=title]").fill("Nøglemedarbejder stopper")
    page.locator("[name=probability]").fill("7")
    page.locator("[name=consequence]").fill("3")
    submit(page)
    expect(page.locator("[name=title]")).to_have_value("Nøglemedarbejder stopper")


@case("delete a milestone")
def _milestone_delete(page, pw):
    with scope(municipality=pw.running.municipality):
        milestone = pw.running.milestones.first()
    visit(page, p(f"projekter/{pw.running.pk}/milepaele/{milestone.pk}/slet/"))


@case("status reports of a project")
def _reports(page, pw):
    visit(page, p(f"projekter/{pw.running.pk}/status/"))


@case("new status report with errors")
def _report_errors(page, pw):
    visit(page, p(f"projekter/{pw.running.pk}/status/ny/"))
    page.locator("[name=overall][value=red]").check()
    submit(page)


@case("status report")
def _report(page, pw):
    visit(page, p(f"statusrapporter/{pw.report.pk}/"))


@case("draft status report")
def _draft(page, pw):
    visit(page, p(f"statusrapporter/{pw.draft.pk}/"))


@case("strategies", user="reader")
def _strategies(page, pw):
    visit(page, s(""))


@case("strategy")
def _strategy(page, pw):
    visit(page, s(f"{pw.strategy.pk}/"))


@case("shared strategy", user="reader")
def _shared_strategy(page, pw):
    visit(page, s(f"{pw.shared_strategy.pk}/"))


@case("new strategy with errors")
def _strategy_errors(page, pw):
    visit(page, s("ny/"))
    submit(page)


@case("new focus area")
def _focus_area(page, pw):
    visit(page, s(f"{pw.strategy.pk}/fokusomraader/ny/"))


@case("edit principle")
def _principle(page, pw):
    visit(page, s(f"principper/{pw.principle.pk}/rediger/"))


@case("new addendum")
def _addendum(page, pw):
    visit(page, s(f"{pw.strategy.pk}/tillaeg/ny/"))


@case("dashboard with portfolio tasks")
def _dashboard(page, pw):
    visit(page, "/norddjurs/")


@pytest.mark.parametrize("name", list(CASES))
def test_portfolio_page_has_no_axe_violations(name, warm_page, world, pw):
    user, steps = CASES[name]
    log_in(warm_page.context, getattr(world, user), world.url)
    steps(warm_page, pw)
    assert_accessible(warm_page)


def choose(page, name: str, text: str) -> None:
    """Select the first option of the ``name`` select whose label contains ``text``."""
    value = page.locator(f"[name={name}] option", has_text=text).first.get_attribute("value")
    page.locator(f"[name={name}]").select_option(value)


def _status(page, text: str) -> None:
    expect(page.get_by_role("status").first).to_contain_text(text)


def test_a_project_runs_from_an_idea_to_lessons_learned(new_context, world, pw):
    employee = new_context().new_page()
    secretary = new_context().new_page()
    chair = new_context().new_page()
    log_in(employee.context, world.reader, world.url)
    log_in(secretary.context, world.editor, world.url)
    log_in(chair.context, User.objects.get(username="norddjurs-formand"), world.url)

    # An employee submits an idea.
    employee.goto(p("ideer/ny/"))
    employee.locator("[name=title]").fill("Digital affaldskalender")
    employee.locator("[name=problem]").fill("Borgerne ringer om tømmedage.")
    employee.locator("[name=idea]").fill("En digital kalender med påmindelser.")
    submit(employee)
    idea_url = employee.url

    # The programme group's secretary triages it into a proposal.
    secretary.goto(idea_url.replace(world.url, "") + "behandl/")
    choose(secretary, "body", "programgruppe")
    secretary.locator("[name=status]").select_option("continued")
    secretary.locator("[name=reason]").fill("Passer til strategien om digital velfærd.")
    submit(secretary)
    expect(secretary.get_by_role("heading", level=1)).to_contain_text("Digital affaldskalender")
    with scope(municipality=world.norddjurs):
        project = Project.objects.get(name="Digital affaldskalender")
    assert project.phase == Phase.PROPOSAL

    # The start document gets a purpose; the project is sent to the steering group.
    secretary.goto(p(f"projekter/{project.pk}/startdokument/rediger/"))
    secretary.locator("[name=purpose]").fill("Færre opkald om tømmedage.")
    submit(secretary)
    secretary.goto(p(f"projekter/{project.pk}/send/"))
    choose(secretary, "body", "styregruppe")
    secretary.locator("[name=to_phase]").select_option("approved")
    submit(secretary)
    _status(secretary, "dagsorden")

    # The steering group approves it at its meeting (the governance workflow).
    with scope(municipality=world.norddjurs):
        request = project.gate_requests.get()
        meeting = request.agenda_item.meeting
    meeting_url = f"/norddjurs/styring/moeder/{meeting.pk}/"
    secretary.goto(meeting_url)
    expect(secretary.get_by_text("Færre opkald om tømmedage.").first).to_be_visible()
    _run_meeting_to_decision(secretary, chair, meeting_url, request.agenda_item_id)
    with scope(municipality=world.norddjurs):
        project.refresh_from_db()
    assert project.phase == Phase.APPROVED

    # The project leader (here the secretary as editor) reports status and escalates once.
    secretary.goto(p(f"projekter/{project.pk}/status/ny/"))
    for dimension in ("overall", "schedule", "budget", "scope", "quality", "risk", "benefits"):
        secretary.locator(f"[name={dimension}][value=green]").check()
    secretary.locator("[name=overall][value=yellow]").check()
    secretary.locator("[name=overall_comment]").fill("Leverandøren mangler en integration.")
    secretary.locator("[name=summary]").fill("Kalenderen er klar til test.")
    choose(secretary, "escalate_to", "programgruppe")
    secretary.locator("[name=escalation_reason]").fill("Godkend ekstra midler til integrationen.")
    submit(secretary)
    with secretary.expect_navigation():
        secretary.locator("form[action$='/indsend/'] button").click()
    with scope(municipality=world.norddjurs):
        report = project.status_reports.get()
        assert report.is_submitted
        assert report.escalation_item.meeting.body.kind == "programme_group"

    # Closing: final report, a lesson learned, and the closing decision.
    secretary.goto(p(f"projekter/{project.pk}/afslut/"))
    secretary.locator("[name=delivered_vs_planned]").fill("Kalenderen er leveret som planlagt.")
    submit(secretary)
    secretary.goto(p(f"projekter/{project.pk}/erfaringer/ny/"))
    secretary.locator("[name=title]").fill("Inddrag renovationsselskabet fra start")
    submit(secretary)
    secretary.goto(p(f"projekter/{project.pk}/fase/"))
    secretary.locator("[name=to_phase]").select_option("closed")
    secretary.locator("[name=approver]").select_option(index=1)
    submit(secretary)
    with scope(municipality=world.norddjurs):
        project.refresh_from_db()
    assert project.phase == Phase.CLOSED

    # The lesson is found by anyone searching the municipality's lessons learned.
    employee.goto(p("erfaringer/?q=renovation"))
    expect(employee.get_by_text("Inddrag renovationsselskabet fra start")).to_be_visible()


def _run_meeting_to_decision(secretary, chair, meeting_url: str, item_pk: int) -> None:
    def step(page, slug: str) -> None:
        with page.expect_navigation():
            page.locator(f"form[action$='/trin/{slug}/'] button").first.click()

    step(secretary, "til-godkendelse")
    chair.goto(meeting_url)
    step(chair, "godkend-dagsorden")
    secretary.goto(meeting_url)
    step(secretary, "send-dagsorden")
    # The meeting took place earlier today.
    secretary.goto(meeting_url + "rediger/")
    earlier = timezone.localtime() - datetime.timedelta(hours=2)
    secretary.locator("[name=starts_at]").fill(earlier.strftime("%Y-%m-%dT%H:%M"))
    secretary.locator("[name=ends_at]").fill("")
    submit(secretary)
    secretary.goto(meeting_url)
    step(secretary, "afholdt")
    secretary.goto(f"/norddjurs/styring/punkter/{item_pk}/beslutning/")
    secretary.locator("[name=decision]").fill("Godkendt som indstillet.")
    secretary.locator("[name=outcome]").select_option("approved")
    submit(secretary)
