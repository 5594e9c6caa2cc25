"""The whole opt-in journey through HTTP: sign-up (nothing subscribed yet), the confirmation
e-mail in the visitor's language, expired and tampered links refused, confirmation, the consent
record, unsubscribing from the List-Unsubscribe header (RFC 8058) and from the link, erasure,
and the spam protection of the sign-up (honeypot, rate limits in the shared cache)."""

import re
import time

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail, signing
from django.urls import reverse

from news.newsletter.emails import digest_message
from news.newsletter.factories import ConsentFactory, DigestFactory, SubscriberFactory
from news.newsletter.models import CONSENT_VERSION, Consent, Subscriber

LINK = re.compile(r"https?://testserver(/\w\w/newsletter/confirm/[^/\s]+/)")


def sign_up(client, language="fr", email="marie@example.org", consent=True, **extra):
    data = {"email": email, **({"consent": "on"} if consent else {}), **extra}
    return client.post(f"/{language}/newsletter/", data)


def confirmation_link(message):
    return LINK.search(message.body).group(1)


@pytest.mark.django_db
def test_sign_up_sends_a_confirmation_in_the_visitors_language_and_subscribes_nobody(
    client, homes, legal
):
    response = sign_up(client)
    assert response.status_code == 200
    assert not response.cookies
    assert Subscriber.objects.count() == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["marie@example.org"]
    assert "confirmer" in message.subject.lower()
    path = confirmation_link(message)
    assert path.startswith("/fr/newsletter/confirm/")

    # Opening the link changes nothing (mail scanners open links); the button does.
    page = client.get(path)
    assert page.status_code == 200
    assert b"marie@example.org" in page.content
    assert Subscriber.objects.count() == 0

    done = client.post(path)
    assert done.status_code == 200
    assert not done.cookies
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.language, subscriber.status) == (
        "marie@example.org",
        "fr",
        Subscriber.Status.SUBSCRIBED,
    )
    consent = subscriber.consents.get()
    assert consent.method == Consent.Method.FORM
    assert consent.language == "fr"
    assert consent.text_version == CONSENT_VERSION
    assert "désinscrire" in consent.text  # the words shown, in French
    assert consent.privacy_notice_revision == legal["privacy_notice"]["fr"].live_revision_id
    assert consent.requested_at <= consent.given_at

    # Following the link again subscribes nobody twice and records no second consent.
    assert client.post(path).status_code == 200
    assert Subscriber.objects.count() == 1 and Consent.objects.count() == 1


@pytest.mark.django_db
def test_sign_up_without_consent_or_with_a_bad_address_keeps_what_was_typed(client, homes):
    response = sign_up(client, consent=False)
    assert response.status_code == 400
    assert b'value="marie@example.org"' in response.content
    assert b'aria-invalid="true"' in response.content
    bad = sign_up(client, email="not-an-address")
    assert bad.status_code == 400
    assert b'value="not-an-address"' in bad.content
    assert mail.outbox == []


@pytest.mark.django_db
def test_expired_and_tampered_links_are_refused(client, homes, monkeypatch, settings):
    four_days_ago = time.time() - 4 * 24 * 3600
    with monkeypatch.context() as patch:
        patch.setattr(signing.time, "time", lambda: four_days_ago)
        sign_up(client)
    expired = confirmation_link(mail.outbox[0])
    response = client.post(expired)
    assert response.status_code == 400
    assert "expiré" in response.content.decode()

    sign_up(client, email="other@example.org")
    good = confirmation_link(mail.outbox[1])
    token = good.rstrip("/").rsplit("/", 1)[1]
    tampered = good.replace(token, token[:-2] + ("AA" if token[-2:] != "AA" else "BB"))
    assert client.post(tampered).status_code == 400
    forged = signing.dumps({"e": "victim@example.org", "l": "fr", "t": "x"}, salt="other")
    assert client.post(f"/fr/newsletter/confirm/{forged}/").status_code == 400
    assert Subscriber.objects.count() == 0

    settings.NEWSLETTER_CONFIRM_MAX_AGE = 10 * 24 * 3600
    assert client.post(expired).status_code == 200  # the same link within a longer validity
    assert Subscriber.objects.get().email == "marie@example.org"


