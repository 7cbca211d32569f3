"""Rebild's projects, each aligned to the principles of its strategy.

Rebild prioritises projects by their relevance to the core task, so every project carries
it. The roles-and-responsibilities project follows the forum's decision in the governance
demo; Borgerblikket joins the shared project Norddjurs runs too; the RPA pilot is the
proposal the forum's discussion of "Lad os tænke smart sammen" led to. The strategy names
roles, not people, so the role persons of the core demo own the projects and the demo's
editor leads them.
"""

import datetime

from styrbord.governance.demo.bodies import FORUM
from styrbord.portfolio.demo.builder import (
    DONE,
    PLANNED,
    RUNNING,
    SECRETARY,
    Closing,
    Context,
    Criterion,
    Decision,
    Deliv,
    Era,
    G,
    Gate,
    Mile,
    R,
    Reports,
    RiskSpec,
    Spec,
    Y,
    days,
    item_day,
)
from styrbord.portfolio.demo.catalogue import CITIZEN_VIEW
from styrbord.portfolio.models import Financing, Origin, Phase, Relevance

D = datetime.date
DIRECTOR = "Kommunaldirektøren"
IT_CHIEF = "Centerchefen for Fællescenter Økonomi og It"
P_CORE = "Digitalisering skal styrke vores kerneopgave"
P_SELF_RELIANT = "Digitalisering skal gøre borgere og virksomheder selvhjulpne"
P_EFFICIENCY = "Digitalisering skal skabe effektiviseringer"
P_USABLE = "Digitale løsninger skal være brugervenlige"
P_COMMON = "Vi vælger fælles standarder og it-løsninger, der skaber sammenhæng"
P_SECURITY = "Vi har et højt informationssikkerhedsniveau"
P_ORGANISATION = "Vi skaber fra starten den rette projektorganisering"
# The first project; its existence means Rebild's portfolio is loaded.
ROLES = "System- og dataejere i alle centre"


def specs(ctx: Context) -> list[Spec]:
    return [_roles(ctx), _citizen_view(ctx), _screen_visits(ctx), _day_care(ctx), _rpa(ctx)]


def _roles(ctx: Context) -> Spec:
    today = ctx.today
    approved = ctx.decision(
        Decision("It og digitalisering: roller, ansvar og opgaver", D(2026, 3, 10), body=FORUM)
    )
    day = item_day(approved)
    started = days(day, 14)
    return Spec(
        name=ROLES,
        origin=Origin.CROSS_CUTTING,
        short_description="Alle systemer får en system- og dataejer, og centrene kender deres "
        "roller, ansvar og opgaver.",
        proposed_on=days(day, -28),
        org_unit="Fællescenter Økonomi og It",
        owner=IT_CHIEF,
        leader=SECRETARY,
        relevance=Relevance.MEDIUM,
        start_date=started,
        end_date=days(today, 120),
        budget_one_off=150_000,
        financing=Financing.OPERATING,
        tags="roller, KITOS, systemejere",
        principles=(P_ORGANISATION, P_SECURITY, P_COMMON),
        focus_areas=("Kommunernes digitale fundamenter",),
        purpose="En sikker og økonomisk forvaltning af systemer og kontrakter og en effektiv "
        "systemporteføljestyring.",
        scope="Udpegning af system- og dataejere, kontraktejere og superbrugere i alle "
        "centre; registrering i KITOS.",
        deliverables=(
            Deliv("System- og dataejere udpeget i alle centre", days(started, 60), DONE),
            Deliv("KITOS opdateret", days(started, 75), DONE),
            Deliv("Introduktion for nye system- og dataejere", days(today, 60), RUNNING),
        ),
        criteria=(
            Criterion(
                "Alle systemer har en system- og dataejer", "Systemer i KITOS med ejer", "100 %"
            ),
        ),
        gates=(
            Gate(Phase.APPROVED, item=approved, request=True),
            Gate(Phase.EXECUTION, approver=IT_CHIEF, on=started),
        ),
        reports=Reports(
            first=days(started, 14),
            last=days(today, -6),
            percent=(10, 70),
            spent=(10_000, 95_000),
            forecast=150_000,
            eras=(Era(0, (G, ""), ("Planmæssigt.", "Centrene har udpeget deres ejere.")),),
        ),
    )


