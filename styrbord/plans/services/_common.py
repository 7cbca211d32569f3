"""Helpers the plan services share."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from styrbord.core.models import User
from styrbord.core.services import changes
from styrbord.plans import policy
from styrbord.plans.models import PlanVersion, VersionState


def require(allowed: bool, message: str | None = None) -> None:
    if not allowed:
        raise PermissionDenied(message or _("You may not do this."))


def require_draft(version: PlanVersion, actor: User | None) -> None:
    """Only a draft changes: a submitted version waits for its decision and an approved
    one stays as it was decided."""
    if actor is not None:
        require(policy.can_edit(actor, version.municipality))
    if version.state == VersionState.SUBMITTED:
        raise ValidationError(
            _(
                "Version %(number)s is submitted to %(body)s and cannot change until it is "
                "decided or sent back."
            )
            % {"number": version.number, "body": version.plan.approving_body or "—"}
        )
    if version.state != VersionState.DRAFT:
        raise ValidationError(
            _(
                "Version %(number)s is %(state)s and stays as it was decided. Make a revision "
                "to change the plan."
            )
            % {"number": version.number, "state": version.get_state_display().lower()}
        )


def touch_ranking(
    version: PlanVersion, *, actor: User | None, expected_version: int | None = None
) -> PlanVersion:
    """Mark that the ranking changed. With ``expected_version`` this is the guard against a
    lost reorder: a stale one raises ``StaleEdit`` and nothing is saved."""
    if expected_version is None:
        expected_version = PlanVersion.objects.values_list("version", flat=True).get(pk=version.pk)
        version.version = expected_version
    return changes.update(
        version,
        actor=actor,
        expected_version=expected_version,
        changes={"ranked_at": timezone.now()},
    )
