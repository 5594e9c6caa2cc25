"""One import of a WordPress export: what becomes what, and the summary of it.

- posts become news articles in their language's news index (Polylang's or WPML's language,
  else the language given); pages become standard pages under the parent page given (in each
  language, its translation) or are skipped; attachments whose files are in the uploads folder
  become images in a collection; everything else (menu items, reusable blocks, revisions…) is
  skipped and counted;
- statuses: `publish` is live from its original date, `draft` and `pending` are drafts,
  `future` is scheduled (a revision approved to go live then, published by Wagtail's
  `publish_scheduled`), `private` is published behind a login restriction, `trash` is skipped;
- translations: the posts of one translation group share one translation key; the source (in
  the site's default language) gets a wagtail-localize TranslationSource and each translation a
  Translation record (disabled: the text was translated in WordPress and is edited as it is);
- each item is imported in its own transaction: one that fails is reported with its reason and
  costs nothing else, and an interrupted run starts again where it stopped (the GUID record).
"""

import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, PageViewRestriction
from wagtail_localize.models import Translation, TranslationSource

from home.models import StandardPage

from ..models import NewsCategory, NewsIndexPage, NewsPage, NewsPageAuthor
from . import html as html_conversion
from .models import ImportedItem
from .wxr import read_export

SKIPPED_STATUSES = {"trash", "auto-draft", "inherit"}
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
MAX_IMAGE_BYTES = 10 * 1024 * 1024
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
STATUS_WORDS = {
    "publish": "published",
    "future": "scheduled",
    "private": "private",
    "draft": "draft",
    "pending": "draft",
}


class Stop(Exception):
    """Raised to end a dry run (rolled back) or a run that reached its --limit."""


@dataclass
class Options:
    locale: Locale | None = None  # items without a language
    index: NewsIndexPage | None = None  # posts in that index's language go there
    pages_parent: Page | None = None
    uploads: Path | None = None
    dry_run: bool = False
    limit: int | None = None
    collection: str = "WordPress"


@dataclass
class Summary:
    total: int = 0
    by_type: Counter = field(default_factory=Counter)
    posts_by_status: Counter = field(default_factory=Counter)
    posts_by_language: Counter = field(default_factory=Counter)
    actions: Counter = field(default_factory=Counter)  # (kind, action) -> n
    skipped: Counter = field(default_factory=Counter)  # reason -> n
    unknown_languages: Counter = field(default_factory=Counter)
    comments: int = 0
    problems: list = field(default_factory=list)  # (label, [messages])
    failures: list = field(default_factory=list)  # (label, reason)
    stopped: bool = False

    def count(self, kind, action):
        return self.actions[(kind, action)]


