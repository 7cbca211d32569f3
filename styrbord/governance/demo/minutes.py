"""Past meetings with their minutes, and the agenda of the next steering-group meeting.

The topics are those the status note of August 2021 lists for the steering group and its
"Aktuel status" for the Covid-19 group, and those of Rebild's strategy for its forum. The
seeds give no minutes, so the wording of the cases, decisions and action items, the dates
of the steering group's and the forum's meetings and who sent apologies are the demo's own.
"""

import datetime
from dataclasses import dataclass

from styrbord.governance.demo.bodies import SECRETARY
from styrbord.governance.models import ItemKind, Outcome

D = datetime.date
DECISION, DISCUSSION, ORIENTATION = ItemKind.DECISION, ItemKind.DISCUSSION, ItemKind.ORIENTATION
TAKE_NOTE = "Det indstilles, at orienteringen tages til efterretning."


@dataclass(frozen=True)
class Action:
    text: str
    owner: str
    due_on: datetime.date
    completed_on: datetime.date | None = None  # None: still open


@dataclass(frozen=True)
class Item:
    kind: str
    title: str
    background: str
    recommendation: str
    decision: str = ""
    outcome: str = ""
    responsible: str = ""
    actions: tuple[Action, ...] = ()
    wheel: bool = False  # the body's annual-wheel item of the same title
    carried: bool = False  # postponed from the body's earlier meeting, same title
    is_closed: bool = False


@dataclass(frozen=True)
class PastMeeting:
    day: datetime.date
    items: tuple[Item, ...]
    apologies: tuple[str, ...] = ()


COMPETENCES = "Digitale kompetencer: det digitale mindset hos ledere og medarbejdere"

