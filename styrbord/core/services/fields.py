"""Argument checks shared by every module's services."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from styrbord.core.models import Municipality


def only(data: dict[str, Any], allowed: set[str]) -> dict[str, Any]:
    """Refuse fields a service does not edit (a programming error, not user input)."""
    unknown = set(data) - allowed
    if unknown:
        raise ValueError(f"Not editable here: {', '.join(sorted(unknown))}")
    return data


def same_municipality(municipality: Municipality, **objects: Any) -> None:
    """Refuse a related object from another municipality, named by its field."""
    for field, obj in objects.items():
        if obj is not None and obj.municipality_id != municipality.pk:
            raise ValidationError({field: _("Choose one from this municipality.")})
