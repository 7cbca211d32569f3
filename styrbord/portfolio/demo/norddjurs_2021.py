"""Norddjurs' finished projects of the 2021 status note: the lighthouse projects Aula and
Fasit, the webinar solution, the conference rooms (the closed project with the fullest final
report and lessons learned) and the intranet. The steering group closed each of them at a
meeting the governance demo holds, and approved the last three at the meetings where the
status note's topics were decided.
"""

from styrbord.portfolio.demo.builder import (
    DONE,
    SECRETARY,
    Closing,
    Context,
    Criterion,
    Decision,
    Deliv,
    Era,
    G,
    Gate,
    Mile,
    Reports,
    RiskSpec,
    Spec,
    Y,
    days,
    item_day,
)
from styrbord.portfolio.demo.catalogue import AULA
from styrbord.portfolio.demo.norddjurs import (
    BENEFITS,
    CLOSED,
    CROSS,
    EXECUTION,
    IT_UNIT,
    JOINT,
    KIM_B,
    TONNY,
    D,
    closing_item,
)
from styrbord.portfolio.models import Financing, Phase, Priority


def specs(ctx: Context) -> list[Spec]:
    return [*_lighthouses(ctx), _webinar(ctx), _conference_rooms(ctx), _intranet(ctx)]


def _lighthouses(ctx: Context) -> list[Spec]:
    aula_closed = ctx.decision(
        closing_item(
            AULA,
            D(2022, 6, 14),
            "Aula er i brug på alle skoler og i alle dagtilbud. Gevinsterne følges af Skole og "
            "Dagtilbud.",
        )
    )
    fasit_closed = ctx.decision(
        closing_item("Fasit", D(2022, 6, 14), "Fasit er gennemført og overdraget til drift.")
    )
    return [
        Spec(
            name=AULA,
            origin=JOINT,
            implements=AULA,
            issued_by="KOMBIT",
            short_description="Aula tages i brug på skolerne og i dagtilbuddene.",
            proposed_on=D(2019, 3, 1),
            registered=EXECUTION,
            registered_note="Videreført fra samarbejdsplatformsprojektet, da udrulningen af "
            "Aula begyndte.",
            org_unit="Skole og Dagtilbud",
            owner="Lene Mehlsen Thomsen",
            leader="Jacob Hørlyk",
            is_lighthouse=True,
            priority=Priority.HIGH,
            start_date=D(2019, 3, 1),
            end_date=D(2022, 6, 30),
            budget_one_off=1_800_000,
            budget_running=400_000,
            financing=Financing.JOINT,
            tags="fyrtårn, skole, dagtilbud",
            focus_areas=("Digital sammenhæng for børn og unge", "Sammenhængende velfærdsforløb"),
            purpose="Én platform til kommunikationen mellem skole, dagtilbud og forældre.",
            milestones=(
                Mile("Aula i brug på skolerne", D(2019, 10, 28), D(2019, 10, 28)),
                Mile("Aula i brug i dagtilbuddene", D(2021, 4, 1), D(2021, 5, 3)),
            ),
            criteria=(
                Criterion(
                    "Forældrene bruger Aula",
                    "Forældre, der har logget ind seneste måned",
                    "90 %",
                    True,
                    "93 % i maj 2022.",
                ),
            ),
            gates=(
                Gate(CLOSED, item=aula_closed, request=True),
                Gate(BENEFITS, item=aula_closed, note="Gevinsterne følges af Skole og Dagtilbud."),
            ),
            closing=Closing(
                "Aula er i brug på alle skoler og i alle dagtilbud. Dagtilbuddene kom en måned "
                "senere end planlagt.",
                handover_operations="Skole og Dagtilbud; IT og Digitalisering er "
                "systemadministrator.",
                handover_benefits="Færre forældrehenvendelser og mindre tid til kommunikation "
                "følges i dagtilbuddene et år.",
                benefits_owner="Lene Mehlsen Thomsen",
            ),
        ),
        # The status note names Fasit among the lighthouse projects but does not describe it;
        # the demo says no more about it than the seeds do.
        Spec(
            name="Fasit",
            origin=CROSS,
            short_description="Fyrtårnsprojekt, som digitaliseringsstyregruppen fulgte sammen "
            "med Aula, Borgerblikket og Office 365.",
            proposed_on=D(2020, 9, 1),
            registered=EXECUTION,
            registered_note="Registreret i porteføljen som igangværende projekt.",
            org_unit="Borgerservice, IT og Digitalisering",
            owner=TONNY,
            leader="Pia Ladefoged",
            is_lighthouse=True,
            start_date=D(2020, 9, 1),
            end_date=D(2022, 6, 30),
            tags="fyrtårn",
            focus_areas=("Fælles fundament for en ny strategi",),
            criteria=(
                Criterion(
                    "Overdraget til drift",
                    "Driftsoverdragelse godkendt",
                    "Ja",
                    True,
                    "Godkendt juni 2022.",
                ),
            ),
            gates=(Gate(CLOSED, item=fasit_closed, request=True),),
            closing=Closing("Leveret som planlagt og overdraget til drift."),
        ),
    ]


