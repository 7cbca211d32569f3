"""What the Norddjurs demo projects share: the people and units of the seeds by name, and
the shape of a closing decision."""

import datetime

from styrbord.portfolio.demo.builder import Decision
from styrbord.portfolio.models import Origin, Phase

D = datetime.date
LOCAL, CROSS, JOINT, NATIONAL = (
    Origin.LOCAL,
    Origin.CROSS_CUTTING,
    Origin.JOINT_MUNICIPAL,
    Origin.NATIONAL,
)
APPROVED, ANALYSIS, EXECUTION = Phase.APPROVED, Phase.ANALYSIS, Phase.EXECUTION
CLOSED, BENEFITS = Phase.CLOSED, Phase.BENEFITS
TONNY, KENNETH, KAARE = "Tonny Olsen", "Kenneth Andersen", "Kaare Christensen"
KIM_B, SOS, HANNE = "Kim B. Nielsen", "Søs Fuglsang", "Hanne Winterberg"
IT_UNIT = "IT og Digitalisering"
# The day the city council approved Digitaliseringsstrategi 2016-2020, which lists the
# projects continuing into its period: the portfolio was compiled then.
STRATEGY_DAY = D(2016, 1, 21)
CONTINUES = (
    "Projektet fortsætter fra den foregående periode ind i Digitaliseringsstrategi 2016-2020 "
    "og er registreret i porteføljen i den fase, det var i."
)
SCHREMS = "Schrems II-opfølgning"
# The proposal that waits for the steering group; the demo's tests look for it.
BROADBAND = "Bedre mobil- og bredbåndsdækning i landdistrikterne"


def closing_item(name: str, near: datetime.date, background: str) -> Decision:
    """The steering group's decision to close a project, on the held meeting nearest ``near``."""
    return Decision(
        f"Afslutning af projekt: {name}",
        near,
        background=background,
        recommendation="Det indstilles, at projektet afsluttes og overdrages.",
        decision="Godkendt. Projektet afsluttes som indstillet.",
        responsible=KENNETH,
    )
