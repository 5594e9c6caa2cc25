"""iCalendar: the events index's feed (per language, per project) and each event's .ics,
parsed back with the icalendar library: valid, stable UIDs across translations and edits,
SEQUENCE raised on changes, cancelled events marked, time zones as VTIMEZONE."""

import datetime
import zoneinfo

import icalendar
import pytest
import time_machine

pytestmark = pytest.mark.django_db

BUDAPEST = zoneinfo.ZoneInfo("Europe/Budapest")
NOW = datetime.datetime(2030, 3, 1, 12, tzinfo=datetime.UTC)


def at(*args, zone=BUDAPEST):
    return datetime.datetime(*args, tzinfo=zone)


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    cal = icalendar.Calendar.from_ical(response.content)
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    return cal


def vevents(cal):
    return list(cal.walk("VEVENT"))


@pytest.fixture
def webinar(events_index, make_event):
    return make_event(
        events_index,
        title="Launch webinar",
        time_zone="Europe/Budapest",
        start=at(2030, 5, 25, 14),
        end=at(2030, 5, 25, 15, 30),
    )


@time_machine.travel(NOW, tick=False)
def test_an_events_ics_is_valid_with_its_time_zone(client, webinar):
    response = client.get(webinar.url + "calendar/")
    assert response["Content-Disposition"].startswith("attachment;")
    assert ".ics" in response["Content-Disposition"]
    cal = parse(response)
    (event,) = vevents(cal)
    assert str(event["SUMMARY"]) == "Launch webinar"
    assert event.decoded("DTSTART") == at(2030, 5, 25, 14)
    assert event["DTSTART"].params["TZID"] == "Europe/Budapest"
    assert event.decoded("DTEND") == at(2030, 5, 25, 15, 30)
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Budapest"]
    assert event["STATUS"] == "CONFIRMED"
    assert str(event["URL"]) == "http://testserver" + webinar.url
    assert event["LOCATION"] == "https://meet.example.org/webinar"
    assert event["DTSTAMP"]
    # Every required property of RFC 5545 is there, and the calendar serialises again.
    for name in ("UID", "DTSTAMP", "DTSTART"):
        assert name in event
    assert icalendar.Calendar.from_ical(cal.to_ical()) == cal


@time_machine.travel(NOW, tick=False)
def test_uids_are_stable_across_translations_and_edits(
    client, webinar, events_indexes, translate, locales
):
    uid = str(vevents(parse(client.get(webinar.url + "calendar/")))[0]["UID"])
    assert str(webinar.translation_key) in uid
    hungarian = translate(webinar, locales["hu"])
    hu_event = vevents(parse(client.get(hungarian.url + "calendar/")))[0]
    assert str(hu_event["UID"]) == uid
    assert str(hu_event["SUMMARY"]) == "[hu] Launch webinar"
    webinar.title = "Launch webinar (new title)"
    webinar.save_revision().publish()
    assert str(vevents(parse(client.get(webinar.url + "calendar/")))[0]["UID"]) == uid
    feed = parse(client.get(events_indexes["hu"].url + "calendar/"))
    assert [str(e["UID"]) for e in vevents(feed)] == [uid]


def sequence(client, page):
    return int(vevents(parse(client.get(page.url + "calendar/")))[0]["SEQUENCE"])


@time_machine.travel(NOW, tick=False)
def test_sequence_is_raised_when_date_status_or_place_change_and_never_lowered(client, webinar):
    from news.events.models import EventPage

    assert sequence(client, webinar) == 0
    webinar.intro = "A new lead"
    webinar.save_revision().publish()
    assert sequence(client, webinar) == 0  # the text is not what calendars hold on to
    old_revision = webinar.get_latest_revision()
    webinar.start, webinar.end = at(2030, 5, 26, 14), at(2030, 5, 26, 15)
    webinar.save_revision().publish()
    assert sequence(client, webinar) == 1
    page = EventPage.objects.get(pk=webinar.pk)
    page.status = "cancelled"
    page.save_revision().publish()
    assert sequence(client, page) == 2
    # Publishing an older revision again (its dates differ) still raises it.
    old_revision.publish()
    assert sequence(client, page) == 3


@time_machine.travel(NOW, tick=False)
def test_cancelled_events_are_marked_cancelled(client, events_index, make_event):
    page = make_event(
        events_index, status="cancelled", start=at(2030, 4, 1, 10), end=at(2030, 4, 1, 11)
    )
    (event,) = vevents(parse(client.get(page.url + "calendar/")))
    assert event["STATUS"] == "CANCELLED"
    (event,) = vevents(parse(client.get(events_index.url + "calendar/")))
    assert event["STATUS"] == "CANCELLED"


@time_machine.travel(NOW, tick=False)
def test_all_day_events_are_dates(client, events_index, make_event):
    page = make_event(
        events_index,
        all_day=True,
        time_zone="",
        attendance_mode="onsite",
        online_url="",
        start=datetime.datetime(2030, 9, 1, tzinfo=datetime.UTC),
        end=datetime.datetime(2030, 11, 30, tzinfo=datetime.UTC),
    )
    cal = parse(client.get(page.url + "calendar/"))
    (event,) = vevents(cal)
    assert event.decoded("DTSTART") == datetime.date(2030, 9, 1)
    assert event.decoded("DTEND") == datetime.date(2030, 12, 1)  # exclusive end
    assert not list(cal.walk("VTIMEZONE"))


@time_machine.travel(NOW, tick=False)
def test_the_feed_per_language_and_per_project(client, events_indexes, make_event, home):
    from home.projects.factories import ProjectIndexPageFactory, ProjectPageFactory

    projects = ProjectIndexPageFactory(parent=home)
    projects.save_revision().publish()
    bsr = ProjectPageFactory(parent=projects, title="BSR", slug="bsr")
    bsr.save_revision().publish()
    make_event(events_indexes["en"], title="A", start=at(2030, 4, 1, 10), end=at(2030, 4, 1, 11))
    make_event(
        events_indexes["en"],
        title="B",
        project=bsr,
        start=at(2020, 4, 2, 10),
        end=at(2020, 4, 2, 11),
        time_zone="Europe/Stockholm",
    )
    make_event(events_indexes["fr"], title="C", start=at(2030, 4, 3, 10), end=at(2030, 4, 3, 11))
    feed = parse(client.get(events_indexes["en"].url + "calendar/"))
    assert [str(e["SUMMARY"]) for e in vevents(feed)] == ["A", "B"]  # past events too
    assert {tz["TZID"] for tz in feed.walk("VTIMEZONE")} == {"Europe/Brussels", "Europe/Stockholm"}
    feed = parse(client.get(events_indexes["en"].url + "calendar/?project=bsr"))
    assert [str(e["SUMMARY"]) for e in vevents(feed)] == ["B"]
    assert [
        str(e["SUMMARY"])
        for e in vevents(parse(client.get(events_indexes["fr"].url + "calendar/")))
    ] == ["C"]
    assert client.get(events_indexes["en"].url + "calendar/?project=nope").status_code == 404
    listing = client.get(events_indexes["en"].url)
    assert 'type="text/calendar"' in listing.text


@time_machine.travel(NOW, tick=False)
def test_the_online_link_leaves_the_calendar_once_the_event_is_over(
    client, events_index, make_event
):
    page = make_event(events_index, start=at(2030, 2, 1, 10), end=at(2030, 2, 1, 11))
    (event,) = vevents(parse(client.get(page.url + "calendar/")))
    assert "LOCATION" not in event
