"""Scheduled publishing and expiry of news articles through the site's scheduler
(`manage.py run_scheduler`, home/operations/scheduler.py): an article an editor schedules goes
live when its time comes and the scheduler runs, and then every reader lists it (the news
index, the feed, the sitemap, search) in its language only; an article past its expiry is
unpublished and gone from all of them. The clock is moved with time-machine: Wagtail's
`publish_scheduled` compares with the real time."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

TITLE = "Scheduled MOOC webinar announced"


@pytest.fixture
def clock():
    """The clock stopped at the current time; clock.shift(seconds) moves it on."""
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


def readers(client, code):
    """What each public reader of language `code` shows: {reader: response text}."""
    return {
        "listing": client.get(f"/{code}/news/").text,
        "rss": client.get(f"/{code}/news/feed/rss/").text,
        "atom": client.get(f"/{code}/news/feed/atom/").text,
        "sitemap": client.get(f"/sitemap-{code}.xml").text,
        "search": client.get(f"/{code}/search/", {"q": "webinar"}).text,
    }


def shown_in(client, code, article):
    """The readers of `code` that show the article's title or its URL."""
    return sorted(
        reader
        for reader, text in readers(client, code).items()
        if TITLE in text or article.full_url in text or f'href="{article.url}"' in text
    )


@pytest.fixture
def run_scheduler(django_capture_on_commit_callbacks):
    """One pass of the scheduler, its transactions' commit callbacks run as a real commit
    runs them (the test's own transaction never commits)."""

    def run():
        output = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("run_scheduler", "--once", stdout=output)
        return output.getvalue()

    return run


def test_an_article_scheduled_a_minute_ahead_goes_live_when_the_scheduler_runs(
    run_scheduler, client, clock, news_indexes
):
    # As the admin does: the editor saves a draft with a "go live" date and presses Publish;
    # Wagtail approves the revision for that date and leaves the page unpublished.
    article = NewsPageFactory(parent=news_indexes["en"], title=TITLE, live=False)
    article.go_live_at = timezone.now() + datetime.timedelta(minutes=1)
    article.save_revision().publish()
    article.refresh_from_db()
    assert not article.live
    assert article.get_latest_revision().approved_go_live_at == article.go_live_at

    run_scheduler()  # not due yet
    article.refresh_from_db()
    assert not article.live
    assert shown_in(client, "en", article) == []

    clock.shift(datetime.timedelta(seconds=61))
    run_scheduler()
    article.refresh_from_db()
    assert article.live
    assert client.get(article.url).status_code == 200
    assert shown_in(client, "en", article) == ["atom", "listing", "rss", "search", "sitemap"]
    for code in ["fr", "es", "hu"]:
        assert shown_in(client, code, article) == [], code


def test_an_article_past_its_expiry_is_unpublished_and_gone_from_every_reader(
    run_scheduler, client, clock, news_indexes
):
    article = NewsPageFactory(parent=news_indexes["en"], title=TITLE, live=False)
    article.expire_at = timezone.now() + datetime.timedelta(minutes=1)
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.live
    assert shown_in(client, "en", article) == ["atom", "listing", "rss", "search", "sitemap"]

    clock.shift(datetime.timedelta(seconds=61))
    run_scheduler()
    article.refresh_from_db()
    assert not article.live
    assert article.expired
    assert client.get(article.url).status_code == 404
    assert shown_in(client, "en", article) == []
