"""Norddjurs' two business cases, on projects the portfolio demo approved at a gate.

- Tale-til-tekst i hjemmeplejens dokumentation: a positive net present value, kept as the
  approved baseline and then re-estimated (the DPIA takes longer), with the dis-benefit of
  the transition period.
- Office 365 med Teams: a negative net present value, kept as the baseline before the
  e-mail migration was paused and double running added.
"""

import datetime

from styrbord.benefits.demo.norddjurs import HANNE, HOURLY_RATE
from styrbord.benefits.demo.writer import (
    BenefitSpec,
    CaseSpec,
    Cost,
    add_months,
    benefit,
    business_case,
    project,
)
from styrbord.benefits.models import BenefitStatus, Category, CostKind, CostType, Frequency

D = datetime.date
ONE_OFF, RUNNING = CostKind.ONE_OFF, CostKind.RUNNING
SOS, KENNETH = "Søs Fuglsang", "Kenneth Andersen"

SPEECH_IN_HOME_CARE = "Tale-til-tekst i hjemmeplejens dokumentation"
OFFICE = "Office 365 med Teams"

DOCUMENTATION = "Mindre tid til dokumentation pr. besøg"
TRANSITION = "Ekstra tid i overgangsperioden"
TRAVEL = "Sparet transporttid til møder"
SERVERS = "Udfasede Skype- og Exchange-servere"


def load(today: datetime.date) -> None:
    _speech_in_home_care(today)
    _office(today)


def _speech_in_home_care(today: datetime.date) -> None:
    item = project(SPEECH_IN_HOME_CARE)
    if item is None:
        return
    year = today.year
    benefit(
        item,
        BenefitSpec(
            DOCUMENTATION,
            SOS,
            "Hjemmeplejen",
            {
                "description": "Medarbejderne taler dokumentationen ind i stedet for at skrive "
                "den på telefonen, og tiden bruges hos borgeren.",
                "category": Category.FREED_TIME,
                "measure": "Minutter til dokumentation pr. besøg",
                "unit": "minutter",
                "method": "Tidsmåling i to hjemmeplejegrupper i en uge hvert halve år.",
                "direction": "lower",
                "baseline_value": 6.5,
                "baseline_date": today - datetime.timedelta(days=100),
                "baseline_source": "Tidsmåling i to hjemmeplejegrupper før afprøvningen",
                "target_pessimistic": 5,
                "target_expected": 4.5,
                "target_optimistic": 4,
                "target_date": today + datetime.timedelta(days=450),
                "value_per_year": 1_150_000,
                "status": BenefitStatus.PLANNED,
                "frequency": Frequency.HALF_YEARLY,
            },
            profile=(
                (D(year + 1, 6, 30), 5.5, 350_000),
                (D(year + 1, 12, 31), 4.5, 575_000),
                (D(year + 2, 12, 31), 4.5, 1_150_000),
                (D(year + 3, 12, 31), 4.5, 1_150_000),
                (D(year + 4, 12, 31), 4.5, 1_150_000),
            ),
        ),
    )
    benefit(
        item,
        BenefitSpec(
            TRANSITION,
            HANNE,
            "Hjemmeplejen",
            {
                "description": "Mens medarbejderne lærer at tale dokumentationen ind, "
                "dokumenterer de dobbelt, og superbrugerne bruger tid på oplæring.",
                "category": Category.DISBENEFIT,
                "measure": "Ekstra timer til oplæring og dobbeltdokumentation pr. måned",
                "unit": "timer",
                "method": "Superbrugernes og gruppeledernes registrering.",
                "direction": "lower",
                "baseline_value": 0,
                "baseline_date": today - datetime.timedelta(days=100),
                "target_expected": 0,
                "target_date": today + datetime.timedelta(days=300),
                "value_per_year": 170_000,
                "status": BenefitStatus.PLANNED,
                "frequency": Frequency.QUARTERLY,
            },
            profile=((D(year, 12, 31), None, 40_000), (D(year + 1, 12, 31), None, 130_000)),
            measured=(
                (
                    today - datetime.timedelta(days=20),
                    12,
                    "Superbrugerne forbereder afprøvningen.",
                ),
            ),
        ),
    )
    business_case(
        item,
        CaseSpec(
            start_year=year,
            horizon_years=5,
            assumptions="Afprøvningen i to grupper viser, om besparelsen på to minutter pr. "
            "besøg holder. Den frigjorte tid er regnet til "
            f"{HOURLY_RATE} kr. i timen og bruges hos borgeren; den er ikke "
            "budgetfrigørende.\n\nLicenserne forudsætter, at talemotoren behandler data i EU.",
            costs=(
                Cost(
                    ONE_OFF, CostType.CONSULTANTS, year, "Bistand til DPIA", 60_000, 80_000, 120_000
                ),
                Cost(
                    ONE_OFF,
                    CostType.INTERNAL_TIME,
                    year,
                    "Projektleder og superbrugere",
                    90_000,
                    110_000,
                    140_000,
                ),
                Cost(
                    ONE_OFF,
                    CostType.HARDWARE,
                    year + 1,
                    "Headsets til 180 medarbejdere",
                    110_000,
                    126_000,
                    150_000,
                ),
                Cost(
                    ONE_OFF,
                    CostType.TRAINING,
                    year + 1,
                    "Oplæring af alle hjemmeplejegrupper",
                    80_000,
                    100_000,
                    140_000,
                ),
                Cost(
                    ONE_OFF,
                    CostType.OTHER,
                    year + 1,
                    "Integration til omsorgssystemet",
                    60_000,
                    75_000,
                    110_000,
                ),
                *(
                    Cost(RUNNING, cost_type, year + offset, text, low, likely, high)
                    for offset in range(1, 5)
                    for cost_type, text, low, likely, high in (
                        (CostType.LICENCES, "Licenser til talemotoren", 70_000, 80_000, 100_000),
                        (CostType.OPERATION, "Drift og support", 15_000, 20_000, 30_000),
                    )
                ),
            ),
            # The supplier has not confirmed where the data are processed: the DPIA takes longer.
            revised=(("Bistand til DPIA", 70_000, 95_000, 140_000),),
        ),
    )


