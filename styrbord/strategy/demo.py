"""Demo strategies: the shared catalogue's, Norddjurs' and Rebild's, from the seeds.

The catalogue holds Den fælleskommunale digitaliseringsstrategi 2016-2020 with its focus
areas as Norddjurs' strategy lists them, Kommunernes Digitaliseringsprogram 2021-2025 with
its six sub-programmes, and the eight principles of Fællesoffentlig digital arkitektur.
Norddjurs' own strategy 2016-2020 carries the vision of its section 2; its section 4 adopts
the fælleskommunale focus areas (which projects reach in the catalogue), so its own focus
areas are the themes of the vision. Rebild's strategy carries its seven principles in its
own form (because / explanation / prerequisite).

Rows are written through the strategy services without an actor, as a data load.
Loading is idempotent: a strategy, focus area or principle that exists by name is left alone.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from styrbord.core.models import Municipality
from styrbord.strategy import services
from styrbord.strategy.models import PrincipleKind, Strategy, StrategyKind

# Titles the portfolio demo looks strategies up by.
JOINT_STRATEGY = "Den fælleskommunale digitaliseringsstrategi"
PROGRAMME = "Kommunernes Digitaliseringsprogram"
ARCHITECTURE = "Fællesoffentlig digital arkitektur"
NORDDJURS_STRATEGY = "Digitaliseringsstrategi for Norddjurs Kommune"
REBILD_STRATEGY = "Rebild Kommunes Digitaliseringsstrategi"


@dataclass(frozen=True)
class PrincipleSpec:
    name: str
    because: str = ""
    explanation: str = ""
    prerequisite: str = ""


@dataclass(frozen=True)
class StrategySpec:
    title: str
    kind: str
    issued_by: str
    period_from: int
    period_to: int
    vision: str = ""
    description: str = ""
    approved_by: str = ""
    approved_on: datetime.date | None = None
    url: str = ""
    focus_areas: tuple[tuple[str, str], ...] = ()
    principles: tuple[PrincipleSpec, ...] = ()
    principle_kind: str = PrincipleKind.STRATEGIC
    addenda: tuple[tuple[str, datetime.date, str], ...] = field(default=())


# (name, description) in the order and wording of section 4 of Norddjurs' strategy.
JOINT_FOCUS_AREAS = (
    (
        "Fælles fundament for en ny strategi",
        "Øge den fælles handlekraft ved at videreudvikle det kommunale samarbejde inden for "
        "rammerne af den fælles strategi.",
    ),
    (
        "Borgerbetjening 3.0",
        "Borgernes møde med den kommunale sektor skal være nært og personligt, uanset om det er "
        "via digitale løsninger eller fysisk fremmøde.",
    ),
    (
        "Offentlige data skal skabe effektivitet og merværdi",
        "Data skal genbruges på tværs og dermed skabe sammenhæng og ny viden.",
    ),
    ("Sikkerhed og tilgængelighed", "Der skal skabes tryghed om håndtering af oplysninger."),
    (
        "Kommunernes rammearkitektur",
        "Rammearkitekturen skal give it-løsninger, der hænger sammen på tværs, og hvor data kan "
        "genbruges.",
    ),
    (
        "Gevinstrealisering og kompetenceudvikling",
        "Fokus på ledere og medarbejderes digitale kompetencer, så de kan understøtte "
        "forandringsprocessen og realisere gevinstpotentialet.",
    ),
    (
        "Fællesoffentligt samarbejde om digitalisering",
        "Samarbejde på tværs med fokus på infrastruktur, datadeling og rammevilkår.",
    ),
    (
        "Effektiv styring og administration",
        "Skal muliggøre en mere effektiv opgavevaretagelse med bedre udnyttelse af kommunernes "
        "ressourcer.",
    ),
    (
        "Smart digital beskæftigelsesindsats",
        "Skal bidrage til et velfungerende arbejdsmarkedsområde ved at understøtte Jobcentrene.",
    ),
    (
        "Borgerne skal videst mulig mestre eget liv",
        "Digitalisering skal på effektiv vis bidrage til, at borgere inddrages mest muligt og får "
        "større indflydelse på eget forløb.",
    ),
    (
        "Teknologi giver bedre fysiske rammer og bæredygtig vækst",
        "Digitalisering skal bidrage til at skabe gode fysiske rammer for bæredygtig vækst og "
        "udvikling.",
    ),
    (
        "Digital sammenhæng for børn og unge",
        "Digitalisering skal understøtte sammenhæng i børn og unges læring, herunder trivsel, så "
        "de udvikler sig og lærer nok til at kunne gennemføre en kompetencegivende uddannelse.",
    ),
)

# The programme's six sub-programmes; the descriptions are the demo's own summaries.
PROGRAMME_FOCUS_AREAS = (
    (
        "Borger, teknologi og lokaldemokratiet",
        "Digitale løsninger, der gør mødet med kommunen let for alle borgere og styrker det "
        "lokale demokrati.",
    ),
    (
        "Digital transformation",
        "Ny teknologi som automatisering og kunstig intelligens tages ansvarligt i brug til at "
        "udvikle kommunernes opgaveløsning.",
    ),
    (
        "Sammenhængende velfærdsforløb",
        "Sammenhæng for borgeren på tværs af fagområder og sektorer, blandt andet med "
        "velfærdsteknologi og deling af data.",
    ),
    (
        "Klima og ressourcer",
        "Data og digitale løsninger understøtter den grønne omstilling og klimatilpasningen.",
    ),
    (
        "Bedre velfærd og styring med data",
        "Data bruges til at skabe bedre velfærd og til ledelse og styring.",
    ),
    (
        "Kommunernes digitale fundamenter",
        "Fælles infrastruktur og arkitektur, informationssikkerhed og digitale kompetencer.",
    ),
)

# The eight principles of the white paper, with the demo's short summary of each.
ARCHITECTURE_PRINCIPLES = tuple(
    PrincipleSpec(name=name, explanation=explanation)
    for name, explanation in (
        (
            "Arkitektur styres på rette niveau efter fælles rammer",
            "Væsentlige arkitekturbeslutninger træffes så tæt på opgaveløsningen som muligt, "
            "inden for de fælles rammer.",
        ),
        (
            "Arkitektur fremmer sammenhæng, innovation og effektivitet",
            "Projekter bygger på den fællesoffentlige rammearkitektur og bruger åbne "
            "standarder uden binding til bestemte leverandører.",
        ),
        (
            "Arkitektur og regulering understøtter hinanden",
            "Regler skrives digitaliseringsklart, og løsningerne kan følge med, når reglerne "
            "ændres.",
        ),
        (
            "Sikkerhed, privatliv og tillid sikres",
            "Informationssikkerhed og beskyttelse af privatlivet bygges ind i løsningerne fra "
            "start.",
        ),
        (
            "Processer optimeres på tværs",
            "Løsninger tilrettelægges på tværs af myndigheder med borgerens og virksomhedens "
            "forløb som udgangspunkt.",
        ),
        (
            "Gode data deles og genbruges",
            "Begreber og data beskrives ensartet, så data kan deles og genbruges i høj kvalitet.",
        ),
        (
            "It-løsninger samarbejder effektivt",
            "Løsninger bygges, så de kan spille sammen med andre organisationers systemer.",
        ),
        (
            "Data og services leveres driftssikkert",
            "Den underliggende infrastruktur lever op til aftalte servicemål.",
        ),
    )
)

CATALOGUE = (
    StrategySpec(
        title=JOINT_STRATEGY,
        kind=StrategyKind.STRATEGY,
        issued_by="KL",
        period_from=2016,
        period_to=2020,
        description="Som en konsekvens af de fællesoffentlige digitaliseringsstrategier og af "
        "aftalerne mellem regeringen og KL om kommunernes økonomi har KL udarbejdet Den "
        "Fælleskommunale Digitaliseringsstrategi 2016-2020.\n\n"
        "Strategien samler kommunerne om en række fælles initiativer i erkendelse af, at "
        "kommunerne i langt højere grad end tidligere må arbejde sammen for at høste gevinsterne "
        "ved digitalisering. Det er intentionen, at den fælleskommunale strategi udgør "
        "grundlaget for hver enkelt kommunes egen digitaliseringsstrategi.",
        approved_by="KL's bestyrelse",
        approved_on=datetime.date(2015, 6, 21),
        url="https://www.kl.dk/okonomi-og-administration/digitalisering-og-teknologi/"
        "kommunernes-digitaliseringsprogram/"
        "den-faelleskommunale-digitaliseringsstrategi-og-handlingsplan-2016-2020/",
        focus_areas=JOINT_FOCUS_AREAS,
    ),
    StrategySpec(
        title=PROGRAMME,
        kind=StrategyKind.PROGRAMME,
        issued_by="KL",
        period_from=2021,
        period_to=2025,
        description="Kommunernes fælles digitaliseringsprogram afløser Den Fælleskommunale "
        "Digitaliseringsstrategi 2016-2020. Programmet er delt i seks delprogrammer, som "
        "kommunernes egne strategier og projekter kan pege på.",
        url="https://www.kl.dk/okonomi-og-administration/digitalisering-og-teknologi/"
        "kommunernes-digitaliseringsprogram/",
        focus_areas=PROGRAMME_FOCUS_AREAS,
    ),
    StrategySpec(
        title=ARCHITECTURE,
        kind=StrategyKind.ARCHITECTURE,
        issued_by="Digitaliseringsstyrelsen",
        # The white paper is from 2017 and names no end; the period only has to hold it.
        period_from=2017,
        period_to=2030,
        description="Hvidbogen om fællesoffentlig digital arkitektur fastlægger otte "
        "principper, som gør arkitekturbeslutninger i projekterne til bevidste valg eller "
        "fravalg. Principperne er fravigelige, men skal vurderes i det konkrete projekt: et "
        "projekt følger princippet eller forklarer, hvorfor det ikke gør.",
        url="https://arkitektur.digst.dk/principper-og-regler",
        principles=ARCHITECTURE_PRINCIPLES,
        principle_kind=PrincipleKind.ARCHITECTURE,
    ),
)

NORDDJURS_VISION = """\
Norddjurs Kommune ønsker, at alle borgere/virksomheder, som kan betjene sig selv, skal gøre \
dette. Der vil altid være borgere, der ikke er digitale, og de skal naturligvis fortsat ydes \
god service. Disse ikke digitale borgere kan få personlig hjælp, enten over telefonen eller i \
borgerservice. En del af rationalet ved, at borgere, der kan selv, skal selv, er netop, at der \
kan frigives ressourcer til dem, der virkelig har brug for det.

