"""The sub-navigation of the IT-system portfolio's pages."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from styrbord.systems import policy

register = template.Library()

# (URL name in the ``systems`` namespace, label), in the order the navigation shows them.
SECTIONS = [
    ("index", _("System usages")),
    ("compliance", _("Overview")),
    ("contracts", _("Contracts")),
    ("registrations", _("Data processing")),
    ("incidents", _("Security incidents")),
    ("roles", _("Roles")),
    ("landscape", _("Landscape")),
    ("catalogue", _("IT systems and suppliers")),
    ("kitos", _("KITOS")),
]


@register.simple_tag(takes_context=True)
def systems_sections(context, slug: str, current: str = "") -> list[dict[str, object]]:
    """The sections as label, url and whether it is ``current``; KITOS only for those who
    may run it."""
    request = context["request"]
    administers = policy.can_administer(request.user, request.municipality)
    return [
        {
            "label": label,
            "url": reverse(f"systems:{name}", args=[slug]),
            "current": name == current,
        }
        for name, label in SECTIONS
        if name != "kitos" or administers
    ]
