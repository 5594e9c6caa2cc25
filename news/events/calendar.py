"""iCalendar (RFC 5545) for events: a feed per events index (that is, per language), narrowed
to a project with ?project=, and an "Add to calendar" file per event. Written with the
`icalendar` library; times are given in the event's own zone with its VTIMEZONE, all-day
events as dates.

Every translation and every edit of an event is the same calendar item: its UID comes from
the page's translation key (shared by all its translations), and SEQUENCE counts the published
changes of date, status and place (EventPage.sequence), so calendar programs update the entry
they already hold instead of adding another."""

import datetime

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Site

from home.pages.addresses import absolute_url

from .views import apply_filters
from .vocabulary import EventStatus

FEED_LIMIT = 500  # the newest events a feed holds (upcoming ones come first in time anyway)


def uid_domain(request):
    site = Site.find_for_request(request)
    return (site.hostname if site else "") or "localhost"


def event_uid(page, domain):
    return f"event-{page.translation_key}@{domain}"


def location_text(page, show_link):
    parts = [page.venue_name, page.venue_address.replace("\n", ", "), page.venue_city]
    if page.venue_country:
        parts.append(page.venue_country.name)
    text = ", ".join(part for part in parts if part)
    if page.is_online and show_link and page.online_url:
        text = f"{text} / {page.online_url}" if text else page.online_url
    return text


def calendar_event(page, request, domain, now):
    """One VEVENT for `page` (in its own language)."""
    event = icalendar.Event()
    event.add("uid", event_uid(page, domain))
    stamp = page.last_published_at or page.first_published_at or now
    event.add("dtstamp", stamp.astimezone(datetime.UTC))
    if page.last_published_at:
        event.add("last-modified", page.last_published_at.astimezone(datetime.UTC))
    event.add("sequence", page.sequence)
    event.add("summary", page.title)
    if page.all_day:
        event.add("dtstart", page.start_date)
        event.add("dtend", page.end_date + datetime.timedelta(days=1))  # exclusive
    else:
        event.add("dtstart", page.local_start)
        event.add("dtend", page.local_end or page.local_start)
    cancelled = page.status == EventStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    url = absolute_url(request, page)
    if url:
        event.add("url", url)
    show_link = bool(page.online_url) and not cancelled and not page.has_ended(now)
    location = location_text(page, show_link)
    if location:
        event.add("location", location)
    description = "\n\n".join(filter(None, [page.get_summary(), url]))
    if description:
        event.add("description", description)
    event.add("categories", [page.get_event_type_display()])
    return event


def build_calendar(pages, request, name):
    now = timezone.now()
    domain = uid_domain(request)
    site = Site.find_for_request(request)
    site_name = (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//{site_name}//Events//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for page in pages:
        cal.add_component(calendar_event(page, request, domain, now))
    cal.add_missing_timezones()
    return cal


def ics_response(cal, filename, *, attachment):
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}.ics"'
    return response


def event_calendar(page, request):
    """The event's own .ics ("Add to calendar")."""
    cal = build_calendar([page], request, page.title)
    return ics_response(cal, slugify(page.slug) or "event", attachment=True)


def index_calendar(index, request):
    """The index's feed: its events (?project=, ?type=, ?format= as on the listing; unknown
    values are 404s), newest start first, at most FEED_LIMIT."""
    events, chosen, _projects = apply_filters(index, request, index.events())
    pages = list(events.order_by("-start", "-pk")[:FEED_LIMIT])
    name = index.title
    filename = slugify(index.slug) or "events"
    if chosen["project"] is not None:
        name = f"{index.title}: {chosen['project'].title}"
        filename = f"{filename}-{slugify(chosen['project'].slug)}"
    return ics_response(build_calendar(pages, request, name), filename, attachment=False)
