"""Creating linked translations through wagtail-localize, for the demo content, the tests and
any code that needs a translation made the way an editor would make one."""

from wagtail.models import DraftStateMixin
from wagtail_localize.models import Translation, TranslationSource


class MissingTranslations(Exception):
    def __init__(self, locale, missing):
        self.missing = missing
        super().__init__(f"No {locale} translation for: " + "; ".join(repr(m) for m in missing))


def translate_object(instance, locale, strings, *, publish=True, user=None, strict=True):
    """Create or update the translation of a page or snippet into `locale`.

    `strings` maps each source string to its translation (a dict) or is a function of the
    source string. With `strict`, a source string without a translation raises
    MissingTranslations and nothing is saved; otherwise it keeps the source text. Returns the
    translated instance."""
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    lookup = strings.get if isinstance(strings, dict) else strings
    po = translation.export_po()
    missing = []
    for entry in po:
        text = lookup(entry.msgid)
        if text:
            entry.msgstr = text
        elif strict:
            missing.append(entry.msgid)
    if missing:
        raise MissingTranslations(locale.language_code, missing)
    translation.import_po(po, user=user)
    # wagtail-localize publishes a new revision when the transaction commits, from the page
    # object it held then; inside a longer transaction that stale object resets the page's
    # child count. Save a draft instead and publish a freshly loaded revision.
    draftable = isinstance(instance, DraftStateMixin)
    translation.save_target(user=user, publish=not draftable)
    translated = instance.get_translation(locale)
    if publish and draftable:
        translated.get_latest_revision().publish(user=user)
        translated.refresh_from_db()
    return translated
