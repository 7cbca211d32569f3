"""Rebild's benefits: screen visits in home care (with the business case Rebild's strategy
asks for before it joins or starts a project) and Borgerblikket, whose citizen satisfaction
Rebild shares with Norddjurs through the catalogue project.

Rebild's strategy names roles, not people, so the role persons of the core demo own the
benefits.
"""

import datetime

from styrbord.benefits.demo.norddjurs import SATISFACTION, SATISFACTION_MEASURE
from styrbord.benefits.demo.writer import (
    BenefitSpec,
    CaseSpec,
    Cost,
    add_months,
    benefit,
    business_case,
    month_end,
    project,
)
from styrbord.benefits.models import BenefitStatus, Category, CostKind, CostType, Frequency

DIRECTOR = "Kommunaldirektøren"
SCREEN_VISITS = "Skærmbesøg i hjemmeplejen"
CITIZEN_VIEW = "Borgerblikket i Rebild"
DRIVING = "Mindre tid til kørsel i hjemmeplejen"
SAFE = "Borgere, der føler sig trygge ved skærmbesøg"


def load(today: datetime.date) -> None:
    _screen_visits(today)
    _citizen_view(today)


def _screen_visits(today: datetime.date) -> None:
    item = project(SCREEN_VISITS)
    if item is None:
        return
    start = min(item.start_date or today, month_end(today, 5))
    benefit(
        item,
        BenefitSpec(
            DRIVING,
            DIRECTOR,
            "Center Sundhed og Pleje",
            {
                "description": "Et skærmbesøg sparer turen ud til borgeren.",
                "category": Category.FREED_TIME,
                "measure": "Timer brugt på kørsel pr. uge",
                "unit": "timer",
                "method": "Ruteplanlægningens køretid i månedens sidste uge.",
                "direction": "lower",
                "baseline_value": 310,
                "baseline_date": start,
                "baseline_source": "Ruteplanlægningen, før de første skærme blev sat op",
                "target_pessimistic": 270,
                "target_expected": 250,
                "target_optimistic": 235,
                "target_date": today + datetime.timedelta(days=200),
                # 60 hours a week over 46 working weeks at 400 kr. an hour
                "value_per_year": 1_100_000,
                "status": BenefitStatus.AT_RISK,
                "frequency": Frequency.MONTHLY,
            },
            measured=tuple(
                (month_end(today, months_back), value, comment)
                for months_back, value, comment in (
                    (4, 305, ""),
                    (3, 298, ""),
                    (2, 301, "Udbredelsen er stoppet, til integrationen er leveret."),
                    (1, 296, ""),
                )
            ),
        ),
    )
    benefit(
        item,
        BenefitSpec(
            SAFE,
            DIRECTOR,
            "Center Sundhed og Pleje",
            {
                "category": Category.USER_EXPERIENCE,
                "measure": "Borgere med skærmbesøg, der føler sig trygge ved dem",
                "unit": "%",
                "method": "Telefoninterview med borgerne efter tre måneder.",
                "direction": "higher",
                "baseline_value": 70,
                "baseline_date": start,
                "baseline_source": "Interview med de første 20 borgere",
                "target_expected": 85,
                "target_date": today + datetime.timedelta(days=200),
                "status": BenefitStatus.ON_TRACK,
                "frequency": Frequency.QUARTERLY,
            },
            measured=((add_months(today, -1), 78, ""),),
        ),
    )
    year = start.year
    business_case(
        item,
        CaseSpec(
            start_year=year,
            horizon_years=5,
            assumptions="150 borgere får skærmbesøg, og hvert erstatter et kørt besøg. "
            "Den sparede køretid bruges på flere besøg; den er ikke budgetfrigørende.",
            costs=(
                Cost(
                    CostKind.ONE_OFF,
                    CostType.HARDWARE,
                    year,
                    "Skærme til 150 borgere",
                    280_000,
                    300_000,
                    340_000,
                ),
                Cost(
                    CostKind.ONE_OFF,
                    CostType.CONSULTANTS,
                    year,
                    "Integration til omsorgssystemet",
                    150_000,
                    180_000,
                    260_000,
                ),
                Cost(
                    CostKind.ONE_OFF,
                    CostType.TRAINING,
                    year,
                    "Oplæring af hjemmeplejen",
                    60_000,
                    70_000,
                    90_000,
                ),
                *(
                    Cost(CostKind.RUNNING, cost_type, year + offset, text, low, likely, high)
                    for offset in range(1, 5)
                    for cost_type, text, low, likely, high in (
                        (
                            CostType.LICENCES,
                            "Licenser til skærmløsningen",
                            90_000,
                            100_000,
                            120_000,
                        ),
                        (CostType.OPERATION, "Support", 15_000, 20_000, 30_000),
                    )
                ),
            ),
        ),
    )


def _citizen_view(today: datetime.date) -> None:
    item = project(CITIZEN_VIEW)
    if item is None:
        return
    start = min(item.start_date or today, add_months(today, -4))
    benefit(
        item,
        BenefitSpec(
            SATISFACTION,
            DIRECTOR,
            "Center Job og Borgerservice",
            {
                "description": "Borgerne finder status på deres sager og ydelser selv.",
                "category": Category.USER_EXPERIENCE,
                "measure": SATISFACTION_MEASURE,
                "unit": "%",
                "method": "Spørgsmålet 'Fandt du det, du søgte?' efter login på borger.dk.",
                "direction": "higher",
                "baseline_value": 58,
                "baseline_date": start,
                "baseline_source": "Første måned med Borgerblikket",
                "target_expected": 72,
                "target_date": today + datetime.timedelta(days=300),
                "status": BenefitStatus.ON_TRACK,
                "frequency": Frequency.QUARTERLY,
                "share_results": True,
            },
            measured=((add_months(today, -1), 64, ""),),
        ),
    )
