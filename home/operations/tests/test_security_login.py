"""Admin sign-in is throttled (django-axes) per account and per address, with a clear 429
page; addresses come from X-Forwarded-For only behind a configured number of proxies."""

import pytest
from axes.models import AccessAttempt
from django.test import Client

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def editor(django_user_model, site):
    return django_user_model.objects.create_user(
        "editor", "editor@example.org", "right-password", is_staff=True, is_superuser=True
    )


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = 0.25  # hours: 15 minutes


def attempt(username, password, address="10.0.0.1", **headers):
    return Client(REMOTE_ADDR=address).post(
        LOGIN, {"username": username, "password": password}, **headers
    )


def test_a_few_failures_are_form_errors_and_the_right_password_still_works(editor):
    for _ in range(2):
        response = attempt("editor", "wrong")
        assert response.status_code == 200
        assert response.context["form"].errors
    response = attempt("editor", "right-password")
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()  # reset on success


def test_repeated_failures_for_one_account_lock_it_from_any_address(editor):
    for number in range(3):
        attempt("editor", "wrong", address=f"10.0.0.{number + 1}")
    response = attempt("editor", "right-password", address="10.9.9.9")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many failed sign-in attempts" in html
    assert "You can try again in 15 minutes." in html
    assert response["Retry-After"] == "900"
    assert "Content-Security-Policy" in response
    # The session was not opened.
    assert "_auth_user_id" not in response.wsgi_request.session


def test_repeated_failures_from_one_address_lock_that_address(editor):
    for number in range(3):
        attempt(f"guess{number}", "wrong", address="10.0.0.66")
    assert attempt("editor", "right-password", address="10.0.0.66").status_code == 429
    # Another address is not affected.
    assert attempt("editor", "right-password", address="10.0.0.67").status_code == 302


def test_forwarded_for_is_ignored_without_a_trusted_proxy(editor, settings):
    settings.PORTAL_TRUSTED_PROXY_COUNT = 0
    for number in range(3):
        attempt(
            f"guess{number}", "wrong", address="10.0.0.5", HTTP_X_FORWARDED_FOR=f"1.1.1.{number}"
        )
    # Rotating a forged header does not escape the lock on the real address.
    assert attempt("editor", "right-password", address="10.0.0.5").status_code == 429


def test_behind_a_proxy_the_forwarded_address_is_throttled(editor, settings):
    settings.PORTAL_TRUSTED_PROXY_COUNT = 1
    for number in range(3):
        attempt(f"guess{number}", "wrong", address="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    blocked = attempt(
        "editor", "right-password", address="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7"
    )
    assert blocked.status_code == 429
    # Another visitor behind the same proxy can still sign in; a forged left-most entry is
    # not taken for the client's address.
    other = attempt(
        "editor",
        "right-password",
        address="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.7, 198.51.100.2",
    )
    assert other.status_code == 302


def test_the_lockout_page_is_translated(editor):
    for _ in range(3):
        attempt("editor", "wrong")
    response = attempt("editor", "wrong", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 429
    assert '<html lang="fr">' in response.content.decode()


def test_test_client_login_is_not_throttled(client, editor):
    """Logins without a request (the test client, scripts) skip the throttle but still check
    the password."""
    assert client.login(username="editor", password="right-password")
    assert not Client().login(username="editor", password="wrong")
