"""The newsletter: the news, sent by e-mail to the people who asked for it.

- `Subscriber`: one e-mail address, its language and where it stands (subscribed, withdrawn,
  erased). Nobody is a subscriber until they have followed the link of the confirmation
  e-mail (double opt-in; news.newsletter.views).
- `Consent`: the record of each consent: when it was asked for and given, the words shown (and
  their version), the privacy notice's revision at the time, the language, how it was given
  (the form, or an import), and when it was withdrawn. Kept when the address is erased.
- `Digest`: a selection of recent pages (news articles; any page type listed in
  DIGEST_PAGE_TYPES) that staff preview in each language and send from the admin.
- `Delivery`: one row per digest and subscriber (unique together), claimed before the message
  is sent: nothing is sent twice, even when sending is interrupted and started again.

None of these are shown on public pages (`page_cache_ignores`): saving them leaves the page
cache alone."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable

# The page types a digest can pick from. Events are one more entry here when they exist.
DIGEST_PAGE_TYPES = ["news.NewsPage"]

# The version of the consent wording below; change it whenever the wording changes.
CONSENT_VERSION = "2026-12-newsletter-1"
CONSENT_TEXT = _(
    "I want to receive the project's news by e-mail. I can unsubscribe at any time with the "
    "link in every message."
)


class Subscriber(models.Model):
    page_cache_ignores = True

    class Status(models.TextChoices):
        SUBSCRIBED = "subscribed", _("subscribed")
        WITHDRAWN = "withdrawn", _("withdrawn")
        ERASED = "erased", _("erased")

    email = models.EmailField(
        _("e-mail address"),
        unique=True,
        null=True,
        blank=True,
        help_text=_("Empty once the address has been erased on request."),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBSCRIBED
    )
    subscribed_at = models.DateTimeField(_("subscribed at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-subscribed_at", "-pk"]
        indexes = [models.Index(fields=["status", "language"])]

    def __str__(self):
        return self.email or str(_("(erased address)"))

    def withdraw(self, now=None):
        """Unsubscribe: the subscriber and their open consent are marked withdrawn."""
        now = now or timezone.now()
        if self.status == self.Status.SUBSCRIBED:
            self.status = self.Status.WITHDRAWN
            self.withdrawn_at = now
            self.save(update_fields=["status", "withdrawn_at"])
        self.consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=now)

    def erase(self, now=None):
        """Erasure on request: the address is removed; the consent records stay, without it,
        as the proof of what was agreed and withdrawn."""
        now = now or timezone.now()
        self.withdraw(now)
        self.email = None
        self.status = self.Status.ERASED
        self.erased_at = now
        self.save(update_fields=["email", "status", "erased_at"])


class Consent(models.Model):
    page_cache_ignores = True

    class Method(models.TextChoices):
        FORM = "form", _("sign-up form")
        IMPORT = "import", _("import")

    subscriber = models.ForeignKey(
        Subscriber, verbose_name=_("subscriber"), on_delete=models.CASCADE, related_name="consents"
    )
    requested_at = models.DateTimeField(_("asked for at"))
    given_at = models.DateTimeField(_("confirmed at"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    method = models.CharField(_("how"), max_length=20, choices=Method.choices)
    text_version = models.CharField(_("consent text version"), max_length=64)
    text = models.TextField(_("consent text as shown"))
    privacy_notice_revision = models.PositiveIntegerField(
        _("privacy notice revision"),
        null=True,
        blank=True,
        help_text=_("The revision of the privacy notice page live when consent was asked for."),
    )

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at"]

    def __str__(self):
        return f"{self.subscriber} {self.given_at:%Y-%m-%d} ({self.text_version})"


class Digest(ClusterableModel):
    """A newsletter issue: pages staff pick, sent to every subscriber in their language."""

    page_cache_ignores = True

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        QUEUED = "queued", _("queued for sending")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")

    title = models.CharField(
        _("title"), max_length=255, help_text=_("For staff, e.g. “December 2026”.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    queued_at = models.DateTimeField(_("queued at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    panels = [
        FieldPanel("title"),
        InlinePanel("items", label=_("Pages"), min_num=1),
    ]

    class Meta:
        verbose_name = _("newsletter digest")
        verbose_name_plural = _("newsletter digests")
        ordering = ["-created_at"]
        permissions = [("send_digest", "Can send newsletter digests")]

    def __str__(self):
        return self.title

    def progress(self):
        """{status: count} of this digest's deliveries."""
        counts = dict.fromkeys(Delivery.Status.values, 0)
        for row in self.deliveries.values("status").annotate(n=models.Count("pk")):
            counts[row["status"]] = row["n"]
        return counts


class DigestItem(Orderable):
    page_cache_ignores = True

    digest = ParentalKey(Digest, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page", page_type=DIGEST_PAGE_TYPES)]


class Delivery(models.Model):
    """One digest to one subscriber. The row is claimed (status `sending`) before the message
    goes out, so that no run, interrupted or concurrent, sends it again."""

    page_cache_ignores = True

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending (unknown if interrupted)")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        SKIPPED = "skipped", _("skipped (unsubscribed)")

    digest = models.ForeignKey(Digest, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    language = models.CharField(max_length=10)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["digest", "subscriber"], name="newsletter_one_delivery_per_subscriber"
            )
        ]

    def __str__(self):
        return f"{self.digest} → {self.subscriber}: {self.status}"
