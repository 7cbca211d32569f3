"""Rebild's IT systems: what its strategy and IT service catalogue name (SBSYS with its
journalising questions, Skolekom's user administration, the basic workplace on Microsoft
365) and the KOMBIT systems every municipality runs. Rebild's persons are its roles, as
the core demo has them, so the roles here are held by those.

Its gaps: Skolekom holds pupils' data without a registration and is to be phased out, and
its accessibility is not assessed.
"""

import datetime
import functools

from styrbord.core.dates import add_months
from styrbord.core.models import Municipality
from styrbord.systems.deadlines import ByEndOf
from styrbord.systems.demo import writer
from styrbord.systems.demo.norddjurs import usage
from styrbord.systems.demo.norddjurs_protection import SCC
from styrbord.systems.demo.writer import ContractSpec, RegistrationSpec, UsageSpec
from styrbord.systems.models import Accessibility, Answer, Hosting, Lifecycle, Procurement
from styrbord.systems.models.data_protection import AgreementConcluded

L, H = Lifecycle, Hosting
IT = "It og Digitalisering"
DIRECTOR = "Kommunaldirektøren"
IT_CHIEF = "Centerchefen for Fællescenter Økonomi og It"
EDITOR = "Demo Redaktør Rebild"


def _owners(data_owner: str = IT_CHIEF) -> tuple:
    return (("system_data_owner", data_owner), ("it_contact", EDITOR))


def usages(today: datetime.date) -> list[UsageSpec]:
    u = functools.partial(usage, today)
    return [
        UsageSpec(
            "RB-01",
            "SBSYS",
            u(L.OPERATIONAL, H.EXTERNAL, (4, 3), sensitive=True, criminal=True, since_years=9),
            IT,
            (*_owners(DIRECTOR), ("super_user", EDITOR)),
        ),
        UsageSpec(
            "RB-02",
            "Aula",
            u(L.OPERATIONAL, H.SAAS, (3, 4), ordinary=True, sensitive=True, since_years=5),
            "Center Børn og Unge",
            _owners(),
        ),
        UsageSpec(
            "RB-03",
            "Kommunernes Ydelsessystem (KY)",
            u(L.OPERATIONAL, H.SAAS, (3, 3), sensitive=True, criminal=True, since_years=2),
            "Center Job og Borgerservice",
            _owners(),
        ),
        UsageSpec(
            "RB-04",
            "SAPA",
            u(L.OPERATIONAL, H.SAAS, (3, 3), ordinary=True, criminal=True, since_years=2),
            "Center Job og Borgerservice",
            _owners(),
        ),
        UsageSpec(
            "RB-05",
            "Microsoft 365",
            u(L.OPERATIONAL, H.SAAS, (4, 4), ordinary=True, since_years=4),
            IT,
            _owners(),
            ("RPA-pilot: softwarerobotter i administrationen",),
        ),
        UsageSpec(
            "RB-06",
            "Microsoft Teams",
            u(L.OPERATIONAL, H.SAAS, (4, 4), ordinary=True, since_years=4),
            IT,
            _owners(),
            ("Skærmbesøg i hjemmeplejen",),
        ),
        UsageSpec(
            "RB-07",
            "Skolekom",
            # The gaps: pupils' data without a registration; accessibility not assessed.
            u(
                L.PHASING_OUT,
                H.EXTERNAL,
                (2, 1),
                ordinary=True,
                since_years=15,
                critical=Answer.NO,
                accessibility=Accessibility.UNDECIDED,
            ),
            "Center Børn og Unge",
            _owners(),
        ),
        UsageSpec(
            "RB-08",
            "Fælles Bibliotekssystem (FBS)",
            u(L.OPERATIONAL, H.SAAS, (3, 3), ordinary=True, since_years=7),
            IT,
            _owners(),
        ),
        UsageSpec(
            "RB-09",
            "Ydelsesrefusion",
            u(L.OPERATIONAL, H.SAAS, (3, 3), ordinary=True, since_years=4),
            "Fællescenter Økonomi og It",
            _owners(),
        ),
        UsageSpec(
            "RB-10",
            "KMD Opus Økonomi",
            u(L.OPERATIONAL, H.EXTERNAL, (2, 3), ordinary=True, since_years=11),
            "Fællescenter Økonomi og It",
            _owners(),
        ),
        UsageSpec(
            "RB-11",
            "Systematic Nexus",
            u(L.OPERATIONAL, H.SAAS, (3, 2), sensitive=True, criminal=True, since_years=6),
            "Center Sundhed og Pleje",
            _owners(),
            ("Skærmbesøg i hjemmeplejen",),
        ),
        UsageSpec(
            "RB-12",
            "Serviceplatformen",
            u(L.OPERATIONAL, H.SAAS, (3, 4), ordinary=True, criminal=True, since_years=8),
            IT,
            _owners(),
            ("Borgerblikket i Rebild", "Digital ansøgning om pasning"),
        ),
    ]


