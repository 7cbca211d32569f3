"""What benefits realisation asks of a project at the approval gate."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from styrbord.benefits.models import Benefit, BusinessCase
from styrbord.benefits.services.cases import keep_as_baseline
from styrbord.portfolio.models import Phase


def check(project: Any, to_phase: str) -> None:
    """Refuse approval while a benefit has no owner at management level: the seeds make a
    manager responsible for realising each benefit before the project starts."""
    if to_phase != Phase.APPROVED:
        return
    unowned = [
        benefit.title
        for benefit in Benefit.objects.filter(project=project).select_related("owner")
        if benefit.owner is None or not benefit.owner.is_manager
    ]
    if unowned:
        raise ValidationError(
            _(
                "Every benefit needs an owner at management level before the project can be "
                "approved. Missing for: %(benefits)s."
            )
            % {"benefits": ", ".join(unowned)}
        )


def passed(project: Any, to_phase: str, actor: Any) -> None:
    """At approval, keep the business case as it was approved."""
    if to_phase != Phase.APPROVED:
        return
    case = BusinessCase.objects.filter(project=project).first()
    if case is not None:
        keep_as_baseline(case, actor=actor)
