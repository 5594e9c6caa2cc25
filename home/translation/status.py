"""Which translations are missing or out of date, for the translations report and the dashboard.

The source language is the default locale (LANGUAGE_CODE). For every live page in it (the site
roots too) and every translatable snippet in it, and for every other locale, the translation is:

- "missing": there is no page or snippet in that locale (an alias page, which only repeats the
  source, counts as missing);
- "draft": a translated page exists but is not live, so visitors do not see it;
- "outdated", for one of three reasons (`reason`):
  - "source_changed": the source was published (pages) or edited (snippets) after its content
    was last sent to the translators (wagtail-localize's TranslationSource.last_updated_at):
    someone must "Sync translated pages" (update translations);
  - "untranslated": the content was synced but some of its strings have no translation yet.

(wagtail-localize re-extracts the source whenever anyone syncs or translates it into any language,
so TranslationSource.last_updated_at moving does not mean the content changed: it is compared
with the source's publication date only, never with the translated page's dates.)

Everything is worked out in a fixed number of queries whatever the number of pages: a few for
the pages, one per translatable snippet model and one per locale.
"""

import json
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.admin.utils import quote
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

STATES = {
    "missing": _("Missing"),
    "draft": _("Not published"),
    "outdated": _("Out of date"),
}
REASONS = {
    "missing": _("There is no translation in this language."),
    "draft": _("The translation exists but is not published."),
    "source_changed": _("The source changed after the translation was last synced."),
    "untranslated": _("Synced, but some texts are not translated yet."),
}


@dataclass
class StatusRow:
    kind: str  # "page" or "snippet"
    title: str
    type_name: str
    locale: Locale
    state: str
    reason: str
    action_url: str
    action_label: str
    source_url: str = ""
    untranslated: int = 0

    @property
    def state_label(self):
        return STATES[self.state]

    @property
    def reason_label(self):
        return REASONS[self.reason]


@dataclass
class TranslationStatus:
    locales: list
    rows: list = field(default_factory=list)

    def counts(self):
        """[(locale, missing, draft, outdated)] in locale order."""
        totals = {locale.id: {"missing": 0, "draft": 0, "outdated": 0} for locale in self.locales}
        for row in self.rows:
            totals[row.locale.id][row.state] += 1
        return [
            (locale, totals[locale.id]["missing"], totals[locale.id]["draft"],
             totals[locale.id]["outdated"])
            for locale in self.locales
        ]  # fmt: skip

    @property
    def total(self):
        return len(self.rows)


def _untranslated_counts(source_ids):
    """{(source_id, locale_id): number of strings with no translation} for enabled translations."""
    if not source_ids:
        return {}
    missing_strings = (
        StringSegment.objects.filter(source_id=OuterRef("source_id"))
        .filter(
            ~Exists(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale_id=OuterRef(OuterRef("target_locale_id")),
                    has_error=False,
                )
            )
        )
        .order_by()
        .values("source_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    rows = (
        Translation.objects.filter(source_id__in=source_ids, enabled=True)
        .annotate(untranslated=Coalesce(Subquery(missing_strings, output_field=IntegerField()), 0))
        .values_list("source_id", "target_locale_id", "untranslated")
    )
    return {(source_id, locale_id): count for source_id, locale_id, count in rows}


def _translation_sources(keys_query, source_locale):
    """{translation_key: TranslationSource} of the source locale (content_json deferred)."""
    return {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=keys_query, locale=source_locale
        ).defer("content_json")
    }


def _page_rows(source_locale, targets):
    source_pages = (
        Page.objects.live()
        .filter(locale=source_locale, depth__gt=1, alias_of__isnull=True)
        .select_related("content_type")
        .order_by("path")
    )
    pages = list(
        source_pages.only(
            "id", "title", "translation_key", "last_published_at", "content_type", "path"
        )
    )
    keys_query = source_pages.values("translation_key")
    translated = {}
    for row in Page.objects.filter(translation_key__in=keys_query, locale__in=targets).values(
        "id", "translation_key", "locale_id", "live", "alias_of_id"
    ):
        translated[(row["translation_key"], row["locale_id"])] = row
    sources = _translation_sources(keys_query, source_locale)
    untranslated = _untranslated_counts([source.id for source in sources.values()])

    rows = []
    for page in pages:
        source = sources.get(page.translation_key)
        type_name = str(page.content_type.model_class()._meta.verbose_name)
        source_url = reverse("wagtailadmin_pages:edit", args=[page.id])
        for locale in targets:
            target = translated.get((page.translation_key, locale.id))
            common = {
                "kind": "page",
                "title": page.title,
                "type_name": type_name,
                "locale": locale,
                "source_url": source_url,
            }
            if target is None or target["alias_of_id"]:
                rows.append(
                    StatusRow(
                        state="missing",
                        reason="missing",
                        action_url=reverse(
                            "wagtail_localize:submit_page_translation", args=[page.id]
                        ),
                        action_label=_("Translate"),
                        **common,
                    )
                )
                continue
            edit_url = reverse("wagtailadmin_pages:edit", args=[target["id"]])
            state = _outdated_reason(
                source,
                changed_at=page.last_published_at,
                untranslated=untranslated.get((source.id, locale.id), 0) if source else 0,
            )
            if state is None and not target["live"]:
                rows.append(
                    StatusRow(
                        state="draft",
                        reason="draft",
                        action_url=edit_url,
                        action_label=_("Review and publish"),
                        **common,
                    )
                )
            elif state is not None:
                reason, count = state
                rows.append(_outdated_row(reason, count, source, edit_url, common))
    return rows


