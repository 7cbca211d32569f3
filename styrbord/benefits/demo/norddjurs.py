"""Norddjurs' benefits and benefit map on the portfolio demo's projects.

- Talegenkendelse: the case workers' freed hours, measured every month since the switch to
  a speech engine that works in open-plan offices too (the lesson of the project's closing
  report), with a realisation profile in hours and money.
- Monopolbruddet: the lower licence costs the steering group follows after closing,
  harvested into the budget twice; the half-yearly measurement is overdue. Its owner,
  Tonny Olsen, is the login ``norddjurs-formand``, so "Mine opgaver" shows it.
- Borgerblikket: citizen satisfaction, shared with the other municipalities running the
  catalogue project, and fewer calls about case status; the benefit map.
- Udnyttelse af velfærdsteknologi: driving in home care, going the wrong way (at risk).

The projects with business cases are in ``norddjurs_cases``. Owners are managers from the
core demo; dates count from today.
"""

import datetime

from styrbord.benefits.demo.writer import (
    BenefitSpec,
    Harvested,
    Node,
    add_months,
    benefit,
    benefit_map,
    month_end,
    project,
)
from styrbord.benefits.models import BenefitStatus, Category, Frequency
from styrbord.portfolio.demo.catalogue import CITIZEN_VIEW

D = datetime.date
TONNY, HANNE, MARIE_LOUISE = "Tonny Olsen", "Hanne Winterberg", "Marie-Louise Ifversen"

SPEECH = "Talegenkendelse"
MONOPOLY = "Monopolbruddet"
WELFARE_TECHNOLOGY = "Udnyttelse af velfærdsteknologi"

FREED_HOURS = "Frigjorte sagsbehandlertimer"
LICENCES = "Lavere licensudgifter"
SATISFACTION = "Tilfredse brugere af Borgerblikket"
CALLS = "Færre opkald om sagsstatus"
DRIVING = "Færre kørte kilometer i hjemmeplejen"

# The measure Borgerblikket's municipalities share; Rebild uses the same words.
SATISFACTION_MEASURE = "Brugere, der fandt det, de søgte i Borgerblikket"

# What an hour of a case worker or a home carer costs, with overhead.
HOURLY_RATE = 420


def load(today: datetime.date) -> None:
    _speech(today)
    _monopoly(today)
    _citizen_view(today)
    _welfare_technology(today)


def _speech(today: datetime.date) -> None:
    item = project(SPEECH)
    if item is None:
        return
    start = month_end(today, 9)
    benefit(
        item,
        BenefitSpec(
            FREED_HOURS,
            MARIE_LOUISE,
            "Sekretariatet for Velfærd",
            {
                "description": "Talegenkendelsen blev i foråret skiftet til en ny talemotor, der "
                "også virker i storrumskontorerne. Den frigjorte tid bruges på flere "
                "borgersamtaler i stedet for at vente på journalnotater.",
                "category": Category.FREED_TIME,
                "measure": "Frigjorte sagsbehandlertimer pr. måned",
                "unit": "timer",
                "method": "Sagsbehandlernes tidsregistrering af journalnotater, sammenholdt med "
                "tidsmålingen hos 20 sagsbehandlere før den nye talemotor.",
                "direction": "higher",
                "baseline_value": 0,
                "baseline_date": start,
                "baseline_source": "Tidsmåling hos 20 sagsbehandlere før skiftet",
                "target_pessimistic": 120,
                "target_expected": 160,
                "target_optimistic": 190,
                "target_date": add_months(start, 18),
                "value_per_year": 160 * 12 * HOURLY_RATE,
                "status": BenefitStatus.ON_TRACK,
                "frequency": Frequency.MONTHLY,
            },
            profile=(
                (add_months(start, 3), 60, 38_000),
                (add_months(start, 6), 100, 101_000),
                (add_months(start, 9), 130, 146_000),
                (add_months(start, 12), 150, 176_000),
                (add_months(start, 18), 160, 391_000),
            ),
            measured=tuple(
                (month_end(today, months_back), value, comment)
                for months_back, value, comment in (
                    (8, 35, "De første 30 sagsbehandlere bruger den nye talemotor."),
                    (7, 58, ""),
                    (6, 74, "Storrumskontorerne er med."),
                    (5, 92, ""),
                    (4, 105, "Sommerferie: færre notater."),
                    (3, 118, ""),
                    (2, 126, ""),
                    (1, 134, "85 af 100 sagsbehandlere dikterer alle notater."),
                )
            ),
        ),
    )


