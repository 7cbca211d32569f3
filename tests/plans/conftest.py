"""Plan fixtures: the steering group that approves (from the governance fixtures), the
programme group that drafts, and a plan for 2026 with its first version in draft."""

import datetime

import pytest
from django.utils import timezone

from tests.governance import conftest as governance
from tests.governance.factories import MeetingFactory
from tests.plans.factories import first_version, make_plan
from tests.portfolio import conftest as portfolio

steering_group = governance.steering_group
secretary = governance.secretary
chair = governance.chair
secretary_client = governance.secretary_client
chair_client = governance.chair_client
in_scope = governance.in_scope
programme_group = portfolio.programme_group


@pytest.fixture
def plan(norddjurs, steering_group, programme_group):
    return make_plan(
        norddjurs, year=2026, owner_body=programme_group, approving_body=steering_group
    )


@pytest.fixture
def draft(plan):
    return first_version(plan)


@pytest.fixture
def meeting(steering_group):
    """The steering group's next meeting, with its agenda open."""
    return MeetingFactory(
        body=steering_group, starts_at=timezone.now() + datetime.timedelta(days=14)
    )