def _webinar(ctx: Context) -> Spec:
    approved = ctx.decision(
        Decision("Webinarløsning: Zoom som supplement til Skype", D(2021, 3, 9))
    )
    day = item_day(approved)
    closed = ctx.decision(
        closing_item(
            "Webinarløsning",
            D(2021, 9, 14),
            "Zoom er i brug til webinarer med mange deltagere; vejledningen ligger på intranettet.",
        )
    )
    return Spec(
        name="Webinarløsning",
        origin=CROSS,
        short_description="Zoom som supplement til Skype til webinarer med mange deltagere.",
        proposed_on=days(day, -21),
        org_unit=IT_UNIT,
        owner=TONNY,
        leader=SECRETARY,
        start_date=days(day, 14),
        end_date=days(day, 150),
        budget_one_off=40_000,
        budget_running=65_000,
        financing=Financing.DIGITALISATION_POOL,
        tags="møder, webinar",
        focus_areas=("Borger, teknologi og lokaldemokratiet",),
        purpose="At kommunen kan holde webinarer for borgere og medarbejdere med mange deltagere.",
        deliverables=(
            Deliv("Aftale om licenser", days(day, 45), DONE),
            Deliv("Vejledning til webinarer", days(day, 50), DONE),
        ),
        criteria=(
            Criterion(
                "Webinarer holdes i Zoom",
                "Afholdte webinarer",
                "10 første halvår",
                True,
                "23 webinarer.",
            ),
        ),
        risks=(
            RiskSpec(
                "Databehandleraftalen godkendes ikke",
                2,
                4,
                "Databeskyttelsesrådgiveren inddrages før aftalen indgås.",
                "Kaare Christensen",
                is_closed=True,
            ),
        ),
        gates=(
            Gate(Phase.APPROVED, item=approved, request=True),
            Gate(EXECUTION, approver=TONNY, on=days(day, 14)),
            Gate(CLOSED, item=closed, request=True),
        ),
        closing=Closing(
            "Licenser og vejledning er på plads, og Zoom bruges til webinarer med mange deltagere.",
            handover_operations="Servicedesken i IT og Digitalisering.",
            lessons=(
                (
                    "Databehandleraftalen tager længere tid end teknikken",
                    "Licenserne var klar på få dage; databehandleraftalen og vurderingen af "
                    "overførsler til tredjelande tog seks uger.",
                    "Start databeskyttelsesrådgiverens vurdering samtidig med indkøbet.",
                ),
            ),
        ),
    )


