"""Outbound link health: find every external URL the live pages link to and check them.

Collection is generic: for every live page of any type, the URL fields of the page and of its
inline children (orderables), links inside rich text fields, and URL, rich text and link values
inside StreamField blocks. Only http and https URLs are collected and followed: mailto:,
javascript:, file:, ftp: and any other scheme are skipped, and a redirect to one of them is
reported as an error, never followed.

Checking runs in a thread pool with a time-out per request and an overall deadline, using the
standard library's urllib with only the HTTP(S) handlers installed.
"""

import http.client
import ssl
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from html.parser import HTMLParser
from time import monotonic
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, get_page_models
from wagtail.rich_text import RichText

from .models import LinkCheck, LinkStatus

HTTP_SCHEMES = ("http", "https")
USER_AGENT = "Cluster4Smart-portal-linkcheck/1.0 (+link health of the portal)"
MAX_REDIRECTS = 5


def is_checkable(url):
    """True for absolute http(s) URLs with a host; everything else is skipped."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in HTTP_SCHEMES and bool(parts.hostname)


# Collecting ---------------------------------------------------------------------------------


class _LinkParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            for name, value in attrs:
                if name == "href" and value:
                    self.hrefs.append(value)


def links_in_html(html):
    """The href of every <a> in a piece of (rich text) HTML."""
    parser = _LinkParser()
    parser.feed(str(html or ""))
    parser.close()
    return parser.hrefs


def links_in_stream_value(block, value):
    """URLs in a StreamField (or any block) value: URL blocks, rich text links, and the
    children of structural blocks, recursively."""
    if value is None:
        return
    if isinstance(block, blocks.URLBlock):
        if value:
            yield str(value)
    elif isinstance(block, blocks.RichTextBlock):
        source = value.source if isinstance(value, RichText) else value
        yield from links_in_html(source)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from links_in_stream_value(child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from links_in_stream_value(block.child_block, item)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from links_in_stream_value(child_block, value.get(name))


def links_in_instance(instance):
    """The raw link values held by one model instance's own fields."""
    for model_field in instance._meta.concrete_fields:
        value = getattr(instance, model_field.attname, None)
        if not value:
            continue
        if isinstance(model_field, models.URLField):
            yield value
        elif isinstance(model_field, RichTextField):
            yield from links_in_html(value)
        elif isinstance(model_field, StreamField):
            stream = getattr(instance, model_field.name)
            yield from links_in_stream_value(model_field.stream_block, stream)


def _child_relations(model):
    """Inline children of a page model (orderables with a ParentalKey to it)."""
    for relation in model._meta.related_objects:
        if isinstance(relation.field, ParentalKey) and relation.field.model is not model:
            yield relation.get_accessor_name()


def collect_links(skipped=None):
    """{url: set of page ids} for every checkable external URL on live pages. Links with
    another scheme (mailto:, javascript:, file:, ftp:...) are added to `skipped` if given;
    relative and internal links (no scheme) are ignored."""
    found = {}
    for model in get_page_models():
        if model._meta.abstract or model is Page:
            continue
        relations = list(_child_relations(model))
        pages = model.objects.live().filter(content_type=ContentType.objects.get_for_model(model))
        if relations:
            pages = pages.prefetch_related(*relations)
        for page in pages.iterator(chunk_size=200):
            values = list(links_in_instance(page))
            for name in relations:
                for child in getattr(page, name).all():
                    values.extend(links_in_instance(child))
            for value in values:
                url = str(value).strip()
                if is_checkable(url):
                    found.setdefault(url, set()).add(page.pk)
                elif skipped is not None and ":" in url.split("/", 1)[0]:
                    skipped.add(url)
    return found


# Checking -----------------------------------------------------------------------------------


