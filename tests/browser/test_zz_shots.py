import pytest
from tests.browser.support import log_in, axe_violations

def test_shots(page, world):
    log_in(page.context, world.editor, world.url)
    page.goto(world.path())
    page.screenshot(path="/tmp/dashboard.png", full_page=True)
    page.goto(world.path("organisation/"))
    page.screenshot(path="/tmp/tree.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(world.path())
    page.screenshot(path="/tmp/dashboard-mobile.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    print([ (s["href"], ) for s in page.evaluate("[...document.styleSheets].map(s => ({href: s.href, n: s.cssRules.length}))")])
    print(page.evaluate("[...document.styleSheets].map(s => s.cssRules.length)"))
    page.set_content("<html><body><img src='x.png'><a href='#'></a></body></html>")
    print([v["id"] for v in axe_violations(page)])
