"""The first run, end to end: after `seed_demo`, the site served over HTTP on an address other
than the configured one links to itself on the address it is served on, never on Wagtail's
Site default (`http://localhost/`, port 80) nor on the configured address: the language
switcher, canonical and hreflang links, og:url, feed links and the feeds' entries, and every
URL of the pages' JSON-LD. Each of those links answers 200 on the served address. And the
demo loader gives Wagtail's Site the configured address (SITE_URL, settings.PORTAL_BASE_URL)."""

import json
import re
import urllib.error
import urllib.request
from html.parser import HTMLParser
from io import StringIO
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command
from wagtail.models import Site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LOCAL_HOSTS = {"localhost", "127.0.0.1", "testserver", "[::1]", "::1"}
MAX_PAGES = 400


class Links(HTMLParser):
    """What a page says about its own site's addresses: {kind: [URL, ...]} and its anchors."""

    def __init__(self):
        super().__init__()
        self.found = {}
        self.anchors = []
        self._script = None
        self._switcher = 0

    def add(self, kind, url):
        self.found.setdefault(kind, []).append(url)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").split()
        if tag == "link" and "canonical" in rel:
            self.add("canonical", attrs["href"])
        elif tag == "link" and "alternate" in rel and "hreflang" in attrs:
            self.add("hreflang", attrs["href"])
        elif tag == "link" and "alternate" in rel and "xml" in (attrs.get("type") or ""):
            self.add("feed link", attrs["href"])
        elif tag == "meta" and attrs.get("property") == "og:url":
            self.add("og:url", attrs["content"])
        elif tag == "nav" and "language-switcher" in (attrs.get("class") or ""):
            self._switcher += 1
        elif tag == "a" and attrs.get("href"):
            self.anchors.append(attrs["href"])
            if self._switcher:
                self.add("switcher", attrs["href"])
        elif tag == "script" and "json" in (attrs.get("type") or ""):
            self._script = []

    def handle_endtag(self, tag):
        if tag == "nav" and self._switcher:
            self._switcher -= 1
        elif tag == "script" and self._script is not None:
            data = json.loads("".join(self._script))
            for url in json_urls(data):
                self.add("JSON-LD", url)
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)


def json_urls(data):
    if isinstance(data, dict):
        for value in data.values():
            yield from json_urls(value)
    elif isinstance(data, list):
        for value in data:
            yield from json_urls(value)
    elif isinstance(data, str) and re.match(r"https?://", data):
        yield data


def fetch(url):
    """(status, content type, body) of a GET on the live server."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def feed_urls(body):
    """Every URL a feed names (its links, entries, ids, enclosures)."""
    text = body.decode()
    return re.findall(r"<link>(https?://[^<]+)</link>", text) + re.findall(
        r'(?:href|url)="(https?://[^"]+)"', text
    )


def test_the_demo_loader_gives_the_site_the_configured_address(settings):
    settings.PORTAL_BASE_URL = "http://127.0.0.1:8000"  # what `make run` serves
    output = StringIO()
    call_command("seed_demo", skip_index=True, stdout=output)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8000, "http://127.0.0.1:8000")
    assert "site address set to http://127.0.0.1:8000 (SITE_URL)" in output.getvalue()

    settings.PORTAL_BASE_URL = "https://portal.example.org"
    call_command("seed_demo", skip_index=True, stdout=StringIO())
    site.refresh_from_db()
    assert (site.hostname, site.port, site.root_url) == (
        "portal.example.org",
        443,
        "https://portal.example.org",
    )


def test_every_link_to_the_site_is_on_the_address_it_is_served_on(settings, live_server):
    settings.PORTAL_BASE_URL = "http://127.0.0.1:8000"  # configured; served elsewhere below
    call_command("seed_demo", skip_index=True, stdout=StringIO())
    served = live_server.url
    assert urlsplit(served).port != 8000

    queue = [f"{served}/{code}/" for code in ("en", "fr", "es", "hu")]
    seen = set(queue)
    checked = {}  # link -> status on the live server
    kinds_seen = set()
    wrong = []
    while queue and len(seen) <= MAX_PAGES:
        url = queue.pop(0)
        status, content_type, body = fetch(url)
        assert status == 200, url
        if "text/html" not in content_type:
            continue
        parser = Links()
        parser.feed(body.decode())
        for kind, links in parser.found.items():
            for link in links:
                absolute = urljoin(url, link)
                host = urlsplit(absolute).hostname or ""
                if host not in LOCAL_HOSTS and not absolute.startswith(served):
                    continue  # a link to another site (a partner, the Erasmus+ platform)
                kinds_seen.add(kind)
                if not absolute.startswith(served + "/"):
                    wrong.append((url, kind, link))
                    continue
                if absolute not in checked:
                    checked[absolute], link_type, link_body = fetch(absolute)
                    if kind == "feed link" and checked[absolute] == 200:
                        for entry in feed_urls(link_body):
                            if not entry.startswith(served + "/"):
                                wrong.append((absolute, "feed entry", entry))
                if checked[absolute] != 200:
                    wrong.append((url, f"{kind} answers {checked[absolute]}", link))
        for href in parser.anchors:
            absolute = urljoin(url, href).split("#")[0]
            parts = urlsplit(absolute)
            if (
                absolute.startswith(served + "/")
                and not parts.query
                and not parts.path.startswith(("/admin/", "/documents/", "/media/", "/static/"))
                and absolute not in seen
            ):
                seen.add(absolute)
                queue.append(absolute)
    assert wrong == []
    assert {"canonical", "hreflang", "switcher", "feed link", "og:url", "JSON-LD"} <= kinds_seen
    assert len(seen) > 50  # the demo's pages in four languages were crawled