Borgerne/virksomhederne skal i videst mulige omfang have adgang til egne data og sager.

Norddjurs Kommune ønsker at give borgerne og virksomhederne den bedst mulige service og ønsker \
at anvende digitaliseringen som et redskab til at levere denne gode service. Servicen skal \
afbalanceres i forhold til de forskellige målgruppers behov og ressourcer.

Norddjurs Kommune ønsker at udbredelsen af mobil- og bredbåndsdækningen udvikles mest muligt, \
således at borgerne får mulighed for at udnytte de digitale muligheder, der stilles til \
rådighed.

Norddjurs Kommune vil arbejde for smartere og mere intuitive selvbetjeningsløsninger, som har \
samspil med bagvedliggende fagsystemer, så henvendelser kan behandles hurtigt og automatisk, \
når det giver mening.

Digitalisering skal give mere effektive og brugervenlige fagsystemer, der gør det nemmere for \
medarbejderne at samarbejde på tværs, inddrage borgere, behandle sager, lave afgørelser mv. \
Digitalisering skal medvirke til, at kommunens ressourcer udnyttes effektivt.

Norddjurs Kommune ønsker en åben og sammenhængende digital kommune, hvor der er fokus på, at \
borgernes oplysninger behandles forsvarligt.
"""

NORDDJURS_DESCRIPTION = """\
Digitaliseringsstrategien for Norddjurs Kommune danner den overordnede ramme for det arbejde, \
der lokalt skal ske i de kommende år. Den fælleskommunale strategi udgør grundlaget, og \
strategien skal ses i sammenhæng med kommunens øvrige politiske grundlag, eksempelvis \
servicestrategi og kommunikationsstrategi.

