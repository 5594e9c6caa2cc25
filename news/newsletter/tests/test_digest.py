"""Digests: previewed per language in the admin, queued with the Send button, sent by
`send_digests` in each subscriber's language, once per subscriber, even when a run is
interrupted and started again; backend failures retried; permissions from both sides."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from conftest import tagged
from home.pages.localization import translate_object
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.newsletter.factories import DigestFactory, DigestItemFactory, SubscriberFactory
from news.newsletter.models import Delivery, Digest, Subscriber
from news.newsletter.sending import queue

from .backends import FlakyBackend, Interrupted, InterruptingBackend


@pytest.fixture
def article(homes, locales):
    index = NewsIndexPageFactory(parent=homes["en"])
    index.save_revision().publish()
    page = NewsPageFactory(parent=index, title="Cluster managers meet in Szeged")
    page.save_revision().publish()
    for code in ("fr", "es"):
        translate_object(index, locales[code], tagged(code), strict=False)
        translate_object(page, locales[code], tagged(code), strict=False)
    return page


@pytest.fixture
def digest(article):
    digest = DigestFactory(title="December")
    DigestItemFactory(digest=digest, page=article)
    return digest


@pytest.fixture
def readers(db):
    return [
        SubscriberFactory(email=f"{code}{n}@example.org", language=code)
        for code in ("en", "fr", "es", "hu")
        for n in range(2)
    ] + [SubscriberFactory(email="gone@example.org", status=Subscriber.Status.WITHDRAWN)]


def send():
    out = StringIO()
    call_command("send_digests", stdout=out)
    return out.getvalue()


def received():
    return sorted(address for message in mail.outbox for address in message.to)


SUBSCRIBED = sorted(f"{code}{n}@example.org" for code in ("en", "fr", "es", "hu") for n in range(2))


@pytest.mark.django_db
def test_a_queued_digest_reaches_every_subscriber_once_in_their_language(digest, readers):
    assert "No digest to send" in send()  # a draft is not sent
    assert mail.outbox == []
    queue(digest)
    output = send()
    assert "8/8 sent" in output
    assert received() == SUBSCRIBED
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "[fr] Cluster managers meet in Szeged" in by_address["fr0@example.org"].body
    assert "[es] Cluster managers meet in Szeged" in by_address["es1@example.org"].body
    # No Hungarian translation: the article as picked, marked with its language.
    hu = by_address["hu0@example.org"]
    assert "Cluster managers meet in Szeged" in hu.body
    assert '<article lang="en"' in hu.alternatives[0].content
    for message in mail.outbox:
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message.extra_headers["List-Unsubscribe"].startswith("<http://testserver/")
    digest.refresh_from_db()
    assert digest.status == Digest.Status.SENT
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 8

    send()  # again: nothing more
    assert len(mail.outbox) == 8


@pytest.mark.django_db
def test_an_interrupted_sending_started_again_sends_nobody_twice(digest, readers, settings):
    settings.EMAIL_BACKEND = "news.newsletter.tests.backends.InterruptingBackend"
    settings.NEWSLETTER_BATCH_SIZE = 2
    InterruptingBackend.delivered = 0
    queue(digest)
    with pytest.raises(Interrupted):
        send()
    assert len(mail.outbox) == 3  # the third went out, but its run stopped before recording it
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 2
    assert Delivery.objects.filter(status=Delivery.Status.SENDING).count() == 1

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    send()
    assert received() == SUBSCRIBED  # each exactly once
    digest.refresh_from_db()
    assert digest.status == Digest.Status.SENT
    assert digest.progress()["sending"] == 1  # shown to staff as "interrupted, not sent again"

    # A subscriber who confirmed since then gets nothing of an already-sent digest.
    SubscriberFactory(email="late@example.org")
    send()
    assert "late@example.org" not in received()


@pytest.mark.django_db
def test_backend_failures_are_retried_on_the_next_run(digest, readers, settings):
    settings.EMAIL_BACKEND = "news.newsletter.tests.backends.FlakyBackend"
    FlakyBackend.FAIL_ONCE = {"fr1@example.org"}
    FlakyBackend.failed = set()
    queue(digest)
    send()
    assert "fr1@example.org" not in received()
    failed = Delivery.objects.get(subscriber__email="fr1@example.org")
    assert (failed.status, failed.attempts) == (Delivery.Status.FAILED, 1)
    assert "SMTPServerDisconnected" in failed.error
    digest.refresh_from_db()
    assert digest.status == Digest.Status.SENDING
    send()
    assert received() == SUBSCRIBED
    digest.refresh_from_db()
    assert digest.status == Digest.Status.SENT


@pytest.mark.django_db
def test_staff_preview_each_language_and_queue_the_digest(
    client, digest, readers, django_user_model
):
    staff = django_user_model.objects.create_user("comms", "c@example.org", "pw")
    group = Group.objects.create(name="Communications")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_digest"),
    )
    staff.groups.add(group)
    client.force_login(staff)
    preview = client.get(reverse("newsletter_digest_preview", args=[digest.pk, "fr"]))
    assert preview.status_code == 200
    assert "[fr] Cluster managers meet in Szeged" in preview.content.decode()
    assert '<html lang="fr">' in preview.content.decode()
    assert (
        client.get(reverse("newsletter_digest_preview", args=[digest.pk, "xx"])).status_code == 404
    )

    send_url = reverse("newsletter_digest_send", args=[digest.pk])
    refused = client.post(send_url)  # without the permission to send
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    digest.refresh_from_db()
    assert digest.status == Digest.Status.DRAFT

    group.permissions.add(Permission.objects.get(codename="send_digest"))
    staff = django_user_model.objects.get(pk=staff.pk)
    client.force_login(staff)
    page = client.get(send_url)
    assert page.status_code == 200
    assert "Français" in page.content.decode()
    assert client.post(send_url).status_code == 302
    digest.refresh_from_db()
    assert digest.status == Digest.Status.QUEUED
    assert mail.outbox == []  # sent by the scheduled command, not by the request
    send()
    assert received() == SUBSCRIBED


@pytest.mark.django_db
def test_the_digest_admin_lists_and_offers_preview_and_send(admin_client, digest):
    listing = admin_client.get(reverse("wagtailsnippets_news_digest:list"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "December" in html
    assert reverse("newsletter_digest_send", args=[digest.pk]) in html
    assert admin_client.get(reverse("wagtailsnippets_news_digest:add")).status_code == 200
    edit = admin_client.get(reverse("wagtailsnippets_news_digest:edit", args=[digest.pk]))
    assert edit.status_code == 200
