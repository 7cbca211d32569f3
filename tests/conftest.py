"""Shared fixtures: two municipalities and their users.

``norddjurs`` and ``rebild`` are the real municipalities from the reference data; the
``editor`` and ``reader`` work in Norddjurs, ``other_editor`` in Rebild.
"""

import pytest
from django_scopes import scope, scopes_disabled

from styrbord.core.models import Role
from tests.factories import MembershipFactory, UserFactory, municipality


@pytest.fixture
def norddjurs(db):
    return municipality("0707")


@pytest.fixture
def rebild(db):
    return municipality("0840")


def _member(username: str, place, role: str):
    user = UserFactory(username=username)
    MembershipFactory(user=user, municipality=place, role=role)
    return user


@pytest.fixture
def editor(norddjurs):
    return _member("editor", norddjurs, Role.EDITOR)


@pytest.fixture
def reader(norddjurs):
    return _member("reader", norddjurs, Role.READER)


@pytest.fixture
def local_admin(norddjurs):
    return _member("localadmin", norddjurs, Role.ADMIN)


@pytest.fixture
def other_editor(rebild):
    return _member("other-editor", rebild, Role.EDITOR)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client


@pytest.fixture
def admin_client_local(client, local_admin):
    client.force_login(local_admin)
    return client


@pytest.fixture
def in_norddjurs(norddjurs):
    """Run the test body inside Norddjurs' scope, as a request would."""
    with scope(municipality=norddjurs):
        yield norddjurs


@pytest.fixture
def unscoped(db):
    with scopes_disabled():
        yield


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Argon2 is deliberately slow; tests create many users. test_auth checks the real setting.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    """Uploaded files go to a temporary directory, never into var/private."""
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private", "base_url": None},
        },
    }
