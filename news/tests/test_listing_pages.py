"""Pages of the news listings and feeds at a cost that does not grow with the site.

A listing's page is read from the days it spans (news.paging) and must show the articles that
slicing the whole listing shows, in the same order, filters included; listings filtered by
category or tag, and the feeds, find their articles without a DISTINCT (which made PostgreSQL
read and sort every article of the index before returning the newest few)."""

import datetime
import math
import re

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.pagecache.cache import bump_generation
from home.pages.localization import translate_object
from news.factories import NewsCategoryFactory
from news.models import NewsCategory, NewsPage
from news.paging import DatedPages, day_counts

pytestmark = pytest.mark.django_db

PAGE_SIZE = 3
# (day, in the Projects category, tagged "mooc") of each article, in order of publication:
# several articles on most days (ties are ordered by first publication, newest first), over
# two years, not in date order.
ARTICLES = [
    (datetime.date(2023, 5, 2), True, True),
    (datetime.date(2023, 5, 2), False, False),
    (datetime.date(2024, 1, 9), True, False),
    (datetime.date(2023, 5, 2), True, True),
    (datetime.date(2022, 12, 31), False, True),
    (datetime.date(2024, 1, 9), True, True),
    (datetime.date(2023, 5, 3), False, False),
    (datetime.date(2023, 5, 2), True, False),
    (datetime.date(2024, 1, 9), False, True),
    (datetime.date(2022, 12, 31), True, True),
    (datetime.date(2023, 11, 30), True, False),
    (datetime.date(2023, 5, 2), False, True),
    (datetime.date(2024, 2, 1), True, True),
    (datetime.date(2023, 5, 3), True, False),
]
MOST_IN_ONE_DAY = 5


def titles(response):
    assert response.status_code == 200
    return re.findall(r'class="news-card__title"><a href="[^"]*">([^<]*)</a>', response.text)


@pytest.fixture
def listing(news_indexes, make_news, category, translate, settings):
    """ARTICLES under the English index, some translated into French (whose articles share
    the date index), one in both the English and the French Projects category."""
    settings.NEWS_PAGE_SIZE = PAGE_SIZE
    settings.NEWS_FEED_SIZE = 4
    index = news_indexes["en"]
    fr_category = translate_object(
        category, news_indexes["fr"].locale, {"Projects": "Projets", "projects": "projets"}
    )
    events = NewsCategoryFactory(name="Events", slug="events")
    for n, (day, in_projects, mooc) in enumerate(ARTICLES):
        page = make_news(
            index,
            title=f"Article {n}",
            slug=f"article-{n}",
            date=day,
            categories=[category] if in_projects else [events],
            tags=["mooc"] if mooc else ["other"],
        )
        if n % 3 == 0:
            translate(page, news_indexes["fr"].locale)
    both = NewsPage.objects.get(slug="article-3", locale=index.locale)
    both.categories.add(fr_category)  # the same category twice, in two languages
    both.save_revision().publish()
    return index


def expected(index, keep=lambda page: True):
    """Titles of the index's articles that `keep` keeps, in the listing's order, read from
    the whole listing (no filter in the database, no slicing)."""
    return [page.title for page in index.news().prefetch_related("categories") if keep(page)]


def in_projects(page):
    projects = NewsCategory.objects.get(slug="projects").translation_key
    return any(c.translation_key == projects for c in page.categories.all())


def tagged_mooc(page):
    return page.tags.filter(name="mooc").exists()


FILTERS = [
    ("", lambda page: True),
    ("category/projects/", in_projects),
    ("?category=projects", in_projects),
    ("tag/mooc/", tagged_mooc),
    ("2023/", lambda page: page.date.year == 2023),
    ("2023/05/", lambda page: (page.date.year, page.date.month) == (2023, 5)),
    (
        "2023/?category=projects&tag=mooc",
        lambda page: page.date.year == 2023 and in_projects(page) and tagged_mooc(page),
    ),
]


@pytest.mark.parametrize("route,keep", FILTERS, ids=[route or "all" for route, _ in FILTERS])
def test_every_page_lists_what_slicing_the_whole_listing_lists(client, listing, route, keep):
    wanted = expected(listing, keep)
    assert wanted
    separator = "&" if "?" in route else "?"
    pages = max(1, math.ceil(len(wanted) / PAGE_SIZE))
    for number in range(1, pages + 1):
        url = f"{listing.url}{route}{separator}page={number}"
        start = (number - 1) * PAGE_SIZE
        assert titles(client.get(url)) == wanted[start : start + PAGE_SIZE], url
    assert client.get(f"{listing.url}{route}{separator}page={pages + 1}").status_code == 404


def test_articles_without_a_date_keep_their_place(client, listing):
    # A date is set on save; an article that has none anyway (edited in the database, say)
    # goes where the database puts NULL in the listing's order, on every page alike.
    NewsPage.objects.filter(slug__in=["article-4", "article-7"]).update(date=None)
    bump_generation()
    wanted = expected(listing)
    shown = []
    for number in range(1, math.ceil(len(wanted) / PAGE_SIZE) + 1):
        shown += titles(client.get(f"{listing.url}?page={number}"))
    assert shown == wanted


def listing_queries(client, url):
    """The SQL of the queries that read the articles of a listing or a feed, newest first, as
    the listing renders its cards: on the first request after a change (on the next ones a
    listing page's cards are a fragment, home.pagecache.fragments), the per-day counts left out."""
    client.get(url)  # renditions
    bump_generation()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    found = [
        q["sql"]
        for q in captured.captured_queries
        if '"date" DESC' in q["sql"] and "GROUP BY" not in q["sql"]
    ]
    assert found, url
    return found


def test_a_deep_page_is_read_from_the_days_it_spans(client, listing):
    for url in [f"{listing.url}?page=4", f"{listing.url}category/projects/?page=3"]:
        (sql,) = listing_queries(client, url)
        assert " BETWEEN " in sql, sql
        offset = re.search(r"OFFSET (\d+)", sql)
        assert offset is None or int(offset.group(1)) < MOST_IN_ONE_DAY, sql


@pytest.mark.parametrize(
    "route",
    ["category/projects/", "tag/mooc/", "feed/rss/", "feed/atom/", "category/projects/feed/rss/"],
)
def test_listings_and_feeds_need_no_distinct(client, listing, route):
    for sql in listing_queries(client, listing.url + route):
        assert "DISTINCT" not in sql, sql


@pytest.mark.parametrize("route,keep", [("", lambda p: True), ("category/projects/", in_projects)])
def test_feeds_list_the_newest_articles_once(client, listing, route, keep):
    feed = feedparser.parse(client.get(f"{listing.url}{route}feed/rss/").content)
    assert [entry.title for entry in feed.entries] == expected(listing, keep)[:4]


@pytest.mark.parametrize("undated", [[], ["article-0", "article-4", "article-12"]])
def test_any_slice_holds_what_slicing_the_queryset_holds(listing, undated):
    NewsPage.objects.filter(slug__in=undated).update(date=None)
    news = listing.news()
    pages = DatedPages(news, day_counts(news))
    everything = list(news.values_list("pk", flat=True))
    assert len(pages) == len(everything)
    for start in range(len(everything) + 1):
        for stop in range(start, len(everything) + 2):
            assert [page.pk for page in pages[start:stop]] == everything[start:stop]
