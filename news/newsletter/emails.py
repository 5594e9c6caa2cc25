"""The newsletter's messages, each rendered in its recipient's language and sent through
Django's mail API (the configured EMAIL_BACKEND: SMTP, or a provider through django-anymail)."""

from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from home.pages.models import every_page

from .tokens import confirmation_token, unsubscribe_token


def site_name():
    site = Site.objects.filter(is_default_site=True).first()
    return (site.site_name if site and site.site_name else "") or settings.WAGTAIL_SITE_NAME


def base_url():
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL


def absolute(path, request=None):
    return request.build_absolute_uri(path) if request is not None else urljoin(base_url(), path)


def confirmation_message(email, language, privacy_revision, requested_at, request=None):
    with translation.override(language):
        token = confirmation_token(email, language, privacy_revision, requested_at)
        url = absolute(reverse("newsletter_confirm", args=[token]), request)
        context = {"confirm_url": url, "site_name": site_name(), "language": language}
        subject = _("Please confirm your subscription to the %(site)s newsletter") % {
            "site": context["site_name"]
        }
        text = render_to_string("news/newsletter/email/confirm.txt", context)
    return EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [email])


def unsubscribe_url(subscriber):
    with translation.override(subscriber.language):
        return absolute(reverse("newsletter_unsubscribe", args=[unsubscribe_token(subscriber)]))


def localized_items(digest, language):
    """The digest's pages in `language`: each page's live, public translation in that language,
    or the page as picked when it has none."""
    picked = [item.page for item in digest.items.select_related("page")]
    locale = Locale.objects.filter(language_code=language).first()
    translations = {}
    if locale is not None and picked:
        rows = (
            every_page()
            .visible(locale)
            .filter(
                translation_key__in=[page.translation_key for page in picked],
                alias_of__isnull=True,
            )
            .specific()
        )
        translations = {row.translation_key: row for row in rows}
    items = []
    for page in picked:
        shown = translations.get(page.translation_key) or page.specific
        if not shown.live:
            continue
        items.append(
            {
                "title": shown.title,
                "url": shown.get_full_url(),
                "summary": getattr(shown, "get_summary", lambda: "")(),
                "date": getattr(shown, "date", None),
                "language": shown.locale.language_code,
            }
        )
    return items


def digest_message(digest, subscriber, items=None):
    """The digest for one subscriber, in their language, with one-click unsubscribe
    (RFC 8058: List-Unsubscribe and List-Unsubscribe-Post)."""
    language = subscriber.language
    items = localized_items(digest, language) if items is None else items
    unsubscribe = unsubscribe_url(subscriber)
    with translation.override(language):
        context = {
            "digest": digest,
            "items": items,
            "site_name": site_name(),
            "unsubscribe_url": unsubscribe,
            "language": language,
        }
        subject = _("%(site)s: news") % {"site": context["site_name"]}
        text = render_to_string("news/newsletter/email/digest.txt", context)
        html = render_to_string("news/newsletter/email/digest.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        settings.DEFAULT_FROM_EMAIL,
        [subscriber.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message
