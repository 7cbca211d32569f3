"""What benefits realisation puts in "Mine opgaver": measurements due from the benefit's
owner, shown a week ahead and marked overdue after the date."""

import datetime
from collections.abc import Iterable

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from styrbord.benefits import queries
from styrbord.core.models import Municipality, User
from styrbord.core.tasks import Task

AHEAD_DAYS = 7


def measurements_due(user: User, municipality: Municipality) -> Iterable[Task]:
    horizon = timezone.localdate() + datetime.timedelta(days=AHEAD_DAYS)
    for benefit in queries.due_for(user.pk, horizon)[:50]:
        yield Task(
            title=_("Measure the benefit: %(benefit)s (%(project)s)")
            % {"benefit": benefit.title, "project": benefit.project.name},
            url=reverse(
                "benefits:measurement_create",
                kwargs={"kommune": municipality.slug, "pk": benefit.pk},
            ),
            due=benefit.next_measurement_due,
            category=_("Benefits"),
        )
