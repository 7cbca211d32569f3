"""A benefit's owner sees the next measurement in "Mine opgaver", overdue after its date."""

import datetime

import pytest
from django.utils import timezone

from styrbord.benefits.task_providers import measurements_due
from tests.benefits.factories import BenefitFactory, ManagerFactory, measure

pytestmark = pytest.mark.usefixtures("in_norddjurs")


def test_an_overdue_measurement_is_a_task_for_the_owner(editor, norddjurs):
    owner = ManagerFactory(user=editor)
    benefit = BenefitFactory(
        owner=owner,
        frequency=1,
        baseline_date=timezone.localdate() - datetime.timedelta(days=60),
    )
    (task,) = measurements_due(editor, norddjurs)
    assert benefit.title in task.title
    assert task.overdue
    assert task.url.endswith(f"/gevinster/{benefit.pk}/maaling/ny/")


def test_a_measurement_far_ahead_is_not_a_task_yet(editor, norddjurs):
    owner = ManagerFactory(user=editor)
    benefit = BenefitFactory(owner=owner, frequency=12)
    measure(benefit, 15)
    assert list(measurements_due(editor, norddjurs)) == []


def test_someone_elses_benefit_is_not_my_task(editor, reader, norddjurs):
    BenefitFactory(
        owner=ManagerFactory(user=reader),
        frequency=1,
        baseline_date=timezone.localdate() - datetime.timedelta(days=60),
    )
    assert list(measurements_due(editor, norddjurs)) == []
