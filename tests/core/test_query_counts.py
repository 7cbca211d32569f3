"""Lists fetch a bounded number of queries, whatever the number of rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from styrbord.core.services.users import create_api_token
from tests.factories import MembershipFactory, OrgUnitFactory, PersonFactory, UserFactory


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def add_rows(municipality, n: int) -> None:
    for _ in range(n):
        unit = OrgUnitFactory(municipality=municipality)
        PersonFactory(municipality=municipality, org_unit=unit)
        MembershipFactory(user=UserFactory(), municipality=municipality)


@pytest.mark.parametrize(
    "url",
    [
        "/norddjurs/organisation/",
        "/norddjurs/organisation/?q=Enhed",
        "/norddjurs/personer/",
        "/norddjurs/personer/?q=a",
        "/norddjurs/brugere/",
        "/norddjurs/aendringslog/",
        "/norddjurs/adgangslog/",
        "/api/norddjurs/org-units/",
        "/api/norddjurs/persons/",
    ],
)
def test_list_query_count_does_not_grow_with_rows(client, local_admin, norddjurs, url):
    client.force_login(local_admin)
    add_rows(norddjurs, 3)
    client.get(url)  # the first visit stores the chosen municipality in the session
    few = count_queries(client, url)
    add_rows(norddjurs, 30)
    many = count_queries(client, url)
    assert many == few, f"{url}: {few} queries with few rows, {many} with many"


# Baselines: a change that adds queries to a page must update these on purpose.
# Session, user, roles and the municipality account for four of them.
BASELINES = {
    # The dashboard: 8 of its own, 2 for governance's "Mine opgaver" providers and 2 for
    # the portfolio's (status reports due, ideas to triage).
    # One more for benefit measurements due, and 7 for the IT-system portfolio's five
    # providers (contract deadlines, usage gaps, ownerless usages, oversight, breaches).
    "/norddjurs/": 20,
    "/norddjurs/organisation/": 7,
    "/norddjurs/personer/": 9,
}


@pytest.mark.parametrize("url,limit", BASELINES.items())
def test_page_stays_within_its_query_baseline(client, editor, norddjurs, url, limit):
    client.force_login(editor)
    add_rows(norddjurs, 10)
    client.get(url)  # the first visit stores the chosen municipality in the session
    assert count_queries(client, url) <= limit


def test_api_token_requests_use_a_bounded_number_of_queries(client, editor, norddjurs):
    _token, key = create_api_token(user=editor, municipality=norddjurs, name="x")
    add_rows(norddjurs, 20)
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/api/norddjurs/persons/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200
    assert len(captured) <= 8
