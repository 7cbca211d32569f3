"""The org-unit tree: create, edit, move and close; persons."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from styrbord.core import queries
from styrbord.core.models import OrgUnitKind
from styrbord.core.services import organisation
from tests.factories import OrgUnitFactory, PersonFactory

TODAY = datetime.date(2026, 11, 21)


def test_a_unit_can_be_moved_under_another_unit(in_norddjurs, editor):
    top, child = OrgUnitFactory(name="Staben"), OrgUnitFactory(name="IT")
    moved = organisation.move_org_unit(child, actor=editor, expected_version=1, parent=top)
    assert moved.parent == top


def test_a_unit_cannot_be_moved_under_its_own_descendant(in_norddjurs, editor):
    top = OrgUnitFactory(name="Top")
    middle = OrgUnitFactory(name="Midt", parent=top)
    bottom = OrgUnitFactory(name="Bund", parent=middle)
    with pytest.raises(ValidationError) as refused:
        organisation.move_org_unit(top, actor=editor, expected_version=1, parent=bottom)
    assert "parent" in refused.value.message_dict


def test_a_unit_cannot_be_placed_under_another_municipalitys_unit(in_norddjurs, rebild, editor):
    foreign = OrgUnitFactory(municipality=rebild)
    unit = OrgUnitFactory()
    with pytest.raises(ValidationError):
        organisation.move_org_unit(unit, actor=editor, expected_version=1, parent=foreign)


def test_a_unit_with_open_units_under_it_cannot_be_closed(in_norddjurs, editor):
    top = OrgUnitFactory()
    OrgUnitFactory(parent=top)
    with pytest.raises(ValidationError) as refused:
        organisation.close_org_unit(top, actor=editor, expected_version=1, closed_on=TODAY)
    assert "closed_on" in refused.value.message_dict


def test_a_closed_unit_leaves_the_tree_but_can_be_shown_and_reopened(in_norddjurs, editor):
    unit = OrgUnitFactory(name="Covid-19-gruppen")
    closed = organisation.close_org_unit(unit, actor=editor, expected_version=1, closed_on=TODAY)
    assert unit.pk not in [node.unit.pk for node in queries.org_unit_tree()]
    assert unit.pk in [node.unit.pk for node in queries.org_unit_tree(include_closed=True)]
    reopened = organisation.reopen_org_unit(closed, actor=editor, expected_version=closed.version)
    assert reopened.closed_on is None


def test_nothing_can_be_placed_under_a_closed_unit(in_norddjurs, editor):
    closed = OrgUnitFactory(closed_on=TODAY)
    with pytest.raises(ValidationError):
        organisation.create_org_unit(
            municipality=in_norddjurs, actor=editor, parent=closed, name="Ny", kind=OrgUnitKind.TEAM
        )


def test_the_tree_lists_units_depth_first_with_their_depth(in_norddjurs):
    top = OrgUnitFactory(name="A Kommune")
    child = OrgUnitFactory(name="B Stab", parent=top)
    OrgUnitFactory(name="C Team", parent=child)
    OrgUnitFactory(name="D Center", parent=top)
    tree = [(node.unit.name, node.depth) for node in queries.org_unit_tree()]
    assert tree == [("A Kommune", 0), ("B Stab", 1), ("C Team", 2), ("D Center", 1)]


def test_a_person_cannot_be_placed_in_another_municipalitys_unit(in_norddjurs, rebild, editor):
    foreign = OrgUnitFactory(municipality=rebild)
    with pytest.raises(ValidationError) as refused:
        organisation.create_person(
            municipality=in_norddjurs, actor=editor, name="Tonny Olsen", org_unit=foreign
        )
    assert "org_unit" in refused.value.message_dict


def test_persons_are_found_by_name_title_or_email(in_norddjurs):
    from styrbord.core.filters import PersonFilter

    PersonFactory(name="Kaare Christensen", title="Databeskyttelsesrådgiver", email="kc@x.dk")
    PersonFactory(name="Tonny Olsen", title="Chef", email="to@x.dk")
    for term in ("kaare", "databeskyttelse", "kc@x"):
        found = PersonFilter({"q": term}, queryset=queries.persons()).qs
        assert [person.name for person in found] == ["Kaare Christensen"]
