"""Benefit results shared across municipalities on a shared-catalogue project's page: how
many share and the medians, never a municipality's name or own figures."""

from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from styrbord.benefits import panels_catalogue
from styrbord.core import panels
from styrbord.portfolio.models import Origin
from tests.benefits.factories import BenefitFactory, measure
from tests.factories import municipality
from tests.portfolio.factories import ProjectFactory, catalogue

PANEL = "benefits/panels/shared_results.html"


@pytest.fixture
def shared(db):
    return ProjectFactory(municipality=catalogue(), name="Digital post", origin=Origin.NATIONAL)


@pytest.fixture
def aarhus(db):
    return municipality("0751")


def _implementation(place, shared, *, latest, share=True):
    """``place``'s project for ``shared`` with case-handling time 20 → 12 days, at ``latest``."""
    project = ProjectFactory(municipality=place, implements=shared)
    benefit = BenefitFactory(project=project, share_results=share)
    measure(benefit, latest)
    return benefit


def _panel(shared, norddjurs) -> tuple[dict, str]:
    request = RequestFactory().get("/")
    request.municipality = norddjurs
    context = panels_catalogue.shared_results(request, shared)
    return context, render_to_string(PANEL, context)


def test_a_municipality_that_does_not_share_is_not_counted(shared, norddjurs, rebild):
    _implementation(norddjurs, shared, latest=16)
    _implementation(rebild, shared, latest=14, share=False)
    context, _html = _panel(shared, norddjurs)
    assert context["sharing"] == 1
    assert [m.municipalities for m in context["measures"]] == [1]


def test_a_single_sharer_shows_no_median(shared, norddjurs, rebild):
    _implementation(rebild, shared, latest=15)
    context, html = _panel(shared, norddjurs)
    [only] = context["measures"]
    assert only.median_change is None and only.median_achievement is None
    assert "—" in html
    assert "-5" not in html and "62 %" not in html


def test_the_medians_of_three_sharers(shared, norddjurs, rebild, aarhus):
    _implementation(norddjurs, shared, latest=16)  # −4 days, 50 %
    _implementation(rebild, shared, latest=14)  # −6 days, 75 %
    _implementation(aarhus, shared, latest=18)  # −2 days, 25 %
    context, html = _panel(shared, norddjurs)
    assert context["sharing"] == 3
    [measure_row] = context["measures"]
    assert measure_row.municipalities == 3
    assert measure_row.median_change == Decimal(-4)
    assert measure_row.median_achievement == 50
    assert "50 %" in html


def test_the_panel_never_names_a_municipality(shared, norddjurs, rebild, aarhus):
    _implementation(rebild, shared, latest=14)
    _implementation(aarhus, shared, latest=18)
    _context, html = _panel(shared, norddjurs)
    assert "Rebild" not in html and "Aarhus" not in html


@pytest.fixture
def registered():
    """The registration the benefits app makes in ``apps.py``; the same key, so idempotent."""
    panels.register("catalogue-project", PANEL, panels_catalogue.shared_results)


def test_the_catalogue_page_shows_the_panel(
    registered, reader_client, shared, norddjurs, rebild, aarhus
):
    _implementation(rebild, shared, latest=14)
    _implementation(aarhus, shared, latest=18)
    response = reader_client.get(
        reverse("portfolio:catalogue_detail", args=["norddjurs", shared.pk])
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="shared-results-heading"' in content
    assert "50 %" in content
