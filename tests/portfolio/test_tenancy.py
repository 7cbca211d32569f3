"""No strategy or portfolio page, export or API endpoint shows one municipality's data to
another: every route is tried with Rebild's slug and with Rebild's object ids."""

import pytest
from django_scopes import scopes_disabled

from styrbord.core.models import SavedFilter
from styrbord.core.services import changes
from styrbord.governance.models import BodyKind
from styrbord.portfolio import api_urls as portfolio_api_urls
from styrbord.portfolio import urls as portfolio_urls
from styrbord.portfolio.models import ProjectLink, ReportState
from styrbord.strategy import api_urls as strategy_api_urls
from styrbord.strategy import urls as strategy_urls
from styrbord.strategy.models import StrategyAddendum
from tests.governance.factories import BodyFactory
from tests.portfolio.factories import (
    DeliverableFactory,
    FocusAreaFactory,
    IdeaFactory,
    LessonFactory,
    MilestoneFactory,
    PrincipleFactory,
    RiskFactory,
    RunningProjectFactory,
    StatusReportFactory,
    StrategyFactory,
    SuccessCriterionFactory,
)
from tests.tenancy import assert_isolated

PARTS = {
    "leverancer": "deliverable",
    "succeskriterier": "criterion",
    "milepaele": "milestone",
    "risici": "risk",
    "erfaringer": "lesson",
}


@pytest.fixture
def rebild_objects(rebild, other_editor):
    strategy = StrategyFactory(municipality=rebild)
    project = RunningProjectFactory(municipality=rebild)
    other = RunningProjectFactory(municipality=rebild)
    board = BodyFactory(municipality=rebild, kind=BodyKind.PROJECT_BOARD, name="Project Board")
    with scopes_disabled():
        phase_change = project.phase_changes.first()
        addendum = changes.create(
            StrategyAddendum(municipality=rebild, strategy=strategy, title="Tillæg 2019"),
            actor=None,
        )
        link = changes.create(
            ProjectLink(municipality=rebild, project=project, target=other), actor=None
        )
        saved = changes.create(
            SavedFilter(
                municipality=rebild, owner=other_editor, list_name="portfolio", name="Mine"
            ),
            actor=None,
        )
    return {
        "strategy": strategy,
        "focus_area": FocusAreaFactory(strategy=strategy),
        "principle": PrincipleFactory(strategy=strategy),
        "addendum": addendum,
        "idea": IdeaFactory(municipality=rebild),
        "project": project,
        "deliverable": DeliverableFactory(project=project),
        "criterion": SuccessCriterionFactory(project=project),
        "milestone": MilestoneFactory(project=project),
        "risk": RiskFactory(project=project),
        "lesson": LessonFactory(project=project),
        "report": StatusReportFactory(project=project),
        "draft": StatusReportFactory(project=project, state=ReportState.DRAFT, submitted_at=None),
        "phase_change": phase_change,
        "link": link,
        "board": board,
        "saved": saved,
    }


def portfolio_kwargs(o) -> dict:
    project = {"pk": o["project"].pk}
    report = {"pk": o["report"].pk}
    parts = [
        {"pk": o["project"].pk, "part": slug, "part_pk": o[key].pk} for slug, key in PARTS.items()
    ]
    return {
        "project_detail": project,
        "project_edit": project,
        "phase_change": project,
        "send_for_decision": project,
        "request_update": project,
        "project_close": project,
        "alignment": project,
        "project_link_create": project,
        "project_link_delete": {"pk": o["project"].pk, "link_pk": o["link"].pk},
        "charter": project,
        "charter_edit": project,
        "charter_pdf": project,
        "charter_changes": project,
        "part_create": [{"pk": o["project"].pk, "part": slug} for slug in PARTS],
        "part_edit": parts,
        "part_delete": parts,
        "report_list": project,
        "report_create": project,
        "report_detail": report,
        "report_edit": [report, {"pk": o["draft"].pk}],
        "report_submit": {"pk": o["draft"].pk},
        "report_correct": report,
        "report_delete": {"pk": o["draft"].pk},
        "board": {"pk": o["board"].pk},
        "board_agenda": {"pk": o["board"].pk},
        "idea_detail": {"pk": o["idea"].pk},
        "idea_edit": {"pk": o["idea"].pk},
        "idea_triage": {"pk": o["idea"].pk},
        "catalogue_detail": project,
        "saved_filter_delete": {"pk": o["saved"].pk},
    }