def _office(today: datetime.date) -> None:
    item = project(OFFICE)
    if item is None:
        return
    benefit(
        item,
        BenefitSpec(
            TRAVEL,
            KENNETH,
            "IT og Digitalisering",
            {
                "description": "Møder på tværs af matriklerne holdes i Teams i stedet for at "
                "køre til dem.",
                "category": Category.FREED_TIME,
                "measure": "Timer sparet på kørsel til møder pr. måned",
                "unit": "timer",
                "method": "Kørselsgodtgørelsen sammenholdt med møder i Teams med deltagere fra "
                "flere matrikler.",
                "direction": "higher",
                "baseline_value": 0,
                "baseline_date": D(2021, 8, 1),
                "baseline_source": "Kørselsgodtgørelse 2020-2021",
                "target_pessimistic": 180,
                "target_expected": 250,
                "target_optimistic": 300,
                "target_date": D(2023, 12, 31),
                "value_per_year": 250 * 12 * HOURLY_RATE,
                "status": BenefitStatus.ON_TRACK,
                "frequency": Frequency.YEARLY,
            },
            measured=(
                (add_months(today, -26), 120, ""),
                (add_months(today, -14), 190, ""),
                (add_months(today, -2), 230, ""),
            ),
        ),
    )
    benefit(
        item,
        BenefitSpec(
            SERVERS,
            KENNETH,
            "IT og Digitalisering",
            {
                "description": "Når e-mail og filer er flyttet, lukkes Skype og de egne "
                "Exchange-servere.",
                "category": Category.BUDGET_RELEASING,
                "measure": "Udgift til Skype og egne Exchange-servere",
                "unit": "kr./år",
                "method": "Regnskabet for licenser, hardware og drift af serverne.",
                "direction": "lower",
                "baseline_value": 900_000,
                "baseline_date": D(2021, 8, 1),
                "baseline_source": "Regnskab 2020",
                "target_pessimistic": 200_000,
                "target_expected": 0,
                "target_optimistic": 0,
                "target_date": today + datetime.timedelta(days=300),
                "value_per_year": 900_000,
                "status": BenefitStatus.AT_RISK,
                "frequency": Frequency.YEARLY,
            },
            measured=(
                (add_months(today, -14), 900_000, ""),
                (add_months(today, -2), 900_000, "Migreringen af e-mail er sat på pause."),
            ),
        ),
    )
    business_case(
        item,
        CaseSpec(
            start_year=2021,
            horizon_years=7,
            assumptions="Office 365 er valgt som fælles samarbejds- og mødeplatform af hensyn "
            "til samarbejdet og sikkerheden, ikke for at spare penge: licenserne koster mere "
            "end de gamle. Styregruppen har accepteret en negativ nutidsværdi.",
            costs=(
                Cost(
                    ONE_OFF,
                    CostType.CONSULTANTS,
                    2021,
                    "Implementeringspartner",
                    600_000,
                    700_000,
                    850_000,
                ),
                Cost(
                    ONE_OFF,
                    CostType.TRAINING,
                    2021,
                    "Superbrugere og oplæring",
                    150_000,
                    200_000,
                    260_000,
                ),
                Cost(
                    ONE_OFF,
                    CostType.INTERNAL_TIME,
                    2021,
                    "IT og Digitalisering",
                    300_000,
                    350_000,
                    450_000,
                ),
                Cost(
                    ONE_OFF,
                    CostType.CONSULTANTS,
                    2022,
                    "Migrering af e-mail og fildrev",
                    900_000,
                    1_100_000,
                    1_400_000,
                ),
                Cost(
                    ONE_OFF,
                    CostType.INTERNAL_TIME,
                    2022,
                    "Superbrugere i forvaltningerne",
                    400_000,
                    450_000,
                    550_000,
                ),
                Cost(ONE_OFF, CostType.CONSULTANTS, 2023, "SharePoint", 500_000, 600_000, 800_000),
                *(
                    Cost(RUNNING, cost_type, year, text, low, likely, high)
                    for year in range(2022, 2028)
                    for cost_type, text, low, likely, high in (
                        (
                            CostType.LICENCES,
                            "Microsoft 365-licenser",
                            1_700_000,
                            1_800_000,
                            2_000_000,
                        ),
                        (CostType.OPERATION, "Drift og support", 80_000, 100_000, 140_000),
                    )
                ),
            ),
            added=(
                Cost(
                    RUNNING,
                    CostType.OPERATION,
                    max(2021, min(today.year, 2027)),
                    "Dobbeltdrift af Exchange under pausen",
                    300_000,
                    360_000,
                    480_000,
                ),
            ),
        ),
    )
