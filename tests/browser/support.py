"""Helpers for the browser tests: logging in, and checking a page with axe-core."""

from pathlib import Path

from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0 and 2.1, levels A and AA: what the Danish web accessibility law requires.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def log_in(context, user, base_url: str) -> None:
    """Give a browser context a logged-in session for ``user`` (skipping the login form)."""
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]
    )


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page as it is now; returns its list of violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return result["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.append(f"    {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    target: {' '.join(map(str, node['target']))}")
            lines.append(f"      html: {node['html'][:300]}")
            if node.get("failureSummary"):
                summary = node["failureSummary"].replace("\n", "\n        ")
                lines.append(f"      {summary}")
    return "\n".join(lines)


def assert_accessible(page) -> None:
    """Fail with a readable list of every WCAG 2.1 A/AA violation that axe finds."""
    violations = axe_violations(page)
    assert not violations, (
        f"axe-core found {len(violations)} WCAG 2.1 A/AA violation(s) on {page.url}:\n"
        + describe_violations(violations)
    )


def visit(page, path: str, status: int = 200) -> None:
    """Open ``path`` and assert the answer's status."""
    response = page.goto(path)
    assert response is not None
    assert response.status == status, f"{path} answered {response.status}, not {status}"


def submit(page) -> None:
    """Press the page's (last) primary button in the main content and wait for the answer."""
    with page.expect_navigation():
        page.locator("main form button.button-primary").last.click()
