"""Writes to bodies and their memberships."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from styrbord.core.models import Municipality, OrgUnit, Person, User
from styrbord.core.services import changes
from styrbord.core.services.fields import only, same_municipality
from styrbord.governance.models import Body, BodyMembership
from styrbord.governance.services.items import check_upload

BODY_FIELDS = {
    "kind",
    "name",
    "short_name",
    "purpose",
    "terms_of_reference",
    "terms_document",
    "terms_approved_by",
    "terms_approved_on",
    "decision_level",
    "reports_to",
    "cadence",
    "agenda_lead_days",
    "usual_place",
}
MEMBERSHIP_FIELDS = {"role", "is_permanent", "represents", "starts_on", "ends_on"}


def _check_reports_to(body: Body, reports_to: Body | None) -> None:
    """A body cannot report to itself or to a body that (indirectly) reports to it."""
    ancestor = reports_to
    while ancestor is not None:
        if body.pk is not None and ancestor.pk == body.pk:
            raise ValidationError(
                {"reports_to": _("A body cannot report to itself or to a body that reports to it.")}
            )
        ancestor = ancestor.reports_to


def create_body(*, municipality: Municipality, actor: User | None, **data: Any) -> Body:
    body = Body(municipality=municipality, **only(data, BODY_FIELDS))
    same_municipality(municipality, reports_to=body.reports_to)
    return changes.create(body, actor=actor)


def update_body(body: Body, *, actor: User | None, expected_version: int, **data: Any) -> Body:
    only(data, BODY_FIELDS)
    if "reports_to" in data:
        same_municipality(body.municipality, reports_to=data["reports_to"])
        _check_reports_to(body, data["reports_to"])
    return changes.update(body, actor=actor, expected_version=expected_version, changes=data)


def set_terms_document(
    body: Body, *, actor: User | None, expected_version: int, upload: UploadedFile
) -> Body:
    """Store the terms-of-reference document (outside the web root) and record it."""
    check_upload(upload, field="terms_document")
    if body.version != expected_version:
        raise changes.StaleEdit(body, changes.changes_since(body, expected_version))
    previous = body.terms_document.name
    body.terms_document.save(upload.name, upload, save=False)
    saved = changes.update(
        body,
        actor=actor,
        expected_version=expected_version,
        changes={"terms_document": body.terms_document.name},
    )
    if previous:
        body.terms_document.storage.delete(previous)
    return saved


def conclude_body(
    body: Body,
    *,
    actor: User | None,
    expected_version: int,
    concluded_on: datetime.date,
    closing_note: str,
) -> Body:
    """Mark the body as concluded; its meetings and decisions stay readable."""
    if not closing_note.strip():
        raise ValidationError({"closing_note": _("Write a closing note.")})
    return changes.update(
        body,
        actor=actor,
        expected_version=expected_version,
        changes={"concluded_on": concluded_on, "closing_note": closing_note},
    )


def reactivate_body(body: Body, *, actor: User | None, expected_version: int) -> Body:
    return changes.update(
        body,
        actor=actor,
        expected_version=expected_version,
        changes={"concluded_on": None, "closing_note": ""},
    )


def add_member(
    *,
    body: Body,
    person: Person,
    actor: User | None,
    represents: OrgUnit | None = None,
    **data: Any,
) -> BodyMembership:
    same_municipality(body.municipality, person=person, represents=represents)
    membership = BodyMembership(
        municipality=body.municipality,
        body=body,
        person=person,
        represents=represents,
        **only(data, MEMBERSHIP_FIELDS),
    )
    _refuse_overlap(membership)
    return changes.create(membership, actor=actor)


def update_membership(
    membership: BodyMembership, *, actor: User | None, expected_version: int, **data: Any
) -> BodyMembership:
    only(data, MEMBERSHIP_FIELDS)
    if "represents" in data:
        same_municipality(membership.municipality, represents=data["represents"])
    for name, value in data.items():
        setattr(membership, name, value)
    _refuse_overlap(membership)
    return changes.update(membership, actor=actor, expected_version=expected_version, changes=data)


def end_membership(
    membership: BodyMembership, *, actor: User | None, expected_version: int, ends_on: datetime.date
) -> BodyMembership:
    return changes.update(
        membership, actor=actor, expected_version=expected_version, changes={"ends_on": ends_on}
    )


def _refuse_overlap(membership: BodyMembership) -> None:
    """One seat per person and body at a time; a new role is a new period."""
    others = BodyMembership.objects.filter(body=membership.body, person=membership.person)
    if membership.pk:
        others = others.exclude(pk=membership.pk)
    far = datetime.date.max
    for other in others:
        if membership.starts_on <= (other.ends_on or far) and other.starts_on <= (
            membership.ends_on or far
        ):
            raise ValidationError(
                {
                    "starts_on": _(
                        "%(person)s already has a seat in this body in that period (%(role)s from "
                        "%(start)s). End that seat first."
                    )
                    % {
                        "person": membership.person,
                        "role": other.get_role_display(),
                        "start": other.starts_on.strftime("%d.%m.%Y"),
                    }
                }
            )