STEERING_MEETINGS = (
    PastMeeting(
        D(2021, 3, 9),
        (
            Item(
                DECISION,
                "Ny digitaliseringsstrategi: Digitaliseringsprogram 2021-2025",
                "Udkastet til »Digitalisering med fokus i Norddjurs Kommune – "
                "Digitaliseringsprogram 2021-2025« afløser Digitaliseringsstrategi 2016-2020. "
                "Programmet skal være rammesættende for styregruppens arbejde fremover.",
                "Det indstilles, at styregruppen godkender udkastet og sender det til politisk "
                "behandling via direktionen.",
                "Godkendt. Udkastet sendes til direktionen med henblik på politisk behandling.",
                Outcome.APPROVED,
                "Tonny Olsen",
                (
                    Action(
                        "Forelægge Digitaliseringsprogram 2021-2025 for direktionen",
                        "Tonny Olsen",
                        D(2021, 4, 15),
                        D(2021, 4, 13),
                    ),
                ),
            ),
            Item(
                DECISION,
                "Webinarløsning: Zoom som supplement til Skype",
                "Behovet for webinarer med mange deltagere er vokset under nedlukningen, og "
                "Skype understøtter det ikke godt. IT og Digitalisering foreslår Zoom som "
                "supplement til Skype.",
                "Det indstilles, at styregruppen godkender Zoom som webinarløsning, når "
                "databeskyttelsesrådgiveren har godkendt databehandleraftalen.",
                "Godkendt som indstillet.",
                Outcome.APPROVED,
                SECRETARY,
                (
                    Action(
                        "Indgå aftale om Zoom-licenser og skrive en vejledning til webinarer",
                        SECRETARY,
                        D(2021, 4, 30),
                        D(2021, 4, 28),
                    ),
                ),
            ),
            Item(
                ORIENTATION,
                "Schrems II: overførsel af persondata til tredjelande",
                "EU-Domstolens dom i sagen Schrems II underkendte Privacy Shield. Kommunen skal "
                "derfor vurdere alle overførsler af persondata til lande uden for EU/EØS, "
                "også ved brug af cloudtjenester.",
                TAKE_NOTE,
                "Taget til efterretning. Databeskyttelsesrådgiveren kortlægger overførslerne.",
                Outcome.NOTED,
                "Kaare Christensen",
                (
                    Action(
                        "Kortlægge overførsler af persondata til tredjelande i kommunens "
                        "it-systemer",
                        "Kaare Christensen",
                        D(2021, 6, 1),
                        D(2021, 5, 27),
                    ),
                ),
            ),
        ),
        apologies=("Trine Grejsen",),
    ),
    PastMeeting(
        D(2021, 6, 8),
        (
            Item(
                DECISION,
                "Office 365 med Teams: implementering 2021-2022",
                "Kommunen overgår til Office 365, og Teams afløser Skype som samarbejds- og "
                "mødeplatform. Implementeringen sker i løbet af 2021-2022 i alle forvaltninger.",
                "Det indstilles, at styregruppen godkender implementeringsplanen.",
                "Godkendt med den ændring, at Teams udrulles til alle medarbejdere før de "
                "øvrige dele af Office 365.",
                Outcome.APPROVED_WITH_CHANGES,
                "Tonny Olsen",
                (
                    Action(
                        "Tilrette implementeringsplanen, så Teams udrulles først",
                        SECRETARY,
                        D(2021, 6, 30),
                        D(2021, 6, 24),
                    ),
                ),
            ),
            Item(
                DECISION,
                "Fyrtårnsprojekter, som styregruppen følger",
                "Programgruppen foreslår, at styregruppen følger de projekter tæt, der har "
                "størst betydning for hele organisationen: Aula, Fasit, Borgerblikket og "
                "Office 365.",
                "Det indstilles, at styregruppen udpeger de fire projekter som "
                "fyrtårnsprojekter og får status på dem på hvert møde.",
                "Godkendt. Aula, Fasit, Borgerblikket og Office 365 er fyrtårnsprojekter.",
                Outcome.APPROVED,
                SECRETARY,
            ),
            Item(
                DECISION,
                "Konferencelokaler: mødelokaler med virtuelt udstyr",
                "Flere møder holdes nu med deltagere både i lokalet og online. Et antal "
                "mødelokaler foreslås opgraderet med virtuelt mødeudstyr.",
                "Det indstilles, at styregruppen godkender opgraderingen inden for "
                "digitaliseringsbudgettet.",
                "Godkendt.",
                Outcome.APPROVED,
                "Tonny Olsen",
            ),
        ),
        apologies=("Lene Mehlsen Thomsen",),
    ),
    PastMeeting(
        D(2021, 9, 14),
        (
            Item(
                DECISION,
                "Intranet: erstatter medarbejderportalen på norddjurs.dk",
                "Medarbejderportalen på norddjurs.dk erstattes af et intranet, hvor også de "
                "tværgående gruppers materiale samles.",
                "Det indstilles, at styregruppen godkender tidsplanen for overgangen.",
                "Godkendt.",
                Outcome.APPROVED,
                SECRETARY,
                (
                    Action(
                        "Flytte styregruppens materiale til det nye intranet",
                        SECRETARY,
                        D(2021, 11, 1),
                        D(2021, 10, 28),
                    ),
                ),
            ),
            Item(
                ORIENTATION,
                "Borgerblikket: status på bølgeplanen",
                "Borgerblikket giver borgerne adgang til egne data og implementeres løbende "
                "efter den landsdækkende bølgeplan.",
                TAKE_NOTE,
                "Taget til efterretning.",
                Outcome.NOTED,
                "Tonny Olsen",
            ),
            Item(
                DISCUSSION,
                "Gevinstrealisering: hvad er det, og hvordan arbejder man med det?",
                "Gevinstrealiseringen og ansvaret for den ligger ude i forvaltningerne, men "
                "forudsætter samarbejde på tværs om rammer, viden og indsatser.",
                "Det indstilles, at styregruppen drøfter, hvordan gevinster synliggøres og "
                "følges op i de tværgående projekter.",
                "Drøftet. Gevinsterne beskrives i startdokumentet for hvert tværgående projekt "
                "og følges op, når projektporteføljen justeres.",
                Outcome.NOTED,
                "Tonny Olsen",
            ),
        ),
        apologies=("Søs Fuglsang",),
    ),
    PastMeeting(
        D(2022, 3, 8),
        (
            Item(
                DECISION,
                "KOMBIT-projekter: planlægning, udrulning og opfølgning",
                "KOMBIT-projekterne kræver projektplanlægning, udrulning og opfølgning i "
                "flere forvaltninger. Programgruppen foreslår én samlet plan for dem i "
                "projektporteføljen.",
                "Det indstilles, at styregruppen godkender, at programgruppen fører en samlet "
                "plan for kommunens KOMBIT-projekter.",
                "Godkendt.",
                Outcome.APPROVED,
                SECRETARY,
                (
                    Action(
                        "Samle KOMBIT-projekterne i projektporteføljen",
                        SECRETARY,
                        D(2022, 4, 30),
                        D(2022, 4, 26),
                    ),
                ),
            ),
            Item(
                DECISION,
                COMPETENCES,
                "Digitaliseringsprogram 2021-2025 lægger vægt på at udvikle det digitale "
                "mindset hos ledere og medarbejdere, herunder arbejdet med digitale "
                "kompetencer. Programgruppen foreslår et forløb om digital ledelse.",
                "Det indstilles, at styregruppen godkender et forløb om digital ledelse for "
                "alle ledere.",
                "Udsat til næste møde, så forløbet kan beskrives nærmere med økonomi.",
                Outcome.POSTPONED,
                "Tonny Olsen",
            ),
        ),
        apologies=("Kim B. Nielsen",),
    ),
    PastMeeting(
        D(2022, 6, 14),
        (
            Item(
                DECISION,
                COMPETENCES,
                "Forløbet om digital ledelse er nu beskrevet med økonomi.",
                "Det indstilles, at styregruppen godkender forløbet.",
                "Godkendt med den ændring, at forløbet først afprøves i Skole og Dagtilbud og "
                "i Sundhed og Omsorg.",
                Outcome.APPROVED_WITH_CHANGES,
                "Tonny Olsen",
                (
                    Action(
                        "Planlægge et pilotforløb om digital ledelse",
                        SECRETARY,
                        D(2022, 9, 30),
                        D(2022, 9, 20),
                    ),
                ),
                carried=True,
            ),
            Item(
                ORIENTATION,
                "Status på fyrtårnsprojekterne",
                "Status på Aula, Fasit, Borgerblikket og Office 365. Teams er udrullet til "
                "alle medarbejdere.",
                TAKE_NOTE,
                "Taget til efterretning.",
                Outcome.NOTED,
                SECRETARY,
            ),
        ),
    ),
    PastMeeting(
        D(2026, 9, 8),
        (
            Item(
                DECISION,
                "Justering af projektportefølje",
                "Programgruppen har opdateret projektporteføljen, ansvar og opgaver.",
                "Det indstilles, at styregruppen godkender den justerede projektportefølje.",
                "Godkendt.",
                Outcome.APPROVED,
                SECRETARY,
                wheel=True,
            ),
            Item(
                DISCUSSION,
                "Afrapportering på Digitaliseringsprogram 2021-2025",
                "Programperioden er slut. Programgruppen har samlet, hvad der er nået, og hvad "
                "der fortsætter.",
                "Det indstilles, at styregruppen drøfter afrapporteringen, før den forelægges "
                "direktionen.",
                "Drøftet. Afrapporteringen forelægges direktionen.",
                Outcome.NOTED,
                "Tonny Olsen",
                (
                    Action(
                        "Forelægge afrapporteringen på Digitaliseringsprogram 2021-2025 for "
                        "direktionen",
                        "Tonny Olsen",
                        D(2026, 12, 15),
                    ),
                ),
            ),
            Item(
                ORIENTATION,
                "Digitale kompetencer: erfaringer fra forløbet om digital ledelse",
                "Forløbet om digital ledelse er gennemført i alle chefområder.",
                TAKE_NOTE,
                "Taget til efterretning.",
                Outcome.NOTED,
                SECRETARY,
                (
                    Action(
                        "Samle erfaringerne fra forløbet til et oplæg på digitaliseringsseminaret",
                        SECRETARY,
                        D(2027, 3, 31),
                    ),
                ),
            ),
        ),
        apologies=("Trine Grejsen",),
    ),
)

