"""Norddjurs' newest projects: speech-to-text in home care, a local project its owner
approved that learns from the 2015-2017 speech-recognition project, and the broadband
proposal of the mobile and broadband project group, which waits for the steering group's
next meeting.
"""

from styrbord.governance.demo.bodies import STEERING
from styrbord.portfolio.demo.builder import (
    RUNNING,
    SECRETARY,
    Context,
    Criterion,
    Deliv,
    Era,
    G,
    Gate,
    Mile,
    Reports,
    RiskSpec,
    Spec,
    Y,
    days,
)
from styrbord.portfolio.demo.norddjurs import (
    ANALYSIS,
    APPROVED,
    BROADBAND,
    CROSS,
    HANNE,
    KAARE,
    LOCAL,
    SOS,
)
from styrbord.portfolio.models import Financing, Priority


def specs(ctx: Context) -> list[Spec]:
    return [_speech_in_home_care(ctx), _broadband(ctx)]


def _speech_in_home_care(ctx: Context) -> Spec:
    today = ctx.today
    approved_on, analysis_on = days(today, -130), days(today, -110)
    return Spec(
        name="Tale-til-tekst i hjemmeplejens dokumentation",
        origin=LOCAL,
        short_description="Hjemmeplejens medarbejdere dokumenterer besøget ved at tale i "
        "stedet for at skrive på telefonen.",
        proposed_on=days(today, -160),
        org_unit="Hjemmeplejen",
        owner=SOS,
        leader=HANNE,
        start_date=analysis_on,
        end_date=days(today, 250),
        budget_one_off=300_000,
        budget_running=80_000,
        financing=Financing.DIGITALISATION_POOL,
        tags="talegenkendelse, hjemmepleje, dokumentation",
        focus_areas=(
            "Digital transformation",
            "Sammenhængende velfærdsforløb",
            "Effektive og brugervenlige fagsystemer",
        ),
        purpose="Mindre tid til dokumentation og mere tid hos borgeren.",
        background="Projektet Talegenkendelse (2015-2017) lærte os, at genkendelsen kræver ro. "
        "Hjemmeplejen dokumenterer i bilen eller hos borgeren; nyere talemodeller kan klare "
        "støjende omgivelser.",
        scope="Analyse og afprøvning i to hjemmeplejegrupper, med konsekvensanalyse (DPIA).",
        deliverables=(
            Deliv("Konsekvensanalyse (DPIA)", days(today, 20), RUNNING),
            Deliv("Afprøvning i to grupper", days(today, 90)),
            Deliv("Anbefaling om udbredelse", days(today, 200)),
        ),
        criteria=(
            Criterion("Mindre tid til dokumentation", "Minutter pr. besøg", "2 minutter mindre"),
        ),
        risks=(
            RiskSpec(
                "Talemotoren behandler data uden for EU",
                3,
                5,
                "Krav om behandling i EU; DPIA før afprøvningen.",
                KAARE,
            ),
        ),
        gates=(
            Gate(APPROVED, approver=SOS, on=approved_on),
            Gate(ANALYSIS, approver=SOS, on=analysis_on),
        ),
        reports=Reports(
            first=days(analysis_on, 14),
            last=days(today, -5),
            percent=(5, 30),
            spent=(10_000, 60_000),
            forecast=300_000,
            eras=(
                Era(
                    2,
                    (G, ""),
                    ("Analysen er i gang; DPIA'en afventer leverandøren.",),
                    dims={"risk": (Y, "Leverandøren har ikke bekræftet, hvor data behandles.")},
                ),
                Era(0, (G, ""), ("Analysen er i gang.",)),
            ),
        ),
    )


def _broadband(ctx: Context) -> Spec:
    today = ctx.today
    return Spec(
        name=BROADBAND,
        origin=CROSS,
        short_description="Kortlægning af dækningen og en fælles ansøgning med lokalsamfundene "
        "til den statslige bredbåndspulje.",
        proposed_on=days(today, -45),
        org_unit="Kultur og Udvikling",
        owner="Trine Grejsen",
        leader=SECRETARY,
        project_group="Projektgruppe for mobil- og bredbånd",
        priority=Priority.MEDIUM,
        start_date=days(today, 60),
        end_date=days(today, 790),
        budget_one_off=1_500_000,
        financing=Financing.EXTERNAL,
        tags="bredbånd, mobildækning, landdistrikter",
        focus_areas=(
            "Mobil- og bredbåndsdækning",
            "Borger, teknologi og lokaldemokratiet",
            "Kommunernes digitale fundamenter",
        ),
        purpose="At borgerne i landdistrikterne kan udnytte de digitale muligheder, der stilles "
        "til rådighed.",
        background="Strategiens vision er, at udbredelsen af mobil- og bredbåndsdækningen "
        "udvikles mest muligt. Flere lokalsamfund har henvendt sig om dårlig dækning.",
        scope="Kortlægning af dækningen adresse for adresse, en fælles ansøgning til "
        "bredbåndspuljen sammen med lokalsamfundene og retningslinjer for master på kommunens "
        "arealer.",
        out_of_scope="Kommunen bygger ikke selv net.",
        stakeholders="Lokalråd, teleselskaberne, Vej og Ejendom.",
        deliverables=(
            Deliv("Dækningskort", days(today, 120)),
            Deliv("Fælles ansøgning til bredbåndspuljen", days(today, 200)),
            Deliv("Retningslinjer for master på kommunale arealer", days(today, 240)),
        ),
        criteria=(
            Criterion(
                "Flere husstande med hurtigt bredbånd",
                "Husstande med mindst 100 Mbit/s",
                "Fra 78 % til 90 %",
            ),
        ),
        milestones=(Mile("Ansøgning sendt", days(today, 200)),),
        risks=(
            RiskSpec(
                "Teleselskaberne byder ikke på områderne",
                3,
                4,
                "Dialog med selskaberne, før ansøgningen sendes.",
                "Trine Grejsen",
            ),
            RiskSpec(
                "Puljen giver afslag", 3, 4, "Ansøgningen bygger på dækningskortet.", SECRETARY
            ),
        ),
        send_to=STEERING,
    )
