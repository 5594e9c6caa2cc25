"""Events: validation, the editor's wall-clock times, the index's upcoming/past listings with
their filters and pagination, the event page (status, links shown before or after the event,
JSON-LD, Open Graph) and translations. Time is frozen where "now" matters."""

import datetime
import json
import re
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import nested_form_data, streamfield

from news.events.models import EventPage
from news.factories import EventPageFactory

pytestmark = pytest.mark.django_db

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
BUDAPEST = zoneinfo.ZoneInfo("Europe/Budapest")
NOW = datetime.datetime(2030, 3, 1, 12, tzinfo=datetime.UTC)


def at(*args, zone=BRUSSELS):
    return datetime.datetime(*args, tzinfo=zone)


def event(**fields):
    """An unsaved event with the factory's defaults."""
    return EventPageFactory.build(**fields)


def errors_of(page):
    with pytest.raises(ValidationError) as caught:
        page.clean()
    return caught.value.message_dict


# --- validation -------------------------------------------------------------------------


@time_machine.travel(NOW, tick=False)
def test_a_valid_event_passes_validation():
    event(start=at(2030, 4, 1, 14), end=at(2030, 4, 1, 15)).clean()


@time_machine.travel(NOW, tick=False)
def test_the_end_must_be_after_the_start():
    assert "end" in errors_of(event(start=at(2030, 4, 1, 14), end=at(2030, 4, 1, 13)))
    assert "end" in errors_of(event(start=at(2030, 4, 1, 14), end=at(2030, 4, 1, 14)))


@time_machine.travel(NOW, tick=False)
def test_a_timed_event_needs_a_time_zone_and_an_end():
    errors = errors_of(event(time_zone="", start=at(2030, 4, 1, 14), end=None))
    assert "time_zone" in errors and "end" in errors


@time_machine.travel(NOW, tick=False)
def test_an_all_day_event_needs_neither_zone_nor_end():
    page = event(all_day=True, time_zone="", start=at(2030, 4, 1, 0, zone=datetime.UTC), end=None)
    page.clean()
    assert page.start_date == page.end_date == datetime.date(2030, 4, 1)


def test_an_unknown_time_zone_is_refused():
    page = event(time_zone="Mars/Olympus_Mons")
    with pytest.raises(ValidationError) as caught:
        page.full_clean(exclude=["path", "depth", "url_path", "content_type", "locale"])
    assert "time_zone" in caught.value.message_dict


@time_machine.travel(NOW, tick=False)
def test_the_registration_deadline_must_be_before_the_start():
    page = event(
        start=at(2030, 4, 1, 14),
        end=at(2030, 4, 1, 15),
        registration_url="https://example.org/register",
        registration_deadline=at(2030, 4, 1, 16),
    )
    assert "registration_deadline" in errors_of(page)
    page.registration_deadline = at(2030, 3, 30, 12)
    page.clean()


@time_machine.travel(NOW, tick=False)
def test_an_online_event_to_come_needs_its_link_but_a_past_one_may_lack_it():
    for mode in ("online", "hybrid"):
        page = event(attendance_mode=mode, online_url="", start=at(2030, 4, 1, 14))
        page.end = page.start + datetime.timedelta(hours=1)
        assert "online_url" in errors_of(page)
    past = event(online_url="", start=at(2020, 5, 25, 14), end=at(2020, 5, 25, 15))
    past.clean()
    on_site = event(attendance_mode="onsite", online_url="", start=at(2030, 4, 1, 14))
    on_site.end = on_site.start + datetime.timedelta(hours=1)
    on_site.clean()


@time_machine.travel(NOW, tick=False)
def test_a_postponed_event_needs_its_original_date():
    page = event(status="postponed", start=at(2030, 4, 1, 14), end=at(2030, 4, 1, 15))
    assert "previous_start" in errors_of(page)
    page.previous_start = at(2030, 3, 20, 14)
    page.clean()


@time_machine.travel(NOW, tick=False)
def test_unknown_language_codes_are_refused():
    page = event(start=at(2030, 4, 1, 14), end=at(2030, 4, 1, 15), languages=["en", "xx-nope"])
    assert "languages" in errors_of(page)


