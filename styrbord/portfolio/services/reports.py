"""Status reports: drafts are edited, submitted reports never change.

Submitting updates the project's latest status and next due date, clears an update
request, and, when the report asks to escalate, proposes an item to the chosen body.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from styrbord.core.models import User
from styrbord.core.services import changes
from styrbord.core.services.fields import only
from styrbord.governance.models import BodyKind, ItemKind
from styrbord.governance.services.items import propose_item
from styrbord.governance.services.meetings import next_open_meeting
from styrbord.portfolio import policy
from styrbord.portfolio.models import (
    DIMENSIONS,
    REPORTING_PHASES,
    Project,
    ReportState,
    StatusReport,
)
from styrbord.portfolio.services._common import require
from styrbord.portfolio.services.projects import refresh_reporting

REPORT_FIELDS = (
    {"period_end", "summary", "achievements", "next_steps", "problems"}
    | {"percent_complete", "spent_to_date", "forecast", "escalate_to", "escalation_reason"}
    | set(DIMENSIONS)
    | {f"{name}_comment" for name in DIMENSIONS}
)
# Bodies a report can escalate to.
ESCALATION_KINDS = (BodyKind.PROGRAMME_GROUP, BodyKind.STEERING_GROUP)


def _require_reporting(project: Project) -> None:
    if project.phase not in REPORTING_PHASES:
        raise ValidationError(
            _("A project in the phase %(phase)s does not report status.")
            % {"phase": project.get_phase_display().lower()}
        )


def _check_escalation(project: Project, data: dict[str, Any]) -> None:
    body = data.get("escalate_to")
    if body is not None and body.kind not in ESCALATION_KINDS:
        raise ValidationError(
            {"escalate_to": _("Escalate to the programme group or the steering group.")}
        )


def create_report(*, project: Project, actor: User, **data: Any) -> StatusReport:
    require(policy.can_report(actor, project))
    _require_reporting(project)
    only(data, REPORT_FIELDS)
    _check_escalation(project, data)
    return changes.create(
        StatusReport(municipality=project.municipality, project=project, **data), actor=actor
    )


def update_report(
    report: StatusReport, *, actor: User, expected_version: int, **data: Any
) -> StatusReport:
    require(policy.can_report(actor, report.project))
    if report.is_submitted:
        raise ValidationError(
            _("A submitted report cannot be changed. Write a correction instead.")
        )
    only(data, REPORT_FIELDS)
    _check_escalation(report.project, data)
    return changes.update(report, actor=actor, expected_version=expected_version, changes=data)


def delete_draft(report: StatusReport, *, actor: User) -> None:
    require(policy.can_report(actor, report.project))
    if report.is_submitted:
        raise ValidationError(_("A submitted report cannot be deleted."))
    changes.delete(report, actor=actor)


@transaction.atomic
def submit_report(report: StatusReport, *, actor: User, expected_version: int) -> StatusReport:
    project = report.project
    require(policy.can_report(actor, project))
    if report.is_submitted:
        raise ValidationError(_("The report has already been submitted."))
    _require_reporting(project)
    escalation_item = None
    if report.escalate_to_id is not None:
        escalation_item = _escalate(report, actor)
    report = changes.update(
        report,
        actor=actor,
        expected_version=expected_version,
        changes={
            "state": ReportState.SUBMITTED,
            "submitted_at": timezone.now(),
            "submitted_by": actor,
            "escalation_item": escalation_item,
        },
    )
    if project.update_requested_at is not None:
        Project._base_manager.filter(pk=project.pk).update(
            update_requested_at=None, update_requested_by=None
        )
        project.update_requested_at = None
    refresh_reporting(project)
    return report


def _escalate(report: StatusReport, actor: User):
    body = report.escalate_to
    meeting = next_open_meeting(body)
    if meeting is None:
        raise ValidationError(
            {
                "escalate_to": _(
                    "%(body)s has no coming meeting with an open agenda. Plan one first."
                )
                % {"body": body}
            }
        )
    project = report.project
    background = "\n\n".join(
        part
        for part in (
            f"**{_('Status')}**: {report.get_overall_display()}. {report.overall_comment}".strip(),
            report.summary,
            f"**{_('Problems')}**\n\n{report.problems}" if report.problems.strip() else "",
        )
        if part
    )
    return propose_item(
        meeting=meeting,
        actor=actor,
        kind=ItemKind.DECISION,
        title=(_("Escalation from %(project)s") % {"project": project.name})[:300],
        background=background,
        recommendation=report.escalation_reason,
        responsible=project.leader,
    )


def start_correction(report: StatusReport, *, actor: User) -> StatusReport:
    """A draft that corrects a submitted report, starting from its values."""
    project = report.project
    require(policy.can_report(actor, project))
    if not report.is_submitted:
        raise ValidationError(_("Only a submitted report is corrected; edit the draft instead."))
    _require_reporting(project)
    values = {
        name: getattr(report, name)
        for name in REPORT_FIELDS
        if name not in ("escalate_to", "escalation_reason")
    }
    correction = StatusReport(
        municipality=project.municipality, project=project, corrects=report, **values
    )
    return changes.create(correction, actor=actor)
