"""Putting the yearly benefits report on a meeting's agenda as an attachment."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django_scopes import get_scope

from styrbord.benefits import policy
from styrbord.benefits.services._common import require
from styrbord.core.models import User
from styrbord.core.pdf import safe_filename
from styrbord.governance.models import AgendaItem, Attachment
from styrbord.governance.services.items import attach_document

FILENAME = "Gevinstrapport-%(year)s"


def report_filename(year: int) -> str:
    return safe_filename(FILENAME % {"year": year})


def attach_report(item: AgendaItem, actor: User, year: int, pdf_bytes: bytes) -> Attachment:
    """Attach the year's report PDF to ``item``. The report belongs to the municipality
    whose scope is active, so the item must be that municipality's too."""
    require(policy.can_edit(actor, item.municipality))
    current = get_scope().get("municipality")
    if current is not None and item.municipality_id != current.pk:
        raise ValidationError({"item": _("Choose one from this municipality.")})
    if not pdf_bytes:
        raise ValidationError(_("The report has no content to attach."))
    return attach_document(
        item=item,
        actor=actor,
        name=report_filename(year),
        content=pdf_bytes,
        content_type="application/pdf",
    )
