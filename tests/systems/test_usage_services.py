"""The usage and catalogue services: defaults, KITOS-mastered fields, follow-or-explain,
stale versions and who may write."""

import datetime
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_scopes import scopes_disabled

from styrbord.core.services.changes import StaleEdit
from styrbord.strategy.models import PrincipleKind
from styrbord.systems.models import Hosting, PrincipleAssessment, SystemUsage
from styrbord.systems.services import catalogue as catalogue_services
from styrbord.systems.services import usages as services
from tests.factories import OrgUnitFactory, PersonFactory
from tests.portfolio.factories import PrincipleFactory, ProjectFactory, StrategyFactory, catalogue
from tests.systems.factories import SystemFactory, UsageFactory, assign


@pytest.fixture
def usage(norddjurs):
    return UsageFactory()


@pytest.fixture
def kitos_usage(norddjurs):
    return UsageFactory(kitos_uuid=uuid.uuid4(), local_name="Fra KITOS")


@pytest.fixture
def principle(norddjurs):
    return PrincipleFactory(kind=PrincipleKind.ARCHITECTURE, name="Vi genbruger")


def _fresh(usage: SystemUsage) -> SystemUsage:
    with scopes_disabled():
        return SystemUsage.objects.get(pk=usage.pk)


def test_a_risk_assessment_without_a_next_date_is_planned_a_year_on(in_norddjurs, editor):
    system = SystemFactory()
    created = services.create_usage(
        in_norddjurs, actor=editor, system=system, risk_assessed_on=datetime.date(2025, 3, 31)
    )
    assert created.risk_next_on == datetime.date(2026, 3, 31)


def test_an_explicit_next_risk_assessment_is_kept(in_norddjurs, editor, usage):
    updated = services.update_usage(
        usage,
        actor=editor,
        expected_version=usage.version,
        risk_assessed_on=datetime.date(2025, 1, 10),
        risk_next_on=datetime.date(2025, 7, 1),
    )
    assert updated.risk_next_on == datetime.date(2025, 7, 1)


def test_a_person_cannot_change_a_field_kitos_keeps(in_norddjurs, editor, kitos_usage):
    with pytest.raises(ValidationError) as refused:
        services.update_usage(
            kitos_usage,
            actor=editor,
            expected_version=kitos_usage.version,
            hosting=Hosting.SAAS,
        )
    assert "hosting" in refused.value.message_dict
    assert _fresh(kitos_usage).hosting == Hosting.UNDECIDED


def test_a_person_may_change_styrbords_own_fields_on_a_kitos_usage(
    in_norddjurs, editor, kitos_usage
):
    services.update_usage(
        kitos_usage,
        actor=editor,
        expected_version=kitos_usage.version,
        functional_fit=4,
        technical_fit=2,
        hosting=kitos_usage.hosting,  # posted unchanged, as a form does
    )
    assert (_fresh(kitos_usage).functional_fit, _fresh(kitos_usage).technical_fit) == (4, 2)


def test_the_importer_writes_fields_kitos_keeps(in_norddjurs, kitos_usage):
    services.update_usage(
        kitos_usage, actor=None, expected_version=kitos_usage.version, hosting=Hosting.SAAS
    )
    assert _fresh(kitos_usage).hosting == Hosting.SAAS


def test_a_person_cannot_change_the_using_units_kitos_keeps(in_norddjurs, editor, kitos_usage):
    with pytest.raises(ValidationError):
        services.set_using_units(kitos_usage, [OrgUnitFactory()], actor=editor)


def test_a_stale_version_is_refused_and_nothing_is_saved(in_norddjurs, editor, usage):
    services.update_usage(usage, actor=editor, expected_version=usage.version, local_name="Ny")
    with pytest.raises(StaleEdit):
        services.update_usage(
            _fresh(usage), actor=editor, expected_version=usage.version - 1, local_name="Gammel"
        )
    assert _fresh(usage).local_name == "Ny"


