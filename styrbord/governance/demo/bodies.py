"""Norddjurs' bodies, their members and annual wheels, and Rebild's Digitaliseringsforum.

Names, titles, members and chairs come from "Status på tværgående grupper – august 2021",
the "Kommissorium for den tværgående digitaliseringsorganisation" with its Bilag 1 (årshjul)
and the 2016 digitalisation strategy; Rebild's forum from its strategy's "It og
digitalisering – roller, ansvar og opgaver". Where the seeds are silent, a comment says so.
"""

import datetime

from styrbord.governance.models import BodyKind, Cadence, DecisionLevel, ItemKind, MemberRole

K, L, C = BodyKind, DecisionLevel, Cadence
CHAIR, SECRETARY_ROLE, MEMBER = MemberRole.CHAIR, MemberRole.SECRETARY, MemberRole.MEMBER

# Key for the person of the login ``norddjurs-redaktoer`` (or ``rebild-redaktoer``): the
# seeds say "en medarbejder fra Digitalisering" is secretary but give no name.
SECRETARY = "@secretary"

STEERING = "Den tværgående digitaliseringsstyregruppe"
PROGRAMME = "Den tværgående digitaliseringsprogramgruppe"
IT_SECURITY = "IT-sikkerhedsgruppen"
INFOSEC = "Informationssikkerhedsudvalget"
COVID = "Gruppe for opsamling og fremtidsperspektiver på baggrund af Covid-19"
FORUM = "Digitaliseringsforum"

STEERING_TERMS = """\
Uddrag af *Kommissorium for den tværgående digitaliseringsorganisation*.

## Baggrund

Digitalisering er en af de vigtigste veje til bedre kvalitet og service samt højere
effektivitet i den kommunale opgaveløsning. Det forudsætter, at arbejdet med digitalisering
i Norddjurs Kommune fortsat styrkes som en integreret del af driften, ledelsesopgaven og på
tværs af alle niveauer.

## Ledelsesmæssig forankring

Der er behov for en ledelsesmæssig forankring af den tværgående digitaliseringsindsats, for at

- vi i Norddjurs fremadrettet kan være på forkant med udviklingen og sikre den nødvendige
  gevinstrealisering
- vi i Norddjurs på tværs af kommunen kan arbejde intelligent og effektivt med digitalisering
- vi i Norddjurs på tværs af kommunen kan udnytte de ressourcer og den viden, der er forankret
  centralt i vores it- og digitaliseringsorganisation.

## Styregruppen understøtter, at

- Norddjurs Kommune har klare og fælles kommunale strategiske mål på det digitale område, og
  at kommunens digitale indsatser prioriteres og styres i overensstemmelse med disse
- digitaliseringsstrategien udmøntes og koordineres med kommunens øvrige strategier
- det digitale arbejde har et visionært afsæt
- Norddjurs indgår i strategiske partnerskaber på digitaliseringsområdet, hvor det giver mening
- der træffes de nødvendige beslutninger, så digitaliseringsindsatsen understøttes
- direktion og chefforum informeres vedrørende digitaliseringsindsatsen.

## Sammensætning

- Styregruppeformand: Chef for Borgerservice, IT og Digitalisering.
- Øvrige medlemmer er ledelsesmæssige repræsentanter, der bredt dækker organisationen:
  stabschefen, 2 chefer fra velfærdsområdet, 1 chef fra fællesforvaltningsområdet og lederen
  af Digitalisering.
- En medarbejder fra Digitalisering dækker sekretærrollen.

## Arbejdsform og mødefrekvens

- Der afholdes fire årlige møder.
- Dagsorden udsendes forud for hvert møde med tilhørende indstillinger og notater, og med
  mulighed for, at emner kan behandles på chefmøder inden behandling i styregruppen.
- Møderne vil primært indeholde emner til information og punkter til beslutninger.
- Formanden for programgruppen og styregruppens sekretær forbereder materialet, der forud for
  udsendelse godkendes af styregruppens formand.
"""

