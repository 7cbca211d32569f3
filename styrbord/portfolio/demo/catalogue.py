"""National and fælleskommunale projects in the shared catalogue, which Norddjurs' and
Rebild's own projects implement.

The seeds name monopolbruddet, the library system, the benefit-refund system, the basic-data
programme, the school and day-care collaboration platform, Aula and Borgerblikket; KOMBIT,
KL and the Agency for Digital Government run them. Their gates were decided in those
organisations' own boards, so each is registered in the phase it is in, with no decision of
ours: each has its phase history written as it happened. The years are approximate.
"""

import datetime
from typing import NamedTuple

from styrbord.core.models import Municipality
from styrbord.core.services import changes
from styrbord.portfolio.models import Origin, Phase, PhaseChange, Project
from styrbord.portfolio.services._common import set_shared_relation
from styrbord.strategy.models import FocusArea

MONOPOLY = "Monopolbruddet"
KY = "Kommunernes Ydelsessystem (KY)"
KSD = "Kommunernes Sygedagpengesystem (KSD)"
BENEFIT_REFUND = "Ydelsesrefusion"
LIBRARY = "Fælles Bibliotekssystem (FBS)"
USER_PORTALS = "Brugerportalsinitiativet"
AULA = "Aula"
CITIZEN_VIEW = "Borgerblikket"
BASIC_DATA = "Grunddataprogrammet"


class Shared(NamedTuple):
    name: str
    origin: str
    issued_by: str
    registered_on: datetime.date  # in execution since
    closed_on: datetime.date | None  # None: still running
    short_description: str
    focus_areas: tuple[str, ...] = ()
    start_date: datetime.date | None = None


D = datetime.date
JOINT, NATIONAL = Origin.JOINT_MUNICIPAL, Origin.NATIONAL

SHARED = (
    Shared(
        MONOPOLY,
        JOINT,
        "KOMBIT",
        D(2016, 1, 1),
        None,
        "KOMBIT's program, der på kommunernes vegne konkurrenceudsætter de fælleskommunale "
        "it-systemer, som tidligere kun én leverandør leverede, og etablerer en fælles "
        "infrastruktur (støttesystemerne), så de nye systemer hænger sammen og data kan "
        "genbruges.",
        ("Kommunernes rammearkitektur", "Fælles fundament for en ny strategi"),
    ),
    Shared(
        KY,
        JOINT,
        "KOMBIT",
        D(2016, 1, 1),
        None,
        "Fælleskommunalt system til udbetaling af ydelser som kontanthjælp, "
        "uddannelseshjælp og ressourceforløbsydelse; en del af monopolbruddet.",
        ("Smart digital beskæftigelsesindsats", "Kommunernes rammearkitektur"),
    ),
    Shared(
        KSD,
        JOINT,
        "KOMBIT",
        D(2016, 1, 1),
        None,
        "Fælleskommunalt system til sagsbehandling og udbetaling af sygedagpenge; en del af "
        "monopolbruddet.",
        ("Smart digital beskæftigelsesindsats", "Kommunernes rammearkitektur"),
    ),
    Shared(
        BENEFIT_REFUND,
        JOINT,
        "KOMBIT",
        D(2016, 1, 1),
        D(2019, 12, 31),
        "Fælleskommunal løsning, der beregner statens refusion af kommunernes udgifter til "
        "forsørgelsesydelser efter refusionsreformen.",
        ("Effektiv styring og administration",),
    ),
    Shared(
        LIBRARY,
        JOINT,
        "KOMBIT",
        D(2014, 1, 1),
        D(2017, 6, 30),
        "Ét fælles bibliotekssystem for alle landets folkebiblioteker i stedet for hvert "
        "biblioteks eget.",
        ("Fælles fundament for en ny strategi",),
    ),
    Shared(
        USER_PORTALS,
        JOINT,
        "KL og KOMBIT",
        D(2014, 6, 1),
        D(2020, 12, 31),
        "Brugerportaler til folkeskolen og dagtilbud: læringsplatforme, som kommunerne "
        "anskaffer, og en fælles samarbejdsplatform til kommunikation mellem skole, dagtilbud "
        "og forældre.",
        ("Digital sammenhæng for børn og unge",),
    ),
    Shared(
        AULA,
        JOINT,
        "KOMBIT",
        D(2017, 1, 1),
        None,
        "Den fælles samarbejdsplatform for folkeskolen og dagtilbud, der samler "
        "kommunikationen mellem skole, dagtilbud, elever og forældre.",
        ("Digital sammenhæng for børn og unge",),
        D(2019, 10, 1),
    ),
    Shared(
        CITIZEN_VIEW,
        JOINT,
        "KL og KOMBIT",
        D(2018, 12, 11),
        None,
        "Borgerens adgang til egne data: borgeren ser sine sager og ydelser fra kommunen på "
        "borger.dk. Udrulles efter en landsdækkende bølgeplan.",
        ("Offentlige data skal skabe effektivitet og merværdi", "Borgerbetjening 3.0"),
        D(2018, 12, 11),
    ),
    Shared(
        BASIC_DATA,
        NATIONAL,
        "Digitaliseringsstyrelsen",
        D(2013, 1, 1),
        D(2021, 6, 30),
        "Det fællesoffentlige grunddataprogram (Gode grunddata til alle): fælles, "
        "autoritative grunddata om personer, virksomheder, ejendomme, adresser og geografi, "
        "udstillet via Datafordeleren.",
        ("Offentlige data skal skabe effektivitet og merværdi",),
    ),
)


def load(catalogue: Municipality) -> None:
    """Create the shared projects that do not exist yet; call inside the catalogue's scope."""
    existing = set(Project.objects.values_list("name", flat=True))
    areas = {area.name: area for area in FocusArea.objects.all()}
    for shared in SHARED:
        if shared.name in existing:
            continue
        phase = Phase.CLOSED if shared.closed_on else Phase.EXECUTION
        project = changes.create(
            Project(
                municipality=catalogue,
                name=shared.name,
                origin=shared.origin,
                issued_by=shared.issued_by,
                phase=phase,
                short_description=shared.short_description,
                start_date=shared.start_date,
                closed_on=shared.closed_on,
            ),
            actor=None,
        )
        history = [("", Phase.EXECUTION, shared.registered_on)]
        if shared.closed_on:
            history.append((Phase.EXECUTION, Phase.CLOSED, shared.closed_on))
        for from_phase, to_phase, decided_on in history:
            changes.create(
                PhaseChange(
                    municipality=catalogue,
                    project=project,
                    from_phase=from_phase,
                    to_phase=to_phase,
                    decided_on=decided_on,
                ),
                actor=None,
            )
        set_shared_relation(
            project, "focus_areas", [areas[name] for name in shared.focus_areas], actor=None
        )