class Importer:
    def __init__(self, options, log=lambda message: None):
        self.options = options
        self.log = log
        self.summary = Summary()
        self.records = {}
        self.images_by_id = {}  # WordPress attachment id -> (image id, alt)
        self.images_by_path = {}  # path under uploads -> (image id, alt)
        self.attachment_paths = {}  # WordPress attachment id -> path under uploads
        self.changes = 0
        self.default_locale = Locale.get_default()
        self.codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.authors = {}
        self._collection = None
        self._indexes = {}
        self.guids_by_id = {}

    # Entry point ----------------------------------------------------------------------------

    def run(self, path):
        export = read_export(path)
        self.authors = export.authors
        self.summary.total = len(export.items)
        for item in export.items:
            self.summary.by_type[item.post_type] += 1
            self.summary.comments += item.comments
        self.records = {record.guid: record for record in ImportedItem.objects.all()}
        try:
            if self.options.dry_run:
                with transaction.atomic():
                    self.import_all(export)
                    raise Stop
            else:
                self.import_all(export)
        except Stop:
            pass
        return self.summary

    def import_all(self, export):
        items = export.items
        self.guids_by_id = {i.wp_id: i.guid for i in items if i.wp_id is not None}
        attachments = [i for i in items if i.post_type == "attachment"]
        posts = [i for i in items if i.post_type == "post"]
        pages = [i for i in items if i.post_type == "page"]
        for item in items:
            if item.post_type not in ("attachment", "post", "page"):
                self.skip(item, _("not news (%(type)s)") % {"type": item.post_type}, quiet=True)
        for item in attachments:
            self.check_limit()
            self.step(item, self.import_attachment, item)
        for unit in self.units(posts):
            self.import_unit(unit, "post")
        pages.sort(key=lambda i: self.page_depth(i, pages))
        for unit in self.units(pages):
            self.import_unit(unit, "page")

    def step(self, item, function, *args):
        """Run one item's import in its own transaction; a failure is reported and rolled
        back alone."""
        remembered = (dict(self.images_by_id), dict(self.images_by_path), dict(self.records))
        try:
            with transaction.atomic():
                return function(*args)
        except Stop:
            raise
        except Exception as error:  # noqa: BLE001 - one bad item never costs the others
            # What the rolled-back transaction had created is forgotten too.
            self.images_by_id, self.images_by_path, self.records = remembered
            reason = f"{type(error).__name__}: {error}"
            self.summary.failures.append((item.label, reason))
            self.summary.actions[(item.post_type, "failed")] += 1
            self.progress(item, _("failed: %(reason)s") % {"reason": reason})
            return None

    def progress(self, item, message):
        self.log(
            f"[{item.position}/{self.summary.total}] {item.post_type} “{item.label}”: {message}"
        )

    def skip(self, item, reason, quiet=False):
        self.summary.skipped[reason] += 1
        if not quiet:
            self.progress(item, _("skipped (%(reason)s)") % {"reason": reason})

    def changed(self):
        """Count a write against --limit."""
        self.changes += 1

    def check_limit(self):
        """Stop before the next item once --limit items were written."""
        if self.options.limit is not None and self.changes >= self.options.limit:
            self.summary.stopped = True
            raise Stop

    # Languages and groups -------------------------------------------------------------------

    def locale_for(self, item):
        """(Locale, None) or (None, reason)."""
        code = (item.language or "").lower().replace("_", "-")
        if not code:
            if self.options.index is not None:
                return self.options.index.locale, None
            return self.options.locale or self.default_locale, None
        for candidate in (code, code.split("-")[0]):
            if candidate in self.codes and candidate in self.locales:
                return self.locales[candidate], None
        self.summary.unknown_languages[code] += 1
        return None, _("language “%(code)s” is not one of this site's") % {"code": code}

    def units(self, items):
        """Items grouped by translation group (one item alone otherwise), the source (the
        site's default language) first in each, in file order of their first item."""
        groups = {}
        for item in items:
            key = item.translation_group or f"item:{item.guid or item.position}"
            groups.setdefault(key, []).append(item)

        def order(item):
            code = (item.language or "").lower().split("-")[0]
            if code == self.default_locale.language_code:
                return (0, item.position)
            return (1 + (self.codes.index(code) if code in self.codes else 99), item.position)

        return [sorted(unit, key=order) for unit in groups.values()]

    def page_depth(self, item, pages):
        by_id = {page.wp_id: page for page in pages}
        depth, parent, seen = 0, item.parent_id, set()
        while parent in by_id and parent not in seen:
            seen.add(parent)
            depth += 1
            parent = by_id[parent].parent_id
        return (depth, item.position)

    def import_unit(self, unit, kind):
        self.check_limit()
        translation_key = None
        for item in unit:  # a page already imported gives the group its key
            record = self.records.get(item.guid)
            if record is not None and record.page_id:
                page = Page.objects.filter(pk=record.page_id).first()
                if page is not None and (
                    translation_key is None or page.locale_id == self.default_locale.id
                ):
                    translation_key = page.translation_key
        translation_key = translation_key or uuid.uuid4()
        pages = []
        for item in unit:
            self.check_limit()
            if item.status in SKIPPED_STATUSES:
                record = self.records.get(item.guid)
                if record is not None and record.page_id:
                    self.step(item, self.unpublish_trashed, item, record)
                    continue
                self.skip(item, skipped_status(item))
                continue
            if not item.guid:
                self.skip(item, _("no GUID"))
                continue
            locale, reason = self.locale_for(item)
            if locale is None:
                self.skip(item, reason)
                continue
            if kind == "post":
                self.summary.posts_by_status[item.status] += 1
                self.summary.posts_by_language[locale.language_code] += 1
            page = self.step(item, self.import_page, item, kind, locale, translation_key)
            if page is not None:
                pages.append(page)
        if len(pages) > 1 or (unit[0].translation_group and pages):
            self.step(unit[0], self.link_translations, pages)

    # Pages ----------------------------------------------------------------------------------

    def unpublish_trashed(self, item, record):
        """An item imported before and moved to the trash in WordPress since: unpublished
        (not deleted: an editor decides)."""
        page = Page.objects.filter(pk=record.page_id).first()
        if page is not None and page.live:
            page.specific.unpublish()
            self.summary.actions[(item.post_type, "unpublished")] += 1
            self.progress(item, _("unpublished (moved to the trash in WordPress)"))
            self.changed()
        else:
            self.skip(item, skipped_status(item))

    def parent_for(self, item, kind, locale):
        if kind == "post":
            return self.news_index(locale)
        record = self.records.get(self.guid_of_parent(item)) if item.parent_id else None
        if record is not None and record.page_id:
            parent = Page.objects.filter(pk=record.page_id, locale=locale).first()
            if parent is not None:
                return parent
        if self.options.pages_parent is None:
            return None
        parent = self.options.pages_parent
        if parent.locale_id == locale.id:
            return parent
        return Page.objects.filter(translation_key=parent.translation_key, locale=locale).first()

    def guid_of_parent(self, item):
        return self.guids_by_id.get(item.parent_id)

    def news_index(self, locale):
        if locale.id not in self._indexes:
            index = self.options.index
            if index is None or index.locale_id != locale.id:
                index = NewsIndexPage.objects.filter(locale=locale).order_by("path").first()
            self._indexes[locale.id] = index
        return self._indexes[locale.id]

    def import_page(self, item, kind, locale, translation_key):
        model = NewsPage if kind == "post" else StandardPage
        fingerprint = item.fingerprint()
        record = self.records.get(item.guid)
        page = None
        if record is not None:
            if record.page_id is None:
                self.skip(item, _("deleted on this site since it was imported"))
                return None
            page = model.objects.filter(pk=record.page_id).first()
            if page is None:
                self.skip(item, _("no longer a %(type)s on this site") % {"type": kind})
                return None
            if record.fingerprint == fingerprint and page.translation_key == translation_key:
                self.summary.actions[(kind, "unchanged")] += 1
                self.progress(item, _("unchanged"))
                return page
            if page.latest_revision_id != record.revision_id:
                self.skip(item, _("edited on this site since it was imported: left as it is"))
                return page
        elif kind == "post":
            # Imported by an earlier version of this command (same GUID, same language).
            page = NewsPage.objects.filter(locale=locale, source_guid=item.guid).first()
        if page is None:
            if kind == "page" and self.options.pages_parent is None:
                self.skip(item, _("pages are not imported without --pages-parent"))
                return None
            parent = self.parent_for(item, kind, locale)
            if parent is None:
                if kind == "post":
                    reason = _("no news index in %(code)s") % {"code": locale.language_code}
                else:
                    reason = _("the parent page has no %(code)s translation") % {
                        "code": locale.language_code
                    }
                self.skip(item, reason)
                return None
            clash = Page.objects.filter(translation_key=translation_key, locale=locale)
            if clash.exists():
                translation_key = uuid.uuid4()
                self.summary.problems.append(
                    (item.label, [_("another post of its translation group has this language")])
                )
        conversion = html_conversion.convert(item.content, ImageLookup(self))
        fields = self.page_fields(item, kind, locale, conversion)
        if page is None:
            page = model(locale=locale, translation_key=translation_key, live=False, **fields)
            page.has_unpublished_changes = True
            if item.status in ("publish", "private") and item.date:
                page.first_published_at = item.date
            page.slug = self.unique_slug(parent, item, page)
            if kind == "post":
                self.set_post_relations(page, item, locale)
            parent.add_child(instance=page)
            action = "created"
        else:
            for name, value in fields.items():
                setattr(page, name, value)
            page.slug = self.unique_slug(page.get_parent(), item, page)
            if kind == "post":
                self.set_post_relations(page, item, locale)
            if page.translation_key != translation_key:
                Page.objects.filter(pk=page.pk).update(translation_key=translation_key)
                page.translation_key = translation_key
            action = "updated"
        self.set_status(page, item)
        self.records[item.guid], _created = ImportedItem.objects.update_or_create(
            guid=item.guid,
            defaults={
                "wp_id": item.wp_id,
                "post_type": item.post_type,
                "fingerprint": fingerprint,
                "page": page,
                "revision_id": Page.objects.get(pk=page.pk).latest_revision_id,
            },
        )
        self.summary.actions[(kind, action)] += 1
        if conversion.problems:
            self.summary.problems.append((item.label, conversion.problems))
        words = STATUS_WORDS.get(item.status, item.status)
        message = f"{action} ({locale.language_code}, {words})"
        if conversion.problems:
            message += " — " + _("%(count)d problems, listed at the end") % {
                "count": len(conversion.problems)
            }
        self.progress(item, message)
        self.changed()
        return page

    def page_fields(self, item, kind, locale, conversion):
        text = html_conversion.plain_text(item.content)
        title = item.title
        if not title:
            title = (
                Truncator(text).words(8, truncate="…")
                or unquote(item.slug)
                or (
                    _("Untitled %(type)s %(id)s")
                    % {"type": kind, "id": item.wp_id or item.position}
                )
            )
            conversion.problem(_("no title in WordPress: titled from its text"))
        intro = html_conversion.plain_text(item.excerpt) or text
        fields = {
            "title": title[:255],
            "draft_title": title[:255],
            "intro": Truncator(intro).chars(300),
            "body": conversion.blocks,
        }
        if kind == "post":
            fields["date"] = timezone.localdate(item.date) if item.date else None
            if item.date is None and item.status in ("publish", "private", "future"):
                conversion.problem(_("no date in WordPress: dated by its import"))
            fields["source_guid"] = item.guid[:500]
            thumbnail = item.meta.get("_thumbnail_id", "")
            found = self.images_by_id.get(int(thumbnail)) if thumbnail.isdigit() else None
            if thumbnail.isdigit() and found is None:
                conversion.problem(_("featured image not available (not in the uploads folder)"))
            fields["featured_image_id"] = found[0] if found else None
        return fields

    def set_post_relations(self, page, item, locale):
        name = self.authors.get(item.creator, item.creator)
        page.authors = [NewsPageAuthor(name=name[:255])] if name else []
        categories = []
        for term in item.terms_of("category"):
            slug = slugify(unquote(term.slug), allow_unicode=True)[:100] or "category"
            category = NewsCategory.objects.filter(locale=locale, slug=slug).first()
            if category is None:
                category = NewsCategory.objects.create(
                    locale=locale, slug=slug, name=(term.name or slug)[:100]
                )
                self.summary.actions[("category", "created")] += 1
            categories.append(category)
        page.categories = categories
        page.tags.clear()
        names = [term.name[:100] for term in item.terms_of("post_tag") if term.name]
        if names:
            page.tags.add(*names)

    def set_status(self, page, item):
        status = item.status
        self.set_restriction(page, item)
        if status in ("publish", "private"):
            page.go_live_at = None
            page.save_revision().publish()
        elif status == "future":
            # As the editor's "publish" with a go-live date does: a revision approved to go
            # live then, which `publish_scheduled` publishes.
            if page.live:
                page.unpublish()
            page.go_live_at = item.date
            page.save_revision().publish()
        else:  # draft, pending
            if page.live:
                page.unpublish()
            page.save_revision()

    def set_restriction(self, page, item):
        """Private posts are for signed-in users (a login restriction); password-protected
        posts keep their password (a password restriction). On a later run, a login or
        password restriction that no longer matches WordPress is replaced or removed."""
        wanted = None
        if item.status == "private":
            wanted = (PageViewRestriction.LOGIN, "")
        elif item.password:
            wanted = (PageViewRestriction.PASSWORD, item.password[:255])
        imported_before = self.records.get(item.guid) is not None
        existing = PageViewRestriction.objects.filter(
            page=page,
            restriction_type__in=[PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD],
        )
        for restriction in existing:
            if wanted == (restriction.restriction_type, restriction.password or ""):
                return
            if imported_before:
                restriction.delete()  # WordPress changed or lifted it
        if wanted is not None:
            PageViewRestriction.objects.create(
                page=page, restriction_type=wanted[0], password=wanted[1]
            )

    def unique_slug(self, parent, item, page):
        base = slugify(unquote(item.slug) or page.title, allow_unicode=True)[:70] or "post"
        siblings = parent.get_children()
        if page.pk is not None:
            siblings = siblings.exclude(pk=page.pk)
        taken = set(siblings.values_list("slug", flat=True))
        slug, n = base, 2
        while slug in taken:
            slug = f"{base}-{n}"
            n += 1
        return slug

    def link_translations(self, pages):
        """wagtail-localize's record of the group: the source page's TranslationSource and a
        Translation per other language, disabled (translated in WordPress, edited as is)."""
        source_page = next((p for p in pages if p.locale_id == self.default_locale.id), None)
        if source_page is None:
            return
        source_page = Page.objects.get(pk=source_page.pk).specific
        source, _created = TranslationSource.update_or_create_from_instance(source_page)
        for page in pages:
            if page.pk == source_page.pk:
                continue
            Translation.objects.get_or_create(
                source=source, target_locale_id=page.locale_id, defaults={"enabled": False}
            )

    # Attachments ----------------------------------------------------------------------------

    def import_attachment(self, item):
        relative = self.upload_path(item.meta.get("_wp_attached_file", "")) or self.upload_path(
            item.attachment_url
        )
        if relative is not None and item.wp_id is not None:
            self.attachment_paths[item.wp_id] = relative
        alt = item.meta.get("_wp_attachment_image_alt", "").strip()
        record = self.records.get(item.guid)
        if record is not None and record.image_id:
            found = (record.image_id, alt or record.image.description)
            self.remember(item.wp_id, relative, found)
            self.summary.actions[("attachment", "unchanged")] += 1
            return
        if relative is None or relative.suffix.lower() not in IMAGE_SUFFIXES:
            self.skip(item, _("attachment that is not an image"), quiet=True)
            return
        path = self.uploaded_file(relative)
        if path is None:
            self.skip(item, _("attachment without its file in the uploads folder"), quiet=True)
            return
        image = self.create_image(path, item.title or path.stem, alt)
        if image is None:
            self.skip(item, _("attachment file is not a readable image"))
            return
        self.records[item.guid], _created = ImportedItem.objects.update_or_create(
            guid=item.guid,
            defaults={
                "wp_id": item.wp_id,
                "post_type": "attachment",
                "fingerprint": item.fingerprint(),
                "image": image,
            },
        )
        self.remember(item.wp_id, relative, (image.pk, alt))
        self.summary.actions[("attachment", "created")] += 1
        self.progress(item, _("image imported"))
        self.changed()

    def remember(self, wp_id, relative, found):
        if wp_id is not None:
            self.images_by_id[wp_id] = found
        if relative is not None:
            self.images_by_path[str(relative)] = found

    def upload_path(self, value):
        """The relative path under wp-content/uploads of an attached file or URL, or None."""
        value = (value or "").strip()
        if not value:
            return None
        if "://" in value or value.startswith("/"):
            path = unquote(urlparse(value).path)
            for marker in ("/wp-content/uploads/", "/files/"):
                if marker in path:
                    value = path.split(marker, 1)[1]
                    break
            else:
                return None
        relative = Path(value)
        if relative.is_absolute() or ".." in relative.parts:
            return None
        return relative

    def uploaded_file(self, relative):
        if self.options.uploads is None:
            return None
        base = self.options.uploads.resolve()
        for candidate in (relative, relative.with_name(SIZE_SUFFIX.sub("", relative.name))):
            path = (base / candidate).resolve()
            if path.is_relative_to(base) and path.is_file():
                return path
        return None

    def create_image(self, path, title, alt):
        if path.stat().st_size > MAX_IMAGE_BYTES:
            return None
        try:
            with PILImage.open(path) as opened:
                opened.verify()
        except Exception:  # noqa: BLE001 - Pillow raises many kinds for a broken file
            return None
        if self.options.dry_run:
            return DryImage(pk=None, description=alt)
        Image = get_image_model()
        with path.open("rb") as handle:
            image = Image(
                title=Truncator(title).chars(255),
                description=alt[:255],
                collection=self.collection(),
            )
            image.file = ImageFile(handle, name=path.name)
            image.save()
        return image

    def collection(self):
        if self._collection is None:
            root = Collection.get_first_root_node()
            found = root.get_children().filter(name=self.options.collection).first()
            self._collection = found or root.add_child(name=self.options.collection)
        return self._collection

    def image_for_url(self, url):
        relative = self.upload_path(url)
        if relative is None:
            return None
        for candidate in (relative, relative.with_name(SIZE_SUFFIX.sub("", relative.name))):
            if str(candidate) in self.images_by_path:
                return self.images_by_path[str(candidate)]
        # An image used in a post without an attachment item: imported from the uploads folder.
        path = self.uploaded_file(relative)
        if path is None or path.suffix.lower() not in IMAGE_SUFFIXES:
            return None
        guid = f"upload:{relative}"
        record = self.records.get(guid)
        if record is not None and record.image_id:
            found = (record.image_id, record.image.description)
        else:
            image = self.create_image(path, path.stem, "")
            if image is None:
                return None
            if image.pk is not None:
                self.records[guid] = ImportedItem.objects.create(
                    guid=guid, post_type="upload", fingerprint="", image=image
                )
            self.summary.actions[("attachment", "created")] += 1
            found = (image.pk, "")
        self.images_by_path[str(relative)] = found
        return found


def skipped_status(item):
    if item.status == "trash":
        return _("%(type)s in the trash") % {"type": item.post_type}
    return _("%(type)s with status “%(status)s”") % {"type": item.post_type, "status": item.status}


@dataclass
class DryImage:
    pk: None
    description: str


class ImageLookup(html_conversion.Images):
    def __init__(self, importer):
        self.importer = importer

    def by_id(self, wp_id):
        return self.importer.images_by_id.get(wp_id)

    def by_url(self, url):
        return self.importer.image_for_url(url)


def import_export(path, options, log=lambda message: None):
    importer = Importer(options, log)
    return importer.run(path)