PROGRAMME_TERMS = """\
Uddrag af *Kommissorium for den tværgående digitaliseringsorganisation*.

## Operationel forankring

Der er behov for en operationel forankring af den tværgående digitaliseringsindsats, for at

- understøtte de lokale digitaliseringsorganisationer via involvering, dialog og videndeling
- etablere et tværgående overblik over digitaliseringsprojekter i hele kommunen
- bistå til lokal motivation og optimere gevinstrealisering ved at udbygge det
  tværkommunale samarbejde
- understøtte den løbende fremdrift af de tværgående digitaliseringsindsatser.

## Programgruppens opgaver

- Levere de nødvendige input til styregruppen og direktionen.
- Udarbejde en årlig indsatsplan til godkendelse i styregruppen med forslag til prioritering
  af de tværgående projekter og aktiviteter.
- Træffe de nødvendige operationelle beslutninger, der understøtter, at de tværgående
  projekter og aktiviteter er i fremdrift.
- Synliggøre mulige gevinster i tværgående digitaliseringsprojekter.
- Administrere kommunens projektportefølje (nationale og fælleskommunale, tværkommunale og
  lokale digitaliseringsprojekter) og en systemportefølje.
- Sikre og koordinere tværgående dialog og videndeling til de lokale
  digitaliseringsorganisationer.

## Sammensætning

- Formand for programgruppen: Leder af Digitalisering.
- 1 repræsentant fra Staben og 1 repræsentant fra hver af fagchefområderne.
- En medarbejder fra Digitalisering dækker sekretærrollen.

## Arbejdsform og mødefrekvens

- Programgruppen afholder fire årlige møder, der følger styregruppens mødekadence. Møder
  herudover afholdes efter behov.
- Programgruppen planlægger, koordinerer og er vært på et årligt digitaliseringsseminar.
- Dagsorden udsendes i passende tid forud for hvert møde. Formanden er mødeleder.
- Sekretæren skriver referat og står for mødeindkaldelser og bookning af lokaler.
"""

IT_SECURITY_TERMS = """\
Fra informationssikkerhedspolitikken (2011), som gengivet i Digitaliseringsstrategi 2016-2020:

- IT-sikkerhedsgruppen består af Norddjurs Kommunes øverste sikkerhedsansvarlige samt en
  IT-ansvarlig fra hvert direktørområde, udpeget af direktørerne blandt områdets medarbejdere.
- Gruppen er normgivende og fastsætter på grundlag af den godkendte
  informationssikkerhedspolitik de regler, procedurer m.v., der sikrer at målene opfyldes.
- Gruppen behandler alle spørgsmål om informationssikkerhed af principiel karakter.
- Gruppen foretager én gang om året en vurdering af informationssikkerhedspolitikken og
  vurderer én gang årligt, om der er behov for fornyet risikovurdering/konsekvensanalyse.
- Opgaverne er beskrevet i Forretningsorden for IT-sikkerhedsgruppen, som gruppen selv vedtager.
"""

FORUM_TERMS = """\
Fra Rebild Kommunes *It og digitalisering – roller, ansvar og opgaver*: Strategisk
ledergruppe har rollen som Digitaliseringsforum og skal

- sikre at digitalisering bliver et udbredt redskab til at opnå effektiviseringer i kommunen
- udstikke mål og rammer for udvikling og prioritering af konkrete tværgående
  digitaliseringsinitiativer
- have en strategisk vinkel på Rebild Kommunes tilgang til fællesoffentlige og
  fælleskommunale digitaliseringsstrategier
- sikre at de lovpligtige fællesoffentlige og fælleskommunale initiativer implementeres i
  Rebild Kommune (IT kan assistere)
- sikre ejerskab og fremdrift i tværgående digitaliseringsinitiativer (IT kan assistere).
"""

