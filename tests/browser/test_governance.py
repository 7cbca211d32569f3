"""Governance in the browser: every page passes axe, and the whole meeting cycle runs
through the real UI, from planning the year to downloading the approved minutes."""

import datetime
import re
from collections.abc import Callable

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from tests.browser import governance_world
from tests.browser.support import assert_accessible, log_in, submit, visit

pytestmark = pytest.mark.browser

Case = Callable[..., None]
CASES: dict[str, tuple[str, Case]] = {}


def case(name: str, user: str = "secretary") -> Callable[[Case], Case]:
    """``user``: "secretary", "chair" or an attribute of the core World (e.g. "reader")."""

    def register(steps: Case) -> Case:
        CASES[name] = (user, steps)
        return steps

    return register


@pytest.fixture
def gov(world):
    return governance_world.build(world)


def _first(related):
    with scopes_disabled():
        return related.select_related().first()


def p(rest: str) -> str:
    return f"/norddjurs/styring/{rest}"


@case("body list")
def _bodies(page, gov):
    visit(page, p(""))


@case("body list filtered", user="reader")
def _bodies_filtered(page, gov):
    visit(page, p("?q=styre"))


@case("body page")
def _body(page, gov):
    visit(page, p(f"organer/{gov.steering.pk}/"))


@case("body page for a reader", user="reader")
def _body_reader(page, gov):
    visit(page, p(f"organer/{gov.programme.pk}/"))


@case("new body with errors")
def _body_errors(page, gov):
    visit(page, p("organer/ny/"))
    submit(page)
    assert page.locator(".form-error-message").count() >= 1


@case("edit body")
def _body_edit(page, gov):
    visit(page, p(f"organer/{gov.steering.pk}/rediger/"))


@case("conclude body with errors")
def _body_conclude(page, gov):
    visit(page, p(f"organer/{gov.programme.pk}/afslut/"))
    page.fill("#id_closing_note", "")
    submit(page)
    assert page.locator(".form-error-message").count() >= 1


@case("terms-of-reference upload")
def _terms(page, gov):
    visit(page, p(f"organer/{gov.steering.pk}/kommissorium/"))


@case("add member with errors")
def _member(page, gov):
    visit(page, p(f"organer/{gov.steering.pk}/medlemmer/ny/"))
    submit(page)
    assert page.locator(".form-error-message").count() >= 1


@case("meeting list")
def _meetings(page, gov):
    visit(page, p("moeder/"))


@case("plan a meeting")
def _meeting_new(page, gov):
    visit(page, p(f"organer/{gov.steering.pk}/moeder/ny/"))


@case("meeting with agenda in preparation")
def _preparing(page, gov):
    visit(page, p(f"moeder/{gov.preparing.pk}/"))
    expect(page.get_by_role("heading", name="Personalesag (lukket)")).to_be_visible()


@case("meeting as a reader", user="reader")
def _preparing_reader(page, gov):
    visit(page, p(f"moeder/{gov.preparing.pk}/"))
    expect(page.get_by_role("heading", name="Personalesag (lukket)")).to_have_count(0)


@case("held meeting")
def _held(page, gov):
    visit(page, p(f"moeder/{gov.held.pk}/"))


@case("approved minutes", user="chair")
def _approved(page, gov):
    visit(page, p(f"moeder/{gov.approved.pk}/"))


@case("send agenda back", user="chair")
def _return(page, gov):
    visit(page, p(f"moeder/{gov.preparing.pk}/trin/returner-dagsorden/"))
    submit(page)
    assert page.locator(".form-error-message").count() >= 1


@case("invite a guest with errors")
def _guest(page, gov):
    visit(page, p(f"moeder/{gov.preparing.pk}/deltagere/ny/"))
    submit(page)
    assert page.locator(".form-error-message").count() >= 1


@case("protocol note")
def _protocol(page, gov):
    visit(page, p(f"moeder/{gov.approved.pk}/protokolbemaerkning/"))


@case("new agenda item with errors")
def _item_new(page, gov):
    visit(page, p(f"moeder/{gov.preparing.pk}/punkter/ny/"))
    submit(page)
    assert page.locator(".form-error-message").count() >= 1


