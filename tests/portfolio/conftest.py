"""Portfolio fixtures: a programme group whose secretary triages ideas, and a steering
group (from the governance fixtures) whose secretary and chair decide on projects."""

import pytest

from styrbord.governance.models import BodyKind, MemberRole
from tests.governance import conftest as governance
from tests.governance.factories import BodyFactory

# The governance fixtures, shared: projects go to the steering group for decisions.
steering_group = governance.steering_group
secretary = governance.secretary
chair = governance.chair
secretary_client = governance.secretary_client
chair_client = governance.chair_client
in_scope = governance.in_scope


@pytest.fixture
def programme_group(norddjurs, steering_group):
    return BodyFactory(
        municipality=norddjurs,
        kind=BodyKind.PROGRAMME_GROUP,
        name="Programgruppen",
        reports_to=steering_group,
    )


@pytest.fixture
def triager(programme_group):
    """An editor who sits in the programme group and so triages ideas."""
    return governance._seated(programme_group, "programsekretaer", MemberRole.SECRETARY)


@pytest.fixture
def triager_client(client, triager):
    client.force_login(triager)
    return client
