"""The KITOS page for local administrators."""

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from styrbord.systems.models import KitosRun, RunStatus, SystemUsage
from tests.integrations import kitos_server as kitos

kitos_server = kitos.kitos_server


@pytest.fixture
def kitos_settings(settings, kitos_server):
    settings.KITOS_URL = kitos_server.url
    settings.KITOS_EMAIL = kitos_server.email
    settings.KITOS_PASSWORD = kitos_server.password
    return settings


def url(name: str, **kwargs) -> str:
    return reverse(f"systems:{name}", kwargs={"kommune": "norddjurs", **kwargs})


def test_only_local_administrators_see_the_page(editor_client):
    assert editor_client.get(url("kitos")).status_code == 403
    assert editor_client.post(url("kitos_start")).status_code == 403


def test_page_shows_settings_without_the_password(admin_client_local, kitos_settings):
    response = admin_client_local.get(url("kitos"))

    assert response.status_code == 200
    content = response.content.decode()
    assert kitos_settings.KITOS_URL in content
    assert kitos_settings.KITOS_PASSWORD not in content
    assert "29189870" in content
    assert response.context["configured"]


def test_buttons_are_disabled_without_credentials(admin_client_local, settings):
    settings.KITOS_PASSWORD = ""

    response = admin_client_local.get(url("kitos"))

    assert not response.context["configured"]
    assert response.content.decode().count("disabled") == 2
    before = KitosRun._base_manager.count()
    admin_client_local.post(url("kitos_start"), {"dry_run": "0"})
    assert KitosRun._base_manager.count() == before


def test_dry_run_from_the_page_shows_the_changes(admin_client_local, norddjurs, kitos_settings):
    response = admin_client_local.post(url("kitos_start"), {"dry_run": "1"})

    run = KitosRun._base_manager.get()
    assert response.status_code == 302
    assert response.url == url("kitos_run", pk=run.pk)
    assert run.dry_run and run.started_by.username == "localadmin"
    assert not SystemUsage._base_manager.filter(municipality=norddjurs).exists()
    page = admin_client_local.get(response.url)
    assert page.status_code == 200
    assert page.context["page"].paginator.count == len(run.changes)
    assert "SBSYS" in page.content.decode()


def test_synchronise_now_writes(admin_client_local, norddjurs, kitos_settings):
    admin_client_local.post(url("kitos_start"), {"dry_run": "0"})

    assert KitosRun._base_manager.get().status == RunStatus.SUCCEEDED
    assert SystemUsage._base_manager.filter(municipality=norddjurs).count() == 7


def test_a_failed_run_shows_its_error(admin_client_local, norddjurs, kitos_settings):
    kitos_settings.KITOS_PASSWORD = "wrong"

    response = admin_client_local.post(url("kitos_start"), {"dry_run": "0"}, follow=True)

    assert KitosRun._base_manager.get().status == RunStatus.FAILED
    assert response.context["run"].error in response.content.decode()


def test_another_municipalitys_run_is_not_found(admin_client_local, rebild):
    with scopes_disabled():
        other = KitosRun.objects.create(municipality=rebild)

    assert admin_client_local.get(url("kitos_run", pk=other.pk)).status_code == 404


def test_run_list_uses_a_bounded_number_of_queries(
    admin_client_local, norddjurs, local_admin, django_assert_max_num_queries
):
    with scopes_disabled():
        for _ in range(30):
            KitosRun.objects.create(municipality=norddjurs, started_by=local_admin)
    admin_client_local.get(url("kitos"))

    with django_assert_max_num_queries(15):
        response = admin_client_local.get(url("kitos"))
    assert len(response.context["rows"]) == 25
