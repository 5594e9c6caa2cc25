"""The demo events: only the two the seed article and the facts file state, in every
language, idempotent, with nothing made up (no time, venue, link, languages or organiser)."""

import datetime
from io import StringIO

import icalendar
import pytest

from home import demo as home_demo
from home.demo.site import DemoSite
from news import demo as news_demo
from news.events.models import EventIndexPage, EventPage
from training import demo as training_demo

pytestmark = pytest.mark.django_db


def seed():
    demo = DemoSite(stdout=StringIO())
    for module in (home_demo, training_demo, news_demo):
        module.seed(demo)
    return demo


def test_demo_events_in_every_language_and_nothing_invented(client, site):
    seed()
    assert EventIndexPage.objects.live().count() == 4
    assert EventPage.objects.live().count() == 2 * 4
    assert seed().created == 0  # idempotent

    for event in EventPage.objects.live().select_related("project", "locale"):
        assert event.all_day and event.time_zone == ""
        assert (event.online_url, event.venue_name, event.venue_city, event.registration_url) == (
            "",
            "",
            "",
            "",
        )
        assert event.languages == [] and event.organiser_id is None
        assert event.project is not None
        response = client.get(event.url)
        assert response.status_code == 200, event.url
        assert f'<html lang="{event.locale.language_code}"' in response.text

    webinar = EventPage.objects.get(slug="cluster4smart-launch-webinar")
    assert webinar.start_date == webinar.end_date == datetime.date(2020, 5, 25)
    assert webinar.project.slug == "cluster4smart"
    modules = EventPage.objects.get(slug="bsr-cluster-manager-education-training-modules")
    assert (modules.start_date, modules.end_date) == (
        datetime.date(2020, 9, 1),
        datetime.date(2021, 11, 30),
    )
    assert (modules.event_type, modules.attendance_mode) == ("training", "hybrid")

    hungarian = client.get("/hu/esemenyek/past/")
    assert hungarian.status_code == 200
    assert "A Cluster4Smart indító webináriuma" in hungarian.text
    assert "2020. május 25." in hungarian.text
    feed = icalendar.Calendar.from_ical(client.get("/hu/esemenyek/calendar/").content)
    starts = sorted(event.decoded("DTSTART") for event in feed.walk("VEVENT"))
    assert starts == [datetime.date(2020, 5, 25), datetime.date(2020, 9, 1)]
