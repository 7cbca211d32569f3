"""Norddjurs' IT systems: the seeds' projects (speech recognition, monopoly break, print and
telephony, library system, benefit refund, Office 365 with Teams, Zoom as a supplement to
Skype, Schrems II, the intranet, Fasit) as the systems they run, with the roles, contracts,
registrations and the gaps the compliance overview should find.

The gaps, on purpose: the print solution has no system and data owner (ND-016), the
switchboard holds personal data without a registration (ND-017), speech recognition
handles health data without a DPIA (ND-011), Momentum's risk assessment is overdue
(ND-015), the intranet's accessibility is not assessed (ND-018), and the oversight of Zoom
is overdue.
"""

import datetime
import functools
from typing import Any

from styrbord.core.dates import add_months
from styrbord.core.models import Municipality
from styrbord.systems.deadlines import ByEndOf
from styrbord.systems.demo import writer
from styrbord.systems.demo.norddjurs_protection import incidents, registrations
from styrbord.systems.demo.writer import ContractSpec, UsageSpec
from styrbord.systems.models import (
    Accessibility,
    Answer,
    Hosting,
    Lifecycle,
    Procurement,
    RiskLevel,
)

L, H, A = Lifecycle, Hosting, Answer
IT = "IT og Digitalisering"
IT_HEAD = "Kenneth Andersen"
SECURITY = "Nirojan Kathirgamarajah"


def usage(
    today: datetime.date,
    lifecycle: str,
    hosting: str,
    fit: tuple[int, int],
    *,
    since_years: int = 5,
    ordinary: bool = False,
    sensitive: bool = False,
    criminal: bool = False,
    dpia: bool | None = None,
    risk_months_ago: int | None = 5,
    accessibility: str = Accessibility.COMPLIANT,
    critical: str = A.YES,
    **fields: Any,
) -> dict[str, Any]:
    """A usage's fields with its data-protection facts kept consistent: a DPIA is done
    for sensitive data unless said otherwise, a risk assessment for personal data."""
    personal = ordinary or sensitive or criminal
    facts: dict[str, Any] = {
        "lifecycle": lifecycle,
        "hosting": hosting,
        "functional_fit": fit[0],
        "technical_fit": fit[1],
        "valid_from": add_months(today.replace(day=1), -12 * since_years),
        "business_critical": critical,
        "data_ordinary": ordinary,
        "data_sensitive": sensitive,
        "data_criminal": criminal,
        "user_supervision": A.YES if personal else A.UNDECIDED,
        "retention_defined": A.YES if personal else A.UNDECIDED,
        "accessibility": accessibility,
        "accessibility_checked_on": (
            add_months(today, -7) if accessibility != Accessibility.UNDECIDED else None
        ),
    }
    if personal and risk_months_ago is not None:
        facts |= {
            "risk_assessment_done": A.YES,
            "risk_assessed_on": add_months(today, -risk_months_ago),
            "risk_result": RiskLevel.MEDIUM if sensitive else RiskLevel.LOW,
        }
    if dpia if dpia is not None else sensitive or criminal:
        facts |= {"dpia_done": A.YES, "dpia_on": add_months(today, -14)}
    elif dpia is False:
        facts["dpia_done"] = A.NO
    return facts | fields


def owners(data_owner: str, it_contact: str = IT_HEAD, *superusers: str) -> tuple:
    return (
        ("system_data_owner", data_owner),
        ("it_contact", it_contact),
        *(("super_user", name) for name in superusers),
    )


