"""RSS 2.0 and Atom feeds per language and per category, checked with feedparser."""

import datetime

import feedparser
import pytest

from news.factories import NewsCategoryFactory
from news.models import NewsPageAuthor

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return response, feed


@pytest.fixture
def articles(news_indexes, make_news, category, image, translate):
    other = NewsCategoryFactory(name="Events", slug="events")
    first = make_news(
        news_indexes["en"],
        title="MOOC launched",
        intro="The course is open.",
        date=datetime.date(2019, 3, 1),
        categories=[category],
        featured_image=image,
        authors=[NewsPageAuthor(name="SCS", role="Coordinator")],
    )
    second = make_news(
        news_indexes["en"],
        title="Final conference",
        intro="The consortium met.",
        date=datetime.date(2020, 5, 1),
        categories=[other],
    )
    fr_first = translate(first, news_indexes["fr"].locale)
    return {"first": first, "second": second, "fr_first": fr_first}


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_lists_language_news_newest_first(client, articles, kind):
    response, feed = parse(client, f"/en/news/feed/{kind}/")
    assert feed.version == ("rss20" if kind == "rss" else "atom10")
    assert feed.feed.language == "en"
    assert [e.title for e in feed.entries] == ["Final conference", "MOOC launched"]
    assert feed.feed.link == "http://testserver/en/news/"
    for entry in feed.entries:
        assert entry.link.startswith("http://testserver/en/news/")
    assert feed.entries[1].summary == "The course is open."
    enclosure = [link for link in feed.entries[1].links if link.rel == "enclosure"][0]
    assert enclosure.href.startswith("http://testserver/media/images/")
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) > 0
    assert feed.entries[1].published_parsed[:3] == (2019, 3, 1)
    assert response["Content-Language"] == "en"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_french_feed(client, articles, news_indexes, kind):
    url = f"{news_indexes['fr'].url}feed/{kind}/"
    response, feed = parse(client, url)
    assert feed.feed.language == "fr"
    assert [e.title for e in feed.entries] == [articles["fr_first"].title]
    assert feed.entries[0].link == f"http://testserver{articles['fr_first'].url}"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_category_feed(client, articles, kind):
    _, feed = parse(client, f"/en/news/category/projects/feed/{kind}/")
    assert [e.title for e in feed.entries] == ["MOOC launched"]
    assert feed.entries[0].tags[0].term == "Projects"
    assert client.get(f"/en/news/category/unknown/feed/{kind}/").status_code == 404


def test_empty_feed_is_valid(client, news_index):
    _, feed = parse(client, "/en/news/feed/atom/")
    assert feed.entries == []
