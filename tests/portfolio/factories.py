"""Factories for strategy and portfolio. Rows are created through the change log like the
application does, outside any scope so tests can set up two municipalities."""

import datetime

import factory
from django.utils import timezone
from django_scopes import scopes_disabled

from styrbord.core.models import Municipality
from styrbord.core.services import changes
from styrbord.portfolio.models import (
    Deliverable,
    Idea,
    Lesson,
    Milestone,
    Origin,
    Phase,
    PhaseChange,
    Project,
    Rag,
    ReportState,
    Risk,
    StatusReport,
    SuccessCriterion,
)
from styrbord.strategy.models import FocusArea, Principle, PrincipleKind, Strategy
from tests.factories import UserFactory, municipality


def catalogue() -> Municipality:
    with scopes_disabled():
        return Municipality.objects.get(is_catalogue=True)


class _LoggedFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return changes.create(model_class(*args, **kwargs), actor=None)


class StrategyFactory(_LoggedFactory):
    class Meta:
        model = Strategy

    municipality = factory.LazyFunction(lambda: municipality("0707"))
    title = factory.Sequence(lambda n: f"Digitaliseringsstrategi {n}")
    period_from = 2016
    period_to = 2020


class FocusAreaFactory(_LoggedFactory):
    class Meta:
        model = FocusArea

    strategy = factory.SubFactory(StrategyFactory)
    municipality = factory.SelfAttribute("strategy.municipality")
    name = factory.Sequence(lambda n: f"Fokusområde {n}")
    number = factory.Sequence(lambda n: n + 1)


class PrincipleFactory(_LoggedFactory):
    class Meta:
        model = Principle

    strategy = factory.SubFactory(StrategyFactory)
    municipality = factory.SelfAttribute("strategy.municipality")
    kind = PrincipleKind.STRATEGIC
    name = factory.Sequence(lambda n: f"Princip {n}")
    number = factory.Sequence(lambda n: n + 1)


class ProjectFactory(factory.django.DjangoModelFactory):
    """A project created like the service does: with its first phase change."""

    class Meta:
        model = Project

    municipality = factory.LazyFunction(lambda: municipality("0707"))
    name = factory.Sequence(lambda n: f"Projekt {n}")
    origin = Origin.LOCAL
    phase = Phase.PROPOSAL
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=60))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=300))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            project = changes.create(model_class(*args, **kwargs), actor=None)
            changes.create(
                PhaseChange(
                    municipality=project.municipality,
                    project=project,
                    from_phase="",
                    to_phase=project.phase,
                    decided_on=project.start_date or timezone.localdate(),
                ),
                actor=None,
            )
            from styrbord.portfolio.services.projects import refresh_reporting

            refresh_reporting(project)
            return project


class RunningProjectFactory(ProjectFactory):
    """A project in execution (phase set directly, as if decided earlier)."""

    phase = Phase.EXECUTION


class IdeaFactory(_LoggedFactory):
    class Meta:
        model = Idea

    municipality = factory.LazyFunction(lambda: municipality("0707"))
    title = factory.Sequence(lambda n: f"Idé {n}")
    problem = "Borgerne venter for længe på svar."
    idea = "Brug en chatbot til de enkle spørgsmål."
    submitted_by = factory.SubFactory(UserFactory)


class _PartFactory(_LoggedFactory):
    class Meta:
        abstract = True

    project = factory.SubFactory(ProjectFactory)
    municipality = factory.SelfAttribute("project.municipality")


class DeliverableFactory(_PartFactory):
    class Meta:
        model = Deliverable

    title = factory.Sequence(lambda n: f"Leverance {n}")
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))


class SuccessCriterionFactory(_PartFactory):
    class Meta:
        model = SuccessCriterion

    description = factory.Sequence(lambda n: f"Succeskriterium {n}")
    measure = "Måling i fagsystemet"
    target = "90 %"


class MilestoneFactory(_PartFactory):
    class Meta:
        model = Milestone

    title = factory.Sequence(lambda n: f"Milepæl {n}")
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


class RiskFactory(_PartFactory):
    class Meta:
        model = Risk

    title = factory.Sequence(lambda n: f"Risiko {n}")
    probability = 3
    consequence = 4


class LessonFactory(_PartFactory):
    class Meta:
        model = Lesson

    title = factory.Sequence(lambda n: f"Erfaring {n}")
    description = "Inddrag brugerne tidligt."


class StatusReportFactory(_LoggedFactory):
    """A submitted report, all green, as of today unless given."""

    class Meta:
        model = StatusReport

    project = factory.SubFactory(RunningProjectFactory)
    municipality = factory.SelfAttribute("project.municipality")
    period_end = factory.LazyFunction(timezone.localdate)
    state = ReportState.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)
    overall = Rag.GREEN
    schedule = Rag.GREEN
    budget = Rag.GREEN
    scope = Rag.GREEN
    quality = Rag.GREEN
    risk = Rag.GREEN
    benefits = Rag.GREEN
    summary = "Projektet forløber planmæssigt."
    percent_complete = 40

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        report = super()._create(model_class, *args, **kwargs)
        with scopes_disabled():
            from styrbord.portfolio.services.projects import refresh_reporting

            refresh_reporting(report.project)
        return report
