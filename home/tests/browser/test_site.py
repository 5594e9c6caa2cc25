"""Site-wide checks in a real browser, on the demo site: every public page type in every
shipped language passes axe-core (no violation of any impact), lays out without
horizontal scrolling at phone and desktop widths, loads nothing from outside loopback and no
broken asset; the keyboard reaches the skip link, the language switcher, the menu and the
search box."""

import os
from pathlib import Path

import axe_playwright_python
import pytest
from django.conf import settings
from wagtail.models import Locale, Page

from .conftest import DESKTOP, PHONE, save_screenshot

AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js")
# Every rule axe reports, whatever its impact (the accessibility statement relies on it).
BLOCKING_IMPACTS = {"minor", "moderate", "serious", "critical"}
LANGUAGES = [code for code, _ in settings.LANGUAGES]
BROWSER_LOCALES = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES", "hu": "hu-HU"}
KEEP_SCREENSHOTS = os.environ.get("PORTAL_BROWSER_SCREENSHOTS") == "1"


def axe_violations(page):
    """axe-core's violations on the page (of any impact), as readable lines."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    lines = []
    for violation in result["violations"]:
        if violation["impact"] in BLOCKING_IMPACTS:
            targets = ", ".join(str(node["target"]) for node in violation["nodes"][:5])
            lines.append(f"{violation['id']} ({violation['impact']}): {targets}")
    return lines


def public_samples(code):
    """(page type, URL, expected status) for one live, public page of every page type in this
    language, plus the search page with results and the 404 page."""
    locale = Locale.objects.get(language_code=code)
    samples = {}
    pages = (
        Page.objects.live()
        .public()
        .filter(locale=locale, depth__gt=1, alias_of__isnull=True)
        .order_by("path")
        .specific()
    )
    for page in pages:
        samples.setdefault(type(page).__name__, (page.get_url(), 200))
    samples["search"] = (f"/{code}/search/?q=Cluster4Smart", 200)
    samples["newsletter"] = (f"/{code}/newsletter/", 200)
    samples["not-found"] = (f"/{code}/no-such-page/", 404)
    return samples


def layout_overflow(page):
    """How far the page scrolls sideways, and the innermost elements that stick out."""
    return page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const overflow = document.documentElement.scrollWidth - width;
            const culprits = Array.from(document.querySelectorAll('body *'))
                .filter(el => el.getBoundingClientRect().right > width + 1)
                .filter(el => !Array.from(el.children).some(
                    child => child.getBoundingClientRect().right > width + 1))
                .slice(0, 3)
                .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
                    + ' “' + (el.textContent || '').trim().slice(0, 40) + '”');
            return [overflow, culprits];
        }"""
    )


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_public_page_type_is_accessible_at_phone_and_desktop_width(demo, new_context, code):
    context = new_context(locale=BROWSER_LOCALES[code])
    page = context.new_page()
    samples = public_samples(code)
    assert {"HomePage", "StandardPage", "ContactFormPage", "search", "not-found"} <= set(samples)
    problems = []
    for name, (url, status) in samples.items():
        found = []
        context.guard.reset()
        for width, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(viewport)
            response = page.goto(url, wait_until="load")
            if response.status != status:
                found.append(f"answered {response.status}, not {status}")
            lang = page.evaluate("() => document.documentElement.lang")
            if lang != code:
                found.append(f'<html lang="{lang}">')
            overflow, culprits = layout_overflow(page)
            if overflow > 0:
                found.append(f"scrolls sideways by {overflow}px at {width} width: {culprits}")
            if width == "desktop":
                found += [f"axe: {line}" for line in axe_violations(page)]
            if KEEP_SCREENSHOTS:
                save_screenshot(page, f"pages/{code}/{name}-{width}")
        found += [f"request left loopback: {url}" for url in context.guard.foreign]
        broken = [line for line in context.guard.failed if not line.endswith(url)]
        found += [f"broken asset: {line}" for line in broken]
        if found:
            problems += [f"{name} {url}: {line}" for line in found]
            for width, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                page.set_viewport_size(viewport)
                page.goto(url)
                save_screenshot(page, f"failures/{code}/{name}-{width}")
    assert not problems, "\n".join(problems)


def test_stylesheet_and_assets_load_from_the_site_itself(demo, page):
    page.goto("/en/")
    rules = page.evaluate(
        """() => Array.from(document.styleSheets)
            .filter(sheet => sheet.href && sheet.href.includes('/static/css/'))
            .map(sheet => sheet.cssRules.length)"""
    )
    assert rules and all(count > 10 for count in rules)
    images = page.evaluate(
        """() => Promise.all(Array.from(document.images).map(async img => {
            img.loading = 'eager';  // lazy images below the fold load too
            try { await img.decode(); } catch (error) {}
            return [img.currentSrc || img.src, img.naturalWidth];
        }))"""
    )
    assert images, "the home page shows the hero image and the EU emblem"
    assert all(width > 0 for _, width in images), images
    assert page.context.guard.requests
    assert page.context.guard.foreign == []
    assert page.context.guard.failed == []


FOCUS_JS = """() => {
    const el = document.activeElement;
    const nav = el.closest('nav');
    return {
        tag: el.tagName.toLowerCase(),
        href: el.getAttribute('href'),
        id: el.id,
        type: el.getAttribute('type'),
        skip: el.classList.contains('skip-link'),
        switcher: !!el.closest('.language-switcher'),
        menu: !!(nav && !nav.closest('.language-switcher') && nav.closest('header')),
        search: !!el.closest('form[role=search]') && el.tagName === 'INPUT',
        visible: (r => r.width > 0 && r.right > 0 && r.left < window.innerWidth)(
            el.getBoundingClientRect()),
    };
}"""


@pytest.mark.parametrize(("code", "viewport"), [("en", DESKTOP), ("hu", PHONE)])
def test_keyboard_reaches_skip_link_switcher_menu_and_search(demo, new_context, code, viewport):
    context = new_context(locale=BROWSER_LOCALES[code], viewport=viewport)
    page = context.new_page()
    page.goto(f"/{code}/about/" if code == "en" else f"/{code}/")
    stops = []
    for _ in range(40):  # one pass through the page's focusable elements, then stop
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_JS)
        if stops and (stop["skip"] or stop["tag"] == "body"):
            break
        stops.append(stop)
    first = stops[0]
    assert first["skip"] and first["href"] == "#main" and first["visible"], first
    switcher = [stop for stop in stops if stop["switcher"]]
    assert len(switcher) == len(LANGUAGES) - 1, "one link per other language"
    assert any(stop["menu"] for stop in stops), "the main menu is reachable"
    assert any(stop["search"] for stop in stops), "the search box is reachable"
    order = [stops.index(stop) for stop in (switcher[0], next(s for s in stops if s["search"]))]
    assert order == sorted(order)
    assert all(stop["visible"] for stop in stops if stop["switcher"] or stop["search"])

    # The skip link moves the keyboard past the header, into the main content.
    page.reload()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
