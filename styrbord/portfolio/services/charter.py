"""The parts of a start document (deliverables, success criteria, milestones, risks) and
the lessons learned. They are edited by the project's editors in every phase; what was
approved stays in the project's baseline."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from styrbord.core.models import User
from styrbord.core.services import changes
from styrbord.core.services.fields import only
from styrbord.portfolio import policy
from styrbord.portfolio.models import (
    Deliverable,
    Lesson,
    Milestone,
    Phase,
    Project,
    Risk,
    SuccessCriterion,
)
from styrbord.portfolio.services._common import require

PART_FIELDS: dict[type, set[str]] = {
    Deliverable: {"title", "description", "due_on", "status"},
    SuccessCriterion: {"description", "measure", "target", "met", "result"},
    Milestone: {"title", "due_on", "reached_on"},
    Risk: {
        "title",
        "description",
        "probability",
        "consequence",
        "mitigation",
        "owner",
        "is_closed",
    },
    Lesson: {"title", "description", "recommendation"},
}
Part = Deliverable | SuccessCriterion | Milestone | Risk | Lesson


def add_part(model: type[Part], *, project: Project, actor: User | None, **data: Any) -> Part:
    if actor is not None:
        require(policy.can_edit(actor, project.municipality))
    only(data, PART_FIELDS[model])
    if model is Lesson and project.phase in (Phase.IDEA, Phase.PROPOSAL):
        raise ValidationError(
            _("Lessons learned are written while a project runs or when it ends.")
        )
    part = model(municipality=project.municipality, project=project, **data)
    return changes.create(part, actor=actor)


def update_part(part: Part, *, actor: User | None, expected_version: int, **data: Any) -> Part:
    if actor is not None:
        require(policy.can_edit(actor, part.municipality))
    only(data, PART_FIELDS[type(part)])
    return changes.update(part, actor=actor, expected_version=expected_version, changes=data)


def delete_part(part: Part, *, actor: User | None) -> None:
    if actor is not None:
        require(policy.can_edit(actor, part.municipality))
    changes.delete(part, actor=actor)
