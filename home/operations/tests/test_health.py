"""/health/: database and cache status for load balancers, unprefixed, never cached, no login."""

import socket

import pytest
from django.db import OperationalError

from home.operations import health

pytestmark = pytest.mark.django_db

RESILIENT_REDIS_DOWN = {
    "default": {
        "BACKEND": "home.operations.resilience.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
}


def test_healthy(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]
    assert response["Content-Type"] == "application/json"


def test_health_is_not_language_prefixed_and_needs_no_login(client):
    response = client.get("/health/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert client.get("/en/health/").status_code == 404


def test_only_safe_methods(client):
    assert client.post("/health/").status_code == 405


def test_cache_down_is_degraded_but_up(client, settings):
    settings.CACHES = RESILIENT_REDIS_DOWN
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "error"}


def redis_available():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not redis_available(), reason="no Redis server on 127.0.0.1:6379")
def test_with_a_real_redis(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "home.operations.resilience.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
            "KEY_PREFIX": "portal-health-test",
        }
    }
    assert client.get("/health/").json()["cache"] == "ok"


class BrokenConnection:
    def cursor(self):
        raise OperationalError("connection refused")

    def close_if_unusable_or_obsolete(self):
        pass


def test_database_down_is_503(client, monkeypatch):
    monkeypatch.setattr(health, "connection", BrokenConnection())
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error", "cache": "ok"}