def _outdated_reason(source, *, changed_at, untranslated):
    """(reason, untranslated count) when the translation is out of date, else None."""
    if source is None:
        # Not translated through wagtail-localize (copied by hand): nothing to compare with.
        return None
    if changed_at and changed_at > source.last_updated_at:
        return "source_changed", untranslated
    if untranslated:
        return "untranslated", untranslated
    return None


def _outdated_row(reason, count, source, edit_url, common):
    if reason == "source_changed":
        action_url = reverse("wagtail_localize:update_translations", args=[source.id])
        action_label = _("Sync translations")
    else:
        action_url = edit_url
        action_label = _("Edit translation")
    return StatusRow(
        state="outdated",
        reason=reason,
        action_url=action_url,
        action_label=action_label,
        untranslated=count,
        **common,
    )


def _content_json(instance):
    if isinstance(instance, ClusterableModel):
        return json.loads(instance.to_json())
    return json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))


def _snippet_rows(source_locale, targets):
    rows = []
    for model in get_snippet_models():
        if not issubclass(model, TranslatableMixin):
            continue
        meta = model._meta
        objects = list(model.objects.filter(locale=source_locale).order_by("pk"))
        if not objects:
            continue
        keys = [obj.translation_key for obj in objects]
        translated = {
            (key, locale_id): pk
            for key, locale_id, pk in model.objects.filter(
                translation_key__in=keys, locale__in=targets
            ).values_list("translation_key", "locale_id", "pk")
        }
        sources = _translation_sources(
            TranslationSource.objects.filter(object_id__in=keys).values("object_id"),
            source_locale,
        )
        # The content is needed here (snippets have no publication date to compare).
        contents = dict(
            TranslationSource.objects.filter(
                id__in=[source.id for source in sources.values()]
            ).values_list("id", "content_json")
        )
        untranslated = _untranslated_counts(list(contents))
        for obj in objects:
            source = sources.get(obj.translation_key)
            changed = source is not None and _content_json(obj) != json.loads(contents[source.id])
            for locale in targets:
                common = {
                    "kind": "snippet",
                    "title": str(obj),
                    "type_name": str(meta.verbose_name),
                    "locale": locale,
                    "source_url": reverse(
                        f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit",
                        args=[quote(obj.pk)],
                    ),
                }
                target_pk = translated.get((obj.translation_key, locale.id))
                if target_pk is None:
                    rows.append(
                        StatusRow(
                            state="missing",
                            reason="missing",
                            action_url=reverse(
                                "wagtail_localize:submit_snippet_translation",
                                args=[meta.app_label, meta.model_name, quote(obj.pk)],
                            ),
                            action_label=_("Translate"),
                            **common,
                        )
                    )
                    continue
                edit_url = reverse(
                    f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit",
                    args=[quote(target_pk)],
                )
                if source is None:
                    continue
                count = untranslated.get((source.id, locale.id), 0)
                if changed:
                    rows.append(_outdated_row("source_changed", count, source, edit_url, common))
                elif count:
                    rows.append(_outdated_row("untranslated", count, source, edit_url, common))
    return rows


def translation_status():
    """The status of every translation of the source language's pages and snippets."""
    source_locale = Locale.get_default()
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    targets = sorted(
        Locale.objects.filter(language_code__in=codes).exclude(id=source_locale.id),
        key=lambda locale: codes.index(locale.language_code),
    )
    status = TranslationStatus(locales=targets)
    if not targets:
        return status
    status.rows = _page_rows(source_locale, targets) + _snippet_rows(source_locale, targets)
    return status


__all__ = ["StatusRow", "TranslationStatus", "translation_status"]