def _conference_rooms(ctx: Context) -> Spec:
    approved = ctx.decision(
        Decision("Konferencelokaler: mødelokaler med virtuelt udstyr", D(2021, 6, 8))
    )
    day = item_day(approved)
    closed = ctx.decision(
        closing_item(
            "Konferencelokaler",
            D(2022, 3, 8),
            "Ti mødelokaler er opgraderet med skærm, kamera og mødetelefon til hybride møder. "
            "Afslutningsrapporten og erfaringerne ligger på projektet.",
        )
    )
    started = days(day, 55)
    closed_on = item_day(closed)
    return Spec(
        name="Konferencelokaler",
        origin=CROSS,
        short_description="Et antal mødelokaler opgraderes med virtuelt udstyr til hybride møder.",
        proposed_on=days(day, -40),
        org_unit=IT_UNIT,
        owner=TONNY,
        leader=SECRETARY,
        start_date=started,
        end_date=days(started, 150),
        budget_one_off=850_000,
        budget_running=90_000,
        financing=Financing.DIGITALISATION_POOL,
        priority=Priority.MEDIUM,
        tags="møder, hybride møder, udstyr",
        focus_areas=("Kommunernes digitale fundamenter", "Effektive og brugervenlige fagsystemer"),
        purpose="At møder med deltagere både i lokalet og online fungerer lige godt for alle.",
        background="Flere møder holdes nu med deltagere både i lokalet og online. De "
        "nuværende lokaler har hverken kamera eller mikrofoner, der dækker hele bordet.",
        scope="Ti mødelokaler på rådhuset og i de største forvaltninger: skærm, kamera, "
        "mødetelefon og en fast opkobling til Teams og Zoom.",
        out_of_scope="Storsalen og byrådssalen.",
        stakeholders="Alle forvaltninger; Servicedesken; Vej og Ejendom (el og montering).",
        deliverables=(
            Deliv("Udstyr indkøbt", days(started, 30), DONE),
            Deliv("Ti lokaler opgraderet", days(started, 120), DONE),
            Deliv("Vejledning ved hvert lokale", days(started, 130), DONE),
        ),
        criteria=(
            Criterion(
                "Lokalerne bruges til hybride møder",
                "Bookinger med online deltagere",
                "50 % af bookingerne",
                True,
                "61 % efter tre måneder.",
            ),
            Criterion(
                "Tilfredse mødedeltagere",
                "Spørgeskema efter møder",
                "80 % tilfredse",
                True,
                "84 % tilfredse.",
            ),
            Criterion(
                "Mødet starter til tiden",
                "Henvendelser til Servicedesken om udstyret",
                "Under 5 om måneden",
                False,
                "11 om måneden de første tre måneder.",
            ),
        ),
        milestones=(
            Mile("Udstyr leveret", days(started, 30), days(started, 58)),
            Mile("Alle lokaler klar", days(started, 120), days(started, 148)),
        ),
        risks=(
            RiskSpec(
                "Forsinket levering af udstyr",
                4,
                3,
                "Bestil tidligt; prioriter de mest brugte lokaler.",
                SECRETARY,
                is_closed=True,
            ),
            RiskSpec(
                "Akustikken i lokalerne er for dårlig",
                3,
                4,
                "Lydmåling før montering; absorbenter hvor det er nødvendigt.",
                "Kim T. Jensen",
                is_closed=True,
            ),
        ),
        gates=(
            Gate(Phase.APPROVED, item=approved, request=True),
            Gate(EXECUTION, approver=TONNY, on=started),
            Gate(CLOSED, item=closed, request=True),
        ),
        reports=Reports(
            first=days(started, 14),
            last=days(closed_on, -10),
            percent=(10, 100),
            spent=(60_000, 905_000),
            forecast=905_000,
            eras=(
                Era(
                    3,
                    (Y, "Driften er ustabil i de første uger."),
                    (
                        "Alle lokaler er klar, men Servicedesken får mange henvendelser om "
                        "opkobling.",
                    ),
                    dims={"quality": (Y, "Mange henvendelser om opkobling.")},
                    next_steps="Introduktion i hver afdeling og vejledning ved lokalerne.",
                ),
                Era(
                    4,
                    (Y, "Udstyret kom fire uger for sent."),
                    ("Montering er i gang; de mest brugte lokaler er prioriteret.",),
                    dims={"schedule": (Y, "Leverandøren leverede fire uger for sent.")},
                    problems="Global mangel på komponenter forsinkede leverancen.",
                ),
                Era(0, (G, ""), ("Udstyret er bestilt; lokalerne er målt op.",)),
            ),
        ),
        closing=Closing(
            "Ti lokaler er opgraderet som planlagt, seks uger senere end planlagt, og 55.000 kr. "
            "over budget på grund af akustikregulering i tre lokaler. Henvendelserne til "
            "Servicedesken faldt først, da der kom en vejledning ved hvert lokale.",
            handover_operations="Servicedesken har ansvaret for udstyret; Vej og Ejendom for "
            "lokalerne. Udstyret er registreret i kommunens systemoversigt.",
            handover_benefits="Færre rejser til møder og mindre ventetid ved mødestart følges i "
            "et år.",
            benefits_owner=TONNY,
            lessons=(
                (
                    "Mål akustikken, før udstyret monteres",
                    "Tre lokaler skulle have absorbenter efter monteringen, fordi de online "
                    "deltagere ikke kunne høre dem, der sad længst fra mikrofonen.",
                    "Lav en lydmåling af hvert lokale i analysefasen og sæt penge af til "
                    "akustikregulering.",
                ),
                (
                    "En vejledning ved lokalet sparer flere opkald end en introduktion",
                    "Henvendelserne til Servicedesken faldt fra 11 til 3 om måneden, da der kom "
                    "en kort vejledning på bordet i hvert lokale.",
                    "Lav vejledningen sammen med de første brugere og læg den ved udstyret fra "
                    "første dag.",
                ),
                (
                    "Standardudstyr gør driften lettere",
                    "Lokaler med samme udstyr kunne supporteres ens og reservedele deles.",
                    "Vælg én standardpakke til alle mødelokaler, også ved senere udvidelser.",
                ),
            ),
        ),
    )


