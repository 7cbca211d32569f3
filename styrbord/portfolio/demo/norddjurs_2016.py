"""Norddjurs' projects that Digitaliseringsstrategi 2016-2020 lists as continuing into its
period: speech recognition, print and telephony solutions, the library system, the
benefit-refund system, the basic-data programme, the school and day-care collaboration
platform and monopolbruddet (welfare technology still runs: see ``norddjurs_running``).

They were running before the portfolio was compiled, so they are registered in execution on
the day the strategy was approved. Local ones were closed by their owner, the others by the
steering group: three together when the portfolio was cleaned up for Digitaliseringsprogram
2021-2025. The wording of start documents, final reports and lessons is the demo's own.
"""

from styrbord.portfolio.demo.builder import (
    DONE,
    Closing,
    Context,
    Criterion,
    Decision,
    Deliv,
    Era,
    G,
    Gate,
    Reports,
    RiskSpec,
    Spec,
    Y,
    days,
    item_day,
)
from styrbord.portfolio.demo.catalogue import (
    BASIC_DATA,
    BENEFIT_REFUND,
    LIBRARY,
    MONOPOLY,
    USER_PORTALS,
)
from styrbord.portfolio.demo.norddjurs import (
    BENEFITS,
    CLOSED,
    CONTINUES,
    EXECUTION,
    IT_UNIT,
    JOINT,
    KENNETH,
    LOCAL,
    NATIONAL,
    STRATEGY_DAY,
    TONNY,
    D,
    closing_item,
)
from styrbord.portfolio.models import Financing, Priority

CLEAN_UP = Decision(
    "Projekter fra Digitaliseringsstrategi 2016-2020, der afsluttes",
    D(2021, 3, 9),
    background="Med Digitaliseringsprogram 2021-2025 ryddes projektporteføljen op. "
    "Programgruppen har gennemgået projekterne fra den forrige strategiperiode: "
    "bibliotekssystemet, ydelsesrefusionssystemet og samarbejdsplatformen på skole- og "
    "dagtilbudsområdet er leveret og i drift. Afslutningsrapporterne ligger på projekterne.",
    recommendation="Det indstilles, at styregruppen godkender, at de tre projekter afsluttes "
    "og overdrages til drift.",
    decision="Godkendt. Projekterne afsluttes og overdrages til drift.",
    responsible=KENNETH,
)


def specs(ctx: Context) -> list[Spec]:
    return [*_from_2016(ctx), _monopoly(ctx)]