**Indsatsområder.** En del af indsatserne består i omlægning af arbejdsgange, så de nuværende \
digitale løsninger udnyttes bedst muligt; andre i indkøb, udvikling og implementering af nye \
digitale løsninger. Norddjurs Kommune tilslutter sig fælles aktiviteter, fx projekter fra Den \
Fælleskommunale Digitaliseringsstrategi eller projekter, som KOMBIT tager initiativ til, og \
igangsætter projekter med baggrund i lokale forhold og ønsker.

**Fokusområder.** Norddjurs Kommune vil i lokale digitaliseringsprojekter have fokus på \
fokusområderne i Den Fælleskommunale Digitaliseringsstrategi og følger KL's handlingsplaner, \
suppleret med lokale digitaliseringstiltag.

**Information til borgerne.** Ved hver henvendelse gør medarbejderen opmærksom på, hvilke \
digitale muligheder borgeren og virksomheden har til løsning af henvendelsen.
"""

NORDDJURS_ADDENDUM = """\
Den tværgående digitaliseringsorganisation består af:

- **Den tværgående digitaliseringsstyregruppe**, der træffer beslutninger på det taktiske \
niveau, laver strategiske beslutningsoplæg til direktionen og godkender den årlige indsatsplan.
- **Den tværgående digitaliseringsprogramgruppe**, der træffer beslutninger på det \
operationelle niveau, udarbejder den årlige indsatsplan og administrerer projektporteføljen.
- **De lokale digitaliseringsorganisationer** i forvaltningerne, der opstiller synlige mål \
for gevinstrealisering og leverer lokal projektledelse.
- **Tværgående projektgrupper** (fx monopolbrud, mobil- og bredbånd og BRA/Smart), hvis \
projektledere fremlægger status på Project Board-møder ca. hver 14. dag.
- **Innovation og Digitalisering (IOD)** og **IT-sikkerhedsgruppen**.
"""

# The themes of the vision in section 2; section 4 adopts the fælleskommunale focus areas.
NORDDJURS_FOCUS_AREAS = (
    (
        "Borgere og virksomheder, der kan selv, skal selv",
        "Alle borgere og virksomheder, som kan betjene sig selv, skal gøre det, så der frigives "
        "ressourcer til dem, der virkelig har brug for personlig hjælp.",
    ),
    (
        "Adgang til egne data og sager",
        "Borgerne og virksomhederne skal i videst mulige omfang have adgang til egne data og "
        "sager.",
    ),
    (
        "Mobil- og bredbåndsdækning",
        "Udbredelsen af mobil- og bredbåndsdækningen udvikles mest muligt, så borgerne kan "
        "udnytte de digitale muligheder.",
    ),
    (
        "Smartere selvbetjening i samspil med fagsystemerne",
        "Intuitive selvbetjeningsløsninger, der spiller sammen med fagsystemerne, så "
        "henvendelser kan behandles hurtigt og automatisk, når det giver mening.",
    ),
    (
        "Effektive og brugervenlige fagsystemer",
        "Fagsystemer, der gør det nemmere at samarbejde på tværs, inddrage borgere, behandle "
        "sager og lave afgørelser, så kommunens ressourcer udnyttes effektivt.",
    ),
    (
        "En åben og sammenhængende digital kommune",
        "En åben og sammenhængende digital kommune, hvor borgernes oplysninger behandles "
        "forsvarligt.",
    ),
)

NORDDJURS = (
    StrategySpec(
        title=NORDDJURS_STRATEGY,
        kind=StrategyKind.STRATEGY,
        issued_by="Norddjurs Kommune",
        period_from=2016,
        period_to=2020,
        vision=NORDDJURS_VISION,
        description=NORDDJURS_DESCRIPTION,
        approved_by="Kommunalbestyrelsen",
        approved_on=datetime.date(2016, 1, 21),
        focus_areas=NORDDJURS_FOCUS_AREAS,
        addenda=(
            (
                "Tillæg vedr. ændret organisering",
                datetime.date(2017, 1, 11),
                NORDDJURS_ADDENDUM,
            ),
        ),
    ),
)

REBILD_VISION = """\
Sådan sætter vi den fælles retning for, hvordan Rebild Kommune giver borgere og virksomheder \
bedre og mere fleksibel service, der sikrer selvhjulpenhed og en mere effektiv drift af \
kommunen.