COVID_MEETINGS = (
    PastMeeting(
        D(2021, 5, 4),
        (
            Item(
                DISCUSSION,
                "Genåbning: dilemmaer og udfordringer i en gradvist normaliseret hverdag",
                "Efter mere end et år med restriktioner, omlagte arbejdsrutiner og "
                "arbejdsgange drøfter gruppen, hvordan organisationen sikres den bedst mulige "
                "genåbning, hvor trivsel og arbejdsglæde bevares.",
                "Det indstilles, at gruppen drøfter, hvilke dilemmaer og udfordringer der kan "
                "opstå, og hvordan de kan håndteres.",
                "Drøftet.",
                Outcome.NOTED,
                "Christian Bertelsen",
            ),
        ),
    ),
    PastMeeting(
        D(2021, 6, 7),
        (
            Item(
                DISCUSSION,
                "Erfaringer og løsninger fra det seneste år, der skal fastholdes",
                "De bedste erfaringer og løsninger fra det seneste år skal fastholdes og "
                "videreudvikles til gavn for den borgerrettede service.",
                "Det indstilles, at gruppen drøfter, hvordan organisationen kan handle "
                "proaktivt for en god genåbning for borgere, pårørende, ledere og medarbejdere.",
                "Drøftet. Sekretariatet samler temaerne i et udkast til afrapportering.",
                Outcome.NOTED,
                "Christian Bertelsen",
            ),
        ),
    ),
    PastMeeting(
        D(2021, 9, 9),
        (
            Item(
                DECISION,
                "Afrapportering: opsamling og fremtidsperspektiver post-corona",
                "Afrapporteringen retter opmærksomhed på temaer, forhold og muligheder, der er "
                "væsentlige for den bedst mulige løsning af kerneopgaven i den fremtidige "
                "organisation post-corona.",
                "Det indstilles, at gruppen godkender afrapporteringen, og at den deles bredt "
                "i organisationen.",
                "Godkendt. Afrapporteringen deles bredt i organisationen, og gruppens arbejde "
                "er afsluttet.",
                Outcome.APPROVED,
                "Christian Bertelsen",
            ),
        ),
    ),
)

