"""No action-plan or budget page, export or API endpoint shows one municipality's data to
another: every route is tried with Rebild's slug and Rebild's objects, and with Norddjurs'
own plan holding Rebild's object ids."""

from decimal import Decimal

import pytest
from django_scopes import scopes_disabled

from styrbord.core.services import changes
from styrbord.plans import api_urls as plan_api_urls
from styrbord.plans import urls as plan_urls
from styrbord.plans.models import Capacity, DemandExclusion, ItemHours
from styrbord.plans.services import items as item_services
from tests.factories import OrgUnitFactory
from tests.plans.factories import AllocationFactory, PoolFactory, first_version, make_plan
from tests.portfolio.factories import ProjectFactory
from tests.tenancy import assert_isolated

# Rebild's plan is for a year Norddjurs has none for, so that under Norddjurs' own slug a
# URL naming Rebild's plan finds nothing rather than Norddjurs' plan of the same year.
REBILD_YEAR = 2031


@pytest.fixture
def objects(norddjurs, rebild):
    own = first_version(make_plan(norddjurs, year=2026))
    plan = make_plan(rebild, year=REBILD_YEAR)
    version = first_version(plan)
    unit = OrgUnitFactory(municipality=rebild)
    project = ProjectFactory(municipality=rebild)
    pool = PoolFactory(municipality=rebild, year=REBILD_YEAR, amount=Decimal(1_000_000))
    with scopes_disabled():
        item = item_services.add_item(version, actor=None, project=project)
        item_services.set_hours(
            item, actor=None, org_unit=unit, quarter=1, requested_hours=10, allocated_hours=5
        )
        changes.create(
            Capacity(municipality=rebild, plan_version=version, org_unit=unit, quarter=1, hours=9),
            actor=None,
        )
        exclusion = changes.create(
            DemandExclusion(
                municipality=rebild,
                plan_version=version,
                project=ProjectFactory(municipality=rebild),
                reason="Ikke i år",
            ),
            actor=None,
        )
        criterion = version.criteria.first()
        score = item_services.set_score(item, actor=None, criterion=criterion, score=3)
        hours = ItemHours.objects.get(item=item)
    return {
        "own": own,
        "version": version,
        "item": item,
        "criterion": criterion,
        "score": score,
        "hours": hours,
        "unit": unit,
        "exclusion": exclusion,
        "pool": pool,
        "allocation": AllocationFactory(pool=pool, project=project),
    }


def page_kwargs(o) -> dict:
    theirs = {"year": REBILD_YEAR, "number": 1}
    ours = {"year": o["own"].plan.year, "number": 1}

    def both(**extra):
        # Rebild's object in Rebild's plan, and Rebild's object in Norddjurs' own plan.
        return [{**theirs, **extra}, {**ours, **extra}]

    return {
        "plan": {"year": REBILD_YEAR},
        "plan_edit": {"year": REBILD_YEAR},
        "revision_create": {"year": REBILD_YEAR},
        "compare": {"year": REBILD_YEAR},
        "version": theirs,
        "version_edit": theirs,
        "version_delete": theirs,
        "item_create": theirs,
        "reorder": theirs,
        "criteria": theirs,
        "criterion_create": theirs,
        "prioritisation": theirs,
        "capacity": theirs,
        "quarters": theirs,
        "coverage": theirs,
        "exclusion_create": theirs,
        "submit": theirs,
        "version_pdf": theirs,
        "version_xlsx": theirs,
        "item_edit": both(pk=o["item"].pk),
        "item_delete": both(pk=o["item"].pk),
        "item_move": both(pk=o["item"].pk),
        "item_scores": both(pk=o["item"].pk),
        "item_hours": both(pk=o["item"].pk),
        "criterion_edit": both(pk=o["criterion"].pk),
        "criterion_delete": both(pk=o["criterion"].pk),
        "capacity_edit": both(org_unit=o["unit"].pk),
        "exclusion_edit": both(pk=o["exclusion"].pk),
        "exclusion_delete": both(pk=o["exclusion"].pk),
        "budget": {"year": REBILD_YEAR},
        "budget_edit": {"year": REBILD_YEAR},
        "allocation_create": {"year": REBILD_YEAR},
        "allocation_edit": [
            {"year": REBILD_YEAR, "pk": o["allocation"].pk},
            {"year": 2026, "pk": o["allocation"].pk},
        ],
        "allocation_delete": [
            {"year": REBILD_YEAR, "pk": o["allocation"].pk},
            {"year": 2026, "pk": o["allocation"].pk},
        ],
    }


def test_plan_pages_refuse_another_municipalitys_objects(client, editor, objects, norddjurs):
    # Norddjurs has a budget for 2026 too, so the allocation URLs under its own year are
    # refused because the allocation is Rebild's, not because the year is unknown.
    PoolFactory(municipality=norddjurs, year=2026)
    client.force_login(editor)
    checked = assert_isolated(
        client,
        plan_urls.urlpatterns,
        namespace="plans",
        own_slug="norddjurs",
        foreign_slug="rebild",
        foreign_kwargs=page_kwargs(objects),
    )
    assert checked > 100


def test_history_pages_refuse_another_municipalitys_plan_objects(client, editor, objects):
    client.force_login(editor)
    for model, obj in [
        ("action-plan", objects["version"].plan),
        ("plan-version", objects["version"]),
        ("plan-item", objects["item"]),
        ("budget-pool", objects["pool"]),
        ("budget-allocation", objects["allocation"]),
    ]:
        response = client.get(f"/norddjurs/historik/{model}/{obj.pk}/")
        assert response.status_code == 404, model


def test_api_refuses_another_municipalitys_objects(client, editor, objects):
    client.force_login(editor)
    o = objects
    kwargs = {
        "plan-detail": {"pk": o["version"].plan_id},
        "plan-revisions": {"pk": o["version"].plan_id},
        "version-detail": {"pk": o["version"].pk},
        "version-reorder": {"pk": o["version"].pk},
        "version-submit": {"pk": o["version"].pk},
        "item-detail": {"pk": o["item"].pk},
        "item-move": {"pk": o["item"].pk},
        "criterion-detail": {"pk": o["criterion"].pk},
        "score-detail": {"pk": o["score"].pk},
        "hours-detail": {"pk": o["hours"].pk},
        "budget-detail": {"pk": o["pool"].pk},
        "allocation-detail": {"pk": o["allocation"].pk},
    }
    assert_isolated(
        client,
        plan_api_urls.urlpatterns,
        namespace="plans_api",
        own_slug="norddjurs",
        foreign_slug="rebild",
        foreign_kwargs=kwargs,
    )
