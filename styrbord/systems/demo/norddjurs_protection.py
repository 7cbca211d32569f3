"""Norddjurs' data-processing registrations and security incidents: Microsoft and Zoom
transfer to the USA on standard contractual clauses (the Schrems II work), the oversight of
Zoom is overdue, and one personal-data breach is still open."""

import datetime

from styrbord.core.dates import add_months
from styrbord.systems.demo.writer import IncidentSpec, RegistrationSpec
from styrbord.systems.models import Severity
from styrbord.systems.models.data_protection import AgreementConcluded

IT = "IT og Digitalisering"
SCC = (
    "EU-Kommissionens standardkontraktbestemmelser (2021) og EU-US Data Privacy Framework; "
    "USA. Vurderet i Schrems II-arbejdet."
)


def registrations(today: datetime.date) -> list[RegistrationSpec]:
    yes = AgreementConcluded.YES
    isae = "ISAE 3000-erklæring"
    return [
        RegistrationSpec(
            "Microsoft 365, Teams og Skype",
            ("Microsoft Danmark ApS",),
            {
                "third_country_transfer": True,
                "transfer_basis": SCC,
                "agreement_concluded": yes,
                "agreement_on": add_months(today, -30),
                "oversight_method": isae,
                "oversight_interval_months": 12,
            },
            ("ND-005", "ND-006", "ND-008"),
            ("Microsoft 365-licenser (E3/E5)",),
            oversights=((add_months(today, -4), "Erklæring gennemgået uden bemærkninger."),),
            unit=IT,
        ),
        RegistrationSpec(
            "Zoom webinarer",
            ("Zoom Video Communications, Inc.",),
            {
                "third_country_transfer": True,
                "transfer_basis": SCC,
                "agreement_concluded": yes,
                "agreement_on": add_months(today, -20),
                "oversight_method": "Skriftlig besvarelse af spørgeskema",
                "oversight_interval_months": 12,
            },
            ("ND-007",),
            ("Zoom Webinars licens",),
            # Overdue: the last oversight was twenty months ago.
            oversights=((add_months(today, -20), "Spørgeskema besvaret."),),
            unit=IT,
        ),
        RegistrationSpec(
            "SBSYS hos Fujitsu",
            ("Fujitsu A/S",),
            {
                "agreement_concluded": yes,
                "agreement_on": add_months(today, -49),
                "oversight_method": isae,
                "oversight_interval_months": 12,
            },
            ("ND-001",),
            ("SBSYS drift og vedligeholdelse",),
            oversights=((add_months(today, -3), "ISAE 3402 type 2 uden forbehold."),),
            unit=IT,
        ),
        RegistrationSpec(
            "KOMBIT's fælleskommunale systemer",
            ("KOMBIT A/S",),
            {
                "agreement_concluded": yes,
                "agreement_on": add_months(today, -26),
                "oversight_method": "KOMBIT's tilsyn på kommunernes vegne",
                "oversight_interval_months": 12,
            },
            ("ND-002", "ND-003", "ND-004", "ND-009", "ND-010", "ND-019", "ND-020"),
            ("KOMBIT: Kommunernes Ydelsessystem", "KOMBIT: Fælles Bibliotekssystem"),
            sub_processors=("Netcompany A/S", "Systematic A/S"),
            oversights=((add_months(today, -6), "KOMBIT's tilsynsrapport modtaget."),),
            unit=IT,
        ),
        RegistrationSpec(
            "Omsorgsjournal og talegenkendelse",
            ("Systematic A/S", "Omilon A/S"),
            {
                "agreement_concluded": yes,
                "agreement_on": add_months(today, -6),
                "oversight_method": isae,
                "oversight_interval_months": 12,
            },
            ("ND-013", "ND-011"),
            ("Systematic Nexus omsorgsjournal", "Dictus talegenkendelse – pilot"),
            oversights=((add_months(today, -9), "Erklæring for Nexus gennemgået."),),
            unit="Sundhed og Omsorg",
        ),
        RegistrationSpec(
            "KMD Opus og Momentum",
            ("KMD A/S",),
            {
                "agreement_concluded": yes,
                "agreement_on": add_months(today, -54),
                "oversight_method": isae,
                "oversight_interval_months": 12,
            },
            ("ND-012", "ND-015"),
            ("KMD Opus og Momentum",),
            oversights=((add_months(today, -10), "Erklæring med én bemærkning om logning."),),
            unit="Økonomi",
        ),
    ]


def incidents(now: datetime.datetime) -> list[IncidentSpec]:
    hours = datetime.timedelta(hours=1)
    days = datetime.timedelta(days=1)
    closed_detected = now - 120 * days
    open_detected = now - 3 * days
    return [
        IncidentSpec(
            "Besked i Aula med helbredsoplysninger om et barn sendt til hele forældregruppen",
            "ND-002",
            {
                "detected_at": closed_detected,
                "severity": Severity.MEDIUM,
                "personal_data_breach": True,
                "notified_at": closed_detected + 30 * hours,
                "measures": "Beskeden slettet hos modtagerne; personalet instrueret i "
                "modtagergrupper.",
                "closed_at": closed_detected + 14 * days,
            },
        ),
        IncidentSpec(
            "Bærbar computer fra hjemmeplejen stjålet fra bil; lokalt gemte journalnotater",
            "ND-013",
            {
                "detected_at": open_detected,
                "severity": Severity.HIGH,
                "personal_data_breach": True,
                "notified_at": open_detected + 20 * hours,
                "measures": "Computeren spærret og fjernslettet; berørte borgere kortlægges.",
            },
        ),
    ]
