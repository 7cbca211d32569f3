"""Every page of the app, as the user who would see it, has no WCAG 2.1 A/AA violation.

Each case opens one page (some after filling in a form, to get error messages, a new token
or a lock-out) and runs axe-core on it in Chromium. A new page goes into ``CASES``.
"""

import datetime
import re
from collections.abc import Callable

import pytest
from django_scopes import scopes_disabled
from playwright.sync_api import expect

from styrbord.core import tasks
from styrbord.core.models import Membership
from tests.browser.support import assert_accessible, log_in

pytestmark = pytest.mark.browser

Case = Callable[..., None]
# name -> (login: an attribute of World, or None for an anonymous visitor; the steps)
CASES: dict[str, tuple[str | None, Case]] = {}
TASK_PROVIDER = "browser-test"


def case(name: str, user: str | None = "editor") -> Callable[[Case], Case]:
    def register(steps: Case) -> Case:
        CASES[name] = (user, steps)
        return steps

    return register


def visit(page, path: str, status: int = 200) -> None:
    response = page.goto(path)
    assert response is not None
    assert response.status == status, f"{path} answered {response.status}, not {status}"
    if "log-ind" not in path:
        assert "/log-ind/" not in page.url, f"{path} sent the browser to the login page"


def submit(page, status: int = 200) -> None:
    """Press the form's primary button and wait for the answer."""
    with page.expect_navigation() as navigation:
        page.locator("main form button.button-primary").first.click()
    assert navigation.value.status == status


# --- Pages outside a municipality ------------------------------------------------------


@case("login", user=None)
def _login(page, world):
    visit(page, "/log-ind/")


@case("login in demo mode", user=None)
def _login_demo(page, world):
    from django.conf import settings

    settings.DEMO_MODE = True  # the live server shares this process; reset after the test
    try:
        visit(page, "/log-ind/")
        expect(page.get_by_role("heading", name="Demologins")).to_be_visible()
    finally:
        settings.DEMO_MODE = False


@case("login with errors", user=None)
def _login_errors(page, world):
    visit(page, "/log-ind/")
    page.fill("#id_username", "norddjurs-redaktoer")
    page.fill("#id_password", "forkert-adgangskode")
    submit(page)
    assert page.locator(".alert-error").count() == 1


@case("lock-out page", user=None)
def _locked_out(page, world):
    visit(page, "/log-ind/")
    for _attempt in range(5):
        page.fill("#id_username", "norddjurs-redaktoer")
        page.fill("#id_password", "forkert-adgangskode")
        with page.expect_navigation() as navigation:
            page.locator("main form button.button-primary").click()
        if navigation.value.status != 200:
            break
    assert navigation.value.status == 429, "five failed logins did not lock the username out"
    expect(page.get_by_role("heading", level=1)).to_have_text("Login er låst")


@case("password change")
def _password_change(page, world):
    visit(page, "/konto/adgangskode/")


@case("password change with errors")
def _password_change_errors(page, world):
    visit(page, "/konto/adgangskode/")
    page.fill("#id_old_password", "forkert")
    page.fill("#id_new_password1", "kort")
    page.fill("#id_new_password2", "anderledes")
    submit(page)
    assert page.locator(".form-error-message").count() >= 1


@case("password changed")
def _password_changed(page, world):
    visit(page, "/konto/adgangskode/skiftet/")


@case("choose municipality", user="superuser")
def _choose(page, world):
    visit(page, "/kommuner/")


@case("accessibility statement, anonymous", user=None)
def _statement_anonymous(page, world):
    visit(page, "/tilgaengelighedserklaering/")


@case("accessibility statement, superuser", user="superuser")
def _statement(page, world):
    visit(page, "/tilgaengelighedserklaering/")


@case("accessibility statement edit", user="superuser")
def _statement_edit(page, world):
    visit(page, "/tilgaengelighedserklaering/rediger/")


@case("404 outside a municipality", user=None)
def _not_found_anonymous(page, world):
    visit(page, "/findes-ikke/", status=404)


@case("API documentation with an operation opened and tried", user=None)
def _api_docs(page, world):
    visit(page, "/api/docs/")
    page.locator(".opblock-summary-control").first.click()
    page.get_by_role("button", name="Try it out").click()
    expect(page.locator("tr[data-param-name] select").first).to_have_attribute(
        "aria-label", re.compile(r"\w+")
    )
    page.get_by_role("textbox", name=re.compile("kommune")).fill("norddjurs")
    page.get_by_role("button", name="Execute").click()
    expect(page.locator(".live-responses-table")).to_be_visible()


# --- Pages in Norddjurs --------------------------------------------------------------


@case("dashboard")
def _dashboard(page, world):
    today = datetime.date.today()
    person_url = world.path(f"personer/{world.person.pk}/")

    def provider(user, municipality):
        return [
            tasks.Task("Godkend handleplan", person_url, today - datetime.timedelta(days=3), "Mål"),
            tasks.Task("Forbered styregruppemøde", person_url, today + datetime.timedelta(days=7)),
            tasks.Task("Opdater systemejer", person_url, category="It-systemer"),
        ]

    tasks.register(TASK_PROVIDER, provider)
    visit(page, world.path())
    assert page.locator(".styrbord-overdue").count() == 1


@case("dashboard in English", user="local_admin")
def _dashboard_english(page, world):
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": world.url}])
    visit(page, world.path())
    assert page.locator("html").get_attribute("lang") == "en"


