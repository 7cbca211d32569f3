"""The benefit pages: the list, a project's benefits, a benefit with its follow-up, and the
forms that write through ``services.benefits`` and ``services.measurements``."""

import datetime
import re
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from styrbord.benefits import panels
from styrbord.benefits.models import (
    Benefit,
    BenefitStatus,
    Category,
    Frequency,
    Harvest,
    Measurement,
    ProfilePoint,
)
from styrbord.benefits.services import benefits as benefit_services
from styrbord.core.services import changes
from tests.benefits.factories import BenefitFactory, ManagerFactory, measure
from tests.factories import PersonFactory
from tests.governance.factories import AgendaItemFactory
from tests.portfolio.factories import ProjectFactory

SLUG = "norddjurs"
TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def english(settings):
    """These tests read the pages' English source strings, not the Danish catalogue."""
    settings.LANGUAGE_CODE = "en"


def _url(name: str, slug: str = SLUG, **kwargs) -> str:
    return reverse(f"benefits:{name}", kwargs={"kommune": slug, **kwargs})


def _count(model, **filters) -> int:
    with scopes_disabled():
        return model.objects.filter(**filters).count()


def _error_of(html: str, field: str) -> str:
    """The error text rendered next to ``field`` (empty when there is none)."""
    match = re.search(rf'id="id_{field}_error">(.*?)</span>\s*(?:<|$)', html, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)) if match else ""


