from styrbord.core.models import SiteText, User
from styrbord.core.services import changes


def update_site_text(
    text: SiteText, *, actor: User, expected_version: int, title: str, body: str
) -> SiteText:
    return changes.update(
        text, actor=actor, expected_version=expected_version, changes={"title": title, "body": body}
    )
