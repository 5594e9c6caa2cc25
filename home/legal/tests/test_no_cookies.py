"""No tracking, so no banner: an anonymous visitor crawling the demo site in every language
(every public page type, the search and newsletter pages, feeds, sitemaps, the 404 page) is
never sent a cookie. The one exception is the contact form, whose page sets the CSRF cookie
and nothing else."""

import re
from io import StringIO
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page

from home.contact.models import ContactFormPage

SKIPPED_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/")
HREF = re.compile(r'href="([^"#]+)')
LIMIT = 1500


@pytest.mark.django_db
def test_an_anonymous_crawl_of_every_page_type_in_every_language_gets_no_cookie(site):
    call_command("seed_demo", skip_index=True, stdout=StringIO())
    client = Client()
    languages = [code for code, _ in settings.LANGUAGES]
    queue = ["/robots.txt", "/sitemap.xml"]
    for code in languages:
        queue += [f"/{code}/", f"/{code}/search/?q=cluster", f"/{code}/newsletter/"]
        queue.append(f"/{code}/no-such-page/")
    seen, cookies, contact_cookies, served = set(), [], {}, set()
    contact_paths = {page.url for page in ContactFormPage.objects.live()}
    while queue and len(seen) < LIMIT:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        client.cookies.clear()  # a visitor's browser would keep a cookie; any one is a failure
        path = urlsplit(url).path
        names = sorted(response.cookies)
        if path in contact_paths:
            contact_cookies[path] = names
        elif names:
            cookies.append(f"{url}: {names}")
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        served.add(path)
        for href in HREF.findall(response.content.decode()):
            target = urlsplit(urljoin(url, href.replace("&amp;", "&")))
            if target.netloc not in ("", "testserver") or target.path.startswith(SKIPPED_PREFIXES):
                continue
            queue.append(target.path + (f"?{target.query}" if target.query else ""))

    assert not cookies, "\n".join(cookies)
    # The contact form in every language, with the CSRF cookie alone.
    assert len(contact_cookies) == len(languages)
    assert all(names == [settings.CSRF_COOKIE_NAME] for names in contact_cookies.values())
    # Every live page of every type, in every language, was visited.
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    missing = [f"{type(p).__name__} {p.url}" for p in pages if p.url not in served]
    assert not missing, missing
    kinds = {(type(p).__name__, p.locale.language_code) for p in pages}
    assert len({kind for kind, _ in kinds}) >= 10
    assert {code for _, code in kinds} == set(languages)
