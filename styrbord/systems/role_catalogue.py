"""The role catalogue of the IT-system portfolio: who answers for what, and what they do.

The roles and their wording come from Rebild Kommune's appendix to its digitalisation
strategy, "It og digitalisering - roller, ansvar og opgaver" (in the seeds). The text is
kept in Danish as the document has it, condensed only where a table cell ran over several
lines; it is seed data like the demo strategies, not an interface message, so it is not
marked for translation. Where the document says nothing about a role (or about its tasks),
the entry says so in a comment rather than inventing duties.

KITOS lets a municipality name its own roles; the usual names are mapped here to the
catalogue roles so that role assignments read from KITOS land on the right role. Those
KITOS roles that Rebild's document does not describe get a role of their own, with a short
neutral description marked as not coming from the document.

A role is assigned to a person on one of four kinds of target: a system usage, a contract,
an org unit or the municipality as a whole. ``applies_to`` says which.
"""

from dataclasses import dataclass

# What a role can be assigned on.
USAGE = "usage"
CONTRACT = "contract"
ORG_UNIT = "org_unit"
MUNICIPALITY = "municipality"
TARGETS = (USAGE, CONTRACT, ORG_UNIT, MUNICIPALITY)

REBILD_SOURCE = "Rebild Kommune: It og digitalisering - roller, ansvar og opgaver"
KITOS_SOURCE = "KITOS"

# The roles every system usage must have someone in (the default).
REQUIRED_ON_USAGE = ("system_data_owner", "it_contact")


@dataclass(frozen=True)
class RoleSpec:
    """One role: its stable key, Danish name, where it applies and what it involves.

    ``requirements`` holds what the document asks of the person in the role (e.g. a
    superuser "skal være daglig bruger af systemet"), which is neither a responsibility nor
    a task; it comes last with a default so the other fields keep their places.
    """

    key: str
    name: str
    applies_to: tuple[str, ...]
    responsibilities: tuple[str, ...]
    tasks: tuple[str, ...]
    source: str
    kitos_names: tuple[str, ...] = ()
    requirements: tuple[str, ...] = ()