class _SafeRedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows redirects only to http(s) URLs, and at most MAX_REDIRECTS of them."""

    max_redirections = MAX_REDIRECTS

    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("location") or headers.get("uri")
        if location:
            target = urljoin(req.full_url, location.strip())
            if not is_checkable(target):
                fp.close()
                raise urllib.error.URLError(
                    f"redirect to a non-http(s) URL refused: {target[:200]}"
                )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener():
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(context=ssl.create_default_context()),
        _SafeRedirectHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


@dataclass
class Result:
    url: str
    status: str
    status_code: int | None = None
    final_url: str = ""
    error: str = ""
    elapsed: float = 0.0
    extra: dict = field(default_factory=dict)


def _request(opener, url, method, timeout):
    request = urllib.request.Request(
        url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"}
    )
    with opener.open(request, timeout=timeout) as response:
        if method == "GET":
            response.read(1024)
        return response.status, response.geturl()


def check_url(url, timeout=None):
    """Check one URL: HEAD first, GET when the server does not answer HEAD properly.
    Returns a Result with status ok / redirected / broken / error."""
    timeout = timeout or getattr(settings, "LINKCHECK_TIMEOUT", 10)
    started = monotonic()
    if not is_checkable(url):
        return Result(url, LinkStatus.ERROR, error="not an http(s) URL: not checked")
    opener = _opener()
    try:
        try:
            code, final = _request(opener, url, "HEAD", timeout)
        except urllib.error.HTTPError as error:
            # Many servers refuse or mishandle HEAD; ask again with GET before judging.
            error.close()
            code, final = _request(opener, url, "GET", timeout)
    except urllib.error.HTTPError as error:
        error.close()
        return Result(
            url,
            LinkStatus.BROKEN,
            status_code=error.code,
            final_url=error.geturl() or url,
            error=f"HTTP {error.code} {error.reason}"[:500],
            elapsed=monotonic() - started,
        )
    except TimeoutError as error:
        return Result(url, LinkStatus.ERROR, error=f"timed out: {error}"[:500])
    except urllib.error.URLError as error:
        reason = error.reason
        kind = "timed out" if isinstance(reason, TimeoutError) else "error"
        return Result(
            url, LinkStatus.ERROR, error=f"{kind}: {reason}"[:500], elapsed=monotonic() - started
        )
    except (http.client.HTTPException, OSError, ValueError) as error:
        return Result(
            url,
            LinkStatus.ERROR,
            error=f"{type(error).__name__}: {error}"[:500],
            elapsed=monotonic() - started,
        )
    status = LinkStatus.OK if final == url else LinkStatus.REDIRECTED
    return Result(url, status, status_code=code, final_url=final, elapsed=monotonic() - started)


def check_urls(urls, *, workers=None, timeout=None, deadline=None, progress=None):
    """Check URLs concurrently. Each request has `timeout` seconds per network operation; the
    whole run stops waiting after `deadline` seconds, recording unfinished URLs as timed out.
    `progress(done, total, result)` is called as results arrive."""
    urls = list(dict.fromkeys(urls))
    workers = workers or getattr(settings, "LINKCHECK_WORKERS", 8)
    timeout = timeout or getattr(settings, "LINKCHECK_TIMEOUT", 10)
    if deadline is None:
        deadline = getattr(settings, "LINKCHECK_DEADLINE", None) or max(
            timeout * 3, timeout * 3 * len(urls) / workers
        )
    results = {}
    if not urls:
        return results
    executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="linkcheck")
    try:
        futures = {executor.submit(check_url, url, timeout): url for url in urls}
        end = monotonic() + deadline
        pending = set(futures)
        while pending:
            remaining = end - monotonic()
            if remaining <= 0:
                break
            done, pending = wait(pending, timeout=remaining, return_when="FIRST_COMPLETED")
            for future in done:
                result = future.result()
                results[result.url] = result
                if progress:
                    progress(len(results), len(urls), result)
        for future in pending:
            url = futures[future]
            future.cancel()
            results[url] = Result(url, LinkStatus.ERROR, error="timed out (run deadline)")
            if progress:
                progress(len(results), len(urls), results[url])
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
    return results


def record(results, pages_by_url=None, now=None):
    """Store the results: status, final URL, last check time and since when a link fails
    (kept across failing runs, cleared when it works), and the pages linking to each URL."""
    now = now or timezone.now()
    pages_by_url = pages_by_url or {}
    with transaction.atomic():
        for url, result in results.items():
            check = LinkCheck.objects.filter(url=url).first() or LinkCheck(url=url)
            failing = result.status in (LinkStatus.BROKEN, LinkStatus.ERROR)
            check.status = result.status
            check.status_code = result.status_code
            check.final_url = result.final_url[:2000]
            check.error = result.error
            check.last_checked = now
            if failing:
                check.first_failed = check.first_failed or now
            else:
                check.first_failed = None
            check.save()
            if url in pages_by_url:
                check.pages.set(pages_by_url[url])
    return results


def run(*, workers=None, timeout=None, deadline=None, progress=None, prune=True, skipped=None):
    """Collect, check and record every external link of the live pages. URLs no longer
    linked from any live page are removed when `prune` is true."""
    pages_by_url = collect_links(skipped)
    results = check_urls(
        pages_by_url, workers=workers, timeout=timeout, deadline=deadline, progress=progress
    )
    record(results, pages_by_url)
    if prune:
        LinkCheck.objects.exclude(url__in=list(pages_by_url)).delete()
    return results
