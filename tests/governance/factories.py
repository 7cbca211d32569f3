"""Factories for governance. Rows are created through the services' change log like the
application does, outside any scope so tests can set up two municipalities."""

import datetime

import factory
from django.utils import timezone
from django_scopes import scopes_disabled

from styrbord.core.services import changes
from styrbord.governance.models import (
    ActionItem,
    AgendaItem,
    Body,
    BodyKind,
    BodyMembership,
    Cadence,
    CycleItem,
    ItemKind,
    Meeting,
    MemberRole,
)
from tests.factories import PersonFactory, municipality


class _LoggedFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return changes.create(model_class(*args, **kwargs), actor=None)


class BodyFactory(_LoggedFactory):
    class Meta:
        model = Body

    municipality = factory.LazyFunction(lambda: municipality("0707"))
    kind = BodyKind.STEERING_GROUP
    name = factory.Sequence(lambda n: f"Styregruppe {n}")
    cadence = Cadence.QUARTERLY
    agenda_lead_days = 5


class BodyMembershipFactory(_LoggedFactory):
    class Meta:
        model = BodyMembership

    body = factory.SubFactory(BodyFactory)
    municipality = factory.SelfAttribute("body.municipality")
    person = factory.SubFactory(PersonFactory, municipality=factory.SelfAttribute("..municipality"))
    role = MemberRole.MEMBER
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=365))


class MeetingFactory(_LoggedFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    municipality = factory.SelfAttribute("body.municipality")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))


class AgendaItemFactory(_LoggedFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    municipality = factory.SelfAttribute("meeting.municipality")
    position = factory.Sequence(lambda n: n + 1)
    kind = ItemKind.DECISION
    title = factory.Sequence(lambda n: f"Punkt {n}")
    background = "Sagsfremstilling."
    recommendation = "Det indstilles, at styregruppen godkender."


class ActionItemFactory(_LoggedFactory):
    class Meta:
        model = ActionItem

    item = factory.SubFactory(AgendaItemFactory)
    municipality = factory.SelfAttribute("item.municipality")
    text = factory.Sequence(lambda n: f"Opfølgning {n}")
    owner = factory.SubFactory(PersonFactory, municipality=factory.SelfAttribute("..municipality"))
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))


class CycleItemFactory(_LoggedFactory):
    class Meta:
        model = CycleItem

    body = factory.SubFactory(BodyFactory)
    municipality = factory.SelfAttribute("body.municipality")
    title = factory.Sequence(lambda n: f"Årshjulspunkt {n}")
    quarters = "1,2,3,4"