Principperne og kommunens overordnede vision:

- **En sund økonomi:** Vi gevinstrealiserer ved hjælp af digitalisering.
- **Sammenhæng på tværs:** Vi arbejder tværgående med digitaliseringsprojekterne.
- **God talentfuld ledelse:** Digital ledelse skal integreres i den daglige ledelsespraksis.
- **Kompetente og sunde medarbejdere:** Fokus på digital kompetenceudvikling.
"""

REBILD_DESCRIPTION = """\
Digitaliseringsstrategien er bygget op omkring De 7 Principper. De sætter retning for, hvordan \
vi gennemfører digitalisering i Rebild Kommune.

Principperne understøtter målene i den fællesoffentlige og den fælleskommunale \
digitaliseringsstrategi om, at:

- mødet med den kommunale service er sammenhængende, nært og personligt
- det digitale skal være let, hurtigt og sikre god kvalitet
- borgerne føler sig trygge og har tillid til myndighederne (fokus på it- og datasikkerhed)
- gevinster skal være centrum i digitale projekter
- øget anvendelse af den fælleskommunale rammearkitektur skaber sammenhæng og styrker \
konkurrencen på leverandørmarkedet.

**Fra strategi til praksis – en ledelsesopgave.** Ledelsen bakker op og udøver digital \
ledelse ved at prioritere investering i og brug af digitale redskaber, gå forrest med \
implementeringen i egen afdeling, være nysgerrig på nyt med fokus på forbedring af \
arbejdsgange, prioritere samarbejde på tværs og med borgerne og omtale digitalisering som \
noget positivt.
"""

REBILD_PRINCIPLES = (
    PrincipleSpec(
        "Digitalisering skal styrke vores kerneopgave",
        because="Digitalisering skal understøtte løsning af kerneopgaven.",
        explanation="Digitalisering skal skabe mere kvalitet i kerneopgaven for den afdeling, der "
        "ændrer arbejdsgang. Vi prioriterer projekter efter relevans for og styrkelse af "
        "kerneopgaven i den pågældende afdeling.",
        prerequisite="Vi har viden om kerneopgaven samt ressourcer og kompetencer til at skabe "
        "koblingen mellem digitaliseringsprojekter og kerneopgaven. Øvelsen kræver digitalt "
        "orienterede medarbejdere og digital ledelse, hvor ledelsen går forrest og driver "
        "forandringen.",
    ),
    PrincipleSpec(
        "Digitalisering skal gøre borgere og virksomheder selvhjulpne",
        because="De fleste mennesker ønsker at være i stand til at klare sig selv uden andres "
        "hjælp og have størst mulig indflydelse på eget liv.",
        explanation="Vi prioriterer de digitale og velfærdsteknologiske løsninger, der øger "
        "borgernes selvhjulpenhed, og som understøtter, at flere kan klare sig godt i eget liv "
        "længst muligt.",
        prerequisite="Vi har fokus på selvhjulpenhed og borgernes muligheder for at handle selv.",
    ),
    PrincipleSpec(
        "Digitalisering skal skabe effektiviseringer",
        because="Digitaliseringen skal bidrage målrettet til udviklingen af attraktive "
        "arbejdspladser og sikre, at vi arbejder smartere og mere effektivt.",
        explanation="De muligheder, ny teknologi giver for at arbejde mere fleksibelt, effektivt "
        "og med højere kvalitet, skal udnyttes positivt. Vi følger med i de nye teknologiske "
        "muligheder, så vi hele tiden er opmærksomme på nye områder, hvor digitaliseringen kan "
        "give en effektiviseringsgevinst. Vi tilslutter os fælleskommunale initiativer, hvor vi "
        "kan opstille en positiv business case. Vi høster konsekvent de digitale gevinster og "
        "genanvender dem til gavn for borgerne.",
        prerequisite="Vi anvender og opbygger viden om business case. Et værktøj, der kan "
        "anvendes til synliggørelse af gevinster, er gevinstkortet (udviklet af Aalborg "
        "Kommune).",
    ),
    PrincipleSpec(
        "Digitale løsninger skal være brugervenlige",
        because="Det skal være nemt og hurtigt at komme i kontakt med Rebild Kommune.",
        explanation="Borgere og virksomheder, der kan betjene sig selv, skal betjene sig selv. "
        "Borgere og virksomheder skal opleve hurtig afgørelse, når de anvender vores digitale "
        "løsninger. Vi fremmer brugen af digitale selvbetjeningsløsninger, og vi vælger de mest "
        "brugervenlige løsninger. Særligt udsatte grupper får støtte eller personlig service.",
        prerequisite="Vi vælger konsekvent brugervenlige løsninger og følger en tværgående "
        "kanalstrategi.",
    ),
    PrincipleSpec(
        "Vi vælger fælles standarder og it-løsninger, der skaber sammenhæng",
        because="Der skal skabes bedre overblik og sammenhæng i borgerforløb, der går på tværs, "
        "i form af lettere arbejdsgange og bedre service for borgerne.",
        explanation="Vi sikrer, at vi i videst muligt omfang vælger fælles it-løsninger og "
        "anvender de samme standarder og platforme i vores digitaliseringsindsats. Vi stiller de "
        "rette krav til it-leverandører og kontrakter. Derved opnår vi bedre og billigere "
        "integrationer og systemer.",
        prerequisite="For at kunne stille de rette krav er det vigtigt, at It inddrages fra "
        "starten, da det er it-afdelingen, der har overblik over it-systemerne, kender de "
        "eksisterende systemer og deres sammenhæng (it-arkitekturprincipper). It sikrer, at "
        "følgende it-arkitekturprincipper overholdes: vi anvender standarder, vi genbruger, vi "
        "anvender fælles grunddata, og vi køber modulbaserede systemer.",
    ),
    PrincipleSpec(
        "Vi har et højt informationssikkerhedsniveau",
        because="Vi har ansvaret for at sikre borgernes data.",
        explanation="Vi passer på de data, vi har i vores systemer (og nogle gange uden for vores "
        "systemer) – særligt de følsomme persondata. Vi oplever et øget fokus på "
        "informationssikkerhed fra både Datatilsynet, pressen og borgerne og ønsker derfor til "
        "enhver tid at kunne stå på mål for og besvare forespørgsler om vores sikkerhedsindsats. "
        "Derfor prioriterer vi projekter, der øger informationssikkerheden, og vælger den "
        "løsning, der er mest sikker.",
        prerequisite="Kompetencer og viden om informationssikkerhed både i It, hos medarbejderne "
        "og i ledelsen.",
    ),
    PrincipleSpec(
        "Vi skaber fra starten den rette projektorganisering",
        because="Det skaber en god samarbejdsorganisation og sikker drift.",
        explanation="Vi udarbejder en plan for ansvar og opgaver, for eksempel superbruger, "
        "systemadministrator og dataejer. Ved projektopstart tænker vi både den tekniske, "
        "økonomiske og organisatoriske drift ind. Vi rådfører os altid hos It, inden vi køber "
        "nye systemer.",
        prerequisite="It-afdelingen inddrages fra starten. It udarbejder et oplæg til en "
        "fremtidig styring af digitaliseringsindsatsen samt en definition af kompetencer og "
        "opgaver for superbruger, systemadministrator og system- og dataejer. Kompetencer inden "
        "for projekt- og programledelse.",
    ),
)


def _rebild(today: datetime.date) -> tuple[StrategySpec, ...]:
    # The seed names no period. It looks ahead to 2020 and to the Data Protection Agency's
    # attention, so it was written around 2018; the forum still works by it, so the demo
    # keeps it in force.
    return (
        StrategySpec(
            title=REBILD_STRATEGY,
            kind=StrategyKind.STRATEGY,
            issued_by="Rebild Kommune",
            period_from=2018,
            period_to=today.year + 1,
            vision=REBILD_VISION,
            description=REBILD_DESCRIPTION,
            principles=REBILD_PRINCIPLES,
        ),
    )


@transaction.atomic
def load() -> list[tuple[str, str]]:
    """Load the catalogue's, Norddjurs' and Rebild's strategies; no new logins."""
    today = timezone.localdate()
    catalogue = Municipality.objects.get(is_catalogue=True)
    places = {m.code: m for m in Municipality.objects.filter(code__in=["0707", "0840"])}
    for municipality, specs in (
        (catalogue, CATALOGUE),
        (places["0707"], NORDDJURS),
        (places["0840"], _rebild(today)),
    ):
        with scope(municipality=municipality):
            existing = {strategy.title: strategy for strategy in Strategy.objects.all()}
            for spec in specs:
                strategy = existing.get(spec.title) or _strategy(municipality, spec)
                _parts(strategy, spec)
    return []


