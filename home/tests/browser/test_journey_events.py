"""Events in a real browser: a moderator schedules a webinar in Wagtail's admin (its times as
the clock shows them in Budapest), a Hungarian visitor finds it from the home page and
downloads its .ics, which parses back with the event's own time zone; and the events pages
(upcoming, past, an event) pass axe-core in every language at phone and desktop widths."""

import datetime
import re
import zoneinfo
from pathlib import Path

import icalendar
import pytest
from django.conf import settings
from playwright.sync_api import expect
from wagtail.models import Locale

from home.pages.localization import translate_object
from news.events.models import EventIndexPage, EventPage

from .conftest import DESKTOP, PHONE
from .test_journey_news import log_in, publish_from_footer
from .test_site import BROWSER_LOCALES, axe_violations, layout_overflow

TITLE = "Cluster managers' webinar on Industry 4.0"
HUNGARIAN_TITLE = "Klasztermenedzserek webináriuma az Ipar 4.0-ról"
BUDAPEST = zoneinfo.ZoneInfo("Europe/Budapest")
LANGUAGES = [code for code, _ in settings.LANGUAGES]


def events_index(code="en"):
    return EventIndexPage.objects.live().get(locale__language_code=code)


def test_editor_schedules_a_webinar_and_a_hungarian_visitor_downloads_its_ics(demo, new_context):
    index = events_index()
    staff = new_context(public=False)
    page = staff.new_page()
    log_in(page, "moderator")
    page.goto(f"/admin/pages/add/news/eventpage/{index.id}/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_title").press("Tab")
    page.locator("#id_intro").fill("An hour on digital tools for cluster managers.")
    page.locator("#id_event_type").select_option("webinar")
    page.locator("#id_attendance_mode").select_option("online")
    page.locator("#id_time_zone").select_option("Europe/Budapest")
    page.locator("#id_start").fill("2030-04-01 14:00")
    page.locator("#id_end").fill("2030-04-01 15:00")
    page.locator("#id_online_url").fill("https://meet.example.org/webinar")
    page.locator("#id_languages").select_option(["hu", "en"])
    publish_from_footer(page)
    expect(page).to_have_url(re.compile(rf"/admin/pages/{index.id}/$"))
    expect(page.locator(".messages")).to_contain_text(TITLE)
    staff.close()

    event = EventPage.objects.get(title=TITLE)
    assert event.live
    assert event.start == datetime.datetime(2030, 4, 1, 14, tzinfo=BUDAPEST)
    hungarian = translate_object(
        event,
        Locale.objects.get(language_code="hu"),
        {
            TITLE: HUNGARIAN_TITLE,
            event.slug: "klasztermenedzserek-webinariuma",
            event.intro: "Egy óra digitális eszközökről klasztermenedzsereknek.",
        },
    )

    visitor_context = new_context(locale="hu-HU", accept_downloads=True)
    visitor = visitor_context.new_page()
    visitor.goto("/")
    expect(visitor).to_have_url(re.compile(r"/hu/$"))
    section = visitor.locator("main .events-section")
    expect(section).to_contain_text("Közelgő események")
    section.get_by_role("link", name=HUNGARIAN_TITLE).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(HUNGARIAN_TITLE)
    expect(visitor.locator("html")).to_have_attribute("lang", "hu")
    expect(visitor.locator("main")).to_contain_text("2030. április 1.")
    expect(visitor.locator("main")).to_contain_text("Europe/Budapest")
    with visitor.expect_download() as download_info:
        visitor.get_by_role("link", name="Hozzáadás a naptárhoz (.ics)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == HUNGARIAN_TITLE
    assert entry.decoded("DTSTART") == datetime.datetime(2030, 4, 1, 14, tzinfo=BUDAPEST)
    assert entry["DTSTART"].params["TZID"] == "Europe/Budapest"
    assert str(event.translation_key) in str(entry["UID"])
    assert str(entry["URL"]).endswith(hungarian.url)


@pytest.mark.parametrize("code", LANGUAGES)
def test_events_pages_are_accessible_in_every_language(demo, new_context, code):
    context = new_context(locale=BROWSER_LOCALES[code])
    page = context.new_page()
    index = events_index(code)
    events = list(EventPage.objects.live().filter(locale__language_code=code))
    assert events, "the demo content has events in every language"
    urls = [
        index.get_url(),
        index.get_url() + "past/",
        index.get_url() + "past/?type=training&format=hybrid",
        *[event.get_url() for event in events],
    ]
    problems = []
    for url in urls:
        for width, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(viewport)
            response = page.goto(url, wait_until="load")
            if response.status != 200:
                problems.append(f"{url}: answered {response.status}")
            if page.evaluate("() => document.documentElement.lang") != code:
                problems.append(f"{url}: wrong <html lang>")
            overflow, culprits = layout_overflow(page)
            if overflow > 0:
                problems.append(f"{url}: scrolls sideways at {width} width: {culprits}")
            if width == "desktop":
                problems += [f"{url}: axe: {line}" for line in axe_violations(page)]
    problems += [f"broken: {line}" for line in context.guard.failed]
    assert not problems, "\n".join(problems)
