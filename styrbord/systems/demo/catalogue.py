"""The shared catalogue's suppliers and IT systems the demo municipalities run.

In production they come from KITOS's system catalogue; the demo keeps them without KITOS
UUIDs, owned by the catalogue organisation like the national projects. The systems are
those the seeds name (SBSYS, Aula, Office 365 with Teams, Zoom as a supplement to Skype,
Skolekom, the library system, the benefit-refund system, speech recognition, Fasit) and
what Danish municipalities typically run besides (KOMBIT's KY and SAPA, a care record,
the finance system). CVR numbers are left out rather than guessed.
"""

from styrbord.core.models import Municipality
from styrbord.systems.demo import writer
from styrbord.systems.models.catalogue import ArchiveDuty

SUPPLIERS = (
    "KOMBIT A/S",
    "Netcompany A/S",
    "Microsoft Danmark ApS",
    "Zoom Video Communications, Inc.",
    "Fujitsu A/S",
    "KMD A/S",
    "Systematic A/S",
    "Styrelsen for It og Læring",
    "Omilon A/S",
    "Atea A/S",
    "Fasit A/S",
)

# (name, supplier, business type, description, archive duty)
SYSTEMS = (
    (
        "SBSYS",
        "Fujitsu A/S",
        "ESDH",
        "Kommunernes fælles sags- og dokumenthåndteringssystem (ESDH).",
        ArchiveDuty.PRESERVE,
    ),
    (
        "Aula",
        "Netcompany A/S",
        "Kommunikationsplatform",
        "Kommunikations- og samarbejdsplatform for skole og dagtilbud (KOMBIT).",
        ArchiveDuty.DISCARD,
    ),
    (
        "Kommunernes Ydelsessystem (KY)",
        "Netcompany A/S",
        "Ydelsessystem",
        "KOMBIT's system til udbetaling af kontanthjælp, uddannelseshjælp m.fl.",
        ArchiveDuty.PRESERVE,
    ),
    (
        "SAPA",
        "Netcompany A/S",
        "Støttesystem",
        "Sags- og partsoverblik: KOMBIT's støttesystem, der samler sager og parter på tværs.",
        ArchiveDuty.DISCARD,
    ),
    (
        "Kommunernes Sygedagpengesystem (KSD)",
        "KMD A/S",
        "Ydelsessystem",
        "KOMBIT's system til sygedagpengesager.",
        ArchiveDuty.PRESERVE,
    ),
    (
        "Ydelsesrefusion",
        "Netcompany A/S",
        "Refusion",
        "KOMBIT's system til beregning af statsrefusion af kommunernes ydelser.",
        ArchiveDuty.DISCARD,
    ),
    (
        "Fælles Bibliotekssystem (FBS)",
        "Systematic A/S",
        "Bibliotekssystem",
        "Folkebibliotekernes fælles system (Cicero), udbudt af KOMBIT.",
        ArchiveDuty.DISCARD,
    ),
    (
        "Microsoft 365",
        "Microsoft Danmark ApS",
        "Kontorpakke",
        "Office-programmer, Exchange Online, OneDrive og SharePoint.",
        ArchiveDuty.UNKNOWN,
    ),
    (
        "Microsoft Teams",
        "Microsoft Danmark ApS",
        "Samarbejde og videomøder",
        "Chat, møder og samarbejde i Microsoft 365.",
        ArchiveDuty.DISCARD,
    ),
    (
        "Skype for Business",
        "Microsoft Danmark ApS",
        "Videomøder",
        "Microsofts tidligere møde- og chatløsning, afløst af Teams.",
        ArchiveDuty.DISCARD,
    ),
    (
        "Zoom",
        "Zoom Video Communications, Inc.",
        "Videomøder og webinarer",
        "Webinar- og mødeløsning.",
        ArchiveDuty.DISCARD,
    ),
    (
        "Skolekom",
        "Styrelsen for It og Læring",
        "Skolekommunikation",
        "Konferencesystem og e-mail for elever og lærere.",
        ArchiveDuty.DISCARD,
    ),
    (
        "Dictus talegenkendelse",
        "Omilon A/S",
        "Talegenkendelse",
        "Dansk tale-til-tekst til journaler, notater og sagsakter.",
        ArchiveDuty.DISCARD,
    ),
    (
        "KMD Opus Økonomi",
        "KMD A/S",
        "Økonomisystem",
        "Kommunens økonomi- og regnskabssystem.",
        ArchiveDuty.PRESERVE,
    ),
    (
        "KMD Momentum",
        "KMD A/S",
        "Jobcentersystem",
        "Sagsbehandling for jobcentrets borgere og virksomheder.",
        ArchiveDuty.PRESERVE,
    ),
    (
        "Systematic Nexus",
        "Systematic A/S",
        "Omsorgsjournal",
        "Elektronisk omsorgsjournal for hjemmepleje, sygepleje og træning.",
        ArchiveDuty.PRESERVE,
    ),
    (
        "Serviceplatformen",
        "KOMBIT A/S",
        "Integrationsplatform",
        "KOMBIT's platform for opslag i grunddata og udveksling mellem systemer.",
        ArchiveDuty.DISCARD,
    ),
    (
        "Fasit",
        "Fasit A/S",
        "Skabelonstyring",
        "Skabeloner og brevfletning til kommunens dokumenter.",
        ArchiveDuty.DISCARD,
    ),
)


def load(catalogue: Municipality) -> None:
    for name in SUPPLIERS:
        writer.supplier(catalogue, name)
    for name, supplier_name, business_type, description, archive_duty in SYSTEMS:
        writer.system(
            catalogue,
            name,
            supplier=writer.supplier(catalogue, supplier_name),
            business_type=business_type,
            description=description,
            archive_duty=archive_duty,
        )
