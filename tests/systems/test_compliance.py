"""Each compliance gap appears when its condition holds and disappears when fixed, and the
database annotation and the per-usage Python rules agree."""

import datetime

import pytest
from django.utils import timezone

from styrbord.core.dates import add_months
from styrbord.core.services import changes
from styrbord.systems import compliance
from styrbord.systems.compliance import Gap
from styrbord.systems.models import Answer, Lifecycle, Oversight, SystemUsage
from tests.factories import PersonFactory
from tests.systems.factories import ContractFactory, RegistrationFactory, UsageFactory, assign

pytestmark = pytest.mark.usefixtures("in_norddjurs")

TODAY = timezone.localdate()


def _save(obj, **values):
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save()
    return obj


def _clean_usage(**values):
    """A usage in use with no gap at all, then ``values``."""
    usage = UsageFactory(**{"accessibility_checked_on": TODAY, **values})
    assign("system_data_owner", PersonFactory(), usage=usage)
    return usage


def _kinds_db(usage) -> set[Gap]:
    annotated = compliance.annotate_gaps(SystemUsage.objects.filter(pk=usage.pk), TODAY)
    rows = list(annotated)
    return {line.kind for line in compliance.lines_of(rows[0])} if rows else set()


def _kinds_py(usage) -> set[Gap]:
    usage = SystemUsage.objects.get(pk=usage.pk)
    return {line.kind for line in compliance.gaps_for(usage, TODAY)}


def _assert_gaps(usage, expected: set[Gap]) -> None:
    assert _kinds_db(usage) == expected
    assert _kinds_py(usage) == expected


def test_a_usage_with_everything_in_order_has_no_gap():
    _assert_gaps(_clean_usage(), set())


def test_missing_owner_appears_and_goes_when_an_owner_is_assigned():
    usage = UsageFactory(accessibility_checked_on=TODAY)
    _assert_gaps(usage, {Gap.MISSING_OWNER})
    assign("system_data_owner", PersonFactory(), usage=usage)
    _assert_gaps(usage, set())


def test_an_ended_or_future_owner_or_another_role_does_not_count():
    usage = UsageFactory(accessibility_checked_on=TODAY)
    yesterday = TODAY - datetime.timedelta(days=1)
    assign("system_data_owner", PersonFactory(), usage=usage, ends_on=yesterday)
    assign(
        "system_data_owner",
        PersonFactory(),
        usage=usage,
        starts_on=TODAY + datetime.timedelta(days=1),
    )
    assign("it_contact", PersonFactory(), usage=usage)
    _assert_gaps(usage, {Gap.MISSING_OWNER})
    assign("system_data_owner", PersonFactory(), usage=usage, ends_on=TODAY, starts_on=TODAY)
    _assert_gaps(usage, set())


def _risk_done(**values):
    return {"risk_assessment_done": Answer.YES, "risk_assessed_on": TODAY, **values}


def test_personal_data_without_registration_goes_when_a_registration_is_linked():
    usage = _clean_usage(data_ordinary=True, **_risk_done())
    _assert_gaps(usage, {Gap.NO_REGISTRATION})
    RegistrationFactory().usages.add(usage)
    _assert_gaps(usage, set())


def test_risk_assessment_is_overdue_until_done_and_when_its_date_passes():
    usage = _clean_usage(business_critical=Answer.YES)
    _assert_gaps(usage, {Gap.RISK_OVERDUE})
    _save(usage, **_risk_done())
    _assert_gaps(usage, set())
    _save(usage, risk_next_on=TODAY - datetime.timedelta(days=1))
    _assert_gaps(usage, {Gap.RISK_OVERDUE})
    _save(usage, risk_next_on=TODAY)
    _assert_gaps(usage, set())


def test_without_a_next_date_a_risk_assessment_older_than_a_year_is_overdue():
    a_year_ago = add_months(TODAY, -12)
    usage = _clean_usage(business_critical=Answer.YES, **_risk_done(risk_assessed_on=a_year_ago))
    _assert_gaps(usage, set())
    _save(usage, risk_assessed_on=a_year_ago - datetime.timedelta(days=1))
    _assert_gaps(usage, {Gap.RISK_OVERDUE})


