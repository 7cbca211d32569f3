"""Reference data (the 98 municipalities) and the idempotent demo data."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from styrbord.core.models import AccessLogEntry, ChangeLogEntry, Municipality, OrgUnit, Person, User
from styrbord.core.services.access import purge_access_log
from styrbord.core.templatetags.styrbord import markdown


def test_all_98_municipalities_are_loaded_with_code_region_and_slug(db):
    municipalities = Municipality.objects.filter(is_catalogue=False)
    assert municipalities.count() == 98
    norddjurs = municipalities.get(code="0707")
    assert (norddjurs.slug, norddjurs.region) == ("norddjurs", "midtjylland")
    assert municipalities.get(code="0840").slug == "rebild"


def test_one_catalogue_organisation_owns_the_shared_data(db):
    assert Municipality.objects.get(is_catalogue=True).slug == "katalog"


@pytest.mark.parametrize("code", ["707", "07077", "07a7", ""])
def test_a_malformed_kommunekode_is_refused(db, code):
    with pytest.raises(ValidationError) as refused:
        Municipality(code=code, name="Test", slug="test").full_clean()
    assert "code" in refused.value.message_dict


@pytest.fixture
def demo(db, settings):
    settings.DEMO_MODE = True
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_the_demo_loads_norddjurs_from_the_status_note(demo):
    with scope(municipality=Municipality.objects.get(code="0707")):
        kaare = Person.objects.get(name="Kaare Christensen")
        assert kaare.title == "Teamleder og databeskyttelsesrådgiver"
        assert OrgUnit.objects.get(name="Borgerservice, IT og Digitalisering").parent.name == (
            "Norddjurs Kommune"
        )


def test_the_demo_loads_rebilds_organisation(demo):
    with scope(municipality=Municipality.objects.get(code="0840")):
        names = set(OrgUnit.objects.values_list("name", flat=True))
    assert {"Direktionen", "Fællescenter Økonomi og It", "Center Børn og Unge"} <= names


def test_the_demo_logins_work_with_the_demo_password(demo):
    for username in ["admin", "norddjurs-redaktoer", "norddjurs-laeser", "rebild-redaktoer"]:
        assert User.objects.get(username=username).check_password("styrbord-demo")


def test_loading_the_demo_twice_changes_nothing(demo, settings):
    with scopes_disabled():
        before = (OrgUnit.objects.count(), Person.objects.count(), ChangeLogEntry.objects.count())
        call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        after = (OrgUnit.objects.count(), Person.objects.count(), ChangeLogEntry.objects.count())
    assert before == after


def test_the_demo_refuses_to_run_outside_demo_mode(db, settings):
    settings.DEMO_MODE = False
    with pytest.raises(Exception, match="STYRBORD_DEMO"):
        call_command("demo")


def test_access_log_entries_older_than_the_retention_are_purged(editor_client, norddjurs, settings):
    settings.ACCESS_LOG_RETENTION_DAYS = 30
    editor_client.get("/norddjurs/personer/")
    with scopes_disabled():
        assert AccessLogEntry.objects.count() == 1
    assert purge_access_log(now=timezone.now() + datetime.timedelta(days=29)) == 0
    assert purge_access_log(now=timezone.now() + datetime.timedelta(days=31)) == 1


def test_user_markdown_is_sanitised():
    html = markdown("**fed** <script>alert(1)</script> [link](javascript:alert(1))")
    assert "<strong>fed</strong>" in html
    assert "<script>" not in html
    assert "javascript:" not in html
