"""Importing news from an RSS 2.0 or Atom feed file into a news index (a WordPress export
goes through `news.wordpress` instead). Items are identified by their source GUID, so running
an import again skips what is already there. Rich text goes through the same conversion as the
editor's (Draftail), which keeps only the features the body allows; local images (paths
relative to the feed file) become the article's featured image."""

import datetime
import email.utils
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from .models import NewsPage

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
MAX_IMAGE_BYTES = 10 * 1024 * 1024


class ImportFileError(Exception):
    pass


@dataclass
class Item:
    guid: str
    title: str
    date: datetime.datetime | None
    html: str
    summary: str


@dataclass
class Report:
    created: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # (title or guid, reason)


def _text(element, path):
    found = element.find(path, NS)
    return (found.text or "").strip() if found is not None and found.text else ""


def _parse_rss_date(value):
    if not value:
        return None
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _parse_iso_date(value):
    if not value:
        return None
    try:
        moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def read_items(path):
    """The items of a feed or WXR file, in file order. Raises ImportFileError when the file
    cannot be read as one."""
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as error:
        raise ImportFileError(str(error)) from error
    if root.tag == f"{{{NS['atom']}}}feed":
        items = []
        for entry in root.findall("atom:entry", NS):
            link = entry.find("atom:link[@rel='alternate']", NS)
            if link is None:
                link = entry.find("atom:link", NS)
            href = link.get("href", "") if link is not None else ""
            content = _text(entry, "atom:content")
            summary = _text(entry, "atom:summary")
            items.append(
                Item(
                    guid=_text(entry, "atom:id") or href,
                    title=_text(entry, "atom:title"),
                    date=_parse_iso_date(
                        _text(entry, "atom:published") or _text(entry, "atom:updated")
                    ),
                    html=content or summary,
                    summary=summary if content else "",
                )
            )
        return items
    if root.tag == "rss":
        channel = root.find("channel")
        if channel is None:
            raise ImportFileError("An RSS file needs a <channel>.")
        items = []
        for element in channel.findall("item"):
            content = _text(element, "content:encoded")
            description = _text(element, "description")
            items.append(
                Item(
                    guid=_text(element, "guid") or _text(element, "link"),
                    title=_text(element, "title"),
                    date=_parse_rss_date(_text(element, "pubDate")),
                    html=content or description,
                    summary=description if content else "",
                )
            )
        return items
    raise ImportFileError("Not an RSS 2.0 or Atom file.")


def clean_rich_text(html):
    """The HTML as the rich text editor would store it with the body's features."""
    # Scripts and styles are dropped with their content (the converter would keep it as text).
    html = re.sub(r"<(script|style)\b.*?</\1\s*>", "", html, flags=re.I | re.S)
    # Mended first, as a browser would (the converter stops on unbalanced tags).
    body = BeautifulSoup(html, "lxml").body
    html = body.decode_contents() if body is not None else ""
    converter = ContentstateConverter(FEATURES)
    return converter.to_database_format(converter.from_database_format(html))


def local_images(html, base_dir):
    """Paths of images the HTML references that exist under `base_dir` (never outside it)."""
    base = base_dir.resolve()
    found = []
    for src in re.findall(r"<img[^>]+src=[\"']([^\"']+)[\"']", html, re.I):
        if "://" in src or src.startswith(("/", "data:")):
            continue
        candidate = (base / src).resolve()
        if (
            candidate.is_relative_to(base)
            and candidate.is_file()
            and candidate.suffix.lower() in IMAGE_SUFFIXES
        ):
            found.append(candidate)
    return found


def unique_slug(index, title):
    base = slugify(title, allow_unicode=True)[:70] or "news"
    existing = set(index.get_children().values_list("slug", flat=True))
    slug, n = base, 2
    while slug in existing:
        slug = f"{base}-{n}"
        n += 1
    return slug


def import_items(items, index, base_dir, log=lambda message: None):
    """Create a published NewsPage under `index` for each new item; return a Report."""
    report = Report()
    seen = set(
        NewsPage.objects.filter(locale_id=index.locale_id)
        .exclude(source_guid="")
        .values_list("source_guid", flat=True)
    )
    total = len(items)
    for number, item in enumerate(items, start=1):
        label = item.title or item.guid or f"item {number}"
        reason = None
        if not item.guid:
            reason = "no GUID or link"
        elif len(item.guid) > 500:
            reason = "GUID longer than 500 characters"
        elif item.guid in seen:
            reason = "already imported"
        elif not item.title:
            reason = "no title"
        elif item.date is None:
            reason = "no valid date"
        if reason:
            report.skipped.append((label, reason))
            log(f"[{number}/{total}] skipped “{label}”: {reason}")
            continue
        body_html = clean_rich_text(item.html) if item.html.strip() else ""
        summary = strip_tags(item.summary or item.html).strip()
        page = NewsPage(
            title=item.title[:255],
            slug=unique_slug(index, item.title),
            date=timezone.localdate(item.date),
            intro=Truncator(" ".join(summary.split())).chars(300),
            body=[("paragraph", RichText(body_html))] if body_html else [],
            source_guid=item.guid,
            locale=index.locale,
        )
        images = local_images(item.html, base_dir)
        if images and images[0].stat().st_size <= MAX_IMAGE_BYTES:
            try:
                page.featured_image = _image(images[0], item.title)
            except Exception as error:  # a broken image must not stop the import  # noqa: BLE001
                log(f"[{number}/{total}] image {images[0].name} left out: {error}")
        index.add_child(instance=page)
        page.save_revision().publish()
        seen.add(item.guid)
        report.created.append(page)
        log(f"[{number}/{total}] imported “{page.title}”")
    return report


def _image(path, title):
    Image = get_image_model()
    with path.open("rb") as handle:
        image = Image(title=Truncator(title).chars(200), description=title[:255])
        image.file = ImageFile(handle, name=path.name)
        image.save()
    return image


def import_file(path, index, log=lambda message: None):
    path = Path(path)
    items = read_items(path)
    return import_items(items, index, path.parent, log)
