"""Sending a digest: every subscriber gets it once, in their language, in batches.

1. A delivery row is created for every subscriber without one (`queued`); the unique
   constraint (digest, subscriber) makes this safe to repeat and to run on two servers.
2. Each row is claimed with a conditional UPDATE (`queued`/`failed` → `sending`) before its
   message is handed to the e-mail backend, then marked `sent`. A row another run has claimed
   is left alone. A backend error marks the row `failed`; it is tried again on later runs,
   up to NEWSLETTER_MAX_ATTEMPTS times.
3. A run that is interrupted (the process killed) between claiming a row and marking it sent
   leaves it `sending`: whether that message went out is unknown, so it is never sent again
   (at most once), and the admin shows how many.
4. When no row is left to send or retry, the digest is `sent`.
"""

from django.conf import settings
from django.core.mail import get_connection
from django.db.models import F, Q
from django.utils import timezone

from .emails import digest_message, localized_items
from .models import Delivery, Digest, Subscriber


def _setting(name, default):
    return getattr(settings, name, default)


def queue(digest):
    """Mark the digest for sending (the admin's Send button); the scheduler's `send_digests`
    or a manual run picks it up."""
    if digest.status == Digest.Status.DRAFT:
        digest.status = Digest.Status.QUEUED
        digest.queued_at = timezone.now()
        digest.save(update_fields=["status", "queued_at"])


def create_deliveries(digest):
    have = Delivery.objects.filter(digest=digest).values("subscriber_id")
    new = [
        Delivery(digest=digest, subscriber_id=pk, language=language)
        for pk, language in Subscriber.objects.filter(status=Subscriber.Status.SUBSCRIBED)
        .exclude(pk__in=have)
        .values_list("pk", "language")
    ]
    Delivery.objects.bulk_create(new, ignore_conflicts=True, batch_size=1000)
    return len(new)


def _sendable(max_attempts):
    return Q(status=Delivery.Status.QUEUED) | Q(
        status=Delivery.Status.FAILED, attempts__lt=max_attempts
    )


def send_digest(digest, out=None, batch_size=None, max_attempts=None):
    """Send what is left of `digest`; returns the number of messages sent by this run."""
    out = out or (lambda line: None)
    batch_size = batch_size or _setting("NEWSLETTER_BATCH_SIZE", 100)
    max_attempts = max_attempts or _setting("NEWSLETTER_MAX_ATTEMPTS", 3)
    if digest.status in (Digest.Status.DRAFT, Digest.Status.SENT):
        return 0
    Digest.objects.filter(pk=digest.pk, status=Digest.Status.QUEUED).update(
        status=Digest.Status.SENDING
    )
    created = create_deliveries(digest)
    total = digest.deliveries.count()
    out(f"{digest}: {total} recipient(s), {created} new")
    items = {}  # the digest's pages per language, read once per run
    sent = 0
    tried = set()
    while True:
        batch = list(
            digest.deliveries.filter(_sendable(max_attempts))
            .exclude(pk__in=tried)
            .select_related("subscriber")
            .order_by("pk")[:batch_size]
        )
        if not batch:
            break
        connection = get_connection()
        connection.open()
        try:
            for delivery in batch:
                tried.add(delivery.pk)
                sent += _send_one(digest, delivery, connection, items)
        finally:
            connection.close()
        progress = digest.progress()
        out(
            f"  {progress['sent']}/{total} sent, {progress['failed']} failed, "
            f"{progress['skipped']} skipped"
        )
    if not digest.deliveries.filter(_sendable(max_attempts)).exists():
        Digest.objects.filter(pk=digest.pk).update(
            status=Digest.Status.SENT, finished_at=timezone.now()
        )
    return sent


def _send_one(digest, delivery, connection, items):
    claimed = Delivery.objects.filter(
        pk=delivery.pk, status=delivery.status, attempts=delivery.attempts
    ).update(status=Delivery.Status.SENDING, attempts=F("attempts") + 1)
    if not claimed:
        return 0  # another run has it
    subscriber = delivery.subscriber
    if subscriber.status != Subscriber.Status.SUBSCRIBED or not subscriber.email:
        Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.SKIPPED)
        return 0
    language = subscriber.language
    if language not in items:
        items[language] = localized_items(digest, language)
    try:
        message = digest_message(digest, subscriber, items[language])
        message.connection = connection
        message.send()
    except Exception as error:  # noqa: BLE001 - any backend failure is recorded and retried
        Delivery.objects.filter(pk=delivery.pk).update(
            status=Delivery.Status.FAILED, error=f"{type(error).__name__}: {error}"[:2000]
        )
        return 0
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.SENT, sent_at=timezone.now(), language=language, error=""
    )
    return 1


def pending_digests():
    return Digest.objects.filter(status__in=[Digest.Status.QUEUED, Digest.Status.SENDING])
