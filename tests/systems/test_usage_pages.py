"""The system-usage pages: the list with its filters, a usage with everything kept about
it, and the forms that write through ``services.usages``."""

import datetime
import re
import uuid

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from styrbord.core.models import AccessLogEntry
from styrbord.strategy.models import PrincipleKind
from styrbord.systems import disposition, panels
from styrbord.systems.filters import UsageFilter
from styrbord.systems.models import Hosting, Lifecycle, PrincipleAssessment, SystemUsage
from tests.factories import OrgUnitFactory, PersonFactory
from tests.portfolio.factories import PrincipleFactory, ProjectFactory
from tests.systems.factories import SystemFactory, UsageFactory, assign

SLUG = "norddjurs"


@pytest.fixture(autouse=True)
def english(settings):
    """These tests read the pages' English source strings, not the Danish catalogue."""
    settings.LANGUAGE_CODE = "en"


def _url(name: str, slug: str = SLUG, **kwargs) -> str:
    return reverse(f"systems:{name}", kwargs={"kommune": slug, **kwargs})


def _fresh(usage: SystemUsage) -> SystemUsage:
    with scopes_disabled():
        return SystemUsage.objects.get(pk=usage.pk)


def _error_of(html: str, field: str) -> str:
    match = re.search(rf'id="id_{field}_error">(.*?)</span>\s*(?:<|$)', html, re.S)
    return re.sub(r"<[^>]+>", "", match.group(1)) if match else ""