ROLES: tuple[RoleSpec, ...] = (
    # --- Organisational roles ---
    RoleSpec(
        key="municipal_director",
        name="Kommunaldirektør",
        applies_to=(MUNICIPALITY,),
        responsibilities=(
            "Direktør med ansvar for IT",
            "Øverste ansvarlige for informationssikkerhed",
        ),
        tasks=(
            "Sikre den strategiske retning og dagsorden for IT og digitalisering",
            "Tilse at it-sikkerhedsorganisationen, sikkerhedspolitik og beredskabsplaner "
            "svarer til kommunens behov og situation (IT kan assistere)",
            "Sikkerhedsmæssige forhold af enhver art kan til enhver tid eskaleres til den "
            "øverste sikkerhedsansvarlige",
        ),
        source=REBILD_SOURCE,
    ),
    RoleSpec(
        key="executive_board",
        name="Direktion",
        applies_to=(MUNICIPALITY,),
        responsibilities=(
            "Ansvarlig over for byrådet",
            "Øverste It-ansvarlig",
        ),
        tasks=(
            "Har det overordnede ansvar for at digitaliseringsstrategien realiseres",
            "Ansvar for, at det digitale område sættes på dagsordenen i relevante fora",
            "Udpegning af System- og dataejer for systemer der anvendes på tværs af "
            "fagområder. Der skal være en System- og dataejer i alle centre, der bruger et "
            "system, undtagen fællessystemer, her ligger ansvaret i IT (IT kan assistere)",
        ),
        source=REBILD_SOURCE,
    ),
    RoleSpec(
        key="centre_manager",
        name="Centerchef",
        applies_to=(ORG_UNIT,),
        responsibilities=(
            "Digitalt ledelsesansvar",
            "System- og dataejer for centerets systemer",
            "Kontraktejer for centerets systemer",
        ),
        tasks=(
            "Tænke digitalisering ind i de daglige opgaver - herunder udvikling af "
            "IT-understøttelse på de enkelte fagområder (IT kan assistere)",
            "Sikre at IT og digitalisering involveres og Strategisk Ledergruppe informeres "
            "ved større digitaliseringsprojekter",
        ),
        source=REBILD_SOURCE,
    ),
    RoleSpec(
        key="finance_it_centre",
        name="Fællescenter Økonomi og It",
        # The centre serves the whole municipality; its staff hold the role there.
        applies_to=(MUNICIPALITY,),
        responsibilities=(
            "Drift, udvikling og support",
            "Rådgivning",
            "Ansvarlig for den centrale informationssikkerhed",
            "Administrative opgaver",
            "System- og dataejer for fællessystemer",
            "Kontraktejer for fællessystemer",
        ),
        tasks=(
            "Centralt ansvar for den daglige drift og tekniske support af it-miljøet",
            "Deltager med implementeringskompetencer i anskaffelses- og udviklingsprojekter",
            "Ansvarlig for IT-/digitaliseringsstrategi og udvikling",
            "Indkøbs- og porteføljestyring",
            "Kontaktperson for alle systemer",
            "Rådgivning om valg af løsninger",
            "Rådgivning om anvendelse af fællesordninger",
            "Vedligeholde og sikre registre over stamdata",
            "Opdatere KITOS (Kommunernes IT og system overblik)",
            "Brugeradministration",
            "Opretholde og vedligeholde kontraktoverblik",
        ),
        source=REBILD_SOURCE,
    ),
    # --- Cross-cutting roles ---
    RoleSpec(
        key="system_data_owner",
        name="System- og dataejer",
        applies_to=(USAGE,),
        responsibilities=(
            "For alle systemer er der udpeget en System- og dataejer. System- og dataejer "
            "kan delegere opgaver til en systemadministrator, men ansvaret forbliver System- "
            "og dataejerens",
            "Ansvarlig for indstilling til nye anskaffelser og udvikling af systemet "
            "(IT kan assistere)",
            "Ansvarlig for systemets drift og anvendelse (IT kan assistere)",
            "Ansvarlig for at procedure for adgangsstyring følges / ansvarlig for tildeling "
            "af autorisationer",
            "Ansvarlig for løbende risikovurdering af systemet og udarbejdelse af nødprocedurer",
            "Ansvarlig for håndtering af sikkerhedshændelser",
            "Ansvarlig for logning og interne kontroller (IT kan assistere)",
            "Ansvarlig for håndtering af digital arkivering (IT kan assistere)",
        ),
        tasks=(
            "Håndtering/eskalering af sikkerhedshændelser (IT kan assistere)",
            "Databehandleraftaler (IT kan assistere)",
        ),
        source=REBILD_SOURCE,
        # KITOS keeps the two as separate roles; Rebild joins them in one.
        kitos_names=("Systemejer", "Dataejer"),
    ),
    RoleSpec(
        key="contract_owner",
        name="Kontraktejer",
        applies_to=(CONTRACT,),
        # The document gives only the three tasks; the responsibility sums them up.
        responsibilities=(
            "Ansvarlig for kontrakten: underskrift og opsigelse, genudbud og fornyelser "
            "samt økonomisk opfølgning",
        ),
        tasks=(
            "Underskriver og opsiger kontrakten",
            "Genudbud og fornyelser",
            "Økonomisk opfølgning",
        ),
        source=REBILD_SOURCE,
        kitos_names=("Kontraktejer",),
    ),
    RoleSpec(
        key="system_responsible",
        name="Systemansvarlig",
        applies_to=(USAGE,),
        responsibilities=("Får uddelegeret opgaver fra System- og dataejer",),
        # The document names no tasks of its own: they are whatever is delegated.
        tasks=(),
        source=REBILD_SOURCE,
        kitos_names=("Systemansvarlig",),
    ),
    RoleSpec(
        key="it_guide",
        name="IT-vejleder",
        # IT-vejledere work in a school or centre, supporting its workplaces.
        applies_to=(ORG_UNIT,),
        responsibilities=("Support af basisarbejdspladsen",),
        tasks=(
            "Brugeradministration (Skolekom)",
            "Løbende generel support",
            "Understøtter anvendelsen af programmel på basisarbejdspladsen",
            "Vurdering af om problemet kan løses umiddelbart",
            "Er forpligtet til at deltage i minimum 4 årlige møder i SkoleNet-regi",
        ),
        source=REBILD_SOURCE,
        requirements=(
            "Skal besidde et grundlæggende edb-kendskab herunder viden om basisprogrammel "
            "til løsning af de dagligt forekommende arbejdsopgaver",
            "Skal besidde et grundlæggende kendskab til opdatering af image",
            "Skal være bekendt med Rebild Kommunes retningslinjer og politikker inden for "
            "It-området",
            "Skal fra nærmeste leder være bekendt med SLA-aftale indgået mellem Fællescenter "
            "It og Digitalisering og Center for Børn og Unge",
        ),
    ),
    RoleSpec(
        key="super_user",
        name="Superbruger",
        applies_to=(USAGE,),
        responsibilities=(
            "Håndterer daglige IT-systemmæssige udfordringer lokalt og kan eskalere til IT "
            "og Digitalisering. Fungerer som brugernes decentrale support (niveau 1)",
        ),
        tasks=(
            "Skal være aktiv i forhold til at deltage i test af systemet",
            "Skal være villig til at hjælpe kolleger i forbindelse med opdateringer af systemet",
            "Skal deltage i oplæringen af nye medarbejdere",
            "Skal deltage aktivt i sparring med øvrige superbrugere",
            "Skal holde sig ajour med nye funktioner (for eget område + generelle "
            "funktioner) og videregive informationer til eget center om disse",
            "Skal være opmærksom på videreudvikling og i den forbindelse viderebringe gode "
            "ideer til System- og dataejer",
            "Skal være opmærksom på fejl og uhensigtsmæssigheder og viderebringe disse til "
            "System- og dataejer",
        ),
        source=REBILD_SOURCE,
        kitos_names=("Superbruger",),
        requirements=(
            "Skal være daglig bruger af systemet",
            "Skal have lyst til at hjælpe andre",
            "Skal være motiveret",
        ),
    ),
    RoleSpec(
        key="user",
        name="Bruger",
        applies_to=(USAGE,),
        responsibilities=(
            "Med henblik på at minimere fejl og IT-problemer er det vigtigt, at brugerne "
            "følger vejledninger og udviser sikkerhedsbevidsthed i den daglige brug af "
            "systemerne",
        ),
        tasks=(
            "Skal være medspillere til de lokale superbrugere og lokale it-sikkerhedskoordinatorer",
            "Deltage i projektgrupper og workshops",
        ),
        source=REBILD_SOURCE,
    ),
    RoleSpec(
        key="test_user",
        name="Testbruger",
        applies_to=(USAGE,),
        responsibilities=(
            "Arbejder dagligt med systemerne og sørger for at opdatere computer og "
            "programmer når muligt",
        ),
        tasks=(
            "Holder øje med uhensigtsmæssigheder",
            "Melder systemfejl ind til IT-afdelingens Servicedesk",
        ),
        source=REBILD_SOURCE,
    ),
    RoleSpec(
        key="it_contact",
        name="It-kontaktperson",
        applies_to=(USAGE,),
        responsibilities=("Den person i It der kender systemet bedst",),
        # Not under the role itself: Fællescenter Økonomi og It's task "Kontaktperson for
        # alle systemer", which this person carries out for one system.
        tasks=("Kontaktperson for systemet i It",),
        source=REBILD_SOURCE,
        kitos_names=("IT-kontaktperson",),
    ),
    RoleSpec(
        key="security_coordinator",
        name="Central informationssikkerhedskoordinator",
        applies_to=(MUNICIPALITY,),
        # From the Fællescenter's table, which refers to this role for it.
        responsibilities=("Ansvarlig for den centrale informationssikkerhed",),
        tasks=(
            "Vejlede alle i kommunen omkring informationssikkerhed",
            "Indkalde til møder og være sekretær for informationssikkerhedsudvalget",
            "Lede risikovurderinger og komme med forslag til opdatering af "
            "informationssikkerhedspolitikken",
            "Registrere og rapportere kritiske sikkerhedsbrud",
            "Evaluering og benchmarking af organisationens sikkerhed",
            "Skabe opmærksomhed om informationssikkerhed blandt organisationens medarbejdere",
            "Indhenter løbende viden fra netværk, fora og dialogportaler",
            "Tovholder på indhentning af databehandleraftaler og it-revisionserklæringer",
            # The document lists this line without explaining it.
            "Lokal sikkerhedskoordinator",
        ),
        source=REBILD_SOURCE,
    ),
    RoleSpec(
        key="dpo",
        name="Databeskyttelsesrådgiver (DPO)",
        applies_to=(MUNICIPALITY,),
        responsibilities=(
            "Understøtte forvaltningens overholdelse af reglerne i databeskyttelsesforordningen",
            "Overvåge om kommunen lever op til databeskyttelseslovgivningen",
        ),
        tasks=(
            "Underrette og rådgive forvaltningen om databeskyttelse",
            "Modtage underretning fra og rådgive forvaltningen i forbindelse med sikkerhedsbrud",
            "Være kontaktled til Datatilsyn og borgere",
            "Afrapportere til byrådet",
        ),
        source=REBILD_SOURCE,
    ),
    # --- KITOS roles that Rebild's document does not describe ---
    # The descriptions below are short neutral summaries written for Styrbord, not taken
    # from the document; a municipality can replace them with its own.
    RoleSpec(
        key="contract_responsible",
        name="Kontraktansvarlig",
        applies_to=(CONTRACT,),
        responsibilities=("Den daglige opfølgning på kontrakten",),
        tasks=(),
        source=KITOS_SOURCE,
        kitos_names=("Kontraktansvarlig",),
    ),
    RoleSpec(
        key="business_owner",
        name="Forretningsejer",
        applies_to=(USAGE,),
        responsibilities=("Ejer de forretningsbehov, systemet understøtter",),
        tasks=(),
        source=KITOS_SOURCE,
        kitos_names=("Forretningsejer",),
    ),
    RoleSpec(
        key="data_processing_responsible",
        name="Databehandleransvarlig",
        # KITOS assigns it on a data-processing registration, which Styrbord links to
        # usages and contracts.
        applies_to=(USAGE, CONTRACT),
        responsibilities=("Opfølgning på databehandleraftaler og tilsyn med databehandlere",),
        tasks=(),
        source=KITOS_SOURCE,
        kitos_names=("Databehandleransvarlig",),
    ),
)

_BY_KEY = {role.key: role for role in ROLES}
# KITOS names are typed by each municipality, so compare them without regard to case.
_BY_KITOS_NAME = {name.casefold(): role for role in ROLES for name in role.kitos_names}


def by_key(key: str) -> RoleSpec:
    """The role with this key; ``KeyError`` for an unknown key (a programming error)."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(f"No role with key {key!r} in the role catalogue") from None


def for_kitos_name(name: str) -> RoleSpec | None:
    """The role a KITOS role name maps to, or None for a name the catalogue does not know."""
    return _BY_KITOS_NAME.get(name.strip().casefold())


def applicable_to(target: str) -> tuple[RoleSpec, ...]:
    """The roles that can be assigned on a target kind (one of ``TARGETS``)."""
    if target not in TARGETS:
        raise ValueError(f"Unknown role target {target!r}; expected one of {TARGETS}")
    return tuple(role for role in ROLES if target in role.applies_to)
