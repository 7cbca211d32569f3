"""The landscape pages and charts: TIME quadrant, lifecycle timeline, units, suppliers."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django_scopes import scope

from styrbord.core.services import changes
from styrbord.systems import landscape_charts
from styrbord.systems.models import ContractCost, Lifecycle
from tests.factories import OrgUnitFactory
from tests.portfolio.factories import ProjectFactory
from tests.systems.factories import ContractFactory, SupplierFactory, SystemFactory, UsageFactory


@pytest.fixture(autouse=True)
def english():
    """The charts' labels are asserted in their English source form."""
    with translation.override("en"):
        yield


def _url(name):
    return reverse(f"systems:{name}", kwargs={"kommune": "norddjurs"})


def test_the_quadrant_places_each_usage_with_its_name_and_spreads_a_shared_cell(norddjurs):
    with scope(municipality=norddjurs):
        usages = [
            UsageFactory(local_name=f"U{i}", functional_fit=4, technical_fit=1) for i in range(3)
        ]
        usages.append(UsageFactory(local_name="Unscored"))
        chart = landscape_charts.time_quadrant(usages)
    assert chart.count("<circle") == 3
    assert "<title>U0</title>" in chart and "Unscored" not in chart
    for word in ("Tolerate", "Invest", "Migrate", "Eliminate"):
        assert word in chart
    centres = set(re.findall(r'<circle cx="([^"]+)" cy="([^"]+)"', chart))
    assert len(centres) == 3
    assert chart == landscape_charts.time_quadrant(list(reversed(usages)))


def test_the_timeline_draws_a_bar_per_dated_usage_and_marks_today(norddjurs):
    today = timezone.localdate()
    with scope(municipality=norddjurs):
        usages = [
            UsageFactory(valid_from=datetime.date(2019, 1, 1), valid_to=datetime.date(2030, 1, 1)),
            UsageFactory(valid_from=datetime.date(2021, 5, 1), lifecycle=Lifecycle.PILOT),
        ]
        chart = landscape_charts.lifecycle_timeline(usages, today)
    assert chart.count("<rect") == 2
    assert "Today" in chart or "I dag" in chart


def test_the_landscape_page_links_usages_to_their_projects(reader_client, norddjurs):
    with scope(municipality=norddjurs):
        project = ProjectFactory(name="Ny ESDH")
        usage = UsageFactory(local_name="SBSYS", functional_fit=3, technical_fit=2)
        usage.projects.add(project)
    page = reader_client.get(_url("landscape")).content.decode()
    assert "SBSYS" in page
    assert (
        reverse("portfolio:project_detail", kwargs={"kommune": "norddjurs", "pk": project.pk})
        in page
    )
    assert 'role="img"' in page


def test_the_unit_page_counts_responsible_and_using(reader_client, norddjurs):
    with scope(municipality=norddjurs):
        unit = OrgUnitFactory(name="Skoleafdelingen")
        UsageFactory(responsible_unit=unit)
        UsageFactory().using_units.add(unit)
    response = reader_client.get(_url("by_unit"))
    (row,) = response.context["page"]
    assert (row.responsible_count, row.using_count) == (1, 1)


def test_suppliers_are_ranked_by_systems_and_show_this_years_spend(reader_client, norddjurs):
    year = timezone.localdate().year
    with scope(municipality=norddjurs):
        big, small = SupplierFactory(name="Stor"), SupplierFactory(name="Lille")
        for _ in range(2):
            UsageFactory(system=SystemFactory(supplier=big))
        UsageFactory(system=SystemFactory(supplier=small))
        contract = ContractFactory(supplier=small)
        for cost_year, amount in ((year, 100), (year - 1, 999)):
            changes.create(
                ContractCost(
                    municipality=norddjurs,
                    contract=contract,
                    year=cost_year,
                    acquisition=Decimal(amount),
                    running=Decimal(50),
                ),
                actor=None,
            )
    response = reader_client.get(_url("suppliers"))
    rows = [(s.name, s.system_count, s.spend) for s, _usages in response.context["rows"]]
    assert rows[:2] == [("Stor", 2, 0), ("Lille", 1, Decimal(150))]


def _queries(client, name):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(_url(name)).status_code == 200
    return len(captured)


def test_landscape_pages_run_the_same_queries_for_few_and_many(reader_client, norddjurs):
    def add(count):
        with scope(municipality=norddjurs):
            for _ in range(count):
                usage = UsageFactory(
                    functional_fit=2,
                    technical_fit=3,
                    valid_from=datetime.date(2020, 1, 1),
                    responsible_unit=OrgUnitFactory(),
                )
                usage.projects.add(ProjectFactory())

    names = ("landscape", "lifecycle", "by_unit", "suppliers")
    add(3)
    _queries(reader_client, "landscape")
    few = {name: _queries(reader_client, name) for name in names}
    add(12)
    assert {name: _queries(reader_client, name) for name in names} == few


def test_another_municipalitys_member_is_refused(client, other_editor, norddjurs):
    client.force_login(other_editor)
    assert client.get(_url("landscape")).status_code == 403
