from http import HTTPStatus

import pytest


@pytest.mark.django_db
def test_health_reports_database_ok(client):
    response = client.get("/health/")
    assert response.status_code == HTTPStatus.OK
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_health_rejects_post(client):
    assert client.post("/health/").status_code == HTTPStatus.METHOD_NOT_ALLOWED