# The seeds give no cadence for the city council, the executive board or IOD, and no agenda
# lead time in days for any body; those below are the model's default or plausible guesses.
# Each row is create_body's fields, with ``reports_to`` as a name of an earlier row.
NORDDJURS_BODIES: list[dict] = [
    {
        "name": "Kommunalbestyrelsen",
        "kind": K.CITY_COUNCIL,
        "decision_level": L.STRATEGIC,
        "cadence": C.MONTHLY,
        "purpose": "Vedtager kommunens digitaliseringsstrategi; Digitaliseringsstrategi "
        "2016-2020 blev godkendt af kommunalbestyrelsen den 21. januar 2016.",
    },
    {
        "name": "Direktionen",
        "kind": K.EXECUTIVE_BOARD,
        "decision_level": L.STRATEGIC,
        "reports_to": "Kommunalbestyrelsen",
        "cadence": C.WEEKLY,
        "purpose": "Træffer de strategiske beslutninger på baggrund af styregruppens "
        "beslutningsoplæg og godkender nedsættelse og bemanding af de tværgående grupper.",
    },
    {
        "name": STEERING,
        "short_name": "Styregruppen",
        "kind": K.STEERING_GROUP,
        "decision_level": L.TACTICAL,
        "reports_to": "Direktionen",
        "cadence": C.QUARTERLY,
        "purpose": "At arbejdet med digitalisering i Norddjurs Kommune fortsat styrkes som en "
        "integreret del af driften, ledelsesopgaven og på tværs af alle niveauer, herunder "
        "med en struktur, forankring og formalisering af digitaliseringsarbejdet på tværs af "
        "hele kommunen.",
        "terms_of_reference": STEERING_TERMS,
        "terms_approved_by": "Direktionen",
    },
    {
        "name": PROGRAMME,
        "short_name": "Programgruppen",
        "kind": K.PROGRAMME_GROUP,
        "decision_level": L.OPERATIONAL,
        "reports_to": STEERING,
        "cadence": C.QUARTERLY,
        "purpose": "At koordinere fremdriften med digitalisering i kommunen og understøtte, at "
        "der træffes de fornødne beslutninger, samt løbende sikre et tværgående overblik over "
        "alle digitaliseringsprojekter i hele kommunen.",
        "terms_of_reference": PROGRAMME_TERMS,
        "terms_approved_by": "Direktionen",
    },
    {
        "name": INFOSEC,
        "kind": K.INFORMATION_SECURITY_COMMITTEE,
        "decision_level": L.TACTICAL,
        "reports_to": "Direktionen",
        "cadence": C.QUARTERLY,
        "purpose": "Agerer styrende organ for informationssikkerhed og varetager kommunens "
        "samlede overordnede interesser vedrørende informationssikkerhed, herunder "
        "informationssikkerhedspolitikken og at retningslinjer og procedurer løbende bliver "
        "ajourført og forankret i organisationen.",
        "terms_approved_by": "Direktionen",
    },
    {
        # "Med reference til den øverste sikkerhedsansvarlige"; the technical counterpart of
        # the information-security committee. The seeds give no cadence beyond the yearly
        # review of the policy, so it meets once a year.
        "name": IT_SECURITY,
        "kind": K.IT_SECURITY_GROUP,
        "decision_level": L.TACTICAL,
        "reports_to": INFOSEC,
        "cadence": C.YEARLY,
        "purpose": "Har ansvaret for at sikre, at målsætningen for "
        "informationssikkerhedspolitikken bliver opfyldt (teknisk sikkerhed).",
        "terms_of_reference": IT_SECURITY_TERMS,
    },
    {
        "name": "Tværgående koordineringsgruppe for økonomi",
        "short_name": "Koordineringsgruppe for økonomi",
        "kind": K.COORDINATION_GROUP,
        "reports_to": "Direktionen",
        "cadence": C.AS_NEEDED_QUARTERLY,
        "purpose": "At sikre forankring på tværs i forhold til økonomiske emner på en enkel "
        "måde, skabe rum for nye idéer på området og gøre det hurtigere og lettere at "
        "implementere vedtagne målsætninger på økonomiområdet.",
    },
    {
        "name": COVID,
        "short_name": "Covid-19-gruppen",
        "kind": K.OTHER,
        "reports_to": "Direktionen",
        "cadence": C.AS_NEEDED,
        "purpose": "Hvordan organisationen vender tilbage til en mere almindelig hverdag efter "
        "covid-19: den bedst mulige genåbning, hvor trivsel og arbejdsglæde bevares, og hvor "
        "de bedste erfaringer og løsninger fra det seneste år fastholdes og videreudvikles.",
        "terms_approved_by": "Direktionen",
    },
    {
        "name": "Gruppe for bæredygtighed",
        "kind": K.OTHER,
        "reports_to": "Direktionen",
        "cadence": C.AS_NEEDED,
        "purpose": "Principper for, hvordan bæredygtighed kan indgå i kommunens kerneopgave.",
    },
    {
        "name": "Gruppe for markedsføring",
        "kind": K.OTHER,
        "reports_to": "Direktionen",
        "cadence": C.AS_NEEDED,
        "purpose": "At styrke den horisontale samarbejdsrelation og sætte fokus på tværgående "
        "emner inden for kommunikation og markedsføring.",
    },
    {
        "name": "Innovation og Digitalisering",
        "short_name": "IOD",
        "kind": K.INNOVATION_GROUP,
        "reports_to": STEERING,
        "cadence": C.AS_NEEDED,
        "purpose": "At identificere, undersøge og igangsætte nye innovative tiltag, der kan "
        "inspirere og udfordre organisationen til nye løsninger gennem øget digitalisering, og "
        "give styregruppen og programgruppen inspiration. Gruppen arbejder agilt og har ingen "
        "faste rammer.",
    },
    {
        "name": "Project Board",
        "kind": K.PROJECT_BOARD,
        "decision_level": L.OPERATIONAL,
        "reports_to": PROGRAMME,
        "cadence": C.EVERY_14_DAYS,
        "agenda_lead_days": 2,
        "purpose": "Møder i IT- og digitaliseringsafdelingen, hvor projektlederne fremlægger "
        "status på de forskellige projekter.",
    },
    *(
        {
            "name": name,
            "kind": K.PROJECT_GROUP,
            "decision_level": L.OPERATIONAL,
            "reports_to": PROGRAMME,
            "cadence": C.AS_NEEDED,
            "purpose": purpose + " Styres af en digitaliseringsprojektleder fra IT- og "
            "digitaliseringsafdelingen og bemandes med fagpersoner fra forvaltningerne.",
        }
        for name, purpose in [
            (
                "Projektgruppe for monopolbrud",
                "Tværgående projektgruppe for monopolbrudsprojektet, hvis gevinstrealisering "
                "styregruppen følger.",
            ),
            (
                "Projektgruppe for mobil- og bredbånd",
                "Tværgående projektgruppe, der arbejder for at udbrede mobil- og "
                "bredbåndsdækningen mest muligt.",
            ),
            ("Projektgruppe for BRA/Smart", "Tværgående projektgruppe for BRA/Smart."),
        ]
    ),
]