# --- the editor's form: wall-clock times in the event's zone ------------------------------


def event_form(**overrides):
    data = {
        "title": "Launch webinar",
        "slug": "launch-webinar",
        "intro": "",
        "event_type": "webinar",
        "attendance_mode": "online",
        "status": "scheduled",
        "time_zone": "Europe/Budapest",
        "start": "2030-04-01 14:00",
        "end": "2030-04-01 15:30",
        "previous_start": "",
        "venue_name": "",
        "venue_address": "",
        "venue_city": "",
        "venue_country": "",
        "online_url": "https://meet.example.org/launch",
        "recording_url": "",
        "slides_url": "",
        "registration_url": "",
        "registration_deadline": "",
        "organiser": "",
        "project": "",
        "image": "",
        "body": streamfield([]),
        "listing_summary": "",
        "seo_title": "",
        "search_description": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_an_editor_enters_times_as_the_clock_shows_them_where_the_event_is(
    admin_client, events_index
):
    data = event_form(**{"action-publish": "publish"})
    data["languages"] = ["hu", "en"]
    response = admin_client.post(f"/admin/pages/add/news/eventpage/{events_index.id}/", data)
    assert response.status_code == 302, response.context["form"].errors
    page = EventPage.objects.get(slug="launch-webinar")
    assert page.live
    assert page.start == at(2030, 4, 1, 14, zone=BUDAPEST)  # 12:00 UTC, whoever typed it
    assert page.end == at(2030, 4, 1, 15, 30, zone=BUDAPEST)
    assert page.languages == ["hu", "en"]
    # The editor's form shows the same wall-clock times back.
    edit = admin_client.get(f"/admin/pages/{page.id}/edit/")
    assert re.search(r'name="start"[^>]*value="2030-04-01 14:00', edit.text)


def test_bad_input_in_the_editor_is_a_form_error_and_nothing_is_saved(admin_client, events_index):
    for overrides in (
        {"end": "2030-04-01 13:00"},
        {"time_zone": ""},
        {"time_zone": "Nowhere/Land"},
        {"online_url": ""},
        {"start": "the day after tomorrow"},
    ):
        response = admin_client.post(
            f"/admin/pages/add/news/eventpage/{events_index.id}/", event_form(**overrides)
        )
        assert response.status_code == 200, overrides
        assert response.context["form"].errors, overrides
    assert not EventPage.objects.exists()


# --- listings -----------------------------------------------------------------------------


def titles(response):
    assert response.status_code == 200
    return [event.title for event in response.context["events"]]


@pytest.fixture
def timeline(events_index, make_event):
    """Two past events, one running now and two to come (now is NOW)."""
    return {
        "old": make_event(
            events_index, title="Old", start=at(2029, 1, 10, 10), end=at(2029, 1, 10, 12)
        ),
        "recent": make_event(
            events_index, title="Recent", start=at(2030, 2, 20, 10), end=at(2030, 2, 20, 12)
        ),
        "running": make_event(
            events_index, title="Running", start=at(2030, 3, 1, 12), end=at(2030, 3, 1, 15)
        ),
        "soon": make_event(
            events_index, title="Soon", start=at(2030, 3, 5, 10), end=at(2030, 3, 5, 12)
        ),
        "later": make_event(
            events_index, title="Later", start=at(2030, 6, 1, 10), end=at(2030, 6, 1, 12)
        ),
    }


@time_machine.travel(NOW, tick=False)
def test_upcoming_events_soonest_first_and_past_ones_newest_first(client, events_index, timeline):
    assert titles(client.get(events_index.url)) == ["Running", "Soon", "Later"]
    assert titles(client.get(events_index.url + "past/")) == ["Recent", "Old"]


@time_machine.travel(NOW, tick=False)
def test_an_all_day_event_stays_upcoming_until_its_last_day_is_over(
    client, events_index, make_event
):
    make_event(
        events_index,
        title="Today",
        all_day=True,
        time_zone="",
        start=datetime.datetime(2030, 3, 1, tzinfo=datetime.UTC),
        end=None,
        online_url="",
        attendance_mode="onsite",
    )
    assert titles(client.get(events_index.url)) == ["Today"]
    with time_machine.travel(datetime.datetime(2030, 3, 2, 0, 0, 1, tzinfo=datetime.UTC)):
        assert titles(client.get(events_index.url)) == []
        assert titles(client.get(events_index.url + "past/")) == ["Today"]


@time_machine.travel(NOW, tick=False)
def test_drafts_private_events_and_other_languages_are_not_listed(
    client, events_indexes, timeline, make_event
):
    from wagtail.models import PageViewRestriction

    draft = EventPageFactory(
        parent=events_indexes["en"], title="Draft", start=at(2030, 4, 1, 10), end=at(2030, 4, 1, 11)
    )
    draft.unpublish()
    private = make_event(
        events_indexes["en"], title="Private", start=at(2030, 4, 2, 10), end=at(2030, 4, 2, 11)
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make_event(
        events_indexes["fr"], title="Français", start=at(2030, 4, 3, 10), end=at(2030, 4, 3, 11)
    )
    assert titles(client.get(events_indexes["en"].url)) == ["Running", "Soon", "Later"]
    assert titles(client.get(events_indexes["fr"].url)) == ["Français"]


@time_machine.travel(NOW, tick=False)
def test_filters_by_type_format_and_project(client, events_index, make_event, home):
    from home.projects.factories import ProjectIndexPageFactory, ProjectPageFactory

    projects = ProjectIndexPageFactory(parent=home)
    projects.save_revision().publish()
    bsr = ProjectPageFactory(parent=projects, title="BSR", slug="bsr")
    bsr.save_revision().publish()
    make_event(events_index, title="Webinar", start=at(2030, 4, 1, 10), end=at(2030, 4, 1, 11))
    make_event(
        events_index,
        title="Training",
        event_type="training",
        attendance_mode="onsite",
        online_url="",
        project=bsr,
        start=at(2030, 4, 2, 10),
        end=at(2030, 4, 2, 11),
    )
    make_event(
        events_index,
        title="Hybrid",
        event_type="training",
        attendance_mode="hybrid",
        start=at(2030, 4, 3, 10),
        end=at(2030, 4, 3, 11),
    )
    url = events_index.url
    assert titles(client.get(url + "?type=training")) == ["Training", "Hybrid"]
    assert titles(client.get(url + "?format=online")) == ["Webinar"]
    assert titles(client.get(url + "?format=hybrid&type=training")) == ["Hybrid"]
    assert titles(client.get(url + "?project=bsr")) == ["Training"]
    assert titles(client.get(url + "past/?project=bsr")) == []
    response = client.get(url + "?project=bsr&type=training")
    assert 'href="http://testserver/en/events/?project=bsr&amp;type=training"' in response.text
    assert 'value="bsr" selected' in response.text


@pytest.mark.parametrize(
    "query",
    [
        "?type=party",
        "?format=underwater",
        "?project=no-such-project",
        "?page=abc",
        "?page=0",
        "?page=-1",
        "?page=1.5",
        "?page=99",
        "?page=" + "9" * 5000,
        "?type=%00",
    ],
)
@time_machine.travel(NOW, tick=False)
def test_bad_filters_and_page_numbers_are_404s(client, events_index, timeline, query):
    assert client.get(events_index.url + query).status_code == 404
    assert client.get(events_index.url + "past/" + query).status_code == 404


@time_machine.travel(NOW, tick=False)
def test_pagination(client, events_index, make_event, settings):
    settings.EVENTS_PAGE_SIZE = 2
    for n in range(5):
        make_event(
            events_index, title=f"E{n}", start=at(2030, 4, 1 + n, 10), end=at(2030, 4, 1 + n, 11)
        )
    assert titles(client.get(events_index.url)) == ["E0", "E1"]
    response = client.get(events_index.url + "?page=3")
    assert titles(response) == ["E4"]
    assert 'rel="prev"' in response.text
    assert client.get(events_index.url + "?page=4").status_code == 404
    assert client.get(events_index.url + "past/").status_code == 200  # an empty list's page 1


# --- the event page -------------------------------------------------------------------------


def json_ld(response):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.text, flags=re.S
    )
    return [json.loads(block) for block in blocks]


@time_machine.travel(NOW, tick=False)
def test_the_event_page_shows_times_in_the_events_zone_and_names_it(
    client, events_index, make_event
):
    page = make_event(
        events_index,
        title="Webinar in Budapest",
        time_zone="Europe/Budapest",
        start=at(2030, 4, 1, 14, zone=BUDAPEST),
        end=at(2030, 4, 1, 15, 30, zone=BUDAPEST),
    )
    response = client.get(page.url)
    assert response.status_code == 200
    text = response.text
    assert 'datetime="2030-04-01T14:00:00+02:00"' in text
    assert "Europe/Budapest, CEST" in text
    assert "2 p.m." in text and "3:30 p.m." in text


@time_machine.travel(NOW, tick=False)
def test_the_online_link_is_shown_until_the_end_and_the_recording_afterwards(
    client, events_index, make_event
):
    page = make_event(
        events_index,
        start=at(2030, 4, 1, 14),
        end=at(2030, 4, 1, 15),
        online_url="https://meet.example.org/room",
        recording_url="https://video.example.org/recording",
        slides_url="https://example.org/slides.pdf",
    )
    before = client.get(page.url).text
    assert "https://meet.example.org/room" in before
    assert "https://video.example.org/recording" not in before
    with time_machine.travel(at(2030, 4, 1, 15, 0, 1), tick=False):
        after = client.get(page.url).text
    assert "https://meet.example.org/room" not in after
    assert "https://video.example.org/recording" in after
    assert "https://example.org/slides.pdf" in after


@time_machine.travel(NOW, tick=False)
def test_registration_link_until_its_deadline(client, events_index, make_event):
    page = make_event(
        events_index,
        start=at(2030, 4, 1, 14),
        end=at(2030, 4, 1, 15),
        registration_url="https://example.org/register",
        registration_deadline=at(2030, 3, 25, 12),
    )
    link = 'href="https://example.org/register"'
    assert link in client.get(page.url).text
    with time_machine.travel(at(2030, 3, 25, 12, 0, 1), tick=False):
        assert link not in client.get(page.url).text


@time_machine.travel(NOW, tick=False)
def test_a_cancelled_event_says_so_prominently(client, events_index, make_event):
    page = make_event(
        events_index, status="cancelled", start=at(2030, 4, 1, 14), end=at(2030, 4, 1, 15)
    )
    response = client.get(page.url)
    assert 'role="status"' in response.text and "This event has been cancelled." in response.text
    assert "https://meet.example.org/webinar" not in response.text
    (data,) = json_ld(response)
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    listing = client.get(events_index.url).text
    assert "event-status--cancelled" in listing


@time_machine.travel(NOW, tick=False)
def test_a_postponed_event_shows_its_new_and_old_date(client, events_index, make_event):
    page = make_event(
        events_index,
        status="postponed",
        previous_start=at(2030, 3, 20, 14),
        start=at(2030, 4, 10, 14),
        end=at(2030, 4, 10, 15),
    )
    response = client.get(page.url)
    assert "This event has been postponed." in response.text
    assert 'datetime="2030-03-20"' in response.text
    (data,) = json_ld(response)
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["previousStartDate"] == "2030-03-20T14:00:00+01:00"
    assert data["startDate"] == "2030-04-10T14:00:00+02:00"


@time_machine.travel(NOW, tick=False)
def test_json_ld_of_a_hybrid_event(client, events_index, make_event, home):
    from partners.factories import PartnerIndexPageFactory, PartnerPageFactory

    partners = PartnerIndexPageFactory(parent=home)
    partners.save_revision().publish()
    scs = PartnerPageFactory(parent=partners, title="SCS", slug="scs")
    scs.save_revision().publish()
    page = make_event(
        events_index,
        title="Kick-off",
        event_type="meeting",
        attendance_mode="hybrid",
        venue_name="Town hall",
        venue_address="1 Main Street",
        venue_city="Szeged",
        venue_country="HU",
        languages=["en", "hu"],
        organiser=scs,
        start=at(2030, 4, 1, 9, zone=BUDAPEST),
        end=at(2030, 4, 2, 17, zone=BUDAPEST),
        time_zone="Europe/Budapest",
    )
    response = client.get(page.url)
    assert response["Content-Type"].startswith("text/html")
    (data,) = json_ld(response)
    assert data["@type"] == "Event"
    assert data["name"] == "Kick-off"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["inLanguage"] == ["en", "hu"]
    assert data["startDate"] == "2030-04-01T09:00:00+02:00"
    assert data["endDate"] == "2030-04-02T17:00:00+02:00"
    place, online = data["location"]
    assert place == {
        "@type": "Place",
        "name": "Town hall",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "1 Main Street",
            "addressLocality": "Szeged",
            "addressCountry": "HU",
        },
    }
    assert online == {"@type": "VirtualLocation", "url": "https://meet.example.org/webinar"}
    assert data["organizer"]["name"] == "SCS"
    assert data["organizer"]["url"] == "http://testserver" + scs.url
    assert '<meta property="og:title" content="Kick-off">' in response.text
    assert '<meta property="og:locale" content="en_GB">' in response.text


