"""Demo data for the core: Norddjurs (0707) and Rebild (0840) as the seed documents describe them.

Norddjurs' units and people come from the 2021 status note on cross-cutting groups; the
unit UUIDs are those the municipalities' KITOS organisations use, so a later KITOS import
matches the same units. Rebild's organisation comes from its strategy's roles and
responsibilities, which names roles but no people, so its persons carry their role as name.

Loading is idempotent: what exists already is left as it is.
"""

from django.db import transaction
from django_scopes import scope

from styrbord.core.models import Membership, Municipality, OrgUnit, OrgUnitKind, Person, Role, User
from styrbord.core.services import organisation, users

DEMO_PASSWORD = "styrbord-demo"

K = OrgUnitKind

# (name, kind, parent name, KITOS UUID)
NORDDJURS_UNITS = [
    ("Norddjurs Kommune", K.MUNICIPALITY, None, "96955c5a-eb19-5e06-9dab-06e22cb94eb6"),
    ("Direktionen", K.EXECUTIVE_BOARD, "Norddjurs Kommune", "d80bfa37-3d82-5fcf-907a-5519774053bb"),
    ("Kommunaldirektørens sekretariat", K.DEPARTMENT, "Direktionen", None),
    ("Staben", K.DIVISION, "Norddjurs Kommune", "468cc252-8178-5750-bee9-e7767675a013"),
    ("Fællessekretariatet", K.DEPARTMENT, "Staben", None),
    ("Økonomi", K.DIVISION, "Norddjurs Kommune", "8112c0a9-2479-53b8-b9ad-5102ada3e4d1"),
    (
        "Borgerservice, IT og Digitalisering",
        K.DIVISION,
        "Norddjurs Kommune",
        "34b30645-aaa3-5660-b54f-18ed36662474",
    ),
    ("IT og Digitalisering", K.DEPARTMENT, "Borgerservice, IT og Digitalisering", None),
    ("Borgerservice", K.DEPARTMENT, "Borgerservice, IT og Digitalisering", None),
    ("Sundhed og Omsorg", K.DIVISION, "Norddjurs Kommune", "d7d04fa2-628b-56e5-bc45-bdd4e9432f9f"),
    ("Hjemmeplejen", K.DEPARTMENT, "Sundhed og Omsorg", None),
    ("Forebyggelse og tidlig indsats", K.DEPARTMENT, "Sundhed og Omsorg", None),
    ("Sekretariatet for Velfærd", K.DEPARTMENT, "Sundhed og Omsorg", None),
    (
        "Kultur og Udvikling",
        K.DIVISION,
        "Norddjurs Kommune",
        "e356f106-1c8d-54d6-86a8-876919d378f6",
    ),
    ("Bibliotekerne", K.DEPARTMENT, "Kultur og Udvikling", None),
    ("Skole og Dagtilbud", K.DIVISION, "Norddjurs Kommune", "7ae554f9-cb60-5c9e-8518-02398c56af69"),
    ("Skolerne", K.DEPARTMENT, "Skole og Dagtilbud", None),
    ("Vej og Ejendom", K.DIVISION, "Norddjurs Kommune", None),
]