@case("record a decision")
def _decision(page, gov):
    item = _first(gov.held.items)
    visit(page, p(f"punkter/{item.pk}/beslutning/"))


@case("attach a file with a wrong type")
def _attach(page, gov):
    item = _first(gov.preparing.items)
    visit(page, p(f"punkter/{item.pk}/bilag/ny/"))
    page.set_input_files(
        "#id_file",
        files=[
            {"name": "virus.exe", "mimeType": "application/octet-stream", "buffer": b"MZ\x90\x00"}
        ],
    )
    submit(page)
    assert page.locator(".form-error-message").count() == 1


@case("link an item")
def _link(page, gov):
    item = _first(gov.preparing.items)
    visit(page, p(f"punkter/{item.pk}/links/ny/"))


@case("new action item")
def _action_new(page, gov):
    item = _first(gov.held.items)
    visit(page, p(f"punkter/{item.pk}/opfoelgning/ny/"))


@case("action items")
def _actions(page, gov):
    visit(page, p("opfoelgning/"))


@case("action item")
def _action(page, gov):
    action = _first(_first(gov.held.items).action_items)
    visit(page, p(f"opfoelgning/{action.pk}/"))


@case("decision log", user="reader")
def _decisions(page, gov):
    visit(page, p("beslutninger/"))


@case("annual wheel")
def _wheel(page, gov):
    visit(page, p("aarshjul/"))


@case("organisation diagram", user="reader")
def _diagram(page, gov):
    visit(page, p("organisationsdiagram/"))


@case("new annual-wheel item with errors")
def _cycle_new(page, gov):
    visit(page, p(f"organer/{gov.steering.pk}/aarshjul/ny/"))
    submit(page)
    assert page.locator(".form-error-message").count() >= 1


@case("calendar feeds", user="reader")
def _feeds(page, gov):
    visit(page, p("kalendere/"))


@case("person with body memberships")
def _person(page, gov):
    person = _first(gov.steering.memberships).person
    visit(page, f"/norddjurs/personer/{person.pk}/")


@case("meeting history")
def _meeting_history(page, gov):
    visit(page, f"/norddjurs/historik/meeting/{gov.held.pk}/")


@case("remove an agenda item")
def _item_delete(page, gov):
    visit(page, p(f"punkter/{_first(gov.preparing.items).pk}/slet/"))


@case("edit an agenda item")
def _item_edit(page, gov):
    visit(page, p(f"punkter/{_first(gov.preparing.items).pk}/rediger/"))


@case("escalate an item")
def _escalate(page, gov):
    visit(page, p(f"punkter/{_first(gov.held.items).pk}/eskaler/"))


@case("edit a meeting")
def _meeting_edit(page, gov):
    visit(page, p(f"moeder/{gov.preparing.pk}/rediger/"))


@case("edit a membership")
def _membership_edit(page, gov):
    visit(page, p(f"medlemskaber/{_first(gov.steering.memberships).pk}/rediger/"))


@case("edit and delete an annual-wheel item")
def _cycle_edit(page, gov):
    cycle_item = _first(gov.steering.cycle_items)
    visit(page, p(f"aarshjulspunkter/{cycle_item.pk}/rediger/"))
    assert_accessible(page)
    visit(page, p(f"aarshjulspunkter/{cycle_item.pk}/slet/"))


@case("a new calendar link, shown once", user="reader")
def _feed_new(page, gov):
    visit(page, p("kalendere/"))
    page.locator("main form button.button-primary").first.click()
    page.wait_for_load_state()


@pytest.mark.parametrize("name", list(CASES))
def test_governance_page_has_no_axe_violations(name, warm_page, world, gov):
    user, steps = CASES[name]
    login = {"secretary": gov.secretary, "chair": gov.chair}.get(user) or getattr(world, user)
    log_in(warm_page.context, login, world.url)
    steps(warm_page, gov)
    assert_accessible(warm_page)


def _click_step(page, name: str, status: str) -> None:
    page.get_by_role("button", name=name, exact=True).click()
    expect(page.locator(".styrbord-facts").first).to_contain_text(status)