def _from_2016(ctx: Context) -> list[Spec]:
    clean_up = ctx.decision(CLEAN_UP)
    basic_data_closed = ctx.decision(
        closing_item(
            "Grunddataprogrammet",
            D(2021, 9, 14),
            "Kommunens del af grunddataprogrammet er gennemført: fagsystemerne henter "
            "ejendoms-, adresse- og persondata fra Datafordeleren.",
        )
    )
    return [
        Spec(
            name="Talegenkendelse",
            origin=LOCAL,
            short_description="Sagsbehandlerne dikterer journalnotater med talegenkendelse i "
            "stedet for at skrive dem.",
            proposed_on=STRATEGY_DAY,
            registered=EXECUTION,
            registered_note=CONTINUES,
            org_unit="Sekretariatet for Velfærd",
            owner="Marie-Louise Ifversen",
            leader="Pia Ladefoged",
            start_date=D(2015, 3, 1),
            end_date=D(2017, 6, 30),
            budget_one_off=450_000,
            budget_running=60_000,
            financing=Financing.DIGITALISATION_POOL,
            tags="talegenkendelse, dokumentation",
            focus_areas=(
                "Effektive og brugervenlige fagsystemer",
                "Effektiv styring og administration",
            ),
            purpose="At sagsbehandlerne bruger mindre tid på at skrive journalnotater.",
            scope="Talegenkendelse til sagsbehandlerne i velfærdsområdet, headsets og oplæring.",
            deliverables=(
                Deliv("Talegenkendelse installeret hos sagsbehandlerne", D(2016, 6, 1), DONE),
                Deliv("Oplæring af superbrugere og sagsbehandlere", D(2016, 10, 1), DONE),
            ),
            criteria=(
                Criterion(
                    "Mindre tid til journalnotater",
                    "Tidsmåling hos 20 sagsbehandlere før og efter",
                    "20 % mindre tid",
                    True,
                    "24 % mindre tid efter tre måneder.",
                ),
            ),
            gates=(Gate(CLOSED, approver="Marie-Louise Ifversen", on=D(2017, 6, 30)),),
            closing=Closing(
                "Talegenkendelse er taget i brug af 85 sagsbehandlere mod planlagt 100. Resten "
                "sidder i storrumskontorer, hvor støjen gør genkendelsen for dårlig.",
                handover_operations="IT og Digitalisering drifter løsningen; licenserne betales "
                "af velfærdsområdet.",
                lessons=(
                    (
                        "Talegenkendelse kræver ro og et godt headset",
                        "I storrumskontorer var genkendelsen så dårlig, at sagsbehandlerne gik "
                        "tilbage til tastaturet.",
                        "Afprøv løsningen i de lokaler, den skal bruges i, før udrulningen "
                        "planlægges.",
                    ),
                ),
            ),
        ),
        Spec(
            name="Printløsninger",
            origin=LOCAL,
            short_description="Fælles printløsning med udskrift ved den printer, man står ved "
            "(follow-me-print), og færre printere.",
            proposed_on=STRATEGY_DAY,
            registered=EXECUTION,
            registered_note=CONTINUES,
            org_unit=IT_UNIT,
            owner=TONNY,
            leader=KENNETH,
            start_date=D(2015, 9, 1),
            end_date=D(2017, 3, 31),
            budget_one_off=1_200_000,
            budget_running=350_000,
            financing=Financing.INVESTMENT,
            tags="print, infrastruktur",
            focus_areas=("Effektiv styring og administration",),
            purpose="Lavere udgifter til print og færre printere at vedligeholde.",
            criteria=(
                Criterion(
                    "Færre printere",
                    "Antal printere i drift",
                    "Fra 420 til 150",
                    True,
                    "162 printere i drift.",
                ),
                Criterion(
                    "Færre udskrifter",
                    "Sider udskrevet pr. år",
                    "25 % færre",
                    False,
                    "18 % færre det første år.",
                ),
            ),
            gates=(Gate(CLOSED, approver=TONNY, on=D(2017, 3, 31)),),
            closing=Closing(
                "Follow-me-print er indført på alle lokationer. Antallet af printere er næsten "
                "nået; udskrifterne faldt mindre end ventet.",
                handover_operations="Servicedesken i IT og Digitalisering.",
                lessons=(
                    (
                        "Vaner ændrer sig langsommere end teknik",
                        "Færre printere gav færre udskrifter, men mindre end forventet.",
                        "Følg teknikken op med kampagner i de afdelinger, der printer mest.",
                    ),
                ),
            ),
        ),
        Spec(
            name="Teleløsninger",
            origin=LOCAL,
            short_description="Ny telefoniplatform med mobil omstilling og softphone; "
            "fastnettelefonerne udfases.",
            proposed_on=STRATEGY_DAY,
            registered=EXECUTION,
            registered_note=CONTINUES,
            org_unit=IT_UNIT,
            owner=TONNY,
            leader=KENNETH,
            start_date=D(2015, 10, 1),
            end_date=D(2018, 5, 31),
            budget_one_off=900_000,
            budget_running=420_000,
            financing=Financing.INVESTMENT,
            tags="telefoni, infrastruktur",
            focus_areas=("Borgerbetjening 3.0", "Effektiv styring og administration"),
            criteria=(
                Criterion("Fastnet udfaset", "Antal fastnetlinjer", "0", True, "Udfaset maj 2018."),
            ),
            gates=(Gate(CLOSED, approver=TONNY, on=D(2018, 5, 31)),),
            closing=Closing(
                "Alle medarbejdere har mobil telefoni med fælles omstilling. Borgerservice har "
                "køfunktion og statistik på ventetider.",
                handover_operations="IT og Digitalisering; kontrakten ejes af Borgerservice, IT "
                "og Digitalisering.",
            ),
        ),
        Spec(
            name="Bibliotekssystem (FBS)",
            origin=JOINT,
            implements=LIBRARY,
            issued_by="KOMBIT",
            short_description="Bibliotekerne går over på det fælles bibliotekssystem.",
            proposed_on=STRATEGY_DAY,
            registered=EXECUTION,
            registered_note=CONTINUES,
            org_unit="Bibliotekerne",
            owner="Trine Grejsen",
            leader="Lars Lerche",
            start_date=D(2015, 1, 1),
            end_date=D(2016, 6, 30),
            financing=Financing.JOINT,
            focus_areas=("Fælles fundament for en ny strategi",),
            criteria=(
                Criterion(
                    "Alle biblioteker på FBS",
                    "Biblioteker i drift på FBS",
                    "Alle",
                    True,
                    "I drift siden 2016.",
                ),
            ),
            gates=(Gate(CLOSED, item=clean_up),),
            closing=Closing(
                "Bibliotekerne har været i drift på det fælles bibliotekssystem siden 2016. "
                "Projektet blev formelt afsluttet ved oprydningen i porteføljen.",
                handover_operations="Bibliotekerne.",
            ),
        ),
        Spec(
            name="Ydelsesrefusionssystem",
            origin=JOINT,
            implements=BENEFIT_REFUND,
            issued_by="KOMBIT",
            short_description="Kommunens overgang til den fælleskommunale løsning for refusion "
            "af forsørgelsesydelser.",
            proposed_on=STRATEGY_DAY,
            registered=EXECUTION,
            registered_note=CONTINUES,
            org_unit="Økonomi",
            owner="Bettina Andersen",
            leader="Rikke Broch",
            start_date=D(2016, 1, 1),
            end_date=D(2018, 12, 31),
            financing=Financing.JOINT,
            focus_areas=("Effektiv styring og administration",),
            criteria=(
                Criterion(
                    "Refusion beregnes i løsningen",
                    "Hjemtagne refusioner",
                    "100 %",
                    True,
                    "Alle refusioner hjemtages via løsningen.",
                ),
            ),
            gates=(Gate(CLOSED, item=clean_up),),
            closing=Closing(
                "Refusionen hjemtages i den fælleskommunale løsning; de manuelle opgørelser er "
                "afskaffet.",
                handover_operations="Økonomi.",
            ),
        ),
        Spec(
            name="Samarbejdsplatform på skole- og dagtilbudsområdet",
            origin=JOINT,
            implements=USER_PORTALS,
            issued_by="KL og KOMBIT",
            short_description="Brugerportalsinitiativet i Norddjurs: læringsplatform til "
            "skolerne og forberedelse af den fælles samarbejdsplatform.",
            proposed_on=STRATEGY_DAY,
            registered=EXECUTION,
            registered_note=CONTINUES,
            org_unit="Skole og Dagtilbud",
            owner="Lene Mehlsen Thomsen",
            leader="Jacob Hørlyk",
            start_date=D(2015, 8, 1),
            end_date=D(2019, 10, 31),
            financing=Financing.JOINT,
            focus_areas=("Digital sammenhæng for børn og unge",),
            criteria=(
                Criterion(
                    "Læringsplatform i brug",
                    "Skoler, der bruger platformen",
                    "Alle",
                    True,
                    "Alle skoler fra skoleåret 2017/18.",
                ),
            ),
            gates=(Gate(CLOSED, item=clean_up),),
            closing=Closing(
                "Læringsplatformen er i brug på alle skoler. Samarbejdsplatformen blev "
                "videreført i projektet Aula.",
                handover_operations="Skole og Dagtilbud.",
            ),
        ),
        Spec(
            name="Grunddataprogrammet",
            origin=NATIONAL,
            implements=BASIC_DATA,
            issued_by="Digitaliseringsstyrelsen",
            short_description="Kommunens del af grunddataprogrammet: fagsystemerne bruger "
            "fælles grunddata, og ejendomsdata flyttes fra ESR.",
            proposed_on=STRATEGY_DAY,
            registered=EXECUTION,
            registered_note=CONTINUES,
            org_unit="Vej og Ejendom",
            owner="Kim T. Jensen",
            leader=KENNETH,
            start_date=D(2014, 1, 1),
            end_date=D(2021, 6, 30),
            financing=Financing.OPERATING,
            focus_areas=(
                "Offentlige data skal skabe effektivitet og merværdi",
                "Kommunernes rammearkitektur",
            ),
            criteria=(
                Criterion(
                    "Fagsystemer på Datafordeleren",
                    "Systemer, der henter grunddata",
                    "Alle relevante",
                    True,
                    "Alle 14 relevante fagsystemer.",
                ),
            ),
            gates=(Gate(CLOSED, item=basic_data_closed, request=True),),
            closing=Closing(
                "Fagsystemerne henter ejendoms-, adresse- og persondata fra Datafordeleren, og "
                "ejendomsdata er flyttet fra ESR.",
                handover_operations="Vej og Ejendom og IT og Digitalisering.",
            ),
        ),
    ]