# (name, title, unit name) — as named in "Status på tværgående grupper – august 2021".
NORDDJURS_PERSONS = [
    ("Christian Bertelsen", "Kommunaldirektør", "Direktionen"),
    ("Kim B. Nielsen", "Stabschef, konstitueret fællesforvaltningsdirektør", "Staben"),
    ("Søs Fuglsang", "Sundheds- og omsorgschef", "Sundhed og Omsorg"),
    ("Trine Grejsen", "Chef for kultur og udvikling", "Kultur og Udvikling"),
    ("Lene Mehlsen Thomsen", "Skole- og dagtilbudschef", "Skole og Dagtilbud"),
    (
        "Tonny Olsen",
        "Chef for Borgerservice, IT og Digitalisering",
        "Borgerservice, IT og Digitalisering",
    ),
    ("Kaare Christensen", "Teamleder og databeskyttelsesrådgiver", "Staben"),
    (
        "Kenneth Andersen",
        "Afdelingsleder i Borgerservice, IT og Digitalisering",
        "IT og Digitalisering",
    ),
    ("Nirojan Kathirgamarajah", "Informationssikkerhedskoordinator", "IT og Digitalisering"),
    ("Marie-Louise Ifversen", "Sekretariatschef for velfærd", "Sekretariatet for Velfærd"),
    ("Rikke Broch", "Afdelingsleder", "Staben"),
    ("Pia Ladefoged", "Akademisk medarbejder", "Staben"),
    ("Bettina Andersen", "Økonomichef", "Økonomi"),
    ("Lars Lerche", "Biblioteksleder", "Bibliotekerne"),
    (
        "Annette Kristensen",
        "Leder af forebyggelse og tidlig indsats",
        "Forebyggelse og tidlig indsats",
    ),
    ("Hanne Winterberg", "Hjemmeplejeleder", "Hjemmeplejen"),
    ("Jacob Hørlyk", "Skoleleder", "Skolerne"),
    ("Kim T. Jensen", "Vej- og ejendomschef", "Vej og Ejendom"),
    ("Lisa Mogensen", "MED-repræsentant", None),
    ("Hanne Majgaard Nielsen", "MED-repræsentant", None),
    ("Anni Hovmann Nielsen", "MED-repræsentant", None),
    ("Michael Aagaard Laursen", "MED-repræsentant", None),
]

# Those of the persons above and below who lead others: directors, chiefs, centre and
# department managers, team leaders. Benefit owners are chosen among them.
MANAGERS = {
    "Christian Bertelsen",
    "Kim B. Nielsen",
    "Søs Fuglsang",
    "Trine Grejsen",
    "Lene Mehlsen Thomsen",
    "Tonny Olsen",
    "Kaare Christensen",
    "Kenneth Andersen",
    "Marie-Louise Ifversen",
    "Rikke Broch",
    "Bettina Andersen",
    "Lars Lerche",
    "Annette Kristensen",
    "Hanne Winterberg",
    "Jacob Hørlyk",
    "Kim T. Jensen",
    "Kommunaldirektøren",
    "Centerchefen for Fællescenter Økonomi og It",
}

# The strategy's "It og digitalisering – roller, ansvar og opgaver" names only roles.
REBILD_PERSONS = [
    ("Kommunaldirektøren", "Kommunaldirektør, direktør med ansvar for IT", "Direktionen"),
    (
        "Centerchefen for Fællescenter Økonomi og It",
        "Centerchef",
        "Fællescenter Økonomi og It",
    ),
]

REBILD_UNITS = [
    ("Rebild Kommune", K.MUNICIPALITY, None, "0e2d275e-8374-5611-8bbb-b858ca27684b"),
    ("Direktionen", K.EXECUTIVE_BOARD, "Rebild Kommune", "5b8b7dde-9e3b-549c-ae37-579e4bb6ede6"),
    (
        "Fællescenter Økonomi og It",
        K.CENTRE,
        "Rebild Kommune",
        "0498dc9a-457a-508b-b88d-17c97fb8e50e",
    ),
    ("It og Digitalisering", K.DEPARTMENT, "Fællescenter Økonomi og It", None),
    ("Center Børn og Unge", K.CENTRE, "Rebild Kommune", "66b40b4b-962e-56dc-904b-400865743293"),
    ("Center Sundhed og Pleje", K.CENTRE, "Rebild Kommune", "a5fc477f-eb0c-5952-9fa6-248756b8a1d6"),
    (
        "Center Job og Borgerservice",
        K.CENTRE,
        "Rebild Kommune",
        "2125b37e-9107-5a1a-89ff-766bd9510dba",
    ),
]