CONCLUDED = {
    COVID: (
        datetime.date(2021, 9, 9),
        "Gruppen holdt sit tredje og afsluttende møde 9. september 2021. Afrapporteringen deles "
        "bredt i organisationen med henblik på at rette opmærksomhed på temaer, forhold og "
        "muligheder, der er væsentlige for den bedst mulige løsning af kerneopgaven i den "
        "fremtidige organisation post-corona.",
    ),
    # "Afrapporterede primo 2021" and "afsluttede i efteråret 2019": the seeds give no day.
    "Gruppe for bæredygtighed": (
        datetime.date(2021, 1, 31),
        "Gruppen afrapporterede primo 2021 i organisationens principper for bæredygtighed: "
        "at se os selv som en del af bæredygtige fællesskaber og lokalsamfund.",
    ),
    "Gruppe for markedsføring": (
        datetime.date(2019, 10, 31),
        "Gruppen afsluttede sit arbejde i efteråret 2019. Den har kvalificeret det lokale "
        "kommunikations- og markedsføringsarbejde, styrket netværk og løftet konkrete opgaver "
        "som letbane-indvielsen, byudvikling i Auning og cases til Facebook.",
    ),
}

# The seeds give no membership dates; the status note of August 2021 lists the members,
# so the seats run from the start of 2021.
SEATS_FROM = datetime.date(2021, 1, 1)
# "Kim Bruun" in the economy group has Kim B. Nielsen's title; taken as the same person.
# The vacant seats (sekretariatschef i Fællessekretariatet) have no person to seat.
NORDDJURS_MEMBERS: dict[str, list[tuple[str, str]]] = {
    "Direktionen": [("Christian Bertelsen", CHAIR), ("Kim B. Nielsen", MEMBER)],
    STEERING: [
        ("Tonny Olsen", CHAIR),
        ("Søs Fuglsang", MEMBER),
        ("Trine Grejsen", MEMBER),
        ("Lene Mehlsen Thomsen", MEMBER),
        ("Kim B. Nielsen", MEMBER),
        ("Kaare Christensen", MEMBER),
        (SECRETARY, SECRETARY_ROLE),
    ],
    # The seeds name the chair's role (Leder af Digitalisering) but no person, and the
    # members only as seats; Kenneth Andersen leads in IT og Digitalisering.
    PROGRAMME: [("Kenneth Andersen", CHAIR), (SECRETARY, SECRETARY_ROLE)],
    # The seeds name no members of the IT-security group; these two work with security in
    # IT og Digitalisering.
    IT_SECURITY: [
        ("Nirojan Kathirgamarajah", MEMBER),
        ("Kenneth Andersen", MEMBER),
        (SECRETARY, SECRETARY_ROLE),
    ],
    INFOSEC: [
        (name, MEMBER)
        for name in [
            "Marie-Louise Ifversen",
            "Kim B. Nielsen",
            "Rikke Broch",
            "Pia Ladefoged",
            "Kenneth Andersen",
            "Kaare Christensen",
            "Nirojan Kathirgamarajah",
            "Tonny Olsen",
        ]
    ],
    "Tværgående koordineringsgruppe for økonomi": [
        ("Bettina Andersen", MEMBER),
        ("Marie-Louise Ifversen", MEMBER),
        ("Kim B. Nielsen", MEMBER),
    ],
}
# "Kommunaldirektørens sekretariat er sekretariat for gruppens arbejde" — a unit, no person.
# The seats run from the first meeting to the last.
COVID_SEATS = (datetime.date(2021, 5, 4), datetime.date(2021, 9, 9))
COVID_MEMBERS = [("Christian Bertelsen", CHAIR)] + [
    (name, MEMBER)
    for name in [
        "Tonny Olsen",
        "Lene Mehlsen Thomsen",
        "Lars Lerche",
        "Annette Kristensen",
        "Hanne Winterberg",
        "Jacob Hørlyk",
        "Lisa Mogensen",
        "Hanne Majgaard Nielsen",
        "Anni Hovmann Nielsen",
        "Michael Aagaard Laursen",
    ]
]

