"""Ideas in Norddjurs: two waiting for the innovation work, one parked and one rejected,
submitted by employees through the idea service and triaged by the programme group."""

from styrbord.core.models import Municipality, OrgUnit, User
from styrbord.governance.demo.bodies import PROGRAMME
from styrbord.governance.models import Body
from styrbord.portfolio.models import IdeaStatus
from styrbord.portfolio.services import ideas

IDEAS = [
    (
        "Chatbot til borgerservice",
        "Borgerservice får mange ens spørgsmål om pas, kørekort og flyttemeldinger.",
        "En chatbot på kommunens hjemmeside besvarer de enkle spørgsmål døgnet rundt.",
        "Færre opkald og kortere ventetid i telefonen.",
        "Borgerservice",
        None,
    ),
    (
        "Digital affaldskalender med påmindelser",
        "Borgerne ringer for at spørge, hvornår der tømmes.",
        "En kalender i app og på hjemmesiden med påmindelse dagen før tømning.",
        "Færre henvendelser og færre glemte affaldsspande.",
        None,
        None,
    ),
    (
        "Droner til tilsyn med kommunale bygninger",
        "Tagtilsyn kræver lift og tager lang tid.",
        "Droner med kamera gennemfører det årlige tagtilsyn.",
        "Sparet tid og færre arbejdsulykker.",
        None,
        (IdeaStatus.LATER, "Godt forslag, men lovgivningen om droner skal afklares først."),
    ),
    (
        "Egen app til hver afdeling",
        "Medarbejderne savner overblik over afdelingens nyheder.",
        "Hver afdeling får sin egen app.",
        "Bedre intern kommunikation.",
        None,
        (IdeaStatus.REJECTED, "Løses bedre på det fælles intranet, som allerede er i gang."),
    ),
]


def load(municipality: Municipality, secretary: User, submitter: User) -> None:
    programme = Body.objects.get(name=PROGRAMME)
    for title, problem, idea, gain, unit, triage in IDEAS:
        org_unit = OrgUnit.objects.filter(name=unit).first() if unit else None
        created = ideas.submit_idea(
            municipality=municipality,
            actor=submitter,
            title=title,
            problem=problem,
            idea=idea,
            expected_gain=gain,
            org_unit=org_unit,
        )
        if triage is not None:
            status, reason = triage
            ideas.triage_idea(
                created,
                actor=secretary,
                expected_version=created.version,
                body=programme,
                status=status,
                reason=reason,
            )
