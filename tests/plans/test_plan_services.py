"""The plan's life: drafting, ranking, scoring, resources, submission, decision, revision."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from styrbord.core.services import changes
from styrbord.core.services.changes import StaleEdit
from styrbord.governance.models import MeetingStatus, Outcome
from styrbord.governance.services import items as agenda
from styrbord.plans.models import ActionPlanItem, Criterion, PlanVersion, VersionState
from styrbord.plans.services import decisions, items, plans
from styrbord.portfolio.models import Phase
from styrbord.portfolio.services.projects import update_project
from tests.factories import OrgUnitFactory
from tests.plans.factories import ItemFactory, PoolFactory, make_plan
from tests.portfolio.factories import ProjectFactory

pytestmark = pytest.mark.usefixtures("in_norddjurs")


def _ranks(version):
    return list(version.items.order_by("rank").values_list("title", "rank"))


def _decide(version, secretary, outcome):
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
        decision="Styregruppen har behandlet planen.",
        outcome=outcome,
    )
    version.refresh_from_db()
    return version


def test_a_new_plan_has_a_first_draft_with_the_default_criteria(draft):
    assert (draft.number, draft.state) == (1, VersionState.DRAFT)
    names = list(draft.criteria.values_list("name", "weight"))
    assert len(names) == 5
    assert sum(weight for _, weight in names) == 100


def test_a_second_plan_for_the_same_year_is_refused_on_the_year(plan, norddjurs):
    with pytest.raises(ValidationError) as refused:
        make_plan(norddjurs, year=2026)
    assert list(refused.value.message_dict) == ["year"]


def test_a_reader_cannot_add_items(draft, reader):
    with pytest.raises(PermissionDenied):
        items.add_item(draft, actor=reader, title="Seminar")


def test_items_are_added_at_the_bottom_of_the_ranking(draft, editor):
    items.add_item(draft, actor=editor, title="A")
    items.add_item(draft, actor=editor, title="B")
    assert _ranks(draft) == [("A", 1), ("B", 2)]


def test_a_project_item_takes_the_projects_name(draft, editor, norddjurs):
    project = ProjectFactory(municipality=norddjurs, name="Borgerblikket")
    item = items.add_item(draft, actor=editor, project=project)
    assert item.title == "Borgerblikket"


def test_a_project_is_in_a_version_once(draft, editor, norddjurs):
    project = ProjectFactory(municipality=norddjurs)
    items.add_item(draft, actor=editor, project=project)
    with pytest.raises(ValidationError) as refused:
        items.add_item(draft, actor=editor, project=project)
    assert list(refused.value.message_dict) == ["project"]


def test_another_municipalitys_project_is_refused(draft, editor, rebild):
    with pytest.raises(ValidationError):
        items.add_item(draft, actor=editor, project=ProjectFactory(municipality=rebild))


def test_an_activity_needs_a_title(draft, editor):
    with pytest.raises(ValidationError) as refused:
        items.add_item(draft, actor=editor, title="  ")
    assert "title" in refused.value.message_dict


def test_moving_up_swaps_with_the_item_above(draft, editor):
    ItemFactory(plan_version=draft, title="A")
    b = ItemFactory(plan_version=draft, title="B")
    draft.refresh_from_db()
    items.move_item(b, actor=editor, expected_version=draft.version, direction="up")
    assert _ranks(draft) == [("B", 1), ("A", 2)]


def test_a_reorder_based_on_an_older_ranking_is_refused(draft, editor):
    a = ItemFactory(plan_version=draft, title="A")
    b = ItemFactory(plan_version=draft, title="B")
    draft.refresh_from_db()
    seen = draft.version
    items.move_item(b, actor=editor, expected_version=seen, direction="up")
    with pytest.raises(StaleEdit):
        items.reorder(draft, actor=editor, expected_version=seen, order=[a.pk, b.pk])
    assert _ranks(draft) == [("B", 1), ("A", 2)]


def test_a_reorder_must_list_every_item(draft, editor):
    a = ItemFactory(plan_version=draft, title="A")
    ItemFactory(plan_version=draft, title="B")
    draft.refresh_from_db()
    with pytest.raises(ValidationError):
        items.reorder(draft, actor=editor, expected_version=draft.version, order=[a.pk])


def test_deleting_an_item_closes_the_gap_in_the_ranking(draft, editor):
    a = ItemFactory(plan_version=draft, title="A")
    ItemFactory(plan_version=draft, title="B")
    items.delete_item(a, actor=editor)
    assert _ranks(draft) == [("B", 1)]


@pytest.mark.parametrize("score", [0, 6])
def test_a_score_outside_1_to_5_is_refused(draft, editor, score):
    item = ItemFactory(plan_version=draft)
    with pytest.raises(ValidationError) as refused:
        items.set_score(item, actor=editor, criterion=draft.criteria.first(), score=score)
    assert list(refused.value.message_dict) == ["score"]


def test_negative_hours_are_refused_on_the_field(draft, editor, norddjurs):
    item = ItemFactory(plan_version=draft)
    with pytest.raises(ValidationError) as refused:
        items.set_hours(
            item,
            actor=editor,
            org_unit=OrgUnitFactory(municipality=norddjurs),
            quarter=1,
            requested_hours=-5,
            allocated_hours=0,
        )
    assert list(refused.value.message_dict) == ["requested_hours"]


def test_allocating_without_a_budget_for_the_year_is_refused(draft, editor):
    with pytest.raises(ValidationError) as refused:
        items.add_item(draft, actor=editor, title="A", allocated_amount=Decimal(1000))
    assert list(refused.value.message_dict) == ["allocated_amount"]


def test_allocations_beyond_the_pool_are_refused(draft, editor, norddjurs):
    PoolFactory(municipality=norddjurs, year=2026, amount=Decimal(500_000))
    items.add_item(draft, actor=editor, title="A", allocated_amount=Decimal(300_000))
    with pytest.raises(ValidationError) as refused:
        items.add_item(draft, actor=editor, title="B", allocated_amount=Decimal(300_000))
    assert "allocated_amount" in refused.value.message_dict
    assert draft.items.count() == 1


def test_a_negative_amount_is_refused(draft, editor):
    with pytest.raises(ValidationError) as refused:
        items.add_item(draft, actor=editor, title="A", requested_amount=Decimal(-1))
    assert "requested_amount" in refused.value.message_dict


def test_submitting_puts_a_decision_item_on_the_steering_groups_next_meeting(
    draft, editor, meeting
):
    ItemFactory(plan_version=draft, title="Digitaliseringsseminar")
    draft.refresh_from_db()
    item = decisions.submit(
        draft, actor=editor, expected_version=draft.version, document=b"%PDF-1.7 plan"
    )
    draft.refresh_from_db()
    assert draft.state == VersionState.SUBMITTED
    assert item.meeting == meeting
    assert "Digitaliseringsseminar" in item.background
    assert list(item.attachments.values_list("content_type", flat=True)) == ["application/pdf"]


def test_a_submitted_version_cannot_change(draft, editor, meeting):
    ItemFactory(plan_version=draft)
    draft.refresh_from_db()
    decisions.submit(draft, actor=editor, expected_version=draft.version)
    draft.refresh_from_db()
    with pytest.raises(ValidationError):
        items.add_item(draft, actor=editor, title="Sent ind")


def test_submitting_without_a_coming_meeting_is_refused(draft, editor):
    ItemFactory(plan_version=draft)
    draft.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        decisions.submit(draft, actor=editor, expected_version=draft.version)
    assert list(refused.value.message_dict) == ["approving_body"]


def _submitted(draft, editor):
    draft.refresh_from_db()
    decisions.submit(draft, actor=editor, expected_version=draft.version)
    return draft


def test_approval_at_the_meeting_freezes_the_version(draft, editor, meeting, secretary):
    ItemFactory(plan_version=draft)
    version = _decide(_submitted(draft, editor), secretary, Outcome.APPROVED)
    assert version.state == VersionState.APPROVED
    assert version.decided_on is not None
    with pytest.raises(ValidationError):
        items.add_item(version, actor=editor, title="Efter godkendelsen")


def test_the_approved_version_keeps_the_project_as_it_was(
    draft, editor, meeting, secretary, norddjurs
):
    project = ProjectFactory(municipality=norddjurs, name="Borgerblikket")
    items.add_item(draft, actor=editor, project=project)
    _decide(_submitted(draft, editor), secretary, Outcome.APPROVED)
    project.refresh_from_db()
    update_project(project, actor=editor, expected_version=project.version, name="Nyt navn")
    item = ActionPlanItem.objects.select_related("project").get(plan_version=draft)
    assert item.shown_title == "Borgerblikket"
    assert item.frozen["phase"] == Phase.PROPOSAL


def test_a_rejected_version_is_closed_as_rejected(draft, editor, meeting, secretary):
    ItemFactory(plan_version=draft)
    version = _decide(_submitted(draft, editor), secretary, Outcome.REJECTED)
    assert version.state == VersionState.REJECTED


def test_a_noted_plan_is_sent_back_to_draft(draft, editor, meeting, secretary):
    ItemFactory(plan_version=draft)
    version = _decide(_submitted(draft, editor), secretary, Outcome.NOTED)
    assert version.state == VersionState.DRAFT


def test_a_revision_copies_items_scores_and_lineage(draft, editor, meeting, secretary, plan):
    item = ItemFactory(plan_version=draft, title="A")
    criterion = draft.criteria.first()
    items.set_score(item, actor=editor, criterion=criterion, score=4, comment="Vigtig")
    _decide(_submitted(draft, editor), secretary, Outcome.APPROVED)
    revision = plans.create_revision(plan, actor=editor, change_note="Nyt projekt")
    copy = revision.items.get()
    assert (revision.number, revision.state, revision.based_on) == (2, VersionState.DRAFT, draft)
    assert copy.lineage == item.lineage
    assert copy.scores.get().criterion == Criterion.objects.get(
        plan_version=revision, name=criterion.name
    )


def test_a_second_revision_while_one_is_open_is_refused(draft, editor, plan):
    with pytest.raises(ValidationError):
        plans.create_revision(plan, actor=editor)
    assert PlanVersion.objects.filter(plan=plan).count() == 1