def test_a_meeting_runs_from_the_planned_year_to_approved_minutes(new_context, world, gov):
    year = timezone.localdate().year + 1
    secretary = new_context().new_page()
    chair = new_context().new_page()
    log_in(secretary.context, gov.secretary, world.url)
    log_in(chair.context, gov.chair, world.url)

    # The secretary plans next year from the annual wheel.
    secretary.goto(p(f"aarshjul/{year}/"))
    secretary.get_by_role("button", name="Planlæg året").click()
    expect(secretary.get_by_role("status").first).to_contain_text("planlagt")
    secretary.get_by_role("link", name=re.compile(rf"\d+\. \w+ {year}")).first.click()
    expect(secretary.get_by_role("heading", level=1)).to_contain_text(gov.steering.name)
    meeting_url = secretary.url

    # The agenda comes pre-filled from the wheel; the secretary adds an item of her own.
    expect(secretary.get_by_text("Justering af projektporteføljen").first).to_be_visible()
    _click_step(secretary, "Begynd at forberede dagsordenen", "Dagsorden under forberedelse")
    secretary.get_by_role("link", name="Tilføj et dagsordenspunkt").click()
    secretary.get_by_role("combobox", name="Type").select_option(
        label="Beslutning (til beslutning)"
    )
    secretary.get_by_role("textbox", name=re.compile("^Titel")).fill("Webinarløsning")
    secretary.get_by_role("textbox", name="Sagsfremstilling").fill(
        "Der er behov for **webinarer**."
    )
    secretary.get_by_role("textbox", name="Indstilling").fill("Det indstilles, at løsningen købes.")
    secretary.get_by_role("button", name="Gem").click()
    expect(secretary.get_by_role("status").first).to_contain_text("tilføjet")
    _click_step(secretary, "Send til formandens godkendelse", "afventer formandens godkendelse")

    # An unapproved agenda offers no "send" button to the secretary; the chair approves.
    expect(secretary.get_by_role("button", name="Udsend dagsordenen")).to_have_count(0)
    chair.goto(meeting_url)
    _click_step(chair, "Godkend dagsordenen", "godkendt")
    secretary.goto(meeting_url)
    _click_step(secretary, "Udsend dagsordenen", "Dagsorden udsendt")

    # The meeting took place earlier today: the secretary corrects the time, records it.
    secretary.get_by_role("link", name="Rediger tid og sted").click()
    earlier = timezone.localtime() - datetime.timedelta(hours=2)
    secretary.get_by_label("Starter").fill(earlier.strftime("%Y-%m-%dT%H:%M"))
    secretary.get_by_label("Slutter").fill("")
    secretary.get_by_role("button", name="Gem").click()
    _click_step(secretary, "Registrér mødet som afholdt", "Afholdt")

    # Decisions for every item, and an action item on the new one.
    decision_links = secretary.get_by_role("link", name=re.compile("^Registrér beslutningen"))
    for index in range(decision_links.count()):
        decision_links.nth(index).click()
        secretary.get_by_label("Beslutning", exact=True).fill("Godkendt som indstillet.")
        secretary.get_by_role("combobox", name="Udfald").select_option(label="Godkendt")
        secretary.get_by_role("button", name="Gem").click()
        expect(secretary.get_by_role("status").first).to_contain_text("registreret")
    secretary.get_by_role("link", name="Tilføj opfølgningspunkt Webinarløsning").click()
    secretary.get_by_role("textbox", name=re.compile("^Handling")).fill("Indhente tilbud.")
    secretary.get_by_role("combobox", name=re.compile("^Ansvarlig")).select_option(index=1)
    secretary.get_by_role("button", name="Gem").click()
    expect(secretary.get_by_text("Indhente tilbud.").first).to_be_visible()
    _click_step(
        secretary, "Send referatet til formandens godkendelse", "Referat afventer godkendelse"
    )

    # The chair approves the minutes; they are locked and print as a PDF.
    chair.goto(meeting_url)
    _click_step(chair, "Godkend referatet", "Referat godkendt")
    expect(chair.get_by_role("link", name=re.compile("^Registrér beslutningen"))).to_have_count(0)
    with chair.expect_download() as download:
        chair.get_by_role("link", name="Referat (PDF)").click()
    path = download.value.path()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(path, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