def _monopoly(today: datetime.date) -> None:
    item = project(MONOPOLY)
    if item is None:
        return
    benefit(
        item,
        BenefitSpec(
            LICENCES,
            TONNY,
            "IT og Digitalisering",
            {
                "description": "Monopolbruddet skulle gøre systemerne billigere: de "
                "fælleskommunale systemer fra KOMBIT erstatter de gamle monopolsystemer.",
                "category": Category.BUDGET_RELEASING,
                "measure": "Udgifter til licenser og drift af fagsystemerne",
                "unit": "kr./år",
                "method": "Regnskabets udgifter til licenser og drift af de systemer, "
                "monopolbruddet omfatter, opgjort hvert halve år for de seneste 12 måneder.",
                "direction": "lower",
                "baseline_value": 4_800_000,
                "baseline_date": D(2015, 6, 1),
                "baseline_source": "Regnskab 2014 for de gamle monopolsystemer",
                "target_pessimistic": 4_560_000,
                "target_expected": 4_320_000,
                "target_optimistic": 4_080_000,
                "target_date": D(today.year, 12, 31),
                "value_per_year": 480_000,
                "status": BenefitStatus.ON_TRACK,
                "frequency": Frequency.HALF_YEARLY,
            },
            measured=(
                (add_months(today, -19), 4_610_000, "Dobbeltdrift af de gamle systemer."),
                (add_months(today, -13), 4_390_000, ""),
                (add_months(today, -7), 4_180_000, "13 % lavere end før monopolbruddet."),
            ),
            harvests=(
                Harvested(
                    250_000,
                    f"Budget {today.year - 1}, IT og Digitalisering: fagsystemernes licenser",
                    D(today.year - 1, 1, 1),
                    f"Budgetaftalen for {today.year - 1}: den første del af licensbesparelsen "
                    "tages ud af rammen.",
                ),
                Harvested(
                    230_000,
                    f"Budget {today.year}, IT og Digitalisering: fagsystemernes licenser",
                    D(today.year, 1, 1),
                    f"Budgetaftalen for {today.year}: resten af licensbesparelsen fra "
                    "monopolbruddet tages ud af rammen.",
                ),
            ),
        ),
    )