def test_a_principle_not_followed_needs_an_explanation(in_norddjurs, editor, usage, principle):
    with pytest.raises(ValidationError) as refused:
        services.assess_principle(usage, principle, actor=editor, follows=False)
    assert "explanation" in refused.value.message_dict
    assessment = services.assess_principle(
        usage, principle, actor=editor, follows=False, explanation="Leverandøren lukker data inde"
    )
    assert not assessment.follows


def test_a_new_assessment_replaces_the_earlier_one(in_norddjurs, editor, usage, principle):
    services.assess_principle(usage, principle, actor=editor, follows=False, explanation="Nej")
    services.assess_principle(usage, principle, actor=editor, follows=True)
    assessments = list(PrincipleAssessment.objects.filter(usage=usage))
    assert [(a.follows, a.explanation) for a in assessments] == [(True, "")]


def test_a_catalogue_principle_can_be_assessed(in_norddjurs, editor, usage):
    shared = PrincipleFactory(
        strategy=StrategyFactory(municipality=catalogue()), kind=PrincipleKind.ARCHITECTURE
    )
    assert services.assess_principle(usage, shared, actor=editor, follows=True).pk


def test_a_reader_may_not_edit_a_usage(in_norddjurs, reader, usage):
    with pytest.raises(PermissionDenied):
        services.update_usage(usage, actor=reader, expected_version=usage.version, local_name="X")
    with pytest.raises(PermissionDenied):
        services.create_usage(in_norddjurs, actor=reader, system=SystemFactory())


def test_a_reader_holding_a_role_on_the_usage_may_edit_it(in_norddjurs, reader, usage):
    assign("system_data_owner", PersonFactory(user=reader), usage=usage)
    services.update_usage(usage, actor=reader, expected_version=usage.version, local_name="Min")
    services.set_projects(usage, [ProjectFactory()], actor=reader)
    assert _fresh(usage).local_name == "Min"
    assert usage.projects.count() == 1


def test_a_reader_holding_a_role_may_not_delete_the_usage(in_norddjurs, reader, usage):
    assign("system_data_owner", PersonFactory(user=reader), usage=usage)
    with pytest.raises(PermissionDenied):
        services.delete_usage(usage, actor=reader)


def test_another_municipalitys_project_cannot_be_linked(in_norddjurs, editor, usage, rebild):
    with pytest.raises(ValidationError):
        services.set_projects(usage, [ProjectFactory(municipality=rebild)], actor=editor)


def test_a_municipality_keeps_its_own_system_and_supplier(in_norddjurs, editor):
    supplier = catalogue_services.create_supplier(
        in_norddjurs, actor=editor, name="Lokal IT ApS", cvr="12345678"
    )
    system = catalogue_services.create_system(
        in_norddjurs, actor=editor, name="Lokalt booking", supplier=supplier
    )
    updated = catalogue_services.update_system(
        system, actor=editor, expected_version=system.version, business_type="Booking"
    )
    assert updated.business_type == "Booking"


def test_a_system_read_from_kitos_is_not_edited_by_a_person(in_norddjurs, editor):
    system = SystemFactory(kitos_uuid=uuid.uuid4())
    with pytest.raises(PermissionDenied):
        catalogue_services.update_system(
            system, actor=editor, expected_version=system.version, name="Omdøbt"
        )


def test_a_reader_may_not_add_a_supplier(in_norddjurs, reader):
    with pytest.raises(PermissionDenied):
        catalogue_services.create_supplier(in_norddjurs, actor=reader, name="X")


def test_a_cvr_number_has_eight_digits(in_norddjurs, editor):
    with pytest.raises(ValidationError) as refused:
        catalogue_services.create_supplier(in_norddjurs, actor=editor, name="X", cvr="123")
    assert "cvr" in refused.value.message_dict


def test_changing_a_usages_units_moves_its_version_on_so_a_stale_edit_is_refused(
    in_norddjurs, editor
):
    usage = UsageFactory()
    loaded_at = usage.version
    services.set_using_units(usage, [OrgUnitFactory()], actor=editor)
    assert usage.version == loaded_at + 1
    with pytest.raises(StaleEdit):
        services.update_usage(
            SystemUsage.objects.get(pk=usage.pk),
            actor=editor,
            expected_version=loaded_at,
            purpose="Sagsbehandling",
        )