def _benefit_data(owner=None, **overrides) -> dict:
    data = {
        "title": "Kortere sagsbehandling",
        "description": "",
        "category": Category.QUALITY,
        "status": BenefitStatus.PLANNED,
        "owner": str(owner.pk) if owner else "",
        "org_unit": "",
        "measure": "Sagsbehandlingstid",
        "unit": "dage",
        "direction": "lower",
        "method": "",
        "baseline_value": "20",
        "baseline_date": "2026-01-01",
        "baseline_source": "ESDH",
        "target_pessimistic": "",
        "target_expected": "12",
        "target_optimistic": "",
        "target_date": "2026-12-31",
        "value_per_year": "",
        "frequency": str(Frequency.QUARTERLY),
        "version": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def project(norddjurs):
    return ProjectFactory(municipality=norddjurs, name="Digital post")


@pytest.fixture
def benefit(project):
    """Measured quarterly from a baseline 90 days ago, last measured 10 days ago."""
    benefit = BenefitFactory(
        project=project, title="Kortere ventetid", frequency=Frequency.QUARTERLY
    )
    measure(benefit, 16, days_ago=10)
    return benefit


@pytest.fixture
def overdue(project):
    """Monthly since 90 days ago and never measured: due 60 days ago."""
    return BenefitFactory(project=project, title="Færre opkald", frequency=Frequency.MONTHLY)


@pytest.fixture
def releasing(project):
    return BenefitFactory(
        project=project,
        title="Sparet porto",
        category=Category.BUDGET_RELEASING,
        direction="higher",
        baseline_value=Decimal(0),
        target_expected=Decimal(400_000),
        unit="kr.",
    )


# Reading


@pytest.mark.parametrize("name", ["index", "project", "benefit_detail", "profile_point"])
def test_every_reading_page_renders_for_a_reader(reader_client, benefit, name):
    pk = benefit.project_id if name == "project" else benefit.pk
    kwargs = {} if name == "index" else {"pk": pk}
    response = reader_client.get(_url(name, **kwargs))
    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1


@pytest.mark.parametrize(
    ("method", "name", "target"),
    [
        ("get", "benefit_create", "project"),
        ("post", "benefit_create", "project"),
        ("get", "benefit_edit", "benefit"),
        ("get", "benefit_delete", "benefit"),
        ("post", "benefit_delete", "benefit"),
        ("get", "measurement_create", "benefit"),
        ("post", "measurement_create", "benefit"),
        ("post", "measurement_delete", "measurement"),
        ("get", "harvest_create", "benefit"),
        ("post", "harvest_delete", "harvest"),
        ("post", "profile_point", "benefit"),
        ("post", "profile_delete", "point"),
    ],
)
def test_a_reader_may_not_write(reader_client, releasing, method, name, target):
    with scopes_disabled():
        measurement = measure(releasing, 1000)
        harvest = changes.create(
            Harvest(
                municipality=releasing.municipality,
                benefit=releasing,
                amount=Decimal(1000),
                budget="Borgerservice",
                harvested_on=TODAY,
                decision="Budgetaftalen",
            ),
            actor=None,
        )
        point = benefit_services.set_profile_point(
            releasing, actor=None, period_end=TODAY, expected_value=Decimal(5), amount=None
        )
    pks = {
        "project": releasing.project_id,
        "benefit": releasing.pk,
        "measurement": measurement.pk,
        "harvest": harvest.pk,
        "point": point.pk,
    }
    response = getattr(reader_client, method)(_url(name, pk=pks[target]), {})
    assert response.status_code == 403


def test_a_benefit_of_another_municipality_is_not_found(editor_client, rebild):
    theirs = BenefitFactory(project=ProjectFactory(municipality=rebild))
    assert editor_client.get(_url("benefit_detail", pk=theirs.pk)).status_code == 404
    assert editor_client.get(_url("benefit_edit", pk=theirs.pk)).status_code == 404


def test_the_project_page_shows_the_checklist_badges_in_words(reader_client, benefit, overdue):
    html = reader_client.get(_url("project", pk=benefit.project_id)).content.decode()
    assert "Visible targets" in html
    assert "Owner at management level" in html
    assert "Measurements overdue for: Færre opkald." in html
    # No budget-releasing benefit: the harvest question does not apply, said in words.
    assert "not applicable" in html
    assert "No budget-releasing benefits." in html


def test_the_project_page_shows_each_benefits_achievement_and_meaning(reader_client, benefit):
    html = reader_client.get(_url("project", pk=benefit.project_id)).content.decode()
    # From 20 to 16 of the way to 12 days: half-way.
    assert "50 %" in html
    assert "50 % of the way from the baseline to the expected target." in html


def test_an_overdue_measurement_is_marked_in_words(reader_client, overdue):
    for url in (_url("project", pk=overdue.project_id), _url("index")):
        html = reader_client.get(url).content.decode()
        assert '<strong class="styrbord-overdue">Overdue</strong>' in html


def test_a_measurement_on_time_is_not_marked_overdue(reader_client, benefit):
    html = reader_client.get(_url("project", pk=benefit.project_id)).content.decode()
    assert "styrbord-overdue" not in html


def test_the_add_button_is_for_editors_only(reader_client, client, editor, benefit):
    url = _url("project", pk=benefit.project_id)
    assert "Add a benefit" not in reader_client.get(url).content.decode()
    client.force_login(editor)
    assert "Add a benefit" in client.get(url).content.decode()


def test_the_index_filters_overdue_benefits(reader_client, benefit, overdue):
    html = reader_client.get(_url("index"), {"overdue": "yes"}).content.decode()
    assert "Færre opkald" in html
    assert "Kortere ventetid" not in html
    html = reader_client.get(_url("index"), {"overdue": "no"}).content.decode()
    assert "Kortere ventetid" in html
    assert "Færre opkald" not in html


def test_the_index_filters_by_category_and_project(reader_client, benefit, releasing, norddjurs):
    other = BenefitFactory(project=ProjectFactory(municipality=norddjurs), title="Andet projekt")
    html = reader_client.get(_url("index"), {"category": Category.BUDGET_RELEASING}).content
    assert b"Sparet porto" in html and b"Kortere ventetid" not in html
    html = reader_client.get(_url("index"), {"project": other.project_id}).content
    assert b"Andet projekt" in html and b"Sparet porto" not in html


def test_the_index_lists_only_this_municipalitys_benefits(reader_client, benefit, rebild):
    BenefitFactory(project=ProjectFactory(municipality=rebild), title="Rebilds gevinst")
    html = reader_client.get(_url("index")).content.decode()
    assert "Kortere ventetid" in html
    assert "Rebilds gevinst" not in html


def _many(project, count: int) -> None:
    for _ in range(count):
        measure(BenefitFactory(project=project, frequency=Frequency.MONTHLY), 15, days_ago=5)


def test_the_index_reads_a_bounded_number_of_queries(
    reader_client, project, django_assert_max_num_queries
):
    _many(project, 30)
    # Login, membership, the filter's three choice lists, the count, the page, the profiles.
    with django_assert_max_num_queries(14):
        response = reader_client.get(_url("index"))
    assert response.status_code == 200
    assert "Page 1 of 2" in response.content.decode()


def test_the_project_page_reads_a_bounded_number_of_queries(
    reader_client, project, django_assert_max_num_queries
):
    _many(project, 20)
    with django_assert_max_num_queries(12):
        assert reader_client.get(_url("project", pk=project.pk)).status_code == 200


def test_the_detail_shows_measurements_and_links_to_the_history(reader_client, benefit):
    html = reader_client.get(_url("benefit_detail", pk=benefit.pk)).content.decode()
    assert reverse("core:history", args=[SLUG, "benefit", benefit.pk]) in html
    assert "50 % of the way from the baseline to the expected target." in html
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html
    assert "Expected and measured values by date" in html
    # A reader records nothing and deletes nothing.
    assert "Record a measurement" not in html
    assert _url("measurement_delete", pk=1).rsplit("1", 1)[0] not in html


def test_the_detail_shows_harvested_amounts_with_their_total(reader_client, releasing):
    with scopes_disabled():
        for amount in (100_000, 50_000):
            changes.create(
                Harvest(
                    municipality=releasing.municipality,
                    benefit=releasing,
                    amount=Decimal(amount),
                    budget="Borgerservice",
                    harvested_on=TODAY,
                    decision="Budgetaftalen 2026",
                ),
                actor=None,
            )
    html = reader_client.get(_url("benefit_detail", pk=releasing.pk)).content.decode()
    assert "Harvested amounts" in html
    assert "Budgetaftalen 2026" in html
    assert "150,000 kr." in html


# The benefit form


def test_the_owner_choices_are_this_municipalitys_active_persons_with_managers_marked(
    editor_client, project, rebild
):
    ManagerFactory(name="Mette Leder")
    PersonFactory(name="Ole Konsulent")
    PersonFactory(name="Gammel Medarbejder", is_active=False)
    PersonFactory(name="Rebild Person", municipality=rebild)
    html = editor_client.get(_url("benefit_create", pk=project.pk)).content.decode()
    assert "Mette Leder (manager)" in html
    assert "Ole Konsulent<" in html
    assert "Gammel Medarbejder" not in html
    assert "Rebild Person" not in html


def test_the_benefit_form_is_grouped_in_fieldsets(editor_client, project):
    html = editor_client.get(_url("benefit_create", pk=project.pk)).content.decode()
    for legend in ("What", "Owner and place", "Measure", "Baseline", "Target", "Follow-up"):
        assert f'<legend class="h3">{legend}</legend>' in html


def test_an_editor_adds_a_benefit(editor_client, project):
    owner = ManagerFactory()
    response = editor_client.post(_url("benefit_create", pk=project.pk), _benefit_data(owner))
    with scopes_disabled():
        benefit = Benefit.objects.get(title="Kortere sagsbehandling")
    assert response.status_code == 302
    assert response.url == _url("benefit_detail", pk=benefit.pk)
    assert benefit.project == project
    # Quarterly from the baseline: the first measurement is due three months after it.
    assert benefit.next_measurement_due == datetime.date(2026, 4, 1)


def test_a_target_date_before_the_baseline_date_is_refused_next_to_the_field(
    editor_client, project
):
    data = _benefit_data(target_date="2025-06-30")
    response = editor_client.post(_url("benefit_create", pk=project.pk), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "The target date cannot be before the baseline date." in _error_of(html, "target_date")
    assert 'value="Kortere sagsbehandling"' in html
    assert 'value="ESDH"' in html
    assert _count(Benefit, title="Kortere sagsbehandling") == 0


def test_a_target_on_the_wrong_side_of_the_baseline_is_refused_next_to_the_field(
    editor_client, project
):
    response = editor_client.post(
        _url("benefit_create", pk=project.pk), _benefit_data(target_expected="25")
    )
    assert "the target cannot be above the baseline" in _error_of(
        response.content.decode(), "target_expected"
    )


def test_an_editor_edits_a_benefit(editor_client, benefit):
    data = _benefit_data(benefit.owner, title="Meget kortere ventetid", version=benefit.version)
    response = editor_client.post(_url("benefit_edit", pk=benefit.pk), data)
    assert response.status_code == 302
    with scopes_disabled():
        benefit.refresh_from_db()
    assert benefit.title == "Meget kortere ventetid"


def test_a_stale_edit_keeps_the_input_and_says_why(editor_client, editor, benefit):
    with scope(municipality=benefit.municipality):
        benefit_services.update_benefit(
            benefit, actor=editor, expected_version=benefit.version, title="Ændret imens"
        )
    data = _benefit_data(benefit.owner, title="Mit bud", version=benefit.version - 1)
    html = editor_client.post(_url("benefit_edit", pk=benefit.pk), data).content.decode()
    assert "Someone else saved this while you were editing." in html
    assert 'value="Mit bud"' in html


def test_an_editor_deletes_a_benefit_after_confirming(editor_client, benefit):
    assert editor_client.get(_url("benefit_delete", pk=benefit.pk)).status_code == 200
    response = editor_client.post(_url("benefit_delete", pk=benefit.pk))
    assert response.url == _url("project", pk=benefit.project_id)
    assert _count(Benefit, pk=benefit.pk) == 0


# Measurements


def test_the_measurement_page_shows_the_benefit_and_when_it_was_due(editor_client, overdue):
    html = editor_client.get(_url("measurement_create", pk=overdue.pk)).content.decode()
    assert "Sagsbehandlingstid" in html
    assert "dage" in html
    assert "Not measured yet." in html
    assert '<strong class="styrbord-overdue">Overdue</strong>' in html
    assert f'value="{TODAY.isoformat()}"' in html


def test_the_benefit_owner_records_a_measurement_as_a_reader(client, reader, benefit):
    with scopes_disabled():
        owner = benefit.owner
        changes.update(owner, actor=None, expected_version=owner.version, changes={"user": reader})
    client.force_login(reader)
    response = client.post(
        _url("measurement_create", pk=benefit.pk),
        {"measured_on": TODAY.isoformat(), "value": "14", "comment": "Efter go-live"},
    )
    assert response.status_code == 302
    with scopes_disabled():
        benefit.refresh_from_db()
    assert benefit.latest_value == Decimal(14)


def test_a_measurement_without_a_value_is_refused_next_to_the_field(editor_client, benefit):
    response = editor_client.post(
        _url("measurement_create", pk=benefit.pk),
        {"measured_on": TODAY.isoformat(), "value": "", "comment": "Glemte tallet"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Give the measured value." in _error_of(html, "value")
    assert "Glemte tallet" in html
    assert _count(Measurement, benefit=benefit) == 1


def test_a_measurement_before_the_baseline_is_refused_next_to_the_date(editor_client, benefit):
    early = benefit.baseline_date - datetime.timedelta(days=1)
    response = editor_client.post(
        _url("measurement_create", pk=benefit.pk), {"measured_on": early.isoformat(), "value": "9"}
    )
    assert "cannot be dated before the baseline" in _error_of(
        response.content.decode(), "measured_on"
    )


def test_an_editor_deletes_a_measurement(editor_client, benefit):
    with scopes_disabled():
        measurement = Measurement.objects.get(benefit=benefit)
    response = editor_client.post(_url("measurement_delete", pk=measurement.pk))
    assert response.status_code == 302
    assert _count(Measurement, benefit=benefit) == 0


def test_deleting_a_measurement_needs_post(editor_client, benefit):
    with scopes_disabled():
        measurement = Measurement.objects.get(benefit=benefit)
    assert editor_client.get(_url("measurement_delete", pk=measurement.pk)).status_code == 405


# Harvested amounts


def test_an_editor_records_a_harvest_decided_at_an_agenda_item(editor_client, releasing):
    item = AgendaItemFactory(municipality=releasing.municipality, title="Budgetopfølgning")
    response = editor_client.post(
        _url("harvest_create", pk=releasing.pk),
        {
            "amount": "75000",
            "budget": "Borgerservice",
            "harvested_on": TODAY.isoformat(),
            "decision": "",
            "agenda_item": str(item.pk),
        },
    )
    assert response.status_code == 302
    with scopes_disabled():
        harvest = Harvest.objects.get(benefit=releasing)
    assert harvest.agenda_item == item


def test_a_harvest_without_a_decision_is_refused_next_to_the_field(editor_client, releasing):
    response = editor_client.post(
        _url("harvest_create", pk=releasing.pk),
        {"amount": "75000", "budget": "Borgerservice", "harvested_on": TODAY.isoformat()},
    )
    html = response.content.decode()
    assert "Say which decision took the money out of the budget." in _error_of(html, "decision")
    assert 'value="Borgerservice"' in html


def test_a_benefit_that_releases_no_budget_cannot_be_harvested(editor_client, benefit):
    response = editor_client.post(
        _url("harvest_create", pk=benefit.pk),
        {
            "amount": "75000",
            "budget": "Borgerservice",
            "harvested_on": TODAY.isoformat(),
            "decision": "Budgetaftalen",
        },
    )
    assert response.status_code == 200
    assert "Only a budget-releasing benefit is harvested." in response.content.decode()
    assert _count(Harvest) == 0


def test_an_editor_deletes_a_harvest(editor_client, releasing):
    with scopes_disabled():
        harvest = changes.create(
            Harvest(
                municipality=releasing.municipality,
                benefit=releasing,
                amount=Decimal(1000),
                budget="Borgerservice",
                harvested_on=TODAY,
                decision="Budgetaftalen",
            ),
            actor=None,
        )
    assert editor_client.post(_url("harvest_delete", pk=harvest.pk)).status_code == 302
    assert _count(Harvest) == 0


# The realisation profile


def test_an_editor_adds_and_then_changes_a_profile_point(editor_client, benefit):
    url = _url("profile_point", pk=benefit.pk)
    editor_client.post(url, {"period_end": "2026-12-31", "expected_value": "16", "amount": ""})
    editor_client.post(url, {"period_end": "2026-12-31", "expected_value": "15", "amount": "1000"})
    with scopes_disabled():
        points = list(ProfilePoint.objects.filter(benefit=benefit))
    assert len(points) == 1
    assert (points[0].expected_value, points[0].amount) == (Decimal(15), Decimal(1000))


def test_a_profile_point_needs_a_value_or_an_amount(editor_client, benefit):
    response = editor_client.post(
        _url("profile_point", pk=benefit.pk), {"period_end": "2026-12-31"}
    )
    assert "Give the expected value, the amount or both." in response.content.decode()
    assert _count(ProfilePoint) == 0


def test_an_editor_deletes_a_profile_point(editor_client, benefit):
    with scopes_disabled():
        point = benefit_services.set_profile_point(
            benefit, actor=None, period_end=TODAY, expected_value=Decimal(14), amount=None
        )
    assert editor_client.post(_url("profile_delete", pk=point.pk)).status_code == 302
    assert _count(ProfilePoint) == 0


# The panel on the portfolio's project page


def test_the_project_panel_counts_benefits_and_overdue_measurements(
    in_norddjurs, reader, benefit, overdue, django_assert_max_num_queries
):
    request = RequestFactory().get("/")
    request.user, request.municipality = reader, in_norddjurs
    with django_assert_max_num_queries(3):
        context = panels.project_benefits(request, benefit.project)
    html = render_to_string("benefits/panels/project.html", context, request=request)
    assert (context["benefit_count"], context["overdue_count"]) == (2, 1)
    assert "<h2" in html and "Benefits</h2>" in html
    assert "1 measurement overdue." in html
    assert html.count('class="styrbord-badge ') == 4
    assert _url("project", pk=benefit.project_id) in html