def usages(today: datetime.date) -> list[UsageSpec]:
    u = functools.partial(usage, today)
    return [
        UsageSpec(
            "ND-001",
            "SBSYS",
            u(L.OPERATIONAL, H.EXTERNAL, (4, 3), sensitive=True, criminal=True, since_years=8)
            | {
                "purpose": "Journalisering og sagsbehandling i hele kommunen.",
                "expected_users_min": 1000,
                "expected_users_max": 1500,
            },
            "Staben",
            owners("Kim B. Nielsen", IT_HEAD, "Pia Ladefoged", "Rikke Broch"),
        ),
        UsageSpec(
            "ND-002",
            "Aula",
            u(L.OPERATIONAL, H.SAAS, (3, 4), ordinary=True, sensitive=True, since_years=5),
            "Skole og Dagtilbud",
            owners("Lene Mehlsen Thomsen", IT_HEAD, "Jacob Hørlyk"),
            ("Samarbejdsplatform på skole- og dagtilbudsområdet",),
        ),
        UsageSpec(
            "ND-003",
            "Kommunernes Ydelsessystem (KY)",
            u(L.PHASING_IN, H.SAAS, (3, 3), sensitive=True, criminal=True, since_years=1),
            "Borgerservice",
            owners("Tonny Olsen"),
            ("Monopolbruddet",),
        ),
        UsageSpec(
            "ND-004",
            "SAPA",
            u(L.PHASING_IN, H.SAAS, (2, 3), ordinary=True, criminal=True, since_years=1),
            "Borgerservice",
            owners("Tonny Olsen"),
            ("Monopolbruddet",),
        ),
        UsageSpec(
            "ND-005",
            "Microsoft 365",
            u(L.OPERATIONAL, H.SAAS, (4, 4), ordinary=True, since_years=3)
            | {"licensing_model": "Abonnement pr. bruger (E3/E5)"},
            IT,
            owners("Tonny Olsen", SECURITY),
            ("Office 365 med Teams",),
        ),
        UsageSpec(
            "ND-006",
            "Microsoft Teams",
            u(L.OPERATIONAL, H.SAAS, (4, 4), ordinary=True, since_years=3),
            IT,
            owners("Tonny Olsen", SECURITY, "Pia Ladefoged"),
            ("Office 365 med Teams", "Konferencelokaler"),
        ),
        UsageSpec(
            "ND-007",
            "Zoom",
            u(L.OPERATIONAL, H.SAAS, (2, 3), ordinary=True, since_years=4, critical=A.NO)
            | {"purpose": "Webinarer for borgere og virksomheder, som supplement til Skype."},
            IT,
            owners("Trine Grejsen"),
            ("Webinarløsning",),
        ),
        UsageSpec(
            "ND-008",
            "Skype for Business",
            u(L.PHASING_OUT, H.ON_PREMISES, (2, 1), ordinary=True, since_years=9, critical=A.NO)
            | {"valid_to": add_months(today, 5)},
            IT,
            owners("Kenneth Andersen", SECURITY),
            ("Office 365 med Teams",),
        ),
        UsageSpec(
            "ND-009",
            "Fælles Bibliotekssystem (FBS)",
            u(
                L.OPERATIONAL,
                H.SAAS,
                (3, 3),
                ordinary=True,
                since_years=7,
                accessibility=Accessibility.PARTIAL,
            ),
            "Bibliotekerne",
            owners("Lars Lerche"),
            ("Bibliotekssystem (FBS)",),
        ),
        UsageSpec(
            "ND-010",
            "Ydelsesrefusion",
            u(L.OPERATIONAL, H.SAAS, (3, 3), ordinary=True, since_years=4),
            "Økonomi",
            owners("Bettina Andersen"),
            ("Ydelsesrefusionssystem",),
        ),
        UsageSpec(
            "ND-011",
            "Dictus talegenkendelse",
            # The gap: health data dictated into the care record, and no DPIA yet.
            u(
                L.PILOT,
                H.SAAS,
                (4, 3),
                sensitive=True,
                dpia=False,
                since_years=1,
                contains_ai=A.YES,
                critical=A.NO,
            ),
            "Hjemmeplejen",
            owners("Søs Fuglsang", IT_HEAD, "Hanne Winterberg"),
            ("Talegenkendelse", "Tale-til-tekst i hjemmeplejens dokumentation"),
        ),
        UsageSpec(
            "ND-012",
            "KMD Opus Økonomi",
            u(L.OPERATIONAL, H.EXTERNAL, (2, 3), ordinary=True, since_years=10),
            "Økonomi",
            owners("Bettina Andersen"),
        ),
        UsageSpec(
            "ND-013",
            "Systematic Nexus",
            u(L.OPERATIONAL, H.SAAS, (3, 3), sensitive=True, criminal=True, since_years=6),
            "Sundhed og Omsorg",
            owners("Søs Fuglsang", IT_HEAD, "Hanne Winterberg", "Annette Kristensen"),
            ("Udnyttelse af velfærdsteknologi",),
        ),
        UsageSpec(
            "ND-014",
            "Fasit",
            u(L.OPERATIONAL, H.SAAS, (3, 2), since_years=3, critical=A.NO),
            "Staben",
            owners("Rikke Broch"),
            ("Fasit",),
        ),
        UsageSpec(
            "ND-015",
            "KMD Momentum",
            # The gap: the yearly risk assessment is eight months overdue.
            u(
                L.OPERATIONAL,
                H.EXTERNAL,
                (3, 2),
                sensitive=True,
                criminal=True,
                since_years=7,
                risk_months_ago=20,
            )
            | {"risk_next_on": add_months(today, -8)},
            "Borgerservice",
            owners("Marie-Louise Ifversen"),
        ),
        UsageSpec(
            "ND-016",
            "Follow-you print",
            # The gap: nobody owns it since the print project ended.
            u(
                L.OPERATIONAL,
                H.ON_PREMISES,
                (2, 2),
                since_years=6,
                critical=A.NO,
                accessibility=Accessibility.UNDECIDED,
            ),
            IT,
            (),
            ("Printløsninger",),
            own_supplier="Konica Minolta Business Solutions Denmark A/S",
            description="Fælles printløsning med udskrift på det kort, medarbejderen bærer.",
        ),
        UsageSpec(
            "ND-017",
            "Omstillingsbord",
            # The gap: callers' names and numbers, but no data-processing registration.
            u(L.OPERATIONAL, H.SAAS, (3, 3), ordinary=True, since_years=2),
            "Borgerservice",
            owners("Tonny Olsen"),
            ("Teleløsninger",),
            own_supplier="Telia Danmark",
            description="Hostet omstillingsbord og mobiltelefoni.",
        ),
        UsageSpec(
            "ND-018",
            "Intranet",
            # The gap: a web solution whose accessibility has not been assessed.
            u(
                L.PHASING_IN,
                H.SAAS,
                (3, 4),
                since_years=1,
                critical=A.NO,
                accessibility=Accessibility.UNDECIDED,
            ),
            "Fællessekretariatet",
            owners("Pia Ladefoged"),
            ("Intranet",),
            own_supplier="Microsoft Danmark ApS",
            description="Medarbejderportalen på SharePoint, der erstatter den på norddjurs.dk.",
        ),
        UsageSpec(
            "ND-019",
            "Kommunernes Sygedagpengesystem (KSD)",
            u(L.OPERATIONAL, H.SAAS, (3, 3), sensitive=True, since_years=3),
            "Borgerservice",
            owners("Marie-Louise Ifversen"),
            ("Monopolbruddet",),
        ),
        UsageSpec(
            "ND-020",
            "Serviceplatformen",
            u(L.OPERATIONAL, H.SAAS, (3, 4), ordinary=True, criminal=True, since_years=8),
            IT,
            owners("Kenneth Andersen", SECURITY),
            ("Grunddataprogrammet",),
        ),
    ]