def test_a_usage_neither_critical_nor_personal_needs_no_risk_assessment():
    _assert_gaps(_clean_usage(business_critical=Answer.NO), set())


def test_dpia_is_missing_for_sensitive_data_until_done():
    usage = _clean_usage(data_sensitive=True, **_risk_done())
    RegistrationFactory().usages.add(usage)
    _assert_gaps(usage, {Gap.DPIA_MISSING})
    _save(usage, dpia_done=Answer.YES)
    _assert_gaps(usage, set())


def test_oversight_is_overdue_from_the_agreement_until_recorded():
    usage = _clean_usage()
    registration = RegistrationFactory(
        agreement_on=add_months(TODAY, -12) - datetime.timedelta(days=1),
        oversight_interval_months=12,
    )
    registration.usages.add(usage)
    _assert_gaps(usage, {Gap.OVERSIGHT_OVERDUE})
    changes.create(
        Oversight(municipality=usage.municipality, registration=registration, done_on=TODAY),
        actor=None,
    )
    _assert_gaps(usage, set())


@pytest.mark.parametrize(
    ("months_ago", "days", "overdue"),
    [(12, 0, False), (12, 1, True), (13, 0, True), (11, 0, False), (12, -1, False)],
)
def test_oversight_due_day_agrees_with_the_calendar_rule(months_ago, days, overdue):
    usage = _clean_usage()
    agreement = add_months(TODAY, -months_ago) - datetime.timedelta(days=days)
    registration = RegistrationFactory(agreement_on=agreement, oversight_interval_months=12)
    registration.usages.add(usage)
    _assert_gaps(usage, {Gap.OVERSIGHT_OVERDUE} if overdue else set())


def test_a_registration_without_an_interval_is_never_due():
    usage = _clean_usage()
    RegistrationFactory(agreement_on=datetime.date(2000, 1, 1)).usages.add(usage)
    _assert_gaps(usage, set())


def test_a_contract_notice_deadline_within_six_months_is_a_gap_until_terminated():
    usage = _clean_usage()
    contract = ContractFactory(expires_on=add_months(TODAY, 5), notice_months=1)
    contract.usages.add(usage)
    _assert_gaps(usage, {Gap.NOTICE_SOON})
    _save(contract, terminated_on=TODAY)
    _assert_gaps(usage, set())


def test_a_passed_notice_deadline_of_a_running_contract_is_a_gap():
    usage = _clean_usage()
    contract = ContractFactory(expires_on=TODAY + datetime.timedelta(days=20), notice_months=3)
    contract.usages.add(usage)
    _assert_gaps(usage, {Gap.NOTICE_SOON})


def test_a_contract_with_a_distant_deadline_is_no_gap():
    usage = _clean_usage()
    ContractFactory(expires_on=add_months(TODAY, 24), notice_months=3).usages.add(usage)
    _assert_gaps(usage, set())


def test_accessibility_is_unchecked_until_a_check_date_is_recorded():
    usage = _clean_usage(accessibility_checked_on=None)
    _assert_gaps(usage, {Gap.ACCESSIBILITY_UNCHECKED})
    _save(usage, accessibility_checked_on=TODAY)
    _assert_gaps(usage, set())


def test_a_usage_not_in_use_is_not_checked():
    usage = UsageFactory(lifecycle=Lifecycle.RETIRED, data_sensitive=True)
    _assert_gaps(usage, set())


def test_the_overview_counts_each_kind(norddjurs):
    UsageFactory()
    UsageFactory(data_sensitive=True)
    _clean_usage()
    UsageFactory(lifecycle=Lifecycle.NOT_IN_USE)
    totals = compliance.overview(norddjurs, TODAY)
    assert totals.checked == 3
    assert totals.with_gaps == 2
    assert totals.per_kind[Gap.MISSING_OWNER] == 2
    assert totals.per_kind[Gap.DPIA_MISSING] == 1
    assert totals.per_kind[Gap.NO_REGISTRATION] == 1
    assert totals.per_kind[Gap.NOTICE_SOON] == 0