def _monopoly(ctx: Context) -> Spec:
    closed = ctx.decision(
        closing_item(
            "Monopolbruddet",
            D(2026, 9, 8),
            "Kommunen er gået over på KOMBIT's systemer og støttesystemerne. Gevinsterne "
            "følges fortsat af styregruppen.",
        )
    )
    closed_on = item_day(closed)
    return Spec(
        name="Monopolbruddet",
        origin=JOINT,
        implements=MONOPOLY,
        issued_by="KOMBIT",
        short_description="Norddjurs' overgang til de konkurrenceudsatte fælleskommunale "
        "systemer og støttesystemerne fra KOMBIT.",
        proposed_on=STRATEGY_DAY,
        registered=EXECUTION,
        registered_note=CONTINUES,
        org_unit=IT_UNIT,
        owner=TONNY,
        leader=KENNETH,
        project_group="Projektgruppe for monopolbrud",
        priority=Priority.HIGH,
        start_date=D(2015, 6, 1),
        end_date=closed_on,
        budget_one_off=6_500_000,
        budget_running=2_100_000,
        financing=Financing.JOINT,
        tags="KOMBIT, monopolbrud",
        focus_areas=("Kommunernes rammearkitektur", "Gevinstrealisering og kompetenceudvikling"),
        purpose="At kommunen går over på de nye fælleskommunale systemer uden afbrydelser i "
        "udbetalinger og sagsbehandling, og at gevinsterne hentes.",
        stakeholders="Økonomi, Borgerservice, velfærdsområdet og IT og Digitalisering.",
        criteria=(
            Criterion(
                "Udbetalinger uden afbrydelser",
                "Fejludbetalinger ved overgangene",
                "0 kritiske",
                True,
                "Ingen kritiske fejl ved nogen overgang.",
            ),
            Criterion(
                "Lavere licensudgifter",
                "Årlige udgifter til systemerne",
                "10 % lavere end før",
                True,
                "13 % lavere.",
            ),
        ),
        risks=(
            RiskSpec(
                "Forsinkelser hos leverandørerne",
                4,
                4,
                "Følg KOMBIT's tidsplaner og hold beredskab til at køre dobbelt.",
                KENNETH,
                is_closed=True,
            ),
        ),
        gates=(
            Gate(CLOSED, item=closed, request=True),
            Gate(BENEFITS, item=closed, note="Gevinsterne følges af styregruppen."),
        ),
        reports=Reports(
            first=days(ctx.today, -364),
            last=days(closed_on, -7),
            percent=(85, 100),
            spent=(6_100_000, 6_620_000),
            forecast=6_650_000,
            eras=(
                Era(
                    0,
                    (G, ""),
                    ("De sidste systemer er i drift; afslutningsrapporten skrives.",),
                    dims={"budget": (Y, "Forventet 150.000 kr. over budget.")},
                ),
            ),
        ),
        closing=Closing(
            "Alle systemer i monopolbruddet er taget i brug, de fleste senere end KOMBIT's "
            "første tidsplaner. Budgettet er overskredet med 2 %.",
            handover_operations="De enkelte fagområder er systemejere; IT og Digitalisering "
            "drifter integrationerne.",
            handover_benefits="Lavere licensudgifter og færre manuelle arbejdsgange følges af "
            "styregruppen.",
            benefits_owner=TONNY,
            lessons=(
                (
                    "Hold beredskab til at køre to systemer samtidig",
                    "Flere overgange blev udskudt med kort varsel.",
                    "Budgettér med dobbeltdrift i mindst tre måneder ved hver overgang.",
                ),
            ),
        ),
    )
