"""Keyboard use: the first Tab on a page reaches the skip link, which jumps to the content."""

import pytest
from playwright.sync_api import expect

from tests.browser.support import log_in

pytestmark = pytest.mark.browser

SKIP_LINK_TEXT = {"da-DK": "Gå til indhold", "en-US": "Skip to content"}


@pytest.mark.parametrize(
    ("locale", "user", "path"),
    [
        # Not the login page: Django's login form puts the focus in the username field.
        ("da-DK", None, "/tilgaengelighedserklaering/"),
        ("da-DK", "editor", "/norddjurs/organisation/"),
        ("en-US", "editor", "/norddjurs/personer/"),
    ],
)
def test_first_tab_focuses_the_skip_link_which_moves_focus_to_the_content(
    new_context, world, locale, user, path
):
    context = new_context(locale=locale)
    if user:
        log_in(context, getattr(world, user), world.url)
    page = context.new_page()
    page.goto(path)

    page.keyboard.press("Tab")
    focused = page.evaluate(
        "({text: document.activeElement.textContent.trim(),"
        " href: document.activeElement.getAttribute('href')})"
    )
    assert focused == {"text": SKIP_LINK_TEXT[locale], "href": "#main-content"}
    # Hidden above the page until focused, it then slides into view.
    expect(page.locator("a.skipnav")).to_be_in_viewport(ratio=1)

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    # The next Tab continues after the start of the content, past the header.
    page.keyboard.press("Tab")
    assert page.evaluate(
        "document.getElementById('main-content').compareDocumentPosition(document.activeElement)"
        " & Node.DOCUMENT_POSITION_FOLLOWING"
    )