# (title, kind, quarters, held as its own meeting, description), from Bilag 1 and 003.
ALL_QUARTERS = "1,2,3,4"
NORDDJURS_WHEEL: dict[str, list[tuple[str, str, str, bool, str]]] = {
    STEERING: [
        ("Justering af projektportefølje", ItemKind.DECISION, ALL_QUARTERS, False, ""),
        (
            "Behandling af nye projektforslag og afsluttende projekter",
            ItemKind.DECISION,
            ALL_QUARTERS,
            False,
            "",
        ),
        ("Orientering til direktionen", ItemKind.ORIENTATION, ALL_QUARTERS, False, ""),
        (
            "Vurdering af behov for opdatering af den strategiske retning for digitalisering",
            ItemKind.DISCUSSION,
            "1",
            False,
            "Vurdering af behov for opdatering af den strategiske retning for digitalisering i "
            "kommunen, fx via digitaliseringsstrategien (Bilag 1: første kvartal).",
        ),
        (
            # Twice a year; the seeds do not say when.
            "Dialogmøder med chefområderne",
            ItemKind.DISCUSSION,
            "2,4",
            True,
            "To årlige dialogmøder med hvert chefområde (både fagchefer og "
            "sekretariatschefer), hvor Kaare Christensen og Tonny Olsen deltager.",
        ),
    ],
    PROGRAMME: [
        (
            "Orientering og fastlæggelse af aktuelle emner",
            ItemKind.ORIENTATION,
            ALL_QUARTERS,
            False,
            "",
        ),
        ("Drøftelse af generelle problemstillinger", ItemKind.DISCUSSION, ALL_QUARTERS, False, ""),
        ("Fastlæggelse af beslutningsbehov", ItemKind.DECISION, ALL_QUARTERS, False, ""),
        (
            "Opdatering af projektportefølje, ansvar og opgaver",
            ItemKind.DECISION,
            ALL_QUARTERS,
            False,
            "",
        ),
        (
            "Evt. afholdelse af dialogmøder med forretningsområderne",
            ItemKind.DISCUSSION,
            ALL_QUARTERS,
            False,
            "",
        ),
        (
            "Digitaliseringsseminar",
            ItemKind.ORIENTATION,
            "2",
            True,
            "Programgruppen planlægger, koordinerer og er vært på et årligt internt "
            "digitaliseringsseminar. Seminaret er ikke bundet til andet kvartal.",
        ),
    ],
    # Once a year; the seeds do not say when. Plan the year puts the yearly meeting of a body
    # this deep in the reporting lines in the second quarter.
    IT_SECURITY: [
        (
            "Vurdering af informationssikkerhedspolitikken",
            ItemKind.DECISION,
            "2",
            False,
            "Én gang om året vurderes informationssikkerhedspolitikken, herunder regler, "
            "procedurer m.v., til sikring af at disse lever op til kravene i lovgivningen.",
        ),
        (
            "Vurdering af behov for fornyet risikovurdering/konsekvensanalyse",
            ItemKind.DECISION,
            "2",
            False,
            "",
        ),
    ],
}


# The strategy gives the forum's tasks but no cadence, and names roles, not people; the
# director responsible for IT "sikrer den strategiske retning og dagsorden for IT og
# digitalisering", so chairs it. Fællescenter Økonomi og It is "ansvarlig for
# IT-/digitaliseringsstrategi og udvikling"; the demo login from It og Digitalisering is
# the secretary.
REBILD_BODIES: list[dict] = [
    {
        "name": FORUM,
        "kind": K.STEERING_GROUP,
        "decision_level": L.STRATEGIC,
        "cadence": C.AS_NEEDED,
        "purpose": "Strategisk ledergruppe i rollen som Digitaliseringsforum: sikre at "
        "digitalisering bliver et udbredt redskab til at opnå effektiviseringer i kommunen, og "
        "udstikke mål og rammer for tværgående digitaliseringsinitiativer.",
        "terms_of_reference": FORUM_TERMS,
    }
]
REBILD_MEMBERS = {
    FORUM: [
        ("Kommunaldirektøren", CHAIR),
        ("Centerchefen for Fællescenter Økonomi og It", MEMBER),
        (SECRETARY, SECRETARY_ROLE),
    ]
}
