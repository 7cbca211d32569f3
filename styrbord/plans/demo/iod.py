"""Two trials of the innovation group (IOD) that the steering group funds straight from the
digitalisation budget, outside the action plan.

The seeds say the steering group "vil kunne afsætte økonomiske midler fra
digitaliseringsbudgettet til projekter som IOD gruppen igangsætter og administrerer", and
that IOD works from the municipality's value of "prøvehandling" with small, cheap efforts.
The portfolio demo has no IOD project, so these two are the demo's own: local projects run
by IOD (their project group), proposed to the steering group and funded at the meeting
that approves the plan (``day``). Their status reports start four weeks after it.
"""

import datetime
from typing import NamedTuple

from styrbord.governance.demo.bodies import STEERING
from styrbord.portfolio.demo.builder import (
    DONE,
    PLANNED,
    RUNNING,
    SECRETARY,
    Context,
    Criterion,
    Deliv,
    Era,
    G,
    Reports,
    RiskSpec,
    Spec,
    Y,
    days,
)
from styrbord.portfolio.models import Financing, Origin

IOD = "Innovation og Digitalisering"


class Trial(NamedTuple):
    spec: Spec
    owner: str  # approves the start of the work once the money is granted
    amount: int
    purpose: str
    decision: str


def _status(today: datetime.date, due: datetime.date) -> str:
    if due < today:
        return DONE
    return RUNNING if due <= days(today, 30) else PLANNED


def _deliverables(
    today: datetime.date, rows: tuple[tuple[str, datetime.date], ...]
) -> tuple[Deliv, ...]:
    return tuple(Deliv(title, due, _status(today, due)) for title, due in rows)


def trials(ctx: Context, day: datetime.date) -> list[Trial]:
    return [_drones(ctx, day), _sensors(ctx, day)]


def _drones(ctx: Context, day: datetime.date) -> Trial:
    today = ctx.today
    spec = Spec(
        name="Droner til vejsyn",
        origin=Origin.LOCAL,
        short_description="IOD afprøver droner med kamera til det årlige syn af kommunens "
        "veje, broer og stier.",
        proposed_on=days(day, -28),
        org_unit="Vej og Ejendom",
        owner="Kim T. Jensen",
        leader=SECRETARY,
        project_group=IOD,
        start_date=days(day, 14),
        end_date=days(today, 60),
        budget_one_off=125_000,
        financing=Financing.DIGITALISATION_POOL,
        tags="droner, vejsyn, IOD, prøvehandling",
        focus_areas=(
            "Teknologi giver bedre fysiske rammer og bæredygtig vækst",
            "Digital transformation",
        ),
        purpose="Et hurtigere og sikrere vejsyn og et bedre billede af vejenes og broernes "
        "tilstand.",
        background="Vejsynet foregår i dag fra bil og til fods, og broerne kræver lift. IOD "
        "arbejder ud fra kommunens værdi om prøvehandling: små og billige forsøg, der kan "
        "skabe store forandringer.",
        scope="Flyvninger på udvalgte kommuneveje og broer, billederne i vejsystemet og en "
        "vurdering af, om metoden kan udbredes.",
        out_of_scope="Tagtilsyn med kommunale bygninger, som afventer erfaringerne fra forsøget.",
        stakeholders="Vej og Ejendom, vejmændene, Trafikstyrelsen.",
        deliverables=_deliverables(
            today,
            (
                ("Droneoperatørbevis og tilladelser", days(day, 30)),
                ("Flyvninger på de udvalgte strækninger", days(today, 20)),
                ("Evaluering og anbefaling", days(today, 55)),
            ),
        ),
        criteria=(
            Criterion("Hurtigere vejsyn", "Timer pr. kilometer synet vej", "30 % færre timer"),
        ),
        risks=(
            RiskSpec(
                "Reglerne for droneflyvning begrænser forsøget",
                3,
                3,
                "Flyvning i åbent land; tilladelserne på plads før første flyvning.",
                "Kim T. Jensen",
            ),
        ),
        reports=Reports(
            first=days(day, 28),
            last=days(today, -4),
            percent=(10, 70),
            spent=(15_000, 90_000),
            forecast=125_000,
            eras=(
                Era(
                    3,
                    (G, ""),
                    ("Flyvningerne fortsætter; billederne lægges i vejsystemet.",),
                    dims={"schedule": (Y, "Blæst har aflyst flere flyvninger.")},
                ),
                Era(
                    0,
                    (G, ""),
                    (
                        "Tilladelserne er på plads, og de første strækninger er fløjet.",
                        "Vej og Ejendom og IOD gennemgår billederne sammen.",
                    ),
                ),
            ),
        ),
        send_to=STEERING,
    )
    return Trial(
        spec,
        "Kim T. Jensen",
        125_000,
        "Droner, kamera, tilladelser og uddannelse af to piloter til IOD's forsøg med vejsyn.",
        "Godkendt. Styregruppen afsætter 125.000 kr. fra digitaliseringspuljen til IOD's "
        "forsøg med droner til vejsyn.",
    )