def _citizen_view(today: datetime.date) -> None:
    item = project(CITIZEN_VIEW)
    if item is None:
        return
    start = add_months(today, -15)
    quarter = add_months(today, -3) + datetime.timedelta(days=4)  # due again within a week
    benefit(
        item,
        BenefitSpec(
            SATISFACTION,
            TONNY,
            "Borgerservice",
            {
                "description": "Borgerne finder status på deres sager og ydelser selv.",
                "category": Category.USER_EXPERIENCE,
                "measure": SATISFACTION_MEASURE,
                "unit": "%",
                "method": "Spørgsmålet 'Fandt du det, du søgte?' efter login på borger.dk; "
                "andelen, der svarer ja, i kvartalet.",
                "direction": "higher",
                "baseline_value": 61,
                "baseline_date": start,
                "baseline_source": "Første kvartal med Beskæftigelse og ydelser vist",
                "target_pessimistic": 70,
                "target_expected": 75,
                "target_optimistic": 80,
                "target_date": add_months(today, 8),
                "status": BenefitStatus.ON_TRACK,
                "frequency": Frequency.QUARTERLY,
                "share_results": True,
            },
            measured=(
                (add_months(today, -12), 63, ""),
                (add_months(today, -9), 66, "Børn og unge vist."),
                (add_months(today, -6), 68, ""),
                (quarter, 71, "Flere svar efter kampagnen i Borgerservice."),
            ),
        ),
    )
    benefit(
        item,
        BenefitSpec(
            CALLS,
            TONNY,
            "Borgerservice",
            {
                "description": "Borgerne slår status op selv i stedet for at ringe, så "
                "Borgerservice får tid til de svære henvendelser.",
                "category": Category.FREED_TIME,
                "measure": "Opkald til Borgerservice om sagsstatus pr. måned",
                "unit": "opkald",
                "method": "Telefonsystemets kategori 'status på sag' i kvartalets sidste måned.",
                "direction": "lower",
                "baseline_value": 1_450,
                "baseline_date": start,
                "baseline_source": "Telefonsystemet",
                "target_pessimistic": 1_150,
                "target_expected": 1_000,
                "target_optimistic": 900,
                "target_date": add_months(today, 8),
                # 450 fewer calls of six minutes a month
                "value_per_year": 450 * 12 * 6 // 60 * HOURLY_RATE,
                "status": BenefitStatus.ON_TRACK,
                "frequency": Frequency.QUARTERLY,
            },
            measured=(
                (add_months(today, -12), 1_420, ""),
                (add_months(today, -9), 1_330, ""),
                (add_months(today, -6), 1_240, ""),
                (add_months(today, -1), 1_180, ""),
            ),
        ),
    )
    benefit_map(
        item,
        (
            Node(
                "d1",
                "deliverable",
                "Beskæftigelse og ydelser vist",
                "Beskæftigelse og ydelser vist",
            ),
            Node("d2", "deliverable", "Børn og unge vist", "Børn og unge vist"),
            Node("d3", "deliverable", "Ældre og sundhed vist", "Ældre og sundhed vist"),
            Node("c1", "change", "Borgerne slår selv status på deres sag op på borger.dk"),
            Node("c2", "change", "Borgerservice viser borgeren vej til Borgerblikket"),
            Node("e1", "effect", "Færre opkald og besøg om sagsstatus"),
            Node("e2", "effect", "Borgerne kender status og næste skridt i deres sag"),
            Node("b1", "benefit", CALLS, CALLS),
            Node("b2", "benefit", SATISFACTION, SATISFACTION),
            Node(
                "f1", "focus_area", "Adgang til egne data og sager", "Adgang til egne data og sager"
            ),
        ),
        (
            ("d1", "c1"),
            ("d2", "c1"),
            ("d3", "c1"),
            ("d1", "c2"),
            ("c1", "e1"),
            ("c1", "e2"),
            ("c2", "e1"),
            ("e1", "b1"),
            ("e2", "b2"),
            ("b1", "f1"),
            ("b2", "f1"),
        ),
    )


def _welfare_technology(today: datetime.date) -> None:
    item = project(WELFARE_TECHNOLOGY)
    if item is None:
        return
    benefit(
        item,
        BenefitSpec(
            DRIVING,
            HANNE,
            "Hjemmeplejen",
            {
                "description": "Skærmbesøg erstatter kørsel til borgerne, men ruterne er ikke "
                "lagt om, så bilerne kører lige så meget som før.",
                "category": Category.CLIMATE,
                "measure": "Kørte kilometer i hjemmeplejen pr. måned",
                "unit": "km",
                "method": "Kørebøgerne i hjemmeplejens biler.",
                "direction": "lower",
                "baseline_value": 48_000,
                "baseline_date": month_end(today, 7),
                "baseline_source": "Kørebøgerne, måneden før skærmbesøgene blev udbredt",
                "target_pessimistic": 45_000,
                "target_expected": 42_000,
                "target_optimistic": 40_000,
                "target_date": add_months(today, 10),
                "status": BenefitStatus.AT_RISK,
                "frequency": Frequency.MONTHLY,
            },
            measured=tuple(
                (month_end(today, months_back), value, comment)
                for months_back, value, comment in (
                    (6, 47_600, ""),
                    (5, 47_900, ""),
                    (4, 48_300, "Ruterne er ikke tilpasset skærmbesøgene."),
                    (3, 48_800, ""),
                    (2, 49_100, "Flere borgere i yderområderne."),
                    (1, 49_400, "Gennemgang af ruterne med planlæggerne er aftalt."),
                )
            ),
        ),
    )
