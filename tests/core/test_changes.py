"""Every write is change-logged, and a stale edit is refused without overwriting."""

import pytest
from django.core.exceptions import ValidationError

from styrbord.core import queries
from styrbord.core.models import ChangeAction, OrgUnitKind
from styrbord.core.services import changes, organisation
from tests.factories import OrgUnitFactory, PersonFactory


def test_creating_records_who_and_the_values_after(in_norddjurs, editor):
    unit = organisation.create_org_unit(
        municipality=in_norddjurs, actor=editor, name="Digitalisering", kind=OrgUnitKind.DEPARTMENT
    )
    entry = queries.history_of(unit).get()
    assert entry.action == ChangeAction.CREATE
    assert entry.actor == editor
    assert entry.municipality == in_norddjurs
    assert entry.before is None
    assert entry.after["name"] == "Digitalisering"


def test_updating_records_only_the_changed_fields_before_and_after(in_norddjurs, editor):
    person = PersonFactory(title="Konsulent", phone="12345678")
    organisation.update_person(
        person, actor=editor, expected_version=1, title="Digitaliseringskonsulent", phone="12345678"
    )
    entry = queries.history_of(person).first()
    assert entry.action == ChangeAction.UPDATE
    assert entry.before == {"title": "Konsulent"}
    assert entry.after == {"title": "Digitaliseringskonsulent"}


def test_foreign_keys_are_logged_with_their_label(in_norddjurs, editor):
    old, new = OrgUnitFactory(name="Staben"), OrgUnitFactory(name="Økonomi")
    person = PersonFactory(org_unit=old)
    organisation.update_person(person, actor=editor, expected_version=1, org_unit=new)
    entry = queries.history_of(person).first()
    assert entry.before["org_unit"] == {"id": old.pk, "label": "Staben"}
    assert entry.after["org_unit"] == {"id": new.pk, "label": "Økonomi"}


def test_an_update_raises_the_version(in_norddjurs, editor):
    person = PersonFactory()
    person = organisation.update_person(person, actor=editor, expected_version=1, title="Chef")
    assert person.version == 2


def test_saving_without_changes_writes_no_entry_and_keeps_the_version(in_norddjurs, editor):
    person = PersonFactory(title="Chef")
    organisation.update_person(person, actor=editor, expected_version=1, title="Chef")
    assert queries.history_of(person).count() == 1
    person.refresh_from_db()
    assert person.version == 1


def test_a_stale_edit_is_refused_and_nothing_is_overwritten(in_norddjurs, editor, reader):
    person = PersonFactory(title="Konsulent")
    first_copy = queries.persons().get(pk=person.pk)
    second_copy = queries.persons().get(pk=person.pk)
    organisation.update_person(first_copy, actor=editor, expected_version=1, title="Projektleder")

    with pytest.raises(changes.StaleEdit) as refused:
        organisation.update_person(second_copy, actor=reader, expected_version=1, title="Chef")

    person.refresh_from_db()
    assert person.title == "Projektleder"
    assert refused.value.current.version == 2
    assert [entry.after for entry in refused.value.changes_since] == [{"title": "Projektleder"}]


def test_invalid_changes_are_refused_before_anything_is_written(in_norddjurs, editor):
    person = PersonFactory(email="a@example.dk")
    with pytest.raises(ValidationError) as refused:
        organisation.update_person(
            person, actor=editor, expected_version=1, email="ikke en adresse"
        )
    assert "email" in refused.value.message_dict
    person.refresh_from_db()
    assert person.email == "a@example.dk"
    assert queries.history_of(person).count() == 1


def test_deleting_keeps_the_last_values_in_the_log(in_norddjurs, editor):
    unit = OrgUnitFactory(name="Midlertidig enhed")
    unit_id = unit.pk
    changes.delete(unit, actor=editor)
    entry = queries.change_log().filter(object_id=str(unit_id)).first()
    assert entry.action == ChangeAction.DELETE
    assert entry.before["name"] == "Midlertidig enhed"
    assert entry.after is None