def _intranet(ctx: Context) -> Spec:
    approved = ctx.decision(
        Decision("Intranet: erstatter medarbejderportalen på norddjurs.dk", D(2021, 9, 14))
    )
    day = item_day(approved)
    closed = ctx.decision(
        closing_item(
            "Intranet",
            D(2022, 6, 14),
            "Intranettet har afløst medarbejderportalen; de tværgående gruppers materiale er "
            "flyttet.",
        )
    )
    started = days(day, 17)
    return Spec(
        name="Intranet",
        origin=CROSS,
        short_description="Et nyt intranet erstatter medarbejderportalen på norddjurs.dk.",
        proposed_on=days(day, -60),
        org_unit="Kommunaldirektørens sekretariat",
        owner=KIM_B,
        leader=SECRETARY,
        start_date=started,
        end_date=days(started, 240),
        budget_one_off=600_000,
        budget_running=120_000,
        financing=Financing.DIGITALISATION_POOL,
        tags="intranet, kommunikation",
        focus_areas=("Kommunernes digitale fundamenter",),
        purpose="Ét sted for medarbejdernes nyheder, vejledninger og de tværgående gruppers "
        "materiale.",
        deliverables=(
            Deliv("Intranet i drift", days(started, 180), DONE),
            Deliv("Indhold flyttet fra medarbejderportalen", days(started, 210), DONE),
        ),
        criteria=(
            Criterion(
                "Medarbejderportalen lukket", "Portalen slukket", "Ja", True, "Lukket som planlagt."
            ),
        ),
        gates=(
            Gate(Phase.APPROVED, item=approved, request=True),
            Gate(EXECUTION, approver=KIM_B, on=started),
            Gate(CLOSED, item=closed, request=True),
        ),
        reports=Reports(
            first=days(started, 14),
            last=days(item_day(closed), -12),
            percent=(5, 100),
            spent=(30_000, 585_000),
            forecast=600_000,
            eras=(Era(0, (G, ""), ("Planmæssigt.", "Indholdet flyttes afdeling for afdeling.")),),
        ),
        closing=Closing(
            "Intranettet er i drift, og medarbejderportalen er lukket. Enkelte afdelinger "
            "flyttede deres indhold sent.",
            handover_operations="Kommunikation i Staben er redaktør; IT og Digitalisering drifter.",
            lessons=(
                (
                    "Indholdsejere skal udpeges før flytningen",
                    "Afdelinger uden en udpeget indholdsejer flyttede deres sider sidst.",
                    "Udpeg en indholdsejer i hver afdeling, før flytningen begynder.",
                ),
            ),
        ),
    )
