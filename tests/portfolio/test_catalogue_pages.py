"""The shared catalogue's national and fælleskommunale projects: how many municipalities run
each and which (by name only), and this municipality's own implementation project."""

import pytest

from styrbord.portfolio.models import Origin
from tests.portfolio.factories import ProjectFactory, catalogue

N = "/norddjurs/portefolje/"


@pytest.fixture
def monopoly_break(norddjurs, rebild):
    """A KOMBIT project run by Norddjurs and Rebild, each through its own project."""
    shared = ProjectFactory(
        municipality=catalogue(),
        name="Monopolbruddet",
        origin=Origin.JOINT_MUNICIPAL,
        issued_by="KOMBIT",
    )
    return {
        "shared": shared,
        "ours": ProjectFactory(name="Vores monopolbrud", implements=shared),
        "theirs": ProjectFactory(
            municipality=rebild, name="Rebilds interne udbud", implements=shared
        ),
    }


def _row(response, shared):
    return next(row for row in response.context["page"] if row.pk == shared.pk)


def test_the_catalogue_list_counts_the_municipalities_running_a_project(
    reader_client, monopoly_break
):
    response = reader_client.get(f"{N}faelles/")
    assert _row(response, monopoly_break["shared"]).municipality_count == 2


def test_the_catalogue_list_links_our_own_implementation_and_nothing_of_others(
    reader_client, monopoly_break
):
    page = reader_client.get(f"{N}faelles/").content.decode()
    assert f'href="{N}projekter/{monopoly_break["ours"].pk}/"' in page
    assert "Rebilds interne udbud" not in page


def test_the_catalogue_list_leaves_out_the_municipalitys_own_projects(
    reader_client, monopoly_break
):
    response = reader_client.get(f"{N}faelles/")
    listed = {row.pk for row in response.context["page"]}
    assert monopoly_break["shared"].pk in listed
    assert monopoly_break["ours"].pk not in listed


def test_the_catalogue_list_searches_by_who_runs_the_project(reader_client, monopoly_break):
    ProjectFactory(municipality=catalogue(), name="Borger.dk", origin=Origin.NATIONAL)
    response = reader_client.get(f"{N}faelles/", {"q": "kombit"})
    assert [row.name for row in response.context["page"]] == ["Monopolbruddet"]


def test_the_catalogue_page_names_the_municipalities_running_it_and_nothing_else(
    reader_client, monopoly_break
):
    page = reader_client.get(f"{N}faelles/{monopoly_break['shared'].pk}/").content.decode()
    assert "<li>Norddjurs</li>" in page
    assert "<li>Rebild</li>" in page
    assert "Rebilds interne udbud" not in page
    assert f"projekter/{monopoly_break['theirs'].pk}/" not in page


def test_the_catalogue_page_links_our_own_implementation(reader_client, monopoly_break):
    page = reader_client.get(f"{N}faelles/{monopoly_break['shared'].pk}/").content.decode()
    assert f'href="{N}projekter/{monopoly_break["ours"].pk}/"' in page


def test_an_editor_is_offered_to_start_an_implementation_project(editor_client, monopoly_break):
    shared = monopoly_break["shared"]
    page = editor_client.get(f"{N}faelles/{shared.pk}/").content.decode()
    assert f'href="{N}projekter/ny/?implements={shared.pk}"' in page


def test_a_reader_is_not_offered_to_start_an_implementation_project(reader_client, monopoly_break):
    page = reader_client.get(f"{N}faelles/{monopoly_break['shared'].pk}/").content.decode()
    assert "projekter/ny/" not in page


def test_our_own_project_is_not_a_catalogue_project(reader_client, monopoly_break):
    own = monopoly_break["ours"]
    assert reader_client.get(f"{N}faelles/{own.pk}/").status_code == 404


def test_another_municipalitys_project_is_not_found_on_the_catalogue_page(
    reader_client, monopoly_break
):
    theirs = monopoly_break["theirs"]
    assert reader_client.get(f"{N}faelles/{theirs.pk}/").status_code == 404


def test_the_catalogue_list_costs_a_bounded_number_of_queries(
    reader_client, rebild, django_assert_max_num_queries
):
    for number in range(30):
        shared = ProjectFactory(
            municipality=catalogue(), name=f"Fælles {number}", origin=Origin.NATIONAL
        )
        ProjectFactory(name=f"Vores {number}", implements=shared)
        ProjectFactory(municipality=rebild, name=f"Deres {number}", implements=shared)
    reader_client.get(f"{N}faelles/")  # warm-up: session, roles, content types
    with django_assert_max_num_queries(10):
        assert reader_client.get(f"{N}faelles/").status_code == 200