def _sensors(ctx: Context, day: datetime.date) -> Trial:
    today = ctx.today
    spec = Spec(
        name="Sensorer til indeklima i skolerne",
        origin=Origin.LOCAL,
        short_description="IOD måler temperatur, CO2 og fugt i klasselokaler på to skoler og "
        "viser målingerne for lærere og elever.",
        proposed_on=days(day, -21),
        org_unit="Skolerne",
        owner="Lene Mehlsen Thomsen",
        leader="Jacob Hørlyk",
        project_group=IOD,
        start_date=days(day, 14),
        end_date=days(today, 100),
        budget_one_off=150_000,
        financing=Financing.DIGITALISATION_POOL,
        tags="sensorer, indeklima, skoler, IOD, prøvehandling",
        focus_areas=("Klima og ressourcer", "Bedre velfærd og styring med data"),
        purpose="Et bedre indeklima i klasselokalerne og et grundlag for at prioritere "
        "ventilation og vedligehold.",
        background="Lærere og elever klager over dårlig luft i flere klasselokaler. Billige "
        "sensorer kan vise, hvor og hvornår det er værst.",
        scope="Sensorer i 20 klasselokaler på to skoler, et overblik for skolerne og Vej og "
        "Ejendom og en vurdering af udbredelsen.",
        out_of_scope="Ombygning af ventilationen.",
        stakeholders="Skolerne, elevrådene, Vej og Ejendom.",
        deliverables=_deliverables(
            today,
            (
                ("Sensorer opsat i 20 klasselokaler", days(day, 45)),
                ("Overblik over målingerne", days(today, 10)),
                ("Evaluering og anbefaling om udbredelse", days(today, 90)),
            ),
        ),
        criteria=(
            Criterion(
                "Færre timer med dårlig luft",
                "Timer om ugen med CO2 over 1.000 ppm",
                "Halveret",
            ),
        ),
        risks=(
            RiskSpec(
                "Forældre og elever frygter overvågning",
                2,
                3,
                "Sensorerne måler kun luften; ingen personoplysninger. Skolerne informerer.",
                "Kaare Christensen",
            ),
        ),
        reports=Reports(
            first=days(day, 28),
            last=days(today, -4),
            percent=(10, 55),
            spent=(40_000, 110_000),
            forecast=150_000,
            eras=(
                Era(
                    4,
                    (Y, "Leverandøren er forsinket med overblikket over målingerne."),
                    ("Sensorerne måler; overblikket for skolerne mangler stadig.",),
                    dims={"schedule": (Y, "Overblikket er forsinket.")},
                ),
                Era(
                    0,
                    (G, ""),
                    (
                        "Sensorerne er sat op og måler.",
                        "De første målinger viser dårlig luft efter frikvartererne.",
                    ),
                ),
            ),
        ),
        send_to=STEERING,
    )
    return Trial(
        spec,
        "Lene Mehlsen Thomsen",
        150_000,
        "Sensorer, opsætning og et års abonnement på målingerne til IOD's forsøg med indeklima.",
        "Godkendt. Styregruppen afsætter 150.000 kr. fra digitaliseringspuljen til IOD's "
        "forsøg med sensorer til indeklima.",
    )