# (username, first name, last name, municipality code, role, unit of the person, or None)
DEMO_LOGINS = [
    ("norddjurs-admin", "Demo", "Lokaladministrator", "0707", Role.ADMIN, "IT og Digitalisering"),
    (
        "norddjurs-redaktoer",
        "Demo",
        "Redaktør Norddjurs",
        "0707",
        Role.EDITOR,
        "IT og Digitalisering",
    ),
    (
        "norddjurs-formand",
        "Tonny",
        "Olsen",
        "0707",
        Role.EDITOR,
        "Borgerservice, IT og Digitalisering",
    ),
    ("norddjurs-laeser", "Demo", "Læser Norddjurs", "0707", Role.READER, "Staben"),
    ("rebild-redaktoer", "Demo", "Redaktør Rebild", "0840", Role.EDITOR, "It og Digitalisering"),
]

# Logins that belong to a person from the seeds instead of a demo person of their own: the
# chair of the steering group, so that the governance demo can show the chair's steps.
LOGIN_PERSONS = {"norddjurs-formand": "Tonny Olsen"}

LOGINS_TEXT = [
    ("admin", "superbruger, alle kommuner"),
    ("norddjurs-admin", "lokaladministrator, Norddjurs"),
    ("norddjurs-redaktoer", "redaktør, Norddjurs; sekretær for digitaliseringsstyregruppen"),
    ("norddjurs-formand", "redaktør, Norddjurs; Tonny Olsen, formand for styregruppen"),
    ("norddjurs-laeser", "læser, Norddjurs"),
    ("rebild-redaktoer", "redaktør, Rebild"),
]


def _units(municipality: Municipality, rows: list) -> dict[str, OrgUnit]:
    units = {unit.name: unit for unit in OrgUnit.objects.all()}
    for name, kind, parent_name, uuid in rows:
        if name not in units:
            units[name] = organisation.create_org_unit(
                municipality=municipality,
                actor=None,
                parent=units[parent_name] if parent_name else None,
                name=name,
                kind=kind,
                external_uuid=uuid,
            )
    return units


def _persons(municipality: Municipality, units: dict[str, OrgUnit], rows: list) -> None:
    existing = {person.name: person for person in Person.objects.all()}
    for name, title, unit_name in rows:
        person = existing.get(name)
        if person is None:
            organisation.create_person(
                municipality=municipality,
                actor=None,
                name=name,
                title=title,
                org_unit=units[unit_name] if unit_name else None,
                is_manager=name in MANAGERS,
            )
        elif name in MANAGERS and not person.is_manager:
            # A database loaded before persons had ``is_manager``.
            organisation.update_person(
                person, actor=None, expected_version=person.version, is_manager=True
            )


def _login(username: str, first: str, last: str) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = users.create_user(
            actor=None, username=username, password=DEMO_PASSWORD, first_name=first, last_name=last
        )
    return user


@transaction.atomic
def load() -> list[tuple[str, str]]:
    """Load the demo organisation and logins; returns the logins to print."""
    admin = User.objects.filter(username="admin").first()
    if admin is None:
        admin = User.objects.create_superuser("admin", password=DEMO_PASSWORD, first_name="Admin")
    municipalities = {m.code: m for m in Municipality.objects.filter(code__in=["0707", "0840"])}
    for code, unit_rows, person_rows in [
        ("0707", NORDDJURS_UNITS, NORDDJURS_PERSONS),
        ("0840", REBILD_UNITS, REBILD_PERSONS),
    ]:
        municipality = municipalities[code]
        with scope(municipality=municipality):
            units = _units(municipality, unit_rows)
            _persons(municipality, units, person_rows)
            for username, first, last, login_code, role, unit_name in DEMO_LOGINS:
                if login_code != code:
                    continue
                user = _login(username, first, last)
                if not Membership.objects.filter(user=user).exists():
                    users.add_membership(
                        municipality=municipality, actor=None, user=user, role=role
                    )
                if Person.objects.filter(user=user).exists():
                    continue
                named = Person.objects.filter(name=LOGIN_PERSONS.get(username, "")).first()
                if named is not None:
                    organisation.update_person(
                        named, actor=None, expected_version=named.version, user=user
                    )
                else:
                    organisation.create_person(
                        municipality=municipality,
                        actor=None,
                        name=f"{first} {last}",
                        title="Demobruger",
                        org_unit=units[unit_name],
                        user=user,
                    )
    return LOGINS_TEXT