@pytest.mark.django_db
def test_one_click_unsubscribe_from_the_list_unsubscribe_header(client, homes):
    subscriber = SubscriberFactory(language="es")
    ConsentFactory(subscriber=subscriber)
    message = digest_message(DigestFactory(), subscriber, items=[])
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert url.startswith("http://testserver/es/newsletter/unsubscribe/")
    response = client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.WITHDRAWN
    assert subscriber.withdrawn_at is not None
    assert subscriber.consents.get().withdrawn_at is not None


@pytest.mark.django_db
def test_unsubscribe_from_the_link_asks_then_withdraws(client, homes):
    subscriber = SubscriberFactory(language="hu")
    url = (
        digest_message(DigestFactory(), subscriber, items=[])
        .extra_headers["List-Unsubscribe"]
        .strip("<>")
    )
    page = client.get(url)
    assert page.status_code == 200
    assert subscriber.email in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED  # opening the link is not enough
    assert client.post(url).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.WITHDRAWN
    assert client.post(url.replace("unsubscribe/", "unsubscribe/x")).status_code == 400


@pytest.mark.django_db
def test_erasure_is_an_admin_action_for_those_allowed(client, homes, django_user_model):
    subscriber = SubscriberFactory(email="erase.me@example.org")
    ConsentFactory(subscriber=subscriber)
    url = reverse("newsletter_erase", args=[subscriber.pk])

    editor = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    refused = client.post(url)  # Wagtail answers PermissionDenied with its dashboard
    assert (refused.status_code, refused.get("Location")) == (302, "/admin/")
    subscriber.refresh_from_db()
    assert subscriber.email == "erase.me@example.org"

    group = Group.objects.create(name="Communications")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="delete_subscriber"),
    )
    editor.groups.add(group)
    editor = django_user_model.objects.get(pk=editor.pk)
    client.force_login(editor)
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.email is None
    assert subscriber.status == Subscriber.Status.ERASED
    consent = subscriber.consents.get()
    assert consent.withdrawn_at is not None  # the record stays, without the address


@pytest.mark.django_db
def test_subscribers_are_listed_per_language_and_exported_as_csv(admin_client, homes):
    SubscriberFactory(email="a@example.org", language="fr")
    SubscriberFactory(email="b@example.org", language="hu")
    listing = admin_client.get(reverse("wagtailsnippets_news_subscriber:list"), {"language": "fr"})
    assert listing.status_code == 200
    assert "a@example.org" in listing.content.decode()
    assert "b@example.org" not in listing.content.decode()
    export = admin_client.get(reverse("wagtailsnippets_news_subscriber:list"), {"export": "csv"})
    assert export.status_code == 200
    rows = b"".join(export.streaming_content).decode().splitlines()
    assert len(rows) == 3 and "a@example.org" in rows[1] + rows[2]
    # Nobody is added or edited by hand: a subscriber exists because they confirmed.
    assert admin_client.get(reverse("wagtailsnippets_news_subscriber:add")).status_code in (
        302,
        403,
    )


@pytest.mark.django_db
def test_honeypot_sign_ups_are_dropped_silently(client, homes):
    response = sign_up(client, website="http://spam.example")
    assert response.status_code == 200
    assert mail.outbox == []


@pytest.mark.django_db
def test_sign_ups_are_rate_limited_per_address_and_per_client(client, homes, settings):
    settings.PORTAL_RATE_LIMIT_PER_ADDRESS = 2
    settings.PORTAL_RATE_LIMIT_PER_IP = 3
    assert sign_up(client).status_code == 200
    assert sign_up(client).status_code == 200
    third = sign_up(client)
    assert third.status_code == 429
    assert b'value="marie@example.org"' in third.content
    assert len(mail.outbox) == 2
    # Another address from the same client: one more, then the client's limit.
    assert sign_up(client, email="x@example.org").status_code == 429  # 4th from this client
    other_client = client.post(
        "/fr/newsletter/",
        {"email": "y@example.org", "consent": "on"},
        REMOTE_ADDR="192.0.2.9",
    )
    assert other_client.status_code == 200
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_the_sign_up_page_costs_a_fixed_number_of_queries(client, homes, legal):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/fr/newsletter/")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/fr/newsletter/").status_code == 200
    assert len(captured) == SIGN_UP_PAGE_QUERIES, [
        q["sql"][:120] for q in captured.captured_queries
    ]


# The active locale and the site (Wagtail's Site.find_for_request, no longer kept in the
# process since issue 15); everything else the layout needs is kept in the process until
# content changes.
SIGN_UP_PAGE_QUERIES = 2
