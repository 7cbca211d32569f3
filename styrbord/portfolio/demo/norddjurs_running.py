"""Norddjurs' running projects from the seeds.

Welfare technology and Borgerblikket were running before the portfolio was compiled; Office
365, the Schrems II follow-up and digital competences passed the steering group at the
meetings the governance demo holds. Their status reports run every 14 days up to the last
weeks: Office 365 is red and escalated to the steering group, the Schrems II follow-up is
yellow and overdue, Borgerblikket is overdue. Dates count from today, or from the decision
they follow, so the demo stays current.
"""

from decimal import Decimal

from styrbord.governance.demo.bodies import STEERING
from styrbord.portfolio.demo.builder import (
    DONE,
    PLANNED,
    RUNNING,
    SECRETARY,
    Context,
    Criterion,
    Decision,
    Deliv,
    Era,
    Escalation,
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
from styrbord.portfolio.demo.norddjurs import (
    APPROVED,
    CROSS,
    EXECUTION,
    HANNE,
    JOINT,
    KAARE,
    KENNETH,
    KIM_B,
    SCHREMS,
    SOS,
    TONNY,
    D,
)
from styrbord.portfolio.models import Financing, Priority


def specs(ctx: Context) -> list[Spec]:
    return [
        _welfare_technology(ctx),
        _citizen_view(ctx),
        _schrems(ctx),
        _office_365(ctx),
        _competences(ctx),
    ]


def _welfare_technology(ctx: Context) -> Spec:
    today = ctx.today
    return Spec(
        name="Udnyttelse af velfærdsteknologi",
        origin=CROSS,
        short_description="Velfærdsteknologi i hjemmeplejen og på plejecentrene, så borgerne "
        "klarer mere selv.",
        proposed_on=D(2016, 1, 21),
        registered=EXECUTION,
        registered_note="Projektet fortsætter fra den foregående periode ind i "
        "Digitaliseringsstrategi 2016-2020 og er registreret i porteføljen i den fase, det var i.",
        org_unit="Sundhed og Omsorg",
        owner=SOS,
        leader=HANNE,
        priority=Priority.HIGH,
        start_date=D(2015, 1, 1),
        end_date=days(today, 420),
        budget_one_off=2_400_000,
        budget_running=300_000,
        financing=Financing.INVESTMENT,
        tags="velfærdsteknologi, hjemmepleje, plejecentre",
        focus_areas=(
            "Borgerne skal videst mulig mestre eget liv",
            "Sammenhængende velfærdsforløb",
            "Effektive og brugervenlige fagsystemer",
        ),
        purpose="At borgerne klarer mere selv, og at medarbejderne får bedre arbejdsforhold.",
        scope="Skærmbesøg, vasketoiletter, loftlifte og elektronisk medicinhåndtering i "
        "hjemmeplejen og på plejecentrene.",
        stakeholders="Borgere og pårørende, hjemmeplejen, plejecentrene, visitationen.",
        deliverables=(
            Deliv("Skærmbesøg i hjemmeplejen", days(today, -300), DONE),
            Deliv("Vasketoiletter til alle visiterede borgere", days(today, 90), RUNNING),
            Deliv("Gevinstopgørelse", days(today, 300), PLANNED),
        ),
        criteria=(
            Criterion("Besøg erstattet af skærmbesøg", "Skærmbesøg pr. uge", "300 om ugen"),
            Criterion("Færre tunge løft", "Løft med to medarbejdere pr. uge", "30 % færre"),
        ),
        milestones=(
            Mile("Skærmbesøg i drift", days(today, -300), days(today, -290)),
            Mile("Gevinstopgørelse til styregruppen", days(today, 120)),
        ),
        risks=(
            RiskSpec(
                "Borgerne takker nej til vasketoiletter",
                3,
                3,
                "Visitatorerne får en fælles fortælling om fordelene.",
                HANNE,
            ),
            RiskSpec(
                "Gevinsterne hentes ikke i ruteplanlægningen",
                3,
                4,
                "Frigjort tid trækkes ud af ruterne hver måned.",
                SOS,
            ),
        ),
        reports=Reports(
            first=days(today, -364),
            last=days(today, -9),
            percent=(55, 78),
            spent=(1_400_000, 1_950_000),
            forecast=2_400_000,
            eras=(
                Era(
                    4,
                    (Y, "Gevinsterne hentes langsommere end forventet."),
                    (
                        "Skærmbesøgene kører, men kun 180 af 300 besøg om ugen er erstattet.",
                        "Flere borgere er visiteret til skærmbesøg; ruterne er ikke tilpasset.",
                    ),
                    dims={"benefits": (Y, "180 af 300 besøg om ugen er erstattet.")},
                    next_steps="Gennemgang af ruterne med planlæggerne.",
                    problems="Den frigjorte tid bliver i ruterne.",
                ),
                Era(
                    0,
                    (G, ""),
                    ("Planmæssigt.", "Vasketoiletterne udbredes distrikt for distrikt."),
                    achievements=(
                        "Nye borgere visiteret til skærmbesøg.",
                        "Vasketoiletter monteret i nordlige distrikt.",
                    ),
                ),
            ),
        ),
    )


def _citizen_view(ctx: Context) -> Spec:
    today = ctx.today
    return Spec(
        name=CITIZEN_VIEW,
        origin=JOINT,
        implements=CITIZEN_VIEW,
        issued_by="KL og KOMBIT",
        short_description="Borgerne ser deres sager og ydelser fra kommunen på borger.dk.",
        proposed_on=D(2020, 11, 2),
        registered=EXECUTION,
        registered_note="Norddjurs tilsluttede sig Borgerblikket efter den landsdækkende "
        "bølgeplan.",
        org_unit="Borgerservice",
        owner=TONNY,
        leader=SECRETARY,
        is_lighthouse=True,
        priority=Priority.HIGH,
        start_date=D(2020, 11, 2),
        end_date=days(today, 240),
        budget_one_off=350_000,
        budget_running=45_000,
        financing=Financing.JOINT,
        tags="fyrtårn, egne data, borger.dk",
        focus_areas=(
            "Adgang til egne data og sager",
            "Offentlige data skal skabe effektivitet og merværdi",
            "Borger, teknologi og lokaldemokratiet",
        ),
        purpose="At borgerne har adgang til egne data og sager, som strategiens vision siger.",
        scope="Sager og ydelser fra de fagsystemer, der leverer til de fælleskommunale indeks, "
        "område for område efter bølgeplanen.",
        out_of_scope="Visning af selve dokumenterne i sagerne.",
        deliverables=(
            Deliv("Beskæftigelse og ydelser vist", days(today, -500), DONE),
            Deliv("Børn og unge vist", days(today, -200), DONE),
            Deliv("Ældre og sundhed vist", days(today, 60), RUNNING),
            Deliv("Teknik og miljø vist", days(today, 200), PLANNED),
        ),
        criteria=(
            Criterion("Sager med korrekt KLE-emne", "Stikprøve før hvert område åbnes", "98 %"),
            Criterion("Få henvendelser", "Henvendelser om Borgerblikket", "Under 20 om måneden"),
        ),
        risks=(
            RiskSpec(
                "Fejljournaliserede sager vises for borgeren",
                3,
                4,
                "Datakvalitetstjek før hvert område åbnes.",
                KAARE,
            ),
        ),
        reports=Reports(
            first=days(today, -364),
            last=days(today, -17),
            percent=(45, 80),
            spent=(210_000, 300_000),
            forecast=350_000,
            eras=(
                Era(
                    0,
                    (G, ""),
                    ("Planmæssigt.", "Datakvaliteten tjekkes for ældre og sundhed."),
                    achievements=("Børn og unge vist på borger.dk.", "Stikprøve gennemført."),
                ),
            ),
        ),
        alignments=(
            (
                "Gode data deles og genbruges",
                True,
                "Genbruger de fælleskommunale sags- og ydelsesindeks.",
            ),
            (
                "Sikkerhed, privatliv og tillid sikres",
                True,
                "Kun borgeren selv ser sine data efter login med MitID.",
            ),
        ),
    )


def _schrems(ctx: Context) -> Spec:
    today = ctx.today
    approved = ctx.decision(
        Decision(
            f"Projektforslag: {SCHREMS}",
            D(2022, 3, 8),
            background="Databeskyttelsesrådgiveren har kortlagt overførsler af persondata til "
            "tredjelande i kommunens it-systemer. Kortlægningen viser, at flere "
            "cloudtjenester kræver en vurdering af overførslen og en exitplan.",
            recommendation="Det indstilles, at styregruppen godkender projektet.",
            responsible=KAARE,
        )
    )
    day = item_day(approved)
    started = days(day, 24)
    return Spec(
        name=SCHREMS,
        origin=CROSS,
        short_description="Vurdering af alle overførsler af persondata til lande uden for "
        "EU/EØS og exitplaner for de kritiske cloudtjenester.",
        proposed_on=days(day, -90),
        org_unit="Staben",
        owner=KIM_B,
        leader=KAARE,
        priority=Priority.HIGH,
        start_date=started,
        end_date=days(day, 640),
        budget_one_off=400_000,
        financing=Financing.OPERATING,
        tags="databeskyttelse, cloud, tredjelande",
        focus_areas=(
            "Kommunernes digitale fundamenter",
            "En åben og sammenhængende digital kommune",
            "Sikkerhed og tilgængelighed",
        ),
        purpose="At kommunen kender og kan forsvare alle overførsler af persondata til lande "
        "uden for EU/EØS.",
        background="EU-Domstolens dom i sagen Schrems II underkendte Privacy Shield. "
        "Styregruppen blev orienteret i marts 2021, og databeskyttelsesrådgiveren har siden "
        "kortlagt overførslerne.",
        scope="Overførselsvurderinger for alle systemer med tredjelandsoverførsel, tillæg til "
        "databehandleraftalerne og exitplaner for de kritiske cloudtjenester.",
        stakeholders="Systemejerne, informationssikkerhedsudvalget, IT og Digitalisering.",
        deliverables=(
            Deliv("Kortlægning af overførsler", days(day, 60), DONE),
            Deliv("Overførselsvurderinger for kritiske systemer", days(day, 300), DONE),
            Deliv("Exitplaner for kritiske cloudtjenester", days(today, 60), RUNNING),
            Deliv("Opfølgning i informationssikkerhedsudvalgets årshjul", days(today, 150)),
        ),
        criteria=(
            Criterion(
                "Alle tredjelandsoverførsler vurderet",
                "Systemer med overførsel og godkendt vurdering",
                "100 %",
            ),
        ),
        milestones=(
            Mile("Vurderinger for kritiske systemer godkendt", days(day, 300), days(day, 330)),
        ),
        risks=(
            RiskSpec(
                "Nye afgørelser ændrer grundlaget for overførsler",
                3,
                4,
                "Følg KL's og Datatilsynets vejledninger; vurderingerne genbesøges årligt.",
                KAARE,
            ),
            RiskSpec(
                "Leverandører svarer ikke om underdatabehandlere",
                4,
                3,
                "Eskalering via kontraktejeren.",
                "Nirojan Kathirgamarajah",
            ),
        ),
        gates=(
            Gate(APPROVED, item=approved, request=True),
            Gate(EXECUTION, approver=KIM_B, on=started),
        ),
        after_approval={"end_date": days(today, 180)},
        reports=Reports(
            first=days(today, -364),
            last=days(today, -34),
            percent=(40, 70),
            spent=(210_000, 330_000),
            forecast=420_000,
            eras=(
                Era(
                    5,
                    (Y, "Exitplanerne er forsinket."),
                    ("To leverandører har ikke svaret om deres underdatabehandlere.",),
                    dims={
                        "schedule": (Y, "Exitplanerne kommer to måneder senere."),
                        "risk": (Y, "Office 365 venter på vurderingen."),
                    },
                    next_steps="Kontraktejerne rykker leverandørerne.",
                    problems="Manglende svar fra to leverandører.",
                ),
                Era(0, (G, ""), ("Planmæssigt.", "Vurderingerne gennemgås med systemejerne.")),
            ),
        ),
        alignments=(
            (
                "Sikkerhed, privatliv og tillid sikres",
                True,
                "Projektet følger op på beskyttelsen af persondata, der overføres til tredjelande.",
            ),
        ),
        request_update=True,
    )


def _office_365(ctx: Context) -> Spec:
    today = ctx.today
    approved = ctx.decision(
        Decision("Office 365 med Teams: implementering 2021-2022", D(2021, 6, 8))
    )
    day = item_day(approved)
    started = days(day, 70)
    return Spec(
        name="Office 365 med Teams",
        origin=CROSS,
        short_description="Kommunen overgår til Office 365, og Teams afløser Skype som "
        "samarbejds- og mødeplatform.",
        proposed_on=days(day, -60),
        org_unit="IT og Digitalisering",
        owner=TONNY,
        leader=KENNETH,
        is_lighthouse=True,
        priority=Priority.HIGH,
        start_date=started,
        end_date=D(2022, 12, 31),
        budget_one_off=3_500_000,
        budget_running=1_900_000,
        financing=Financing.INVESTMENT,
        tags="fyrtårn, Office 365, Teams, cloud",
        focus_areas=(
            "Kommunernes digitale fundamenter",
            "Digital transformation",
            "Effektive og brugervenlige fagsystemer",
        ),
        purpose="En fælles samarbejds- og mødeplatform og en moderne kontorpakke for alle "
        "medarbejdere.",
        background="Styregruppen godkendte planen i juni 2021 med den ændring, at Teams "
        "udrulles til alle medarbejdere før de øvrige dele af Office 365.",
        scope="Teams til alle medarbejdere; e-mail i Exchange Online; fildrev flyttes til "
        "SharePoint og OneDrive; oplæring via superbrugere.",
        out_of_scope="Fagsystemerne og elevernes platforme.",
        dependencies="Schrems II-opfølgningen skal godkende overførselsvurderingen, før e-mail "
        "og filer med personoplysninger flyttes.",
        deliverables=(
            Deliv("Oplæring af superbrugere", days(day, 200), DONE),
            Deliv("Teams udrullet til alle medarbejdere", days(day, 250), DONE),
            Deliv("E-mail i Exchange Online", days(day, 500), RUNNING),
            Deliv("Fildrev flyttet til SharePoint og OneDrive", days(today, 250)),
        ),
        criteria=(
            Criterion("Møder holdes i Teams", "Andel af online-møder i Teams", "90 %"),
            Criterion("Fildrev lukket", "Fildrev i drift", "0"),
        ),
        milestones=(
            Mile("Teams til alle", days(day, 240), days(day, 330)),
            Mile("Første forvaltning på Exchange Online", days(today, -120)),
            Mile("Fildrev lukket", days(today, 280)),
        ),
        risks=(
            RiskSpec(
                "Overførslen af persondata til tredjelande kan ikke godkendes",
                4,
                5,
                "Følsomme data bliver on-premises, til vurderingen er godkendt; exitplan.",
                KAARE,
            ),
            RiskSpec(
                "Medarbejderne bliver ved med at bruge fildrevene",
                3,
                3,
                "Fildrevene gøres skrivebeskyttede afdeling for afdeling.",
                KENNETH,
            ),
            RiskSpec("Licensudgifterne stiger", 3, 3, "Licenserne gennemgås hvert år.", TONNY),
        ),
        gates=(
            Gate(APPROVED, item=approved, request=True),
            Gate(EXECUTION, approver=TONNY, on=started),
        ),
        after_approval={"end_date": days(today, 300), "budget_one_off": Decimal(3_900_000)},
        reports=Reports(
            first=days(today, -364),
            last=days(today, -6),
            percent=(45, 62),
            spent=(2_600_000, 3_450_000),
            forecast=3_900_000,
            escalation=Escalation(
                2,
                STEERING,
                "Styregruppen bedes beslutte, om e-mail uden følsomme personoplysninger kan "
                "flyttes til Exchange Online, før overførselsvurderingen er godkendt.",
            ),
            eras=(
                Era(
                    3,
                    (R, "Migreringen af e-mail er sat på pause."),
                    (
                        "E-mail flyttes ikke, før overførselsvurderingen er godkendt.",
                        "Pausen fortsætter; dobbeltdriften koster 60.000 kr. om måneden.",
                    ),
                    dims={
                        "schedule": (R, "Exchange Online er mindst tre måneder forsinket."),
                        "risk": (R, "Overførselsvurderingen er ikke godkendt."),
                        "budget": (Y, "Dobbeltdrift af Exchange koster 60.000 kr. om måneden."),
                    },
                    next_steps="Afklaring i styregruppen.",
                    problems="Migreringen afventer godkendelsen af overførselsvurderingen i "
                    "Schrems II-opfølgningen.",
                    forecast=4_100_000,
                ),
                Era(
                    6,
                    (Y, "Exchange Online er forsinket."),
                    ("Pilotforvaltningen er klar, men venter på overførselsvurderingen.",),
                    dims={"schedule": (Y, "Exchange Online er forsinket.")},
                ),
                Era(
                    0,
                    (G, ""),
                    ("Planmæssigt.", "SharePoint-strukturen er på plads."),
                    achievements=(
                        "Teams-kanaler for de tværgående grupper oprettet.",
                        "Superbrugerne har holdt introduktioner.",
                    ),
                ),
            ),
        ),
        alignments=(
            (
                "Sikkerhed, privatliv og tillid sikres",
                False,
                "Overførslen af persondata til tredjelande er ikke endeligt vurderet. Følsomme "
                "data bliver on-premises, til vurderingen er godkendt.",
            ),
            (
                "It-løsninger samarbejder effektivt",
                True,
                "Standardintegrationer til fagsystemerne og fælles brugerstyring.",
            ),
        ),
        links=(SCHREMS,),
    )


def _competences(ctx: Context) -> Spec:
    today = ctx.today
    approved = ctx.decision(
        Decision(
            "Digitale kompetencer: det digitale mindset hos ledere og medarbejdere", D(2022, 6, 14)
        )
    )
    day = item_day(approved)
    started = days(day, 14)
    return Spec(
        name="Digitale kompetencer",
        origin=CROSS,
        short_description="Det digitale mindset hos ledere og medarbejdere: et forløb om "
        "digital ledelse i alle chefområder.",
        proposed_on=days(day, -160),
        org_unit="Staben",
        owner=TONNY,
        leader="Rikke Broch",
        start_date=started,
        end_date=days(today, 45),
        budget_one_off=750_000,
        financing=Financing.DIGITALISATION_POOL,
        tags="kompetencer, digital ledelse",
        focus_areas=(
            "Gevinstrealisering og kompetenceudvikling",
            "Kommunernes digitale fundamenter",
        ),
        purpose="Ledere, der går forrest med digitalisering, og medarbejdere, der er trygge ved "
        "de digitale værktøjer.",
        background="Styregruppen godkendte forløbet i juni 2022 med den ændring, at det først "
        "afprøves i Skole og Dagtilbud og i Sundhed og Omsorg.",
        deliverables=(
            Deliv("Pilotforløb i Skole og Dagtilbud og Sundhed og Omsorg", days(day, 120), DONE),
            Deliv("Forløb om digital ledelse i alle chefområder", days(today, -90), DONE),
            Deliv("Erfaringer samlet til digitaliseringsseminaret", days(today, 40), RUNNING),
        ),
        criteria=(Criterion("Lederne gennemfører forløbet", "Andel af ledere", "90 %"),),
        milestones=(
            Mile("Pilot afsluttet", days(day, 120), days(day, 125)),
            Mile("Alle chefområder gennemført", days(today, -90), days(today, -80)),
        ),
        gates=(
            Gate(APPROVED, item=approved, request=True),
            Gate(
                EXECUTION,
                approver=TONNY,
                on=started,
                note="Pilot i Skole og Dagtilbud og Sundhed og Omsorg.",
            ),
        ),
        reports=Reports(
            first=days(today, -364),
            last=days(today, -3),
            percent=(55, 95),
            spent=(380_000, 700_000),
            forecast=740_000,
            eras=(
                Era(
                    0,
                    (G, ""),
                    ("Planmæssigt.", "Forløbet kører i de sidste chefområder."),
                    achievements=("Forløb gennemført i et chefområde.",),
                ),
            ),
        ),
    )