def _citizen_view(ctx: Context) -> Spec:
    today = ctx.today
    approved = ctx.decision(
        Decision(
            "Projektforslag: Borgerblikket i Rebild",
            D(2026, 6, 9),
            body=FORUM,
            background="Borgerblikket viser borgerne deres sager og ydelser på borger.dk og "
            "genbruger den fælleskommunale infrastruktur.",
            recommendation="Det indstilles, at forum godkender, at Rebild tilslutter sig "
            "Borgerblikket.",
            responsible=IT_CHIEF,
        )
    )
    day = item_day(approved)
    started = days(day, 21)
    return Spec(
        name="Borgerblikket i Rebild",
        origin=Origin.JOINT_MUNICIPAL,
        implements=CITIZEN_VIEW,
        issued_by="KL og KOMBIT",
        short_description="Rebilds borgere ser deres sager og ydelser på borger.dk.",
        proposed_on=days(day, -30),
        org_unit="Center Job og Borgerservice",
        owner=DIRECTOR,
        leader=SECRETARY,
        relevance=Relevance.HIGH,
        start_date=started,
        end_date=days(today, 200),
        budget_one_off=250_000,
        budget_running=40_000,
        financing=Financing.JOINT,
        tags="egne data, borger.dk",
        principles=(P_SELF_RELIANT, P_USABLE, P_COMMON),
        focus_areas=("Borger, teknologi og lokaldemokratiet",),
        purpose="Borgerne kan selv følge deres sager, så de ringer mindre til kommunen.",
        deliverables=(
            Deliv("Datakvalitet gennemgået for beskæftigelse", days(started, 60), DONE),
            Deliv("Første områder vist på borger.dk", days(today, 45), RUNNING),
        ),
        criteria=(Criterion("Færre opkald om sagsstatus", "Opkald pr. måned", "20 % færre"),),
        risks=(
            RiskSpec(
                "Datakvaliteten er for dårlig i ældre sager",
                4,
                3,
                "Vis kun sager oprettet efter en fradato.",
                SECRETARY,
            ),
        ),
        gates=(
            Gate(Phase.APPROVED, item=approved, request=True),
            Gate(Phase.EXECUTION, approver=IT_CHIEF, on=started),
        ),
        reports=Reports(
            first=days(started, 14),
            last=days(today, -8),
            percent=(5, 40),
            spent=(10_000, 110_000),
            forecast=260_000,
            eras=(
                Era(
                    2,
                    (Y, "Datakvaliteten er dårligere end ventet."),
                    ("Mange ældre sager mangler KLE-emne.",),
                    dims={"schedule": (Y, "Første område åbner en måned senere.")},
                    next_steps="Fradato for visning besluttes.",
                ),
                Era(0, (G, ""), ("Planmæssigt.",)),
            ),
        ),
    )


def _screen_visits(ctx: Context) -> Spec:
    today = ctx.today
    approved_on, started = days(today, -170), days(today, -150)
    return Spec(
        name="Skærmbesøg i hjemmeplejen",
        origin=Origin.LOCAL,
        short_description="Borgere, der kan, får besøg på skærm i stedet for fysiske besøg.",
        proposed_on=days(today, -200),
        org_unit="Center Sundhed og Pleje",
        owner=DIRECTOR,
        leader=SECRETARY,
        relevance=Relevance.HIGH,
        start_date=started,
        end_date=days(today, 90),
        budget_one_off=600_000,
        budget_running=120_000,
        financing=Financing.INVESTMENT,
        tags="velfærdsteknologi, hjemmepleje",
        principles=(P_SELF_RELIANT, P_CORE, P_EFFICIENCY),
        focus_areas=("Sammenhængende velfærdsforløb",),
        purpose="At flere borgere klarer sig godt i eget liv længst muligt, og at "
        "hjemmeplejen bruger mindre tid på kørsel.",
        deliverables=(
            Deliv("Skærme til de første 50 borgere", days(started, 60), DONE),
            Deliv("Integration til omsorgssystemet", days(today, -20), RUNNING),
            Deliv("Udbredelse til alle distrikter", days(today, 80), PLANNED),
        ),
        criteria=(Criterion("Besøg på skærm", "Skærmbesøg pr. uge", "150"),),
        milestones=(Mile("Integration i drift", days(today, -20)),),
        risks=(
            RiskSpec(
                "Leverandøren kan ikke levere integrationen til tiden",
                5,
                4,
                "Manuel registrering i overgangen; dagbod efter kontrakten.",
                IT_CHIEF,
            ),
        ),
        gates=(
            Gate(Phase.APPROVED, approver=DIRECTOR, on=approved_on),
            Gate(Phase.EXECUTION, approver=DIRECTOR, on=started),
        ),
        reports=Reports(
            first=days(started, 14),
            last=days(today, -22),
            percent=(10, 45),
            spent=(150_000, 420_000),
            forecast=680_000,
            eras=(
                Era(
                    2,
                    (R, "Integrationen til omsorgssystemet er ikke leveret."),
                    ("Skærmbesøgene registreres manuelt; udbredelsen er stoppet.",),
                    dims={
                        "schedule": (R, "Integrationen er forsinket uden ny dato."),
                        "budget": (Y, "Manuel registrering koster ekstra timer."),
                    },
                    problems="Leverandøren har ikke givet en ny leveringsdato.",
                ),
                Era(0, (G, ""), ("Planmæssigt.", "De første borgere har fået skærme.")),
            ),
        ),
    )


def _day_care(ctx: Context) -> Spec:
    today = ctx.today
    started = days(today, -380)
    closed_on = days(today, -60)
    return Spec(
        name="Digital ansøgning om pasning",
        origin=Origin.LOCAL,
        short_description="Forældre søger og ændrer pasning digitalt og får svar med det "
        "samme, når der er plads.",
        proposed_on=days(today, -420),
        org_unit="Center Børn og Unge",
        owner=DIRECTOR,
        leader=SECRETARY,
        relevance=Relevance.MEDIUM,
        start_date=started,
        end_date=days(today, -90),
        budget_one_off=220_000,
        financing=Financing.OPERATING,
        tags="selvbetjening, dagtilbud",
        principles=(P_USABLE, P_SELF_RELIANT),
        focus_areas=("Borger, teknologi og lokaldemokratiet",),
        purpose="Hurtig afgørelse for forældrene og mindre manuel sagsbehandling i "
        "pladsanvisningen.",
        deliverables=(Deliv("Selvbetjeningsløsning i drift", days(started, 200), DONE),),
        criteria=(
            Criterion("Ansøgninger digitalt", "Andel digitale ansøgninger", "90 %", True, "94 %."),
            Criterion(
                "Svar samme dag",
                "Ansøgninger besvaret samme dag",
                "70 %",
                False,
                "55 %; resten kræver manuel vurdering.",
            ),
        ),
        gates=(
            Gate(Phase.APPROVED, approver=DIRECTOR, on=days(today, -400)),
            Gate(Phase.EXECUTION, approver=DIRECTOR, on=started),
            Gate(Phase.CLOSED, approver=DIRECTOR, on=closed_on),
        ),
        closing=Closing(
            "Løsningen er i drift. Andelen af digitale ansøgninger er over målet; svar samme "
            "dag nås ikke, fordi mange ansøgninger kræver en vurdering.",
            handover_operations="Pladsanvisningen i Center Børn og Unge er systemejer.",
            lessons=(
                (
                    "Test selvbetjeningen med forældrene, før den åbner",
                    "Tre felter blev misforstået af de fleste forældre de første uger.",
                    "Lad fem forældre prøve løsningen, før den åbner for alle.",
                ),
            ),
        ),
    )


def _rpa(ctx: Context) -> Spec:
    today = ctx.today
    return Spec(
        name="RPA-pilot: softwarerobotter i administrationen",
        origin=Origin.CROSS_CUTTING,
        short_description="Et pilotprojekt med softwarerobotter til ensartede, regelstyrede "
        "arbejdsgange i administrationen.",
        proposed_on=days(today, -30),
        org_unit="It og Digitalisering",
        owner=IT_CHIEF,
        leader=SECRETARY,
        relevance=Relevance.MEDIUM,
        budget_one_off=300_000,
        financing=Financing.OPERATING,
        tags="RPA, automatisering",
        principles=(P_EFFICIENCY, P_CORE),
        focus_areas=("Digital transformation",),
        purpose="At afprøve, om softwarerobotter kan frigøre tid i administrationen med en "
        "positiv business case.",
        background="Forum drøftede i juni Robotic Process Automation; It undersøger en "
        "positiv business case for et pilotprojekt.",
        criteria=(
            Criterion(
                "Positiv business case",
                "Gevinst mod omkostning over tre år",
                "Tilbagebetaling inden for to år",
            ),
        ),
    )
