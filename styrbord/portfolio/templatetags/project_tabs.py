from django import template
from django.urls import reverse

from styrbord.portfolio import tabs

register = template.Library()


@register.simple_tag
def project_tabs(slug: str, project_pk: int) -> list[tuple[str, str, str]]:
    """The tabs other modules registered, as (key, label, url) for ``project_pk``."""
    return [
        (tab.key, str(tab.label), reverse(tab.url_name, args=[slug, project_pk]))
        for tab in tabs.project_tabs()
    ]
