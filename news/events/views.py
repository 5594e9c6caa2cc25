"""What the event pages show: the index's upcoming and past listings (filters, pagination), an
event's surroundings (organiser and project in the reader's language, its JSON-LD). Every
function costs a fixed number of queries, whatever the number of events."""

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from home.pages.addresses import absolute_url
from home.pages.models import every_page
from home.pages.pagination import paginate

from ..views import image_url, og_locale, with_images
from .vocabulary import AttendanceMode, EventStatus, EventType

# What an event card shows (news/events/_event_card.html) and its URL.
CARD_FIELDS = (
    "title",
    "slug",
    "path",
    "depth",
    "url_path",
    "locale_id",
    "live",
    "start",
    "end",
    "ends_at",
    "all_day",
    "time_zone",
    "status",
    "event_type",
    "attendance_mode",
    "venue_city",
    "venue_country",
    "intro",
    "listing_summary",
    "search_description",
    "image",
)

SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.POSTPONED: "https://schema.org/EventRescheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
}
SCHEMA_ATTENDANCE = {
    AttendanceMode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    AttendanceMode.ONSITE: "https://schema.org/OfflineEventAttendanceMode",
    AttendanceMode.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def page_size():
    return getattr(settings, "EVENTS_PAGE_SIZE", 10)


def upcoming(events, now=None):
    """Events not over yet (running ones included), soonest first."""
    return events.filter(ends_at__gt=now or timezone.now()).order_by("start", "pk")


def finished(events, now=None):
    """Events that are over, newest first."""
    return events.filter(ends_at__lte=now or timezone.now()).order_by("-start", "-pk")


def cards(queryset):
    return with_images(queryset.only(*CARD_FIELDS), "image")


def project_choices(index):
    """The live projects of the index's language, for the filter (one query)."""
    from home.models import ProjectPage

    return list(
        ProjectPage.objects.live()
        .public()
        .filter(locale_id=index.locale_id)
        .order_by("title")
        .only("title", "slug", "translation_key", "locale_id")
    )


def apply_filters(index, request, events):
    """The events narrowed by ?project= (a project's slug in the index's language), ?type= and
    ?format=; an unknown value of any of them is a 404. Returns (events, chosen filters,
    the projects offered)."""
    projects = project_choices(index)
    chosen = {"project": None, "type": None, "format": None}
    slug = request.GET.get("project") or None
    if slug is not None:
        project = next((p for p in projects if p.slug == slug), None)
        if project is None:
            raise Http404(_("Unknown project."))
        chosen["project"] = project
        events = events.filter(project__translation_key=project.translation_key)
    kind = request.GET.get("type") or None
    if kind is not None:
        if kind not in EventType.values:
            raise Http404(_("Unknown event type."))
        chosen["type"] = kind
        events = events.filter(event_type=kind)
    mode = request.GET.get("format") or None
    if mode is not None:
        if mode not in AttendanceMode.values:
            raise Http404(_("Unknown event format."))
        chosen["format"] = mode
        events = events.filter(attendance_mode=mode)
    return events, chosen, projects


def filter_query(chosen):
    """The chosen filters as a query string (in a fixed order), for links and the canonical URL."""
    pairs = [
        ("project", chosen["project"].slug if chosen["project"] else None),
        ("type", chosen["type"]),
        ("format", chosen["format"]),
    ]
    return urlencode([(key, value) for key, value in pairs if value])


def with_card_urls(items, index_url):
    for item in items:  # the index's children
        item.card_url = f"{index_url}{item.slug}/" if index_url else None
    return items


def event_listing(index, request, *, past=False):
    """Upcoming (soonest first) or past (newest first) events of the index, filtered and
    paginated; bad filters and bad page numbers are 404s."""
    past_events = past
    now = timezone.now()
    events, chosen, projects = apply_filters(index, request, index.events())
    ordered = finished(events, now) if past_events else upcoming(events, now)
    page_obj = paginate(request, cards(ordered), page_size())
    index_url = index.get_url(request) or ""
    items = with_card_urls(list(page_obj.object_list), index_url)
    query = filter_query(chosen)
    suffix = f"?{query}" if query else ""
    full_url = absolute_url(request, index) or ""
    route = "past/" if past_events else ""
    canonical_query = "&".join(
        filter(None, [query, f"page={page_obj.number}" if page_obj.number > 1 else ""])
    )
    calendar_url = f"{full_url}calendar/" + (
        f"?project={chosen['project'].slug}" if chosen["project"] else ""
    )
    return index.render(
        request,
        context_overrides={
            "events": items,
            "page_obj": page_obj,
            "past_events": past_events,
            "index_url": index_url,
            "upcoming_url": f"{index_url}{suffix}",
            "past_url": f"{index_url}past/{suffix}",
            "chosen": chosen,
            "is_filtered": any(chosen.values()),
            "projects": projects,
            "event_types": EventType.choices,
            "attendance_modes": AttendanceMode.choices,
            "calendar_url": calendar_url,
            "canonical_url": f"{full_url}{route}"
            + (f"?{canonical_query}" if canonical_query else ""),
        },
    )


def linked_in_language(page, ids):
    """The pages with these ids (organiser, project) in `page`'s language where a live, public
    translation exists, else as linked when that one is live and public: {linked id: page}.
    Two queries: the linked pages' translation keys, then the candidates."""
    ids = [pk for pk in ids if pk]
    if not ids:
        return {}
    key_of = dict(Page.objects.filter(pk__in=ids).values_list("pk", "translation_key"))
    rows = list(
        every_page()
        .visible()
        .filter(translation_key__in=set(key_of.values()))
        .filter(Q(locale_id=page.locale_id) | Q(pk__in=ids))
        .only("title", "slug", "path", "depth", "url_path", "locale_id", "translation_key")
    )
    translated = {row.translation_key: row for row in rows if row.locale_id == page.locale_id}
    itself = {row.pk: row for row in rows}
    linked = {}
    for pk, key in key_of.items():
        chosen = translated.get(key) or itself.get(pk)
        if chosen is not None:
            linked[pk] = chosen
    return linked


def event_page_context(page, request):
    """Everything the event's template shows besides its own fields."""
    now = timezone.now()
    linked = linked_in_language(page, [page.organiser_id, page.project_id])
    organiser = linked.get(page.organiser_id)
    project = linked.get(page.project_id)
    page_url = page.get_url(request) or ""
    index_url = page_url[: page_url.rstrip("/").rfind("/") + 1] if page_url else ""
    ended = page.has_ended(now)
    social_image = page.get_social_image()
    return {
        "events_index_url": index_url,
        "organiser": organiser,
        "project": project,
        "has_ended": ended,
        "show_online_link": bool(page.online_url) and not ended and not page.is_cancelled,
        "registration_open": page.registration_open(now),
        "calendar_url": f"{page_url}calendar/" if page_url else "",
        "social_image_url": image_url(social_image, request),
        "og_locale": og_locale(page.locale.language_code),
        "event_json_ld": json_ld(page, request, organiser, social_image, now),
    }


def json_ld(page, request, organiser, social_image, now=None):
    """Schema.org Event data (the template writes it as application/ld+json, escaped)."""
    url = absolute_url(request, page)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "url": url,
        "startDate": page.start_iso,
        "eventStatus": SCHEMA_STATUS.get(page.status, SCHEMA_STATUS[EventStatus.SCHEDULED]),
        "eventAttendanceMode": SCHEMA_ATTENDANCE[page.attendance_mode],
    }
    if page.end_iso:
        data["endDate"] = page.end_iso
    if page.get_summary():
        data["description"] = page.get_summary()
    if page.status == EventStatus.POSTPONED and page.previous_start:
        data["previousStartDate"] = (
            page.local_previous_start.date().isoformat()
            if page.all_day
            else page.local_previous_start.isoformat()
        )
    if page.languages:
        data["inLanguage"] = page.languages[0] if len(page.languages) == 1 else page.languages
    locations = []
    if page.is_on_site:
        place = {"@type": "Place"}
        if page.venue_name:
            place["name"] = page.venue_name
        address = {"@type": "PostalAddress"}
        if page.venue_address:
            address["streetAddress"] = page.venue_address
        if page.venue_city:
            address["addressLocality"] = page.venue_city
        if page.venue_country:
            address["addressCountry"] = page.venue_country.code
        if len(address) > 1:
            place["address"] = address
        if len(place) > 1:
            locations.append(place)
    if page.is_online:
        shown = page.online_url and not page.has_ended(now) and not page.is_cancelled
        locations.append({"@type": "VirtualLocation", "url": page.online_url if shown else url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if organiser is not None:
        data["organizer"] = {
            "@type": "Organization",
            "name": organiser.title,
            "url": absolute_url(request, organiser),
        }
    if social_image is not None:
        data["image"] = [image_url(social_image, request)]
    if page.registration_url:
        offer = {"@type": "Offer", "url": page.registration_url}
        if page.registration_deadline:
            offer["validThrough"] = page.local_registration_deadline.isoformat()
        data["offers"] = offer
    return data


def project_calendar_url(project_page, section, request):
    """The feed of the project's events: its events index's feed with ?project= (the index is
    the parent of the section's events; no query)."""
    event = (section["events"] or section["past_events"])[0]
    url = event.get_url(request) or ""
    if not url:
        return ""
    index_url = url[: url.rstrip("/").rfind("/") + 1]
    return f"{index_url}calendar/?project={project_page.slug}"


def site_name(request):
    site = Site.find_for_request(request)
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME
