"""The Project Board's agenda from the running projects' latest reports."""

from django.db import transaction
from django.utils.translation import gettext as _

from styrbord.core.models import User
from styrbord.governance import policy as governance_policy
from styrbord.governance.models import AgendaItem, ItemKind, Meeting
from styrbord.governance.services.items import propose_item
from styrbord.portfolio.models import Project


@transaction.atomic
def agenda_from_board(
    *, meeting: Meeting, actor: User, projects: list[Project]
) -> list[AgendaItem]:
    """One orientation item per project with its latest report, in the given order.

    Projects already on the meeting's agenda (by title) are skipped, so the secretary can
    run it again after new reports arrive.
    """
    governance_policy.require_secretary(actor, meeting.body)
    existing = set(meeting.items.values_list("title", flat=True))
    created = []
    for project in projects:
        title = _("Status: %(project)s") % {"project": project.name}
        if title in existing:
            continue
        report = project.latest_report
        if report is not None:
            background = "\n\n".join(
                part
                for part in (
                    f"**{report.get_overall_display()}** ({report.period_end:%d.%m.%Y}, "
                    + _("%(percent)s%% complete") % {"percent": report.percent_complete}
                    + ")",
                    report.summary,
                    f"**{_('Next steps')}**\n\n{report.next_steps}"
                    if report.next_steps.strip()
                    else "",
                    f"**{_('Problems')}**\n\n{report.problems}" if report.problems.strip() else "",
                )
                if part
            )
        else:
            background = _("No status report has been submitted yet.")
        created.append(
            propose_item(
                meeting=meeting,
                actor=actor,
                kind=ItemKind.ORIENTATION,
                title=title[:300],
                background=background,
                responsible=project.leader,
            )
        )
    return created
