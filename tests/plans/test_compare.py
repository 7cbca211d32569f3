"""Comparing two versions of a plan: what a revision added, removed, re-ranked and gave
other money or hours; and the page that shows it."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from styrbord.core.services import changes
from styrbord.governance.models import MeetingStatus, Outcome
from styrbord.governance.services import items as agenda
from styrbord.plans.compare import compare
from styrbord.plans.models import PlanVersion
from styrbord.plans.services import decisions, items, plans
from tests.factories import OrgUnitFactory
from tests.plans.factories import ItemFactory, PoolFactory
from tests.portfolio.factories import ProjectFactory

pytestmark = pytest.mark.usefixtures("in_norddjurs")


def _approve(version, editor, secretary):
    """Submit the version to the steering group's next meeting and approve it there."""
    version.refresh_from_db()
    decisions.submit(version, actor=editor, expected_version=version.version)
    version.refresh_from_db()
    item = version.agenda_item
    meeting = item.meeting
    changes.update(
        meeting,
        actor=None,
        expected_version=meeting.version,
        changes={
            "status": MeetingStatus.HELD,
            "starts_at": timezone.now() - timezone.timedelta(days=1),
        },
    )
    item.refresh_from_db()
    agenda.record_decision(
        item,
        actor=secretary,
        expected_version=item.version,
        decision="Godkendt.",
        outcome=Outcome.APPROVED,
    )
    version.refresh_from_db()
    return version


@pytest.fixture
def revise(plan, draft, editor, secretary, meeting):
    """Approve version 1 as it stands and return a fresh revision (version 2) of it."""

    def make() -> PlanVersion:
        _approve(draft, editor, secretary)
        return plans.create_revision(plan, actor=editor, change_note="Justering")

    return make


def _item(version, title):
    return version.items.get(title=title)


def _titles(found):
    return [item.shown_title for item in found]


def test_an_item_added_in_a_revision_is_listed_as_added(draft, editor, revise):
    ItemFactory(plan_version=draft, title="Seminar")
    revision = revise()
    items.add_item(revision, actor=editor, title="Ny indsats")
    result = compare(draft, revision)
    assert _titles(result.added) == ["Ny indsats"]
    assert (result.removed, result.unchanged) == ((), 1)


def test_an_item_removed_in_a_revision_is_listed_as_removed(draft, editor, revise):
    ItemFactory(plan_version=draft, title="Seminar")
    ItemFactory(plan_version=draft, title="Udgår")
    revision = revise()
    items.delete_item(_item(revision, "Udgår"), actor=editor)
    result = compare(draft, revision)
    assert _titles(result.removed) == ["Udgår"]
    assert result.added == ()


def test_moved_items_are_listed_with_their_old_and_new_rank(draft, editor, revise):
    for title in ("A", "B", "C"):
        ItemFactory(plan_version=draft, title=title)
    revision = revise()
    revision.refresh_from_db()
    items.move_item(
        _item(revision, "C"), actor=editor, expected_version=revision.version, direction="up"
    )
    result = compare(draft, revision)
    assert [(r.title, r.old_rank, r.new_rank) for r in result.reranked] == [
        ("C", 3, 2),
        ("B", 2, 3),
    ]
    assert result.unchanged == 1


def test_new_money_for_an_item_is_listed_with_the_old_and_new_amount(
    draft, editor, revise, norddjurs
):
    PoolFactory(municipality=norddjurs, year=2026, amount=Decimal(1_000_000))
    items.add_item(draft, actor=editor, title="A", allocated_amount=Decimal(100_000))
    revision = revise()
    item = _item(revision, "A")
    items.update_item(
        item, actor=editor, expected_version=item.version, allocated_amount=Decimal(250_000)
    )
    (change,) = compare(draft, revision).reallocated
    assert (change.old_amount, change.new_amount) == (Decimal(100_000), Decimal(250_000))
    assert change.hours_changes == ()


def test_hours_moved_between_quarters_are_listed_per_org_unit_and_quarter(
    draft, editor, revise, norddjurs
):
    unit = OrgUnitFactory(municipality=norddjurs, name="Digitalisering")
    item = ItemFactory(plan_version=draft, title="A")
    items.set_hours(
        item, actor=editor, org_unit=unit, quarter=1, requested_hours=40, allocated_hours=40
    )
    revision = revise()
    copy = _item(revision, "A")
    items.set_hours(
        copy, actor=editor, org_unit=unit, quarter=1, requested_hours=40, allocated_hours=0
    )
    items.set_hours(
        copy, actor=editor, org_unit=unit, quarter=2, requested_hours=40, allocated_hours=40
    )
    (change,) = compare(draft, revision).reallocated
    assert (change.old_hours, change.new_hours) == (40, 40)
    assert [(h.org_unit, h.quarter, h.old, h.new) for h in change.hours_changes] == [
        ("Digitalisering", 1, 40, 0),
        ("Digitalisering", 2, 0, 40),
    ]