@time_machine.travel(NOW, tick=False)
def test_an_all_day_event_has_dates_only(client, events_index, make_event):
    page = make_event(
        events_index,
        all_day=True,
        time_zone="",
        attendance_mode="onsite",
        online_url="",
        start=datetime.datetime(2030, 9, 1, tzinfo=datetime.UTC),
        end=datetime.datetime(2030, 11, 30, tzinfo=datetime.UTC),
    )
    response = client.get(page.url)
    (data,) = json_ld(response)
    assert data["startDate"] == "2030-09-01" and data["endDate"] == "2030-11-30"
    assert "location" not in data  # no venue known: nothing made up
    assert 'datetime="2030-09-01"' in response.text and 'datetime="2030-11-30"' in response.text
    assert "time in" not in response.text


@time_machine.travel(NOW, tick=False)
def test_the_event_in_every_language_with_dates_formatted_per_language(
    client, events_indexes, make_event, translate, locales
):
    page = make_event(
        events_indexes["en"],
        title="Launch webinar",
        time_zone="Europe/Budapest",
        start=at(2030, 5, 25, 14, zone=BUDAPEST),
        end=at(2030, 5, 25, 15, zone=BUDAPEST),
    )
    expected = {
        "en": "May 25, 2030",
        "fr": "25 mai 2030",
        "es": "25 de mayo de 2030",
        "hu": "2030. május 25.",
    }
    for code in ["fr", "es", "hu"]:
        translated = translate(page, locales[code])
        assert translated.start == page.start and translated.time_zone == "Europe/Budapest"
    for code, text in expected.items():
        translated = page.get_translation(locales[code])
        response = client.get(translated.url)
        assert response.status_code == 200, code
        assert f'<html lang="{code}"' in response.text
        assert text in response.text, code
        assert f'hreflang="{code}"' in response.text
        listing = client.get(events_indexes[code].url)
        assert [e.pk for e in listing.context["events"]] == [translated.pk]


def test_allowed_parents_and_children(events_index, home):
    from news.events.models import EventIndexPage

    assert EventPage.allowed_parent_page_models() == [EventIndexPage]
    assert EventPage.allowed_subpage_models() == []
    assert EventIndexPage.can_create_at(home) is False  # one per home page


def test_a_new_event_previews_in_the_admin(admin_client, events_index):
    url = f"/admin/pages/add/news/eventpage/{events_index.id}/preview/"
    data = event_form()
    data["languages"] = ["hu"]
    response = admin_client.post(url, data)
    assert response.json()["is_valid"] is True, response.json()
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Launch webinar" in response.text
    assert "Europe/Budapest" in response.text
    assert 'datetime="2030-04-01T14:00:00+02:00"' in response.text
