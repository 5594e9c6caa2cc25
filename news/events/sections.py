"""The sections other pages show of the events (registered in news/wagtail_hooks.py): the next
events on the home page, a project's events on its page, the events a partner organises on the
partner's page, each in the page's language and at a fixed number of queries."""

from django.db.models import Case, F, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import EventIndexPage, live_events
from .views import CARD_FIELDS, cards, project_calendar_url, upcoming


def next_events_section(home_page, request, limit=3):
    """The next events of the home page's language (one query; one more for the events
    index's link when there are some); nothing when none are coming."""
    items = list(cards(upcoming(live_events().filter(locale_id=home_page.locale_id)))[:limit])
    if not items:
        return None
    index = (
        EventIndexPage.objects.live().public().child_of(home_page).only(*CARD_FIELDS[:7]).first()
    )
    return {
        "template": "news/events/_section.html",
        "heading": _("Upcoming events"),
        "index": index,
        "events": items,
    }


def project_events_section(project_page, request, limit=6):
    """The project's events in the page's language: those to come (soonest first), then the
    latest past ones, `limit` in all. One query (and the images' renditions)."""
    events = live_events().filter(
        locale_id=project_page.locale_id, project__translation_key=project_page.translation_key
    )
    section = _page_section(events, _("Events of this project"), limit)
    if section is not None:
        section["calendar_url"] = project_calendar_url(project_page, section, request)
    return section


def partner_events_section(partner_page, request, limit=6):
    """The events the partner organises, in the page's language, as for a project."""
    events = live_events().filter(
        locale_id=partner_page.locale_id, organiser__translation_key=partner_page.translation_key
    )
    return _page_section(events, _("Events organised"), limit)


def _page_section(events, heading, limit):
    now = timezone.now()
    to_come = Case(When(ends_at__gt=now, then=Value(0)), default=Value(1))
    rows = list(
        cards(events)
        .annotate(to_come=to_come)
        .order_by(
            "to_come",
            Case(When(ends_at__gt=now, then=F("start"))).asc(),
            F("start").desc(),
            "pk",
        )[:limit]
    )
    if not rows:
        return None
    return {
        "template": "news/events/_section.html",
        "heading": heading,
        "events": [row for row in rows if row.to_come == 0],
        "past_events": [row for row in rows if row.to_come == 1],
    }
