"""Norddjurs' action plan and digitalisation budget for the current year, as data.

The programme group's task and the wording of the introduction come from the seeds
(the 2016 strategy's "Organisering" and the terms of reference): it drafts "en årlig
indsatsplan, til godkendelse i den tværgående digitaliseringsstyregruppe, der angiver
prioritering af de tværgående projekter og aktiviteter" and makes sure "at indsatsplanen
dækker efterspørgslen". The seeds give no amounts, scores or hours; those are the demo's own.
"""

from typing import NamedTuple

from styrbord.portfolio.demo.norddjurs import BROADBAND, SCHREMS

# (requested, allocated) hours of one org unit in one quarter; None when none are asked.
Hours = tuple[int, int] | None

POOL_AMOUNT = 2_500_000
POOL_NOTE = (
    "Den tværgående digitaliseringspulje i årets budget, som kommunalbestyrelsen har afsat til "
    "digitalisering på tværs af chefområderne, og som digitaliseringsstyregruppen forvalter. "
    "Puljen finansierer indsatsplanens prioriterede projekter og aktiviteter. Styregruppen kan "
    "desuden afsætte midler direkte til projekter, som IOD igangsætter og administrerer "
    "(Digitaliseringsstrategi 2016-2020, afsnittet om IOD)."
)

INTRODUCTION = """\
Programgruppen udarbejder hvert år en indsatsplan til godkendelse i styregruppen, der angiver \
prioriteringen af de tværgående projekter og aktiviteter. Programgruppen skal samtidig sikre, \
at indsatsplanen dækker efterspørgslen: de projektforslag og idéer, som ikke er med i planen, \
står på dækningssiden med begrundelsen.

Planen prioriterer først de lovpligtige og fælleskommunale indsatser og de projekter, der er \
fundamentet for det digitale arbejde, derefter kompetencerne, som de andre indsatser bygger \
på. Hver indsats får midler fra den tværgående digitaliseringspulje og timer fra de \
chefområder, der skal løfte den.

Styregruppen tager kun i særlige tilfælde stilling til prioritering af og ressourcetildeling \
til de enkelte indsatser; det sker i en revision af planen."""

EVALUATION = "Evaluering af Digitaliseringsprogram 2021-2025"
# The idea the plan does not cover; the portfolio demo parks it as "consider later".
DRONE_IDEA = "Droner til tilsyn med kommunale bygninger"
DRONE_IDEA_REASON = (
    "IOD afprøver i år droner til vejsyn med midler direkte fra puljen. Tagtilsyn med droner "
    "tages op igen, når erfaringerne fra forsøget og afklaringen af reglerne for "
    "droneflyvning foreligger."
)

PLAN_DECISION = (
    "Godkendt. Styregruppen bemærker, at IT og Digitalisering er overbooket i 3. kvartal, og "
    "beder programgruppen finde timerne eller foreslå en justering i en revision af planen."
)


class Row(NamedTuple):
    """One item of the plan: a project by name, or an activity by title."""

    project: str
    title: str
    rationale: str
    requested: int
    allocated: int
    # (score, comment) on the five default criteria, in their order: strategic importance,
    # benefit potential, obligation, risk, resource demand.
    scores: tuple[tuple[int, str], ...]
    hours: dict[str, tuple[Hours, Hours, Hours, Hours]]


IT, STAB, BS, SO, KU = (
    "IT og Digitalisering",
    "Staben",
    "Borgerservice",
    "Sundhed og Omsorg",
    "Kultur og Udvikling",
)

# Hours each org unit can give the plan per quarter. IT og Digitalisering has fewer in the
# third quarter (the summer holidays), where the plan asks more of it than it has: the
# over-allocation the steering group notes in its decision.
CAPACITY: dict[str, tuple[int, int, int, int]] = {
    IT: (600, 600, 420, 550),
    STAB: (300, 330, 200, 250),
    BS: (120, 120, 80, 120),
    SO: (160, 160, 120, 160),
}

