"""Optional automatic translation drafts (PORTAL_AUTO_TRANSLATION_DRAFTS, off by default).

When it is on, publishing a page in the source language (the default locale) brings its
translation in every other configured language up to date as a draft, through wagtail-localize:
the source content is extracted again, a translation is created for each language that has none,
and each translated page is saved as a new draft revision with the strings translated so far
(the source text standing in for the others). Nothing is published: an editor translates the new
strings and publishes each language. Aliases are never created."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail.signals import page_published
from wagtail_localize.models import Translation, TranslationSource

logger = logging.getLogger(__name__)


def sync_translation_drafts(page, user=None):
    """Create or update the draft translations of `page` in every other content language.
    Returns the list of translated pages saved."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    targets = Locale.objects.filter(language_code__in=codes).exclude(id=page.locale_id)
    parent = page.get_parent()
    saved = []
    with transaction.atomic():
        source, _created = TranslationSource.update_or_create_from_instance(page)
        for locale in targets:
            translated_parent_exists = parent.depth == 1 or (
                Page.objects.filter(
                    translation_key=parent.translation_key, locale=locale, alias_of__isnull=True
                ).exists()
            )
            if not translated_parent_exists:
                # Its parent is not translated yet: the page is listed as missing in the
                # translations report until the parent is.
                continue
            translation, _ = Translation.objects.get_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            if not translation.enabled:
                continue
            try:
                translation.save_target(user=user, publish=False)
            except ValidationError:
                logger.warning(
                    "Could not save the %s draft translation of page %s", locale, page.pk
                )
                continue
            saved.append(page.get_translation(locale))
    return saved


def on_page_published(sender, instance, revision=None, **kwargs):
    if not getattr(settings, "PORTAL_AUTO_TRANSLATION_DRAFTS", False):
        return
    if instance.locale_id != Locale.get_default().id or instance.alias_of_id:
        return
    user = getattr(revision, "user", None) if revision is not None else None
    sync_translation_drafts(instance.specific, user=user)


def register_signal_handlers():
    page_published.connect(on_page_published, dispatch_uid="portal_auto_translation_drafts")
