"""Whole tasks done through the real UI, the way a person with a keyboard would do them."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PASSWORD
from tests.browser.support import log_in

pytestmark = pytest.mark.browser

STALE_MESSAGE = "Nogen andre har gemt ændringer, mens du redigerede."


def test_editor_logs_in_creates_a_unit_edits_a_person_and_reads_the_history(page, world):
    # Log in through the form: a page in a municipality sends the visitor there.
    page.goto(world.path("personer/"))
    expect(page).to_have_url(re.compile(r"/log-ind/\?next="))
    page.get_by_role("textbox", name="Brugernavn").fill(world.editor.username)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/norddjurs/personer/$"))

    # Create an org unit under IT og Digitalisering.
    page.get_by_role("navigation", name="Hovednavigation").get_by_role(
        "link", name="Organisation"
    ).click()
    page.get_by_role("link", name="Ny enhed").click()
    page.get_by_role("textbox", name=re.compile(r"^Navn\b")).fill("Digital udvikling")
    page.get_by_role("combobox", name="Type").select_option(label="Team")
    page.get_by_role("combobox", name="Overordnet enhed").select_option(
        label="IT og Digitalisering"
    )
    page.get_by_role("button", name="Gem").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Digital udvikling")
    expect(page.get_by_role("status")).to_contain_text("Enheden Digital udvikling er oprettet.")
    breadcrumbs = page.get_by_role("navigation", name="Brødkrumme")
    expect(breadcrumbs).to_contain_text("IT og Digitalisering")

    # Find a person with the live search and change the title.
    page.get_by_role("link", name="Personer", exact=True).click()
    with page.expect_response(re.compile(r"q=Nirojan")):
        page.get_by_role("textbox", name="Søg").fill("Nirojan")
    page.get_by_role("link", name="Nirojan Kathirgamarajah").click()
    page.get_by_role("link", name="Rediger").click()
    title = page.get_by_role("textbox", name="Titel")
    expect(title).to_have_value("Informationssikkerhedskoordinator")
    title.fill("Informationssikkerhedschef")
    title.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Dine ændringer er gemt.")
    expect(page.locator(".styrbord-facts")).to_contain_text("Informationssikkerhedschef")

    # The history shows the title before and after.
    page.get_by_role("link", name="Historik").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Historik: Nirojan Kathirgamarajah")
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Titel")).first
    expect(row.get_by_role("cell")).to_have_text(
        ["Informationssikkerhedskoordinator", "Informationssikkerhedschef"]
    )


def test_second_save_of_the_same_person_is_refused_and_keeps_what_was_typed(new_context, world):
    edit_url = world.path(f"personer/{world.person.pk}/rediger/")
    first = new_context().new_page()
    second = new_context().new_page()
    log_in(first.context, world.editor, world.url)
    log_in(second.context, world.local_admin, world.url)
    first.goto(edit_url)
    second.goto(edit_url)

    first.get_by_role("textbox", name="Titel").fill("Informationssikkerhedschef")
    first.get_by_role("button", name="Gem").click()
    expect(first.get_by_role("status")).to_contain_text("Dine ændringer er gemt.")

    second.get_by_role("textbox", name="Titel").fill("Sikkerhedskoordinator")
    second.get_by_role("textbox", name="Telefon").fill("+45 89 59 10 00")
    second.get_by_role("button", name="Gem").click()

    alert = second.get_by_role("alert")
    expect(alert).to_contain_text(STALE_MESSAGE)
    expect(alert).to_contain_text("Informationssikkerhedschef")  # what changed meanwhile
    expect(second.get_by_role("textbox", name="Titel")).to_have_value("Sikkerhedskoordinator")
    expect(second.get_by_role("textbox", name="Telefon")).to_have_value("+45 89 59 10 00")
    world.person.refresh_from_db()
    assert world.person.title == "Informationssikkerhedschef"
    assert world.person.phone == ""

    # Saving again is a deliberate choice to keep one's own values, and it is allowed.
    second.get_by_role("button", name="Gem").click()
    expect(second.get_by_role("status")).to_contain_text("Dine ændringer er gemt.")
    expect(second.locator(".styrbord-facts")).to_contain_text("Sikkerhedskoordinator")
