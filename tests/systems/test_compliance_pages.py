"""The compliance overview page and the usage page's compliance panel."""

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope

from styrbord.systems import panels_compliance
from styrbord.systems.compliance import Gap
from tests.factories import OrgUnitFactory, PersonFactory
from tests.systems.factories import UsageFactory, assign


def _url(**query):
    url = reverse("systems:compliance", kwargs={"kommune": "norddjurs"})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_the_overview_lists_each_gap_with_its_fix(reader_client, norddjurs):
    usage = UsageFactory(local_name="Elevplan", data_sensitive=True)
    response = reader_client.get(_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert "Elevplan" in page
    assert reverse("systems:usage_detail", kwargs={"kommune": "norddjurs", "pk": usage.pk}) in page
    assert f"?usage={usage.pk}" in page  # the missing owner's fix
    rows = response.context["rows"]
    assert {line.kind for line, _url in rows[0]["gaps"]} == {
        Gap.MISSING_OWNER,
        Gap.NO_REGISTRATION,
        Gap.RISK_OVERDUE,
        Gap.DPIA_MISSING,
        Gap.ACCESSIBILITY_UNCHECKED,
    }
    assert response.context["totals"].per_kind[Gap.DPIA_MISSING] == 1


def test_filtering_by_gap_kind_keeps_only_usages_with_that_gap(reader_client, norddjurs):
    UsageFactory(local_name="Uden ejer")
    owned = UsageFactory(local_name="Med ejer")
    assign("system_data_owner", PersonFactory(), usage=owned)
    response = reader_client.get(_url(gap=Gap.MISSING_OWNER.value))
    names = [str(row["usage"]) for row in response.context["rows"]]
    assert names == ["Uden ejer"]


def test_filtering_by_responsible_unit_and_owner(reader_client, norddjurs):
    unit = OrgUnitFactory()
    UsageFactory(local_name="I enheden", responsible_unit=unit)
    UsageFactory(local_name="Udenfor")
    owner = PersonFactory()
    assign("system_data_owner", owner, usage=UsageFactory(local_name="Ejet"))
    by_unit = reader_client.get(_url(responsible_unit=unit.pk))
    assert [str(r["usage"]) for r in by_unit.context["rows"]] == ["I enheden"]
    by_owner = reader_client.get(_url(owner=owner.pk))
    assert [str(r["usage"]) for r in by_owner.context["rows"]] == ["Ejet"]


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(_url()).status_code == 200
    return len(captured)


def test_the_overview_runs_the_same_queries_for_3_and_30_usages(reader_client, norddjurs):
    for _ in range(3):
        UsageFactory(data_sensitive=True)
    _queries(reader_client)  # the first request also loads the session's login
    few = _queries(reader_client)
    for _ in range(27):
        UsageFactory(data_sensitive=True)
    assert _queries(reader_client) == few


def test_another_municipalitys_member_is_refused(client, other_editor, norddjurs):
    client.force_login(other_editor)
    assert client.get(_url()).status_code == 403


def test_the_usage_panel_lists_its_gaps_with_fix_links(norddjurs, editor):
    with scope(municipality=norddjurs):
        usage = UsageFactory()
        request = RequestFactory().get("/")
        request.municipality = norddjurs
        request.user = editor
        context = panels_compliance.usage_gaps(request, usage)
    kinds = [line.kind for line, _url in context["gaps"]]
    assert kinds == [Gap.MISSING_OWNER, Gap.ACCESSIBILITY_UNCHECKED]
    assert context["gaps"][0][1].endswith(f"?usage={usage.pk}")
