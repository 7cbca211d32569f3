"""``styrbord kitos-sync`` against the local KITOS server."""

import pytest
from django.core.management import CommandError, call_command

from styrbord.systems.models import KitosRun, RunStatus, SystemUsage
from tests.integrations import kitos_server as kitos

kitos_server = kitos.kitos_server


@pytest.fixture
def kitos_settings(settings, kitos_server):
    settings.KITOS_URL = kitos_server.url
    settings.KITOS_EMAIL = kitos_server.email
    settings.KITOS_PASSWORD = kitos_server.password
    return settings


def test_command_synchronises_and_prints_counts(norddjurs, kitos_settings, capsys):
    call_command("kitos-sync", "--municipality", "0707")

    out = capsys.readouterr().out
    assert "usage: created 7" in out
    assert "succeeded" in out
    assert SystemUsage._base_manager.filter(municipality=norddjurs).count() == 7


def test_dry_run_writes_nothing(norddjurs, kitos_settings, capsys):
    call_command("kitos-sync", "--municipality", "0707", "--dry-run")

    assert "Dry run" in capsys.readouterr().out
    assert not SystemUsage._base_manager.filter(municipality=norddjurs).exists()
    assert KitosRun._base_manager.get().dry_run


def test_full_reads_everything(norddjurs, kitos_settings, capsys):
    call_command("kitos-sync", "--municipality", "0707")
    call_command("kitos-sync", "--municipality", "0707", "--full")

    assert "usage: unchanged 7" in capsys.readouterr().out


def test_problems_are_printed(norddjurs, kitos_settings, kitos_server, capsys):
    kitos_server.collections["it-system-usages"][0]["general"]["hostedAt"] = "OnTheMoon"

    call_command("kitos-sync", "--municipality", "0707")

    assert "OnTheMoon" in capsys.readouterr().out


def test_a_failed_run_exits_non_zero(norddjurs, kitos_settings):
    kitos_settings.KITOS_PASSWORD = "wrong"

    with pytest.raises(CommandError):
        call_command("kitos-sync", "--municipality", "0707")

    assert KitosRun._base_manager.get().status == RunStatus.FAILED


def test_unknown_municipality_is_refused(db, kitos_settings):
    with pytest.raises(CommandError, match="9999"):
        call_command("kitos-sync", "--municipality", "9999")


def test_the_styrbord_cli_finds_the_command():
    from django.core.management import get_commands

    assert get_commands()["kitos-sync"] == "styrbord.systems"
