"""What the portfolio puts in "Mine opgaver": status reports due from the project leader
(or requested), and ideas waiting for triage in the user's groups."""

import datetime
from collections.abc import Iterable

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styrbord.core.models import Municipality, User
from styrbord.core.tasks import Task
from styrbord.governance.models import BodyMembership
from styrbord.portfolio.models import RUNNING_PHASES, Idea, IdeaStatus, Project
from styrbord.portfolio.policy import TRIAGE_BODY_KINDS

# A report becomes a task this many days before it is due.
REPORT_AHEAD_DAYS = 3


def status_reports(user: User, municipality: Municipality) -> Iterable[Task]:
    horizon = timezone.localdate() + datetime.timedelta(days=REPORT_AHEAD_DAYS)
    led = Project.objects.filter(leader__user=user, phase__in=RUNNING_PHASES)
    due = led.filter(next_report_due__lte=horizon) | led.filter(update_requested_at__isnull=False)
    for project in due.distinct().order_by("next_report_due")[:50]:
        if project.update_requested_at is not None:
            title = _("Status report requested: %(project)s") % {"project": project.name}
        else:
            title = _("Status report due: %(project)s") % {"project": project.name}
        yield Task(
            title=title,
            url=reverse(
                "portfolio:report_create", kwargs={"kommune": municipality.slug, "pk": project.pk}
            ),
            due=project.next_report_due,
            category=_("Portfolio"),
        )


def ideas_to_triage(user: User, municipality: Municipality) -> Iterable[Task]:
    today = timezone.localdate()
    in_triage_body = (
        BodyMembership.objects.filter(
            person__user=user, body__kind__in=TRIAGE_BODY_KINDS, starts_on__lte=today
        )
        .exclude(ends_on__lt=today)
        .exists()
    )
    if not in_triage_body:
        return
    waiting = Idea.objects.filter(status=IdeaStatus.SUBMITTED).order_by("created_at")[:50]
    for idea in waiting:
        yield Task(
            title=_("Triage the idea: %(title)s") % {"title": idea.title},
            url=reverse(
                "portfolio:idea_detail", kwargs={"kommune": municipality.slug, "pk": idea.pk}
            ),
            due=None,
            category=_("Portfolio"),
        )
