"""Reading a WordPress export (WXR): an RSS 2.0 file whose items carry WordPress's own fields.

WordPress has written four versions of the format (1.0 to 1.2, with the excerpt namespace
added in 1.1) and WordPress.com writes the namespaces with https://. All of them are read the
same way: an element is recognised by its namespace's shape, not by one exact URI.
"""

import datetime
import hashlib
import html
import json
import re
from dataclasses import dataclass, field
from xml.etree import ElementTree

from django.utils import timezone

WXR_NS = re.compile(r"^https?://wordpress\.org/export/1\.[0-2]/$")
EXCERPT_NS = re.compile(r"^https?://wordpress\.org/export/1\.[0-2]/excerpt/$")
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"

# WPML's own export plugin (WPML Export and Import) writes the language and the translation
# group as post meta.
WPML_LANGUAGE = "_wpml_import_language_code"
WPML_GROUP = "_wpml_import_translation_group"


class WXRError(Exception):
    """The file is not a WordPress export that can be read."""


@dataclass
class Term:
    domain: str  # category, post_tag, language, post_translations…
    slug: str
    name: str


@dataclass
class Item:
    wp_id: int | None
    guid: str
    title: str
    link: str
    post_type: str
    status: str
    slug: str
    content: str
    excerpt: str
    creator: str
    date: datetime.datetime | None  # aware; from the GMT date when WordPress recorded one
    modified: datetime.datetime | None
    parent_id: int | None
    attachment_url: str = ""
    password: str = ""  # a password-protected post
    comments: int = 0  # comments in the export (the portal has none)
    terms: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    position: int = 0  # 1-based, in file order

    def terms_of(self, domain):
        return [term for term in self.terms if term.domain == domain]

    @property
    def language(self):
        """The item's language code as the export gives it (Polylang, else WPML), or ""."""
        terms = self.terms_of("language")
        if terms:
            return terms[0].slug
        return self.meta.get(WPML_LANGUAGE, "")

    @property
    def translation_group(self):
        terms = self.terms_of("post_translations")
        if terms:
            return "polylang:" + terms[0].slug
        group = self.meta.get(WPML_GROUP, "")
        return f"wpml:{group}" if group else ""

    @property
    def label(self):
        return self.title or self.slug or f"(no title, WordPress ID {self.wp_id or '?'})"

    def fingerprint(self):
        """A hash of everything the import reads from the item: a different hash on a later
        run means the item changed in WordPress since."""
        data = {
            "title": self.title,
            "status": self.status,
            "slug": self.slug,
            "content": self.content,
            "excerpt": self.excerpt,
            "creator": self.creator,
            "date": self.date.isoformat() if self.date else "",
            "modified": self.modified.isoformat() if self.modified else "",
            "parent": self.parent_id,
            "url": self.attachment_url,
            "password": self.password,
            "terms": sorted((t.domain, t.slug, t.name) for t in self.terms),
            "meta": sorted(
                (key, value) for key, value in self.meta.items() if not key.startswith("_edit")
            ),
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


@dataclass
class Export:
    items: list
    authors: dict  # login -> display name
    site_url: str
    version: str


def _kind(tag):
    """("wp"|"excerpt"|"content"|"dc"|"", local name) of an element's tag."""
    if not tag.startswith("{"):
        return "", tag
    uri, local = tag[1:].split("}", 1)
    if WXR_NS.match(uri):
        return "wp", local
    if EXCERPT_NS.match(uri):
        return "excerpt", local
    if uri == CONTENT_NS:
        return "content", local
    if uri == DC_NS:
        return "dc", local
    return uri, local


def _fields(element):
    """{(kind, local): text} of the element's children (the first of each)."""
    found = {}
    for child in element:
        key = _kind(child.tag)
        if key not in found:
            found[key] = child.text or ""
    return found


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def parse_date(value, *, utc):
    """A WordPress date ("2020-06-15 09:30:00") as an aware datetime; None when WordPress
    recorded none ("0000-00-00 00:00:00", empty) or it cannot be read. A local date (not GMT)
    is taken in the site's time zone."""
    value = (value or "").strip()
    if not value or value.startswith("0000"):
        return None
    try:
        moment = datetime.datetime.fromisoformat(value.replace(" ", "T"))
    except ValueError:
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, datetime.UTC if utc else None)
    return moment


def read_export(path):
    """The items of a WXR file, in file order. Raises WXRError when it is not one."""
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as error:
        raise WXRError(str(error)) from error
    channel = root.find("channel") if root.tag == "rss" else None
    if channel is None:
        raise WXRError("not an RSS file with a channel")
    version = ""
    authors = {}
    site_url = ""
    for child in channel:
        kind, local = _kind(child.tag)
        if kind == "wp" and local == "wxr_version":
            version = (child.text or "").strip()
        elif kind == "wp" and local in ("base_site_url", "base_blog_url") and not site_url:
            site_url = (child.text or "").strip()
        elif kind == "wp" and local == "author":
            fields = _fields(child)
            login = fields.get(("wp", "author_login"), "").strip()
            name = fields.get(("wp", "author_display_name"), "").strip()
            if login:
                authors[login] = name or login
    if not version and not any(_kind(c.tag)[0] == "wp" for c in channel.iter()):
        raise WXRError("no WordPress export fields (wp:…) in this file")
    items = []
    for position, element in enumerate(channel.findall("item"), start=1):
        fields = _fields(element)
        terms = [
            Term(
                domain=category.get("domain", "category"),
                slug=category.get("nicename", "") or (category.text or "").strip(),
                name=html.unescape((category.text or "").strip()),
            )
            for category in element.findall("category")
        ]
        meta = {}
        comments = 0
        for child in element:
            if _kind(child.tag) == ("wp", "comment"):
                comments += 1
            if _kind(child.tag) == ("wp", "postmeta"):
                pair = _fields(child)
                key = pair.get(("wp", "meta_key"), "")
                if key:
                    meta[key] = pair.get(("wp", "meta_value"), "")
        date = parse_date(fields.get(("wp", "post_date_gmt")), utc=True) or parse_date(
            fields.get(("wp", "post_date")), utc=False
        )
        modified = parse_date(fields.get(("wp", "post_modified_gmt")), utc=True) or parse_date(
            fields.get(("wp", "post_modified")), utc=False
        )
        wp_id = _int(fields.get(("wp", "post_id")))
        link = fields.get(("", "link"), "").strip()
        guid = fields.get(("", "guid"), "").strip() or link
        if not guid and wp_id is not None:
            guid = f"{site_url.rstrip('/')}/?p={wp_id}"
        items.append(
            Item(
                wp_id=wp_id,
                guid=guid,
                # WordPress keeps some characters of titles as HTML entities (&#8217;).
                title=html.unescape(fields.get(("", "title"), "").strip()),
                link=link,
                post_type=fields.get(("wp", "post_type"), "").strip() or "post",
                status=fields.get(("wp", "status"), "").strip() or "publish",
                slug=fields.get(("wp", "post_name"), "").strip(),
                content=fields.get(("content", "encoded"), ""),
                excerpt=fields.get(("excerpt", "encoded"), ""),
                creator=fields.get(("dc", "creator"), "").strip(),
                date=date,
                modified=modified,
                parent_id=_int(fields.get(("wp", "post_parent"))) or None,
                attachment_url=fields.get(("wp", "attachment_url"), "").strip(),
                password=fields.get(("wp", "post_password"), ""),
                comments=comments,
                terms=terms,
                meta=meta,
                position=position,
            )
        )
    return Export(items=items, authors=authors, site_url=site_url, version=version)