def contracts(today: datetime.date) -> list[ContractSpec]:
    year = today.year
    return [
        ContractSpec(
            "SBSYS drift",
            "Fujitsu A/S",
            IT_CHIEF,
            {
                "number": "RB-2021-03",
                "procurement": Procurement.TENDER,
                "starts_on": add_months(today, -44),
                "expires_on": add_months(today, 16),
                "notice_months": 6,
                "notice_by_end_of": ByEndOf.MONTH,
            },
            ("RB-01",),
            costs=((year - 1, 890_000, 0), (year, 915_000, 0)),
        ),
        ContractSpec(
            "Microsoft-licenser (SKI 02.19)",
            "Microsoft Danmark ApS",
            IT_CHIEF,
            {
                "number": "RB-2023-01",
                "procurement": Procurement.FRAMEWORK,
                "starts_on": add_months(today, -28),
                "expires_on": add_months(today, 8),
                "notice_months": 3,
                "notice_by_end_of": ByEndOf.QUARTER,
            },
            ("RB-05", "RB-06"),
            costs=((year - 1, 2_480_000, 0), (year, 2_610_000, 0)),
        ),
        ContractSpec(
            "KOMBIT: fælleskommunale systemer",
            "KOMBIT A/S",
            DIRECTOR,
            {
                "procurement": Procurement.OTHER,
                "starts_on": add_months(today, -30),
                "notice_months": 12,
                "notice_by_end_of": ByEndOf.YEAR,
            },
            ("RB-02", "RB-03", "RB-04", "RB-08", "RB-09", "RB-12"),
            costs=((year - 1, 1_650_000, 300_000), (year, 1_720_000, 0)),
        ),
        ContractSpec(
            "Systematic Nexus",
            "Systematic A/S",
            IT_CHIEF,
            {
                "number": "RB-2019-08",
                "procurement": Procurement.TENDER,
                "starts_on": add_months(today, -70),
                "expires_on": add_months(today, 26),
                "notice_months": 12,
            },
            ("RB-11",),
            costs=((year, 1_980_000, 0),),
        ),
    ]


def registrations(today: datetime.date) -> list[RegistrationSpec]:
    yes = AgreementConcluded.YES
    return [
        RegistrationSpec(
            "Microsoft 365",
            ("Microsoft Danmark ApS",),
            {
                "third_country_transfer": True,
                "transfer_basis": SCC,
                "agreement_concluded": yes,
                "agreement_on": add_months(today, -28),
                "oversight_method": "ISAE 3000-erklæring",
                "oversight_interval_months": 12,
            },
            ("RB-05", "RB-06"),
            ("Microsoft-licenser (SKI 02.19)",),
            oversights=((add_months(today, -5), "Gennemgået."),),
            unit=IT,
        ),
        RegistrationSpec(
            "SBSYS",
            ("Fujitsu A/S",),
            {"agreement_concluded": yes, "oversight_interval_months": 12},
            ("RB-01",),
            ("SBSYS drift",),
            oversights=((add_months(today, -8), "ISAE 3402 type 2."),),
            unit=IT,
        ),
        RegistrationSpec(
            "KOMBIT, Systematic og KMD",
            ("KOMBIT A/S", "Systematic A/S", "KMD A/S"),
            {"agreement_concluded": yes, "oversight_interval_months": 12},
            ("RB-02", "RB-03", "RB-04", "RB-08", "RB-09", "RB-10", "RB-11", "RB-12"),
            ("KOMBIT: fælleskommunale systemer", "Systematic Nexus"),
            oversights=((add_months(today, -2), "Tilsynsrapporter modtaget."),),
            unit=IT,
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