def _strategy(municipality: Municipality, spec: StrategySpec) -> Strategy:
    return services.create_strategy(
        municipality=municipality,
        actor=None,
        kind=spec.kind,
        title=spec.title,
        issued_by=spec.issued_by,
        period_from=spec.period_from,
        period_to=spec.period_to,
        vision=spec.vision,
        description=spec.description,
        approved_by=spec.approved_by,
        approved_on=spec.approved_on,
        url=spec.url,
    )


def _parts(strategy: Strategy, spec: StrategySpec) -> None:
    areas = set(strategy.focus_areas.values_list("name", flat=True))
    for number, (name, description) in enumerate(spec.focus_areas, start=1):
        if name not in areas:
            services.create_focus_area(
                strategy=strategy, actor=None, number=number, name=name, description=description
            )
    principles = set(strategy.principles.values_list("name", flat=True))
    for number, principle in enumerate(spec.principles, start=1):
        if principle.name not in principles:
            services.create_principle(
                strategy=strategy,
                actor=None,
                kind=spec.principle_kind,
                number=number,
                name=principle.name,
                because=principle.because,
                explanation=principle.explanation,
                prerequisite=principle.prerequisite,
            )
    addenda = set(strategy.addenda.values_list("title", flat=True))
    for title, adopted_on, text in spec.addenda:
        if title not in addenda:
            services.create_addendum(
                strategy=strategy, actor=None, title=title, adopted_on=adopted_on, text=text
            )
