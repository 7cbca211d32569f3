"""A steering group in Norddjurs whose secretary and chair have logins.

``secretary`` and ``chair`` are editors in Norddjurs linked to persons with those seats;
``editor`` (from the root conftest) is an editor without a seat.
"""

import pytest
from django_scopes import scopes_disabled

from styrbord.core.models import Role
from styrbord.governance.models import MemberRole
from tests.factories import MembershipFactory, PersonFactory, UserFactory
from tests.governance.factories import BodyFactory, BodyMembershipFactory


def _seated(body, username: str, role: str):
    user = UserFactory(username=username)
    MembershipFactory(user=user, municipality=body.municipality, role=Role.EDITOR)
    person = PersonFactory(municipality=body.municipality, name=username.title(), user=user)
    BodyMembershipFactory(body=body, person=person, role=role)
    return user


@pytest.fixture
def steering_group(norddjurs):
    return BodyFactory(municipality=norddjurs, name="Digitaliseringsstyregruppen")


@pytest.fixture
def secretary(steering_group):
    return _seated(steering_group, "sekretaer", MemberRole.SECRETARY)


@pytest.fixture
def chair(steering_group):
    return _seated(steering_group, "formand", MemberRole.CHAIR)


@pytest.fixture
def secretary_client(client, secretary):
    client.force_login(secretary)
    return client


@pytest.fixture
def chair_client(client, chair):
    client.force_login(chair)
    return client


@pytest.fixture
def in_scope(norddjurs):
    from django_scopes import scope

    with scope(municipality=norddjurs):
        yield


@pytest.fixture
def no_scope(db):
    with scopes_disabled():
        yield
