"""Ideas: any employee submits one; the innovation or programme group triages it, and an
idea that continues becomes a project proposal that keeps the idea's history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from styrbord.portfolio.models import Idea, IdeaStatus, Phase, PhaseChange, Project
from styrbord.portfolio.services import ideas
from tests.factories import OrgUnitFactory

pytestmark = pytest.mark.usefixtures("in_norddjurs")


def _submit(municipality, actor, **data):
    values = {
        "title": "Chatbot på hjemmesiden",
        "problem": "Borgerne ringer med de samme spørgsmål.",
        "idea": "En chatbot svarer på de enkle spørgsmål.",
        "expected_gain": "Færre opkald.",
    }
    values.update(data)
    return ideas.submit_idea(municipality=municipality, actor=actor, **values)


def _triage(idea, actor, body, status=IdeaStatus.CONTINUED, reason="Passer med strategien."):
    return ideas.triage_idea(
        idea, actor=actor, expected_version=idea.version, body=body, status=status, reason=reason
    )


def test_any_member_submits_an_idea(norddjurs, reader):
    idea = _submit(norddjurs, reader)
    assert (idea.status, idea.submitted_by) == (IdeaStatus.SUBMITTED, reader)


def test_an_org_unit_of_another_municipality_is_refused(norddjurs, rebild, reader):
    with pytest.raises(ValidationError) as refused:
        _submit(norddjurs, reader, org_unit=OrgUnitFactory(municipality=rebild))
    assert "org_unit" in refused.value.message_dict


def test_continuing_an_idea_creates_a_proposal_linked_to_the_idea(
    norddjurs, reader, triager, programme_group
):
    idea = _triage(_submit(norddjurs, reader), triager, programme_group)
    project = idea.project
    assert project.phase == Phase.PROPOSAL
    assert project.name == "Chatbot på hjemmesiden"
    assert "Borgerne ringer med de samme spørgsmål." in project.background
    assert Project.objects.get(pk=project.pk).idea == idea
    assert PhaseChange.objects.get(project=project).to_phase == Phase.PROPOSAL
    assert (idea.status, idea.triaged_by) == (IdeaStatus.CONTINUED, programme_group)


def test_triage_by_an_editor_outside_the_triage_groups_is_refused(
    norddjurs, reader, editor, programme_group
):
    idea = _submit(norddjurs, reader)
    with pytest.raises(PermissionDenied):
        _triage(idea, editor, programme_group)
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.SUBMITTED
    assert not Project.objects.exists()


def test_an_idea_is_not_triaged_in_the_steering_groups_name(
    norddjurs, reader, secretary, steering_group
):
    with pytest.raises(PermissionDenied):
        _triage(_submit(norddjurs, reader), secretary, steering_group)


def test_a_local_administrator_triages_without_a_seat(
    norddjurs, reader, local_admin, programme_group
):
    idea = _triage(_submit(norddjurs, reader), local_admin, programme_group, IdeaStatus.LATER)
    assert idea.status == IdeaStatus.LATER


def test_a_decision_without_a_reason_is_refused(norddjurs, reader, triager, programme_group):
    idea = _submit(norddjurs, reader)
    with pytest.raises(ValidationError) as refused:
        _triage(idea, triager, programme_group, reason="  ")
    assert list(refused.value.message_dict) == ["reason"]
    assert not Project.objects.exists()


def test_rejecting_an_idea_creates_no_project(norddjurs, reader, triager, programme_group):
    idea = _triage(_submit(norddjurs, reader), triager, programme_group, IdeaStatus.REJECTED)
    assert idea.status == IdeaStatus.REJECTED
    assert idea.project is None
    assert not Project.objects.exists()


def test_an_idea_that_became_a_project_is_not_triaged_again(
    norddjurs, reader, triager, programme_group
):
    idea = _triage(_submit(norddjurs, reader), triager, programme_group)
    with pytest.raises(ValidationError) as refused:
        _triage(idea, triager, programme_group, IdeaStatus.REJECTED)
    assert "status" in refused.value.message_dict
    assert Project.objects.count() == 1


def test_the_submitter_edits_their_idea_while_it_awaits_triage(norddjurs, reader):
    idea = _submit(norddjurs, reader)
    idea = ideas.update_idea(
        idea, actor=reader, expected_version=idea.version, expected_gain="Kortere svartid."
    )
    assert Idea.objects.get(pk=idea.pk).expected_gain == "Kortere svartid."


def test_the_submitter_no_longer_edits_a_triaged_idea(norddjurs, reader, triager, programme_group):
    idea = _triage(_submit(norddjurs, reader), triager, programme_group, IdeaStatus.LATER)
    with pytest.raises(PermissionDenied):
        ideas.update_idea(idea, actor=reader, expected_version=idea.version, title="Ny titel")


def test_a_reader_does_not_edit_someone_elses_idea(norddjurs, reader, editor):
    idea = _submit(norddjurs, editor)
    with pytest.raises(PermissionDenied):
        ideas.update_idea(idea, actor=reader, expected_version=idea.version, title="Ny titel")