ITEMS: tuple[Row, ...] = (
    Row(
        SCHREMS,
        "",
        "Overførsel af personoplysninger til tredjelande skal være lovlig. Opfølgningen på "
        "Schrems II-dommen er et lovkrav og kan ikke vente.",
        250_000,
        250_000,
        (
            (4, "Sikkerhed og tillid er en forudsætning for den digitale kommune."),
            (2, "Gevinsten er lovlig databehandling, ikke besparelser."),
            (5, "Lovkrav efter databeskyttelsesforordningen."),
            (3, "Afhænger af leverandørernes svar om tredjelandsoverførsler."),
            (2, "Først og fremmest timer i Staben og IT og Digitalisering."),
        ),
        {
            STAB: ((100, 100), (100, 100), (60, 60), (80, 80)),
            IT: ((60, 60), (60, 60), (40, 40), (40, 40)),
        },
    ),
    Row(
        "Office 365 med Teams",
        "",
        "Fundamentet for samarbejdet på tværs af kommunen. Migreringen er forsinket, og planen "
        "prioriterer at få den i mål.",
        700_000,
        550_000,
        (
            (5, "Kommunernes digitale fundamenter: alle medarbejdere berøres."),
            (4, "Færre systemer og mindre tid på mails og møder."),
            (3, "Følger de fælleskommunale standarder, men er ikke et lovkrav."),
            (4, "Projektet er rødt: migreringen af fællespostkasserne er forsinket."),
            (5, "Det største træk på IT og Digitalisering i planen."),
        ),
        {
            IT: ((300, 300), (320, 280), (260, 260), (240, 240)),
            STAB: ((40, 40), (40, 40), None, None),
            BS: ((30, 30), (30, 30), (20, 20), (20, 20)),
        },
    ),
    Row(
        "Digitale kompetencer",
        "",
        "Det digitale mindset hos ledere og medarbejdere er en forudsætning for, at de andre "
        "indsatser giver gevinst.",
        200_000,
        200_000,
        (
            (5, "Fokusområdet gevinstrealisering og kompetenceudvikling."),
            (4, "Bedre brug af de systemer, kommunen allerede har."),
            (2, "Ikke et krav, men anbefalet i den fælleskommunale strategi."),
            (2, "Forløbet er afprøvet i flere chefområder."),
            (3, "Timer fra Staben og undervisere fra IT og Digitalisering."),
        ),
        {
            STAB: ((60, 60), (60, 60), (30, 30), (60, 60)),
            IT: ((40, 40), (40, 40), (20, 20), (40, 40)),
        },
    ),
    Row(
        "Udnyttelse af velfærdsteknologi",
        "",
        "Velfærdsteknologien i Sundhed og Omsorg giver de største dokumenterede gevinster for "
        "borgerne. Udbredelsen fortsætter.",
        500_000,
        400_000,
        (
            (5, "Sammenhængende velfærdsforløb og borgere, der mestrer eget liv."),
            (5, "Dokumenterede gevinster i hjemmeplejen."),
            (2, "Intet lovkrav; anbefalet fælleskommunalt."),
            (3, "Udbredelsen kræver forandring i mange teams."),
            (4, "Mange timer i Sundhed og Omsorg."),
        ),
        {
            SO: ((150, 150), (150, 150), (100, 100), (150, 150)),
            IT: ((80, 80), (80, 80), (80, 60), (80, 80)),
        },
    ),
    Row(
        "Borgerblikket",
        "",
        "En fælleskommunal løsning, som kommunen har forpligtet sig til at tage i brug. "
        "Borgerservice og IT og Digitalisering sikrer implementeringen.",
        150_000,
        100_000,
        (
            (3, "Borgerbetjening: borgerne ser deres sager samlet."),
            (3, "Færre henvendelser om, hvor langt en sag er."),
            (4, "Aftalt fælleskommunalt gennem KOMBIT."),
            (2, "Løsningen er i drift i andre kommuner."),
            (2, "En begrænset lokal indsats."),
        ),
        {
            BS: ((80, 80), (80, 60), (40, 40), (80, 80)),
            IT: ((40, 40), (40, 40), (40, 40), (40, 40)),
        },
    ),
    Row(
        "",
        EVALUATION,
        "Programperioden er slut. Programgruppen samler, hvad der er nået, som grundlag for "
        "styregruppens drøftelse af den strategiske retning fremover.",
        100_000,
        80_000,
        (
            (4, "Grundlaget for den næste strategiske retning."),
            (2, "Gevinsten er bedre beslutninger, ikke kroner."),
            (1, "Ikke et krav."),
            (1, "Lav risiko."),
            (2, "Timer i Staben og programgruppen og lidt ekstern sparring."),
        ),
        {
            STAB: ((40, 40), (40, 40), (80, 80), (60, 60)),
            IT: ((20, 20), (20, 20), (40, 40), (20, 20)),
        },
    ),
    Row(
        "",
        "Kompetenceløft i digital ledelse",
        "Et forløb om digital ledelse for lederne i alle chefområder, som supplerer projektet "
        "Digitale kompetencer.",
        150_000,
        120_000,
        (
            (4, "Digital transformation kræver ledere, der går forrest."),
            (3, "Lederne omsætter de digitale muligheder til praksis."),
            (1, "Ikke et krav."),
            (2, "Afhænger af, at lederne kan finde tiden."),
            (2, "En ekstern underviser og timer i Staben."),
        ),
        {
            STAB: ((40, 40), (60, 60), None, None),
            IT: ((20, 20), (20, 20), None, None),
        },
    ),
    Row(
        "",
        "Digitaliseringsseminar",
        "Programgruppen planlægger, koordinerer og er vært på det årlige interne "
        "digitaliseringsseminar, hvor de tværgående projekter deler deres erfaringer.",
        60_000,
        50_000,
        (
            (3, "Videndeling med de lokale digitaliseringsorganisationer."),
            (2, "En indirekte gevinst gennem videndeling."),
            (1, "Ikke et krav."),
            (1, "Holdes hvert år."),
            (1, "Én dag og forberedelsen."),
        ),
        {
            IT: (None, (40, 40), None, None),
            STAB: (None, (20, 20), None, None),
        },
    ),
)

