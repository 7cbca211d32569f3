"""Layout on a phone: the main menu stays reachable and pages need no sideways scrolling.

DKFDS hides its main menu below 992px behind a JavaScript drawer that Styrbord does not
use, so ``styrbord.css`` keeps the menu visible; these tests hold that in place. Pages
with wide data tables are left out: a table may scroll sideways (WCAG 1.4.10 exception).
"""

import pytest
from playwright.sync_api import expect

from tests.browser.support import log_in

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 900}


@pytest.mark.parametrize(
    "path",
    [
        "",
        "organisation/",
        "organisation/{unit}/",
        "organisation/{unit}/rediger/",
        "personer/{person}/",
    ],
)
def test_page_fits_a_phone_with_the_main_menu_visible(warm_page, world, path):
    page = warm_page
    log_in(page.context, world.local_admin, world.url)
    page.set_viewport_size(PHONE)
    try:
        page.goto(world.path(path.format(unit=world.unit.pk, person=world.person.pk)))
        menu = page.get_by_role("navigation", name="Hovednavigation")
        for name in ["Overblik", "Organisation", "Personer", "Brugere og roller", "Ændringslog"]:
            expect(menu.get_by_role("link", name=name)).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"the page is {width}px wide on a {PHONE['width']}px screen"
    finally:
        page.set_viewport_size(DESKTOP)