@case("org unit tree")
def _tree(page, world):
    visit(page, world.path("organisation/"))


@case("org unit tree with closed units")
def _tree_closed(page, world):
    visit(page, world.path("organisation/?include_closed=on"))


@case("org unit search")
def _unit_search(page, world):
    visit(page, world.path("organisation/?q=digital"))


@case("org unit search without results")
def _unit_search_empty(page, world):
    visit(page, world.path("organisation/?q=findes-ikke"))


@case("org unit detail")
def _unit_detail(page, world):
    visit(page, world.path(f"organisation/{world.unit.pk}/"))


@case("org unit detail, reader", user="reader")
def _unit_detail_reader(page, world):
    visit(page, world.path(f"organisation/{world.top_unit.pk}/"))


@case("closed org unit detail")
def _closed_unit_detail(page, world):
    visit(page, world.path(f"organisation/{world.closed_unit.pk}/"))


@case("org unit create")
def _unit_create(page, world):
    visit(page, world.path("organisation/ny/"))


@case("org unit create with errors")
def _unit_create_errors(page, world):
    visit(page, world.path("organisation/ny/"))
    submit(page)
    assert page.locator(".form-error-message").count() >= 2


@case("org unit edit")
def _unit_edit(page, world):
    visit(page, world.path(f"organisation/{world.unit.pk}/rediger/"))


@case("org unit move")
def _unit_move(page, world):
    visit(page, world.path(f"organisation/{world.unit.pk}/flyt/"))


@case("org unit close")
def _unit_close(page, world):
    visit(page, world.path(f"organisation/{world.unit.pk}/luk/"))


@case("org unit close with errors")
def _unit_close_errors(page, world):
    # The top unit has open units under it, so closing it is refused.
    visit(page, world.path(f"organisation/{world.top_unit.pk}/luk/"))
    submit(page)
    assert page.locator(".form-error-message").count() == 1


@case("org unit reopen")
def _unit_reopen(page, world):
    visit(page, world.path(f"organisation/{world.closed_unit.pk}/genaabn/"))


@case("person list")
def _persons(page, world):
    visit(page, world.path("personer/"))


@case("person search")
def _person_search(page, world):
    visit(page, world.path("personer/?q=chef"))


@case("person search while typing")
def _person_live_search(page, world):
    visit(page, world.path("personer/"))
    with page.expect_response(lambda response: "q=Nirojan" in response.url):
        page.fill("#id_q", "Nirojan")
    expect(page.locator("#person-results tbody tr")).to_have_count(1)


@case("person detail")
def _person_detail(page, world):
    visit(page, world.path(f"personer/{world.person.pk}/"))


@case("person create")
def _person_create(page, world):
    visit(page, world.path("personer/ny/"))


@case("person create with errors")
def _person_create_errors(page, world):
    visit(page, world.path("personer/ny/"))
    page.fill("#id_email", "ikke-en-adresse")
    submit(page)
    assert page.locator(".form-error-message").count() >= 2


@case("person edit")
def _person_edit(page, world):
    visit(page, world.path(f"personer/{world.person.pk}/rediger/"))


@case("users and roles", user="local_admin")
def _users(page, world):
    visit(page, world.path("brugere/"))


@case("add user", user="local_admin")
def _user_add(page, world):
    visit(page, world.path("brugere/tilfoej/"))


@case("add user with errors", user="local_admin")
def _user_add_errors(page, world):
    visit(page, world.path("brugere/tilfoej/"))
    page.fill("#id_username", "ny-bruger")
    submit(page)
    assert page.locator(".form-error-message").count() == 1


@case("role", user="local_admin")
def _role(page, world):
    with scopes_disabled():
        membership = Membership.objects.get(user=world.editor)
    visit(page, world.path(f"brugere/{membership.pk}/"))


@case("API tokens")
def _tokens(page, world):
    visit(page, world.path("api-noegler/"))


@case("API token just created")
def _token_created(page, world):
    visit(page, world.path("api-noegler/"))
    page.fill("#id_name", "Rapportering")
    submit(page)
    assert page.locator("#new-token").inner_text()


@case("change log", user="local_admin")
def _change_log(page, world):
    visit(page, world.path("aendringslog/"))


@case("org unit history")
def _unit_history(page, world):
    visit(page, world.path(f"historik/org-unit/{world.closed_unit.pk}/"))


@case("person history")
def _person_history(page, world):
    visit(page, world.path(f"historik/person/{world.person.pk}/"))


@case("access log", user="local_admin")
def _access_log(page, world):
    visit(page, world.path(f"personer/{world.person.pk}/"))
    visit(page, world.path("adgangslog/"))


@case("403 page", user="reader")
def _forbidden(page, world):
    visit(page, world.path("brugere/"), status=403)


@case("404 page")
def _not_found(page, world):
    visit(page, world.path("organisation/999999/"), status=404)


@pytest.fixture(autouse=True)
def _no_leftover_tasks():
    yield
    tasks.unregister(TASK_PROVIDER)


@pytest.mark.parametrize("name", list(CASES))
def test_page_has_no_axe_violations(name, warm_page, world):
    page = warm_page
    user, steps = CASES[name]
    if user is not None:
        log_in(page.context, getattr(world, user), world.url)
    steps(page, world)
    assert_accessible(page)