def contracts(today: datetime.date) -> list[ContractSpec]:
    year = today.year
    return [
        ContractSpec(
            "SBSYS drift og vedligeholdelse",
            "Fujitsu A/S",
            IT_HEAD,
            # Decide within two months: notice three months before an expiry eleven
            # months away, decided six months before that.
            {
                "number": "ND-2019-014",
                "contract_type": "Drift og vedligeholdelse",
                "procurement": Procurement.TENDER,
                "concluded_on": add_months(today, -50),
                "starts_on": add_months(today, -49),
                "expires_on": add_months(today, 11),
                "notice_months": 3,
                "notice_by_end_of": ByEndOf.MONTH,
                "extension_options": "2 × 12 måneder",
                "extensions_used": 1,
            },
            ("ND-001",),
            costs=((year - 1, 1_240_000, 0), (year, 1_285_000, 0)),
        ),
        ContractSpec(
            "Zoom Webinars licens",
            "Zoom Video Communications, Inc.",
            "Trine Grejsen",
            # Expires within six months.
            {
                "number": "ND-2022-031",
                "contract_type": "Licens",
                "procurement": Procurement.DIRECT,
                "starts_on": add_months(today, -20),
                "expires_on": add_months(today, 4),
                "notice_months": 1,
                "decision_lead_months": 2,
            },
            ("ND-007",),
            costs=((year - 1, 38_000, 0), (year, 41_500, 0)),
        ),
        ContractSpec(
            "SKI 02.19 Standardsoftware",
            "Atea A/S",
            "Tonny Olsen",
            {
                "number": "SKI-02.19",
                "contract_type": "Rammeaftale",
                "procurement": Procurement.FRAMEWORK,
                "starts_on": add_months(today, -30),
                "expires_on": add_months(today, 18),
            },
        ),
        ContractSpec(
            "Microsoft 365-licenser (E3/E5)",
            "Microsoft Danmark ApS",
            "Tonny Olsen",
            {
                "number": "ND-2023-002",
                "contract_type": "Licensaftale under rammeaftale",
                "procurement": Procurement.FRAMEWORK,
                "starts_on": add_months(today, -30),
                "expires_on": add_months(today, 18),
                "notice_months": 3,
                "notice_by_end_of": ByEndOf.QUARTER,
            },
            ("ND-005", "ND-006", "ND-008", "ND-018"),
            parent="SKI 02.19 Standardsoftware",
            costs=((year - 1, 3_150_000, 0), (year, 3_420_000, 0)),
        ),
        ContractSpec(
            "KOMBIT: Kommunernes Ydelsessystem",
            "KOMBIT A/S",
            "Tonny Olsen",
            {
                "contract_type": "Fælleskommunal aftale",
                "procurement": Procurement.OTHER,
                "starts_on": add_months(today, -26),
                "irrevocable_until": add_months(today, 34),
                "notice_months": 12,
                "notice_by_end_of": ByEndOf.YEAR,
            },
            ("ND-003", "ND-004", "ND-019", "ND-020"),
            costs=((year - 1, 2_100_000, 450_000), (year, 2_180_000, 0)),
        ),
        ContractSpec(
            "KOMBIT: Fælles Bibliotekssystem",
            "KOMBIT A/S",
            "Lars Lerche",
            {
                "contract_type": "Fælleskommunal aftale",
                "procurement": Procurement.OTHER,
                "starts_on": add_months(today, -80),
                "notice_months": 6,
                "notice_by_end_of": ByEndOf.YEAR,
            },
            ("ND-009",),
            costs=((year - 1, 310_000, 0), (year, 318_000, 0)),
        ),
        ContractSpec(
            "KMD Opus og Momentum",
            "KMD A/S",
            "Bettina Andersen",
            {
                "number": "ND-2020-007",
                "contract_type": "Drift og licens",
                "procurement": Procurement.TENDER,
                "starts_on": add_months(today, -54),
                "expires_on": add_months(today, 30),
                "notice_months": 6,
                "notice_by_end_of": ByEndOf.QUARTER,
            },
            ("ND-012", "ND-015"),
            costs=((year - 1, 1_870_000, 0), (year, 1_910_000, 0)),
        ),
        ContractSpec(
            "Dictus talegenkendelse – pilot",
            "Omilon A/S",
            "Søs Fuglsang",
            {
                "number": "ND-2026-011",
                "contract_type": "Pilotaftale",
                "procurement": Procurement.DIRECT,
                "starts_on": add_months(today, -6),
                "expires_on": add_months(today, 18),
                "notice_months": 1,
            },
            ("ND-011",),
            costs=((year, 145_000, 60_000),),
        ),
        ContractSpec(
            "Systematic Nexus omsorgsjournal",
            "Systematic A/S",
            "Søs Fuglsang",
            {
                "number": "ND-2018-022",
                "contract_type": "Licens, drift og vedligeholdelse",
                "procurement": Procurement.TENDER,
                "starts_on": add_months(today, -72),
                "expires_on": add_months(today, 40),
                "notice_months": 12,
                "notice_by_end_of": ByEndOf.YEAR,
            },
            ("ND-013",),
            costs=((year - 1, 2_450_000, 0), (year, 2_520_000, 0)),
        ),
    ]


def load(municipality: Municipality, now: datetime.datetime) -> None:
    today = now.date()
    for spec in usages(today):
        writer.usage(municipality, spec)
    for spec in contracts(today):
        writer.contract(municipality, spec)
    for spec in registrations(today):
        writer.registration(municipality, spec)
    for spec in incidents(now):
        writer.incident(municipality, spec)
