from unittest import mock

from django.db import DatabaseError


def test_healthz_answers_200_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "up"}


def test_healthz_answers_503_when_the_database_does_not(client, db):
    # The database is outside our code; simulating its failure is the only way to test this.
    with mock.patch("styrbord.core.views.pages.connection.cursor", side_effect=DatabaseError):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_every_response_carries_a_request_id(client, db):
    assert client.get("/healthz")["X-Request-ID"]