FORUM_MEETINGS = (
    PastMeeting(
        D(2026, 3, 10),
        (
            Item(
                DECISION,
                "It og digitalisering: roller, ansvar og opgaver",
                "For alle systemer skal der være en system- og dataejer. Der skal være en "
                "system- og dataejer i alle centre, der bruger et system, undtagen "
                "fællessystemer, hvor ansvaret ligger i It.",
                "Det indstilles, at forum godkender beskrivelsen af roller, ansvar og opgaver, "
                "og at centrene udpeger system- og dataejere.",
                "Godkendt.",
                Outcome.APPROVED,
                "Centerchefen for Fællescenter Økonomi og It",
                (
                    Action(
                        "Opdatere KITOS med centrenes system- og dataejere",
                        SECRETARY,
                        D(2026, 5, 1),
                        D(2026, 4, 27),
                    ),
                ),
            ),
        ),
    ),
    PastMeeting(
        D(2026, 6, 9),
        (
            Item(
                DISCUSSION,
                "Lad os tænke smart sammen: Robotic Process Automation (RPA)",
                "Kan vi automatisere flere arbejdsgange med nye robotteknologier? Flere "
                "kommuner er i gang med pilotprojekter.",
                "Det indstilles, at forum drøfter, om Rebild Kommune skal igangsætte et "
                "pilotprojekt med RPA.",
                "Drøftet. It undersøger en positiv business case for et pilotprojekt.",
                Outcome.NOTED,
                "Kommunaldirektøren",
            ),
            Item(
                ORIENTATION,
                "Fællesoffentlige og fælleskommunale initiativer",
                "Status på implementeringen af de lovpligtige fællesoffentlige og "
                "fælleskommunale initiativer i Rebild Kommune.",
                TAKE_NOTE,
                "Taget til efterretning.",
                Outcome.NOTED,
                "Centerchefen for Fællescenter Økonomi og It",
            ),
        ),
    ),
)


def upcoming_steering_items(year: int) -> tuple[Item, ...]:
    """The items the secretary has added so far to the next steering-group meeting, held
    in ``year``; the wheel's items are already on it from plan the year."""
    return (
        Item(
            DECISION,
            f"Indsatsplan for {year + 1} fra programgruppen",
            "Programgruppen udarbejder en årlig indsatsplan til godkendelse i styregruppen med "
            "forslag til prioritering af de tværgående projekter og aktiviteter.",
            "Det indstilles, at styregruppen godkender indsatsplanen.",
            responsible="Kenneth Andersen",
        ),
        Item(
            DISCUSSION,
            "Evaluering af Digitaliseringsprogram 2021-2025",
            "Digitaliseringsprogram 2021-2025 har været rammesættende for styregruppens "
            "arbejde. Evalueringen er grundlaget for den strategiske retning fremover.",
            "Det indstilles, at styregruppen drøfter evalueringen.",
            responsible="Tonny Olsen",
        ),
        Item(
            ORIENTATION,
            "Risikovurdering af kritiske it-systemer",
            "Risikostyringen er sat i system og implementeres i første omgang på kritiske "
            "it-systemer og systemområder. Punktet er lukket, fordi risikovurderingerne "
            "beskriver sårbarheder i kommunens it-systemer.",
            TAKE_NOTE,
            responsible="Kaare Christensen",
            is_closed=True,
        ),
    )