def _usage_data(usage: SystemUsage | None = None, **overrides) -> dict:
    """What the form posts: every field, as the page shows it."""
    usage = usage or SystemUsage()
    data = {
        "system": str(usage.system_id or ""),
        "local_name": usage.local_name,
        "local_id": usage.local_id,
        "system_version": usage.system_version,
        "purpose": usage.purpose,
        "licensing_model": usage.licensing_model,
        "contains_ai": usage.contains_ai,
        "lifecycle": usage.lifecycle,
        "valid_from": "",
        "valid_to": "",
        "responsible_unit": str(usage.responsible_unit_id or ""),
        "expected_users_min": "",
        "expected_users_max": "",
        "hosting": usage.hosting,
        "business_critical": usage.business_critical,
        "criticality_level": "",
        "accessibility": usage.accessibility,
        "accessibility_checked_on": "",
        "functional_fit": "",
        "technical_fit": "",
        "risk_assessment_done": usage.risk_assessment_done,
        "risk_assessed_on": "",
        "risk_result": "",
        "risk_next_on": "",
        "dpia_done": usage.dpia_done,
        "dpia_on": "",
        "technical_precautions": "",
        "user_supervision": usage.user_supervision,
        "retention_defined": usage.retention_defined,
        "version": str(usage.version) if usage.pk else "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def usage(norddjurs):
    return UsageFactory(local_name="Sagssystemet")


# The list


def test_the_list_shows_each_usage_in_words(reader_client, norddjurs):
    unit = OrgUnitFactory(name="Borgerservice")
    UsageFactory(
        system=SystemFactory(name="SBSYS"),
        local_name="ESDH",
        responsible_unit=unit,
        hosting=Hosting.SAAS,
        data_sensitive=True,
        functional_fit=4,
        technical_fit=1,
    )
    html = reader_client.get(_url("index")).content.decode()
    assert "SBSYS" in html and "ESDH" in html and "Borgerservice" in html
    assert "SaaS" in html
    assert "Sensitive personal data" in html
    assert ">Migrate<" in html
    # A reader adds nothing.
    assert _url("usage_create") not in html


def test_an_editor_is_offered_a_new_usage(editor_client, norddjurs):
    assert _url("usage_create") in editor_client.get(_url("index")).content.decode()


def test_the_list_filters_by_disposition_and_personal_data(reader_client, norddjurs):
    UsageFactory(local_name="Invester", functional_fit=3, technical_fit=4, data_ordinary=True)
    UsageFactory(local_name="Fjern", functional_fit=1, technical_fit=2)
    UsageFactory(local_name="Uvurderet")
    html = reader_client.get(_url("index"), {"disposition": "invest"}).content.decode()
    assert "Invester" in html and "Fjern" not in html and "Uvurderet" not in html
    html = reader_client.get(_url("index"), {"disposition": "unassessed"}).content.decode()
    assert "Uvurderet" in html and "Invester" not in html
    html = reader_client.get(_url("index"), {"personal_data": "no"}).content.decode()
    assert "Fjern" in html and "Invester" not in html


@pytest.mark.parametrize(
    ("functional", "technical"),
    [(f, t) for f in (None, 1, 2, 3, 4) for t in (None, 1, 2, 3, 4)],
)
def test_the_disposition_filter_agrees_with_the_rule(in_norddjurs, functional, technical):
    UsageFactory(functional_fit=functional, technical_fit=technical)
    expected = disposition.time_disposition(functional, technical) or "unassessed"
    for value in ("invest", "migrate", "tolerate", "eliminate", "unassessed"):
        found = UsageFilter({"disposition": value}, queryset=SystemUsage.objects.all()).qs
        assert found.exists() == (value == expected), value


def test_the_filter_searches_the_system_and_local_name(in_norddjurs):
    UsageFactory(system=SystemFactory(name="Aula"))
    UsageFactory(local_name="Aula-forældreintra")
    UsageFactory(system=SystemFactory(name="KY"))
    found = UsageFilter({"q": "aula"}, queryset=SystemUsage.objects.all()).qs
    assert found.count() == 2


def test_the_supplier_filter_offers_only_suppliers_used_here(in_norddjurs, rebild):
    used = UsageFactory().system.supplier
    SystemFactory()  # a system nobody here uses
    offered = list(UsageFilter(queryset=SystemUsage.objects.all()).form.fields["supplier"].queryset)
    assert offered == [used]


def _many(count: int) -> None:
    unit = OrgUnitFactory()
    for n in range(count):
        UsageFactory(responsible_unit=unit if n % 2 else None, functional_fit=(n % 4) + 1)


def _list_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(_url("index")).status_code == 200
    return len(captured)


def test_the_list_reads_as_many_queries_for_3_usages_as_for_30(reader_client, norddjurs):
    _many(3)
    _list_queries(reader_client)  # the first request also fills per-process caches
    few = _list_queries(reader_client)
    _many(27)
    assert _list_queries(reader_client) == few


def test_the_list_reads_a_bounded_number_of_queries(
    reader_client, norddjurs, django_assert_max_num_queries
):
    _many(30)
    # One more than the other lists: the supplier filter reads the used suppliers' ids first.
    with django_assert_max_num_queries(13):
        response = reader_client.get(_url("index"))
    assert "Page 1 of 2" in response.content.decode()


# A usage


def test_the_detail_groups_the_fields_and_explains_the_disposition(reader_client, norddjurs):
    project = ProjectFactory(name="Nyt ESDH")
    usage = UsageFactory(local_name="ESDH", functional_fit=4, technical_fit=4)
    with scopes_disabled():
        usage.projects.add(project)
    html = reader_client.get(_url("usage_detail", pk=usage.pk)).content.decode()
    for heading in ("General", "Lifecycle", "Users", "Fit and TIME disposition", "Data protection"):
        assert f">{heading}</h2>" in html
    assert str(disposition.MEANINGS[disposition.Disposition.INVEST]) in html
    assert reverse("portfolio:project_detail", args=[SLUG, project.pk]) in html
    assert reverse("core:history", args=[SLUG, "system-usage", usage.pk]) in html
    assert html.count("<h1") == 1
    # A reader without a role edits nothing.
    assert _url("usage_edit", pk=usage.pk) not in html


def test_the_detail_lists_every_architecture_principle_with_its_assessment(
    reader_client, norddjurs, usage
):
    followed = PrincipleFactory(kind=PrincipleKind.ARCHITECTURE, name="Vi bruger standarder")
    PrincipleFactory(kind=PrincipleKind.ARCHITECTURE, name="Vi køber modulært")
    PrincipleFactory(kind=PrincipleKind.STRATEGIC, name="Digital først")
    with scopes_disabled():
        PrincipleAssessment.objects.create(
            municipality=usage.municipality, usage=usage, principle=followed, follows=True
        )
    html = reader_client.get(_url("usage_detail", pk=usage.pk)).content.decode()
    assert "Vi bruger standarder" in html and "Vi køber modulært" in html
    assert "Digital først" not in html
    assert "Not assessed" in html


def test_the_detail_names_kitos_as_the_source(reader_client, norddjurs):
    usage = UsageFactory(kitos_uuid=uuid.uuid4(), kitos_synced_at=timezone.now())
    html = reader_client.get(_url("usage_detail", pk=usage.pk)).content.decode()
    assert "Source: KITOS, read" in html


def test_the_detail_records_the_access(reader_client, norddjurs, usage):
    reader_client.get(_url("usage_detail", pk=usage.pk))
    with scopes_disabled():
        assert AccessLogEntry._base_manager.filter(object_id=str(usage.pk)).exists()


def test_another_municipalitys_usage_is_not_found(editor_client, rebild):
    foreign = UsageFactory(municipality=rebild)
    for name in (
        "usage_detail",
        "usage_edit",
        "usage_delete",
        "usage_projects",
        "usage_principle",
    ):
        assert editor_client.get(_url(name, pk=foreign.pk)).status_code == 404, name


# Writing


def test_an_editor_registers_a_usage(editor_client, norddjurs):
    system = SystemFactory(name="Aula")
    units = [OrgUnitFactory(), OrgUnitFactory()]
    response = editor_client.post(
        _url("usage_create"),
        _usage_data(
            system=str(system.pk),
            local_name="Aula skoler",
            using_units=[str(u.pk) for u in units],
            risk_assessed_on="2025-05-01",
        ),
    )
    with scopes_disabled():
        created = SystemUsage.objects.get(local_name="Aula skoler")
        assert set(created.using_units.all()) == set(units)
    assert response.status_code == 302
    assert response.url == _url("usage_detail", pk=created.pk)
    assert created.risk_next_on == datetime.date(2026, 5, 1)


def test_the_create_form_starts_with_the_system_chosen_in_the_catalogue(editor_client, norddjurs):
    system = SystemFactory(name="KY")
    html = editor_client.get(_url("usage_create"), {"system": system.pk}).content.decode()
    assert f'<option value="{system.pk}" selected>' in html


def test_bad_input_is_refused_next_to_the_field_and_kept(editor_client, norddjurs):
    system = SystemFactory()
    response = editor_client.post(
        _url("usage_create"),
        _usage_data(
            system=str(system.pk),
            local_name="Beholdt",
            valid_from="2025-06-01",
            valid_to="2025-01-01",
            functional_fit="7",
        ),
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert _error_of(html, "functional_fit")
    assert 'value="Beholdt"' in html
    with scopes_disabled():
        assert not SystemUsage.objects.filter(local_name="Beholdt").exists()


def test_the_end_of_use_before_its_start_is_refused_on_the_field(editor_client, norddjurs):
    system = SystemFactory()
    response = editor_client.post(
        _url("usage_create"),
        _usage_data(system=str(system.pk), valid_from="2025-06-01", valid_to="2025-01-01"),
    )
    assert response.status_code == 400
    assert "cannot be before its start" in _error_of(response.content.decode(), "valid_to")


def test_an_editor_edits_a_usage(editor_client, usage):
    response = editor_client.post(
        _url("usage_edit", pk=usage.pk),
        _usage_data(usage, local_name="Omdøbt", functional_fit="2", technical_fit="3"),
    )
    assert response.status_code == 302
    saved = _fresh(usage)
    assert (saved.local_name, saved.functional_fit, saved.technical_fit) == ("Omdøbt", 2, 3)


def test_a_stale_edit_is_refused_and_keeps_what_was_typed(editor_client, usage):
    stale = _usage_data(usage, local_name="Mit navn")
    editor_client.post(_url("usage_edit", pk=usage.pk), _usage_data(usage, local_name="Først"))
    response = editor_client.post(_url("usage_edit", pk=usage.pk), stale)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Someone else saved this" in html
    assert 'value="Mit navn"' in html
    assert _fresh(usage).local_name == "Først"


def test_kitos_fields_are_shown_read_only_with_their_source(editor_client, norddjurs):
    usage = UsageFactory(
        kitos_uuid=uuid.uuid4(), kitos_synced_at=timezone.now(), local_name="Fra KITOS"
    )
    html = editor_client.get(_url("usage_edit", pk=usage.pk)).content.decode()
    assert re.search(r'<input type="text" name="local_name"[^>]*disabled', html)
    assert "Kept in KITOS, read" in html
    assert not re.search(r'name="functional_fit"[^>]*disabled', html)


def test_a_posted_kitos_field_is_ignored_and_the_own_fields_saved(editor_client, norddjurs):
    usage = UsageFactory(kitos_uuid=uuid.uuid4(), local_name="Fra KITOS")
    response = editor_client.post(
        _url("usage_edit", pk=usage.pk),
        _usage_data(usage, local_name="Ændret", hosting=Hosting.SAAS, functional_fit="4"),
    )
    assert response.status_code == 302
    saved = _fresh(usage)
    assert (saved.local_name, saved.hosting, saved.functional_fit) == (
        "Fra KITOS",
        Hosting.UNDECIDED,
        4,
    )


def test_a_reader_may_not_edit_a_usage(reader_client, usage):
    assert reader_client.get(_url("usage_edit", pk=usage.pk)).status_code == 403
    assert (
        reader_client.post(_url("usage_edit", pk=usage.pk), _usage_data(usage)).status_code == 403
    )


def test_a_reader_holding_a_role_on_the_usage_edits_it(reader_client, reader, usage):
    assign("system_data_owner", PersonFactory(user=reader), usage=usage)
    html = reader_client.get(_url("usage_detail", pk=usage.pk)).content.decode()
    assert _url("usage_edit", pk=usage.pk) in html
    assert _url("usage_delete", pk=usage.pk) not in html
    response = reader_client.post(
        _url("usage_edit", pk=usage.pk), _usage_data(usage, local_name="Min")
    )
    assert response.status_code == 302
    assert _fresh(usage).local_name == "Min"
    assert reader_client.post(_url("usage_delete", pk=usage.pk)).status_code == 403


def test_an_editor_deletes_a_usage_after_confirming(editor_client, usage):
    confirm = editor_client.get(_url("usage_delete", pk=usage.pk))
    assert confirm.status_code == 200
    assert 'method="post"' in confirm.content.decode()
    response = editor_client.post(_url("usage_delete", pk=usage.pk))
    assert response.status_code == 302
    with scopes_disabled():
        assert not SystemUsage.objects.filter(pk=usage.pk).exists()


def test_an_editor_links_the_projects_that_change_a_usage(editor_client, usage):
    project = ProjectFactory(name="Nyt ESDH")
    response = editor_client.post(_url("usage_projects", pk=usage.pk), {"projects": [project.pk]})
    assert response.status_code == 302
    with scopes_disabled():
        assert list(usage.projects.all()) == [project]


def test_another_municipalitys_project_is_not_offered(editor_client, usage, rebild):
    foreign = ProjectFactory(municipality=rebild, name="Rebilds projekt")
    html = editor_client.get(_url("usage_projects", pk=usage.pk)).content.decode()
    assert "Rebilds projekt" not in html
    response = editor_client.post(_url("usage_projects", pk=usage.pk), {"projects": [foreign.pk]})
    assert response.status_code == 400


def test_a_deviation_from_a_principle_needs_an_explanation(editor_client, usage):
    principle = PrincipleFactory(kind=PrincipleKind.ARCHITECTURE, name="Vi genbruger")
    response = editor_client.post(
        _url("usage_principle", pk=usage.pk),
        {"principle": principle.pk, "follows": "0", "explanation": ""},
    )
    assert response.status_code == 400
    assert "Explain why" in _error_of(response.content.decode(), "explanation")
    response = editor_client.post(
        _url("usage_principle", pk=usage.pk),
        {"principle": principle.pk, "follows": "0", "explanation": "Leverandøren kan ikke"},
    )
    assert response.status_code == 302
    with scopes_disabled():
        assessment = PrincipleAssessment.objects.get(usage=usage)
    assert (assessment.follows, assessment.explanation) == (False, "Leverandøren kan ikke")


def test_the_principle_form_starts_from_the_earlier_assessment(editor_client, usage):
    principle = PrincipleFactory(kind=PrincipleKind.ARCHITECTURE)
    with scopes_disabled():
        PrincipleAssessment.objects.create(
            municipality=usage.municipality,
            usage=usage,
            principle=principle,
            follows=False,
            explanation="Gammel forklaring",
        )
    html = editor_client.get(
        _url("usage_principle", pk=usage.pk), {"principle": principle.pk}
    ).content.decode()
    assert "Gammel forklaring</textarea>" in html


# Navigation and the project page


def test_the_navigation_links_every_section_and_marks_the_current_one(editor_client):
    html = editor_client.get(_url("index")).content.decode()
    nav = html[html.index('class="styrbord-subnav"') :]
    nav = nav[: nav.index("</nav>")]
    for name in ("index", "compliance", "contracts", "registrations", "roles", "catalogue"):
        assert f'href="{_url(name)}"' in nav
    assert nav.count('aria-current="page"') == 1


def test_the_navigation_offers_kitos_to_local_administrators_only(client, editor, local_admin):
    client.force_login(editor)
    assert _url("kitos") not in client.get(_url("index")).content.decode()
    client.force_login(local_admin)
    assert _url("kitos") in client.get(_url("index")).content.decode()


def test_the_project_panel_lists_the_usages_the_project_changes(rf: RequestFactory, norddjurs):
    project = ProjectFactory()
    usage = UsageFactory(local_name="Borgerportal", lifecycle=Lifecycle.PHASING_IN)
    UsageFactory(local_name="Ikke berørt")
    with scopes_disabled():
        usage.projects.add(project)
    request = rf.get("/")
    request.municipality = norddjurs
    with scope(municipality=norddjurs):
        context = panels.project_usages(request, project)
        html = render_to_string("systems/panels/project_usages.html", context)
    assert "Borgerportal" in html and "Ikke berørt" not in html
    assert _url("usage_detail", pk=usage.pk) in html
