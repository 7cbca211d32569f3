"""Helpers the benefit services share."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


def require(allowed: bool, message: str | None = None) -> None:
    if not allowed:
        raise PermissionDenied(message or _("You may not do this."))
