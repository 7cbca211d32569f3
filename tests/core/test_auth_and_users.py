"""Login, lock-out, password change, and local administrators managing their own users."""

import importlib
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django_scopes import scope, scopes_disabled

from styrbord.core.models import Membership, Role, User
from tests.factories import MembershipFactory, UserFactory


def test_passwords_are_hashed_with_argon2_in_the_real_settings():
    real = importlib.import_module("styrbord.settings")
    assert real.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_a_user_logs_in_and_lands_in_their_municipality(client, editor):
    response = client.post("/log-ind/", {"username": "editor", "password": "korrekt-hest-batteri"})
    assert response.status_code == 302
    assert client.get("/").url == "/norddjurs/"


def test_a_wrong_password_is_refused_with_a_danish_message(client, editor):
    response = client.post("/log-ind/", {"username": "editor", "password": "forkert"})
    assert response.status_code == 200
    assert "korrekt brugernavn og adgangskode" in response.text


def test_repeated_failed_logins_lock_the_user_out_with_a_clear_message(client, editor):
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        client.post("/log-ind/", {"username": "editor", "password": "forkert"})
    response = client.post("/log-ind/", {"username": "editor", "password": "korrekt-hest-batteri"})
    assert response.status_code == 429
    assert "30 minutter" in response.text


def test_logging_out_ends_the_session(editor_client):
    editor_client.post("/log-ud/")
    assert editor_client.get("/norddjurs/").status_code == 302


def test_a_user_changes_their_password(editor_client, editor):
    response = editor_client.post(
        "/konto/adgangskode/",
        {
            "old_password": "korrekt-hest-batteri",
            "new_password1": "et-meget-bedre-kodeord-42",
            "new_password2": "et-meget-bedre-kodeord-42",
        },
    )
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password("et-meget-bedre-kodeord-42")


def test_a_user_of_several_municipalities_chooses_between_them(client, norddjurs, rebild):
    user = UserFactory(username="both")
    MembershipFactory(user=user, municipality=norddjurs)
    MembershipFactory(user=user, municipality=rebild, role=Role.READER)
    client.force_login(user)
    page = client.get("/").text
    assert "Norddjurs Kommune" in page and "Rebild Kommune" in page
    assert client.get("/rebild/").status_code == 200
    assert client.get("/").url == "/rebild/"


def test_editors_cannot_manage_users(editor_client):
    assert editor_client.get("/norddjurs/brugere/").status_code == 403


def test_a_local_administrator_creates_a_login_with_a_role(admin_client_local, norddjurs):
    response = admin_client_local.post(
        "/norddjurs/brugere/tilfoej/",
        {
            "username": "ny-projektleder",
            "role": Role.EDITOR,
            "first_name": "Ny",
            "last_name": "Projektleder",
            "email": "np@norddjurs.dk",
            "password": "start-kodeord-2026",
        },
    )
    assert response.status_code == 302
    with scope(municipality=norddjurs):
        assert Membership.objects.get(user__username="ny-projektleder").role == Role.EDITOR


def test_a_new_login_without_a_password_is_refused_and_the_input_kept(admin_client_local):
    response = admin_client_local.post(
        "/norddjurs/brugere/tilfoej/",
        {"username": "uden-kode", "role": Role.READER, "email": "u@x.dk"},
    )
    assert response.status_code == 200
    assert 'value="u@x.dk"' in response.text
    assert not User.objects.filter(username="uden-kode").exists()


def test_a_weak_initial_password_is_refused_next_to_the_field(admin_client_local):
    response = admin_client_local.post(
        "/norddjurs/brugere/tilfoej/", {"username": "svag", "role": Role.READER, "password": "123"}
    )
    assert 'id="id_password_error"' in response.text
    assert not User.objects.filter(username="svag").exists()


def test_the_last_local_administrator_cannot_be_demoted(admin_client_local, local_admin, norddjurs):
    with scopes_disabled():
        membership = Membership.objects.get(user=local_admin)
    response = admin_client_local.post(
        f"/norddjurs/brugere/{membership.pk}/", {"version": 1, "role": Role.READER}
    )
    assert response.status_code == 200
    assert "mindst én lokaladministrator" in response.text
    with scopes_disabled():
        assert Membership.objects.get(pk=membership.pk).role == Role.ADMIN


def test_a_local_administrator_changes_a_role_and_it_is_in_the_history(
    admin_client_local, editor, norddjurs
):
    with scopes_disabled():
        membership = Membership.objects.get(user=editor)
    admin_client_local.post(
        f"/norddjurs/brugere/{membership.pk}/", {"version": 1, "role": "reader"}
    )
    history = admin_client_local.get(f"/norddjurs/historik/membership/{membership.pk}/").text
    assert "Redaktør" in history and "Læser" in history


def test_a_local_administrator_sees_only_their_own_municipalitys_users(
    admin_client_local, other_editor
):
    assert "other-editor" not in admin_client_local.get("/norddjurs/brugere/").text


def test_the_change_log_filters_by_object(admin_client_local, norddjurs):
    admin_client_local.post("/norddjurs/organisation/ny/", {"name": "Ny enhed A", "kind": "team"})
    admin_client_local.post("/norddjurs/organisation/ny/", {"name": "Anden B", "kind": "team"})
    page = admin_client_local.get("/norddjurs/aendringslog/", {"q": "enhed A"}).text
    assert "«Ny enhed A»" in page and "«Anden B»" not in page


@pytest.mark.parametrize("env", [{"STYRBORD_ENV": "production"}])
def test_production_refuses_to_start_without_a_secret_key(env):
    environment = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"} | env
    result = subprocess.run(
        [sys.executable, "-c", "import styrbord.settings"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_the_login_page_lists_the_demo_logins_only_in_demo_mode(client, db, settings):
    settings.DEMO_MODE = False
    assert "norddjurs-redaktoer" not in client.get("/log-ind/").text
    settings.DEMO_MODE = True
    assert "norddjurs-redaktoer" in client.get("/log-ind/").text


def test_an_existing_login_is_given_a_role_without_a_new_password(
    admin_client_local, other_editor, norddjurs
):
    response = admin_client_local.post(
        "/norddjurs/brugere/tilfoej/", {"username": "other-editor", "role": Role.READER}
    )
    assert response.status_code == 302
    with scope(municipality=norddjurs):
        assert Membership.objects.get(user=other_editor).role == Role.READER


def test_a_login_cannot_be_added_twice(admin_client_local, editor):
    response = admin_client_local.post(
        "/norddjurs/brugere/tilfoej/", {"username": "editor", "role": Role.ADMIN}
    )
    assert response.status_code == 200
    assert 'id="id_username_error"' in response.text