def strategy_kwargs(o) -> dict:
    strategy = {"pk": o["strategy"].pk}
    return {
        "strategy_detail": strategy,
        "strategy_edit": strategy,
        "focus_area_create": strategy,
        "principle_create": strategy,
        "addendum_create": strategy,
        "focus_area_edit": {"pk": o["focus_area"].pk},
        "focus_area_delete": {"pk": o["focus_area"].pk},
        "principle_edit": {"pk": o["principle"].pk},
        "principle_delete": {"pk": o["principle"].pk},
        "addendum_edit": {"pk": o["addendum"].pk},
    }


def api_kwargs(o) -> dict:
    def pk(key):
        return {"pk": o[key].pk}

    kwargs = {}
    for basename, key in {
        "idea": "idea",
        "project": "project",
        "deliverable": "deliverable",
        "success-criterion": "criterion",
        "milestone": "milestone",
        "risk": "risk",
        "lesson": "lesson",
        "status-report": "draft",
        "phase-change": "phase_change",
        "strategy": "strategy",
        "focus-area": "focus_area",
        "principle": "principle",
    }.items():
        kwargs[f"{basename}-detail"] = pk(key)
    return kwargs


def test_portfolio_pages_refuse_another_municipalitys_objects(client, editor, rebild_objects):
    client.force_login(editor)
    checked = assert_isolated(
        client,
        portfolio_urls.urlpatterns,
        namespace="portfolio",
        own_slug="norddjurs",
        foreign_slug="rebild",
        foreign_kwargs=portfolio_kwargs(rebild_objects),
    )
    assert checked > 100


def test_strategy_pages_refuse_another_municipalitys_objects(client, editor, rebild_objects):
    client.force_login(editor)
    assert_isolated(
        client,
        strategy_urls.urlpatterns,
        namespace="strategy",
        own_slug="norddjurs",
        foreign_slug="rebild",
        foreign_kwargs=strategy_kwargs(rebild_objects),
    )


@pytest.mark.parametrize(
    ("patterns", "namespace"),
    [
        (portfolio_api_urls.urlpatterns, "portfolio_api"),
        (strategy_api_urls.urlpatterns, "strategy_api"),
    ],
)
def test_api_refuses_another_municipalitys_objects(
    client, editor, rebild_objects, patterns, namespace
):
    client.force_login(editor)
    kwargs = api_kwargs(rebild_objects)
    for route_name in list(kwargs):
        # Custom actions (submit, triage, phase …) take the same object id as the detail route.
        base = route_name.removesuffix("-detail")
        for action in (
            "triage",
            "phase",
            "send-for-decision",
            "request-update",
            "submit",
            "correct",
        ):
            kwargs[f"{base}-{action}"] = kwargs[route_name]
    assert_isolated(
        client,
        patterns,
        namespace=namespace,
        own_slug="norddjurs",
        foreign_slug="rebild",
        foreign_kwargs=kwargs,
    )


def test_history_pages_refuse_another_municipalitys_portfolio_objects(
    client, editor, rebild_objects
):
    client.force_login(editor)
    o = rebild_objects
    for model, obj in [
        ("strategy", o["strategy"]),
        ("focus-area", o["focus_area"]),
        ("principle", o["principle"]),
        ("strategy-addendum", o["addendum"]),
        ("idea", o["idea"]),
        ("project", o["project"]),
        ("deliverable", o["deliverable"]),
        ("success-criterion", o["criterion"]),
        ("milestone", o["milestone"]),
        ("risk", o["risk"]),
        ("lesson", o["lesson"]),
        ("status-report", o["report"]),
    ]:
        response = client.get(f"/norddjurs/historik/{model}/{obj.pk}/")
        assert response.status_code == 404, model