def test_a_revisions_copy_of_an_activity_is_matched_by_lineage_though_renamed(
    draft, editor, revise
):
    ItemFactory(plan_version=draft, title="Seminar")
    revision = revise()
    copy = _item(revision, "Seminar")
    items.update_item(copy, actor=editor, expected_version=copy.version, title="Temadag")
    result = compare(draft, revision)
    assert (result.added, result.removed, result.unchanged) == ((), (), 1)


def test_a_project_removed_and_added_again_is_the_same_item(draft, editor, revise, norddjurs):
    project = ProjectFactory(municipality=norddjurs, name="Borgerblikket")
    items.add_item(draft, actor=editor, project=project)
    revision = revise()
    items.delete_item(revision.items.get(project=project), actor=editor)
    again = items.add_item(revision, actor=editor, project=project)
    result = compare(draft, revision)
    assert again.lineage != draft.items.get().lineage
    assert (result.added, result.removed, result.unchanged) == ((), (), 1)


def test_an_approved_version_is_compared_by_its_frozen_titles(draft, editor, revise, norddjurs):
    project = ProjectFactory(municipality=norddjurs, name="Borgerblikket")
    items.add_item(draft, actor=editor, project=project)
    revision = revise()
    items.delete_item(revision.items.get(project=project), actor=editor)
    project.refresh_from_db()
    changes.update(project, actor=None, expected_version=project.version, changes={"name": "Ny"})
    assert _titles(compare(draft, revision).removed) == ["Borgerblikket"]


def test_comparing_takes_the_same_number_of_queries_for_many_items(
    draft, editor, revise, norddjurs, django_assert_num_queries
):
    unit = OrgUnitFactory(municipality=norddjurs)
    for n in range(12):
        item = ItemFactory(plan_version=draft, title=f"Indsats {n}")
        items.set_hours(
            item, actor=editor, org_unit=unit, quarter=1, requested_hours=5, allocated_hours=5
        )
    items.add_item(draft, actor=editor, project=ProjectFactory(municipality=norddjurs))
    revision = revise()
    with django_assert_num_queries(2):
        compare(draft, revision)


# The page -------------------------------------------------------------------------------


def _url(query: str = "") -> str:
    return reverse("plans:compare", kwargs={"kommune": "norddjurs", "year": 2026}) + query


def test_the_page_compares_the_version_before_the_latest_with_the_latest(
    reader_client, draft, editor, revise
):
    ItemFactory(plan_version=draft, title="Seminar")
    revision = revise()
    items.add_item(revision, actor=editor, title="Ny indsats")
    response = reader_client.get(_url())
    assert response.status_code == 200
    assert (response.context["a"].number, response.context["b"].number) == (1, 2)
    assert "Ny indsats" in response.content.decode()


def test_the_page_compares_the_versions_chosen(reader_client, draft, revise):
    ItemFactory(plan_version=draft, title="Seminar")
    revise()
    response = reader_client.get(_url("?a=2&b=1"))
    assert (response.context["a"].number, response.context["b"].number) == (2, 1)


def test_an_unknown_version_number_is_not_found(reader_client, draft, revise):
    ItemFactory(plan_version=draft)
    revise()
    assert reader_client.get(_url("?a=1&b=7")).status_code == 404
    assert reader_client.get(_url("?a=x")).status_code == 404


def test_a_plan_with_one_version_has_nothing_to_compare_yet(reader_client, draft):
    response = reader_client.get(_url())
    assert response.status_code == 200
    assert response.context["comparison"] is None


def test_the_page_takes_a_bounded_number_of_queries(
    reader_client, draft, editor, revise, norddjurs, django_assert_max_num_queries
):
    unit = OrgUnitFactory(municipality=norddjurs)
    for n in range(10):
        item = ItemFactory(plan_version=draft, title=f"Indsats {n}")
        items.set_hours(
            item, actor=editor, org_unit=unit, quarter=2, requested_hours=8, allocated_hours=8
        )
    revision = revise()
    for item in revision.items.all():
        items.set_hours(
            item, actor=editor, org_unit=unit, quarter=3, requested_hours=8, allocated_hours=8
        )
    with django_assert_max_num_queries(20):
        response = reader_client.get(_url())
    assert len(response.context["comparison"].reallocated) == 10


def test_another_municipality_cannot_see_the_comparison(client, other_editor, draft):
    client.force_login(other_editor)
    assert client.get(_url()).status_code in (403, 404)