# The revision: the broadband proposal, which came after the plan was approved, and the
# evaluation moved up two places.
CHANGE_NOTE = (
    "Revisionen optager projektforslaget om bedre mobil- og bredbåndsdækning i "
    "landdistrikterne, som er kommet til efter godkendelsen, med 150.000 kr. til dækningskortet "
    "i 4. kvartal. Evalueringen af Digitaliseringsprogram 2021-2025 rykker to pladser op, fordi "
    "den er grundlaget for styregruppens drøftelse af den strategiske retning på næste møde."
)
REVISION_CAPACITY = {KU: {4: 80}}
REVISION_ITEM = Row(
    BROADBAND,
    "",
    "Projektforslaget kom efter godkendelsen af planen. Puljen betaler dækningskortet, så den "
    "fælles ansøgning til bredbåndspuljen kan sendes; selve projektet finansieres eksternt.",
    200_000,
    150_000,
    (
        (4, "Fokusområdet mobil- og bredbåndsdækning."),
        (4, "Flere husstande i landdistrikterne med hurtigt bredbånd."),
        (2, "Ikke et lovkrav."),
        (4, "Afhænger af teleselskaberne og af tilsagn fra puljen."),
        (3, "Timer i Kultur og Udvikling og IT og Digitalisering i 4. kvartal."),
    ),
    {
        IT: (None, None, None, (40, 40)),
        KU: (None, None, None, (60, 60)),
    },
)
MOVED_UP = EVALUATION
