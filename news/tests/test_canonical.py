"""Each news listing (archive, filter, page of results) is canonical to itself, with its filters
in one normal form: a search engine indexes each distinct listing once, under one URL."""

import datetime
import html
import re

import pytest
from django.test import override_settings

from news.factories import NewsCategoryFactory

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def canonicals(response):
    assert response.status_code == 200
    found = re.findall(r'<link rel="canonical" href="([^"]*)"', response.text)
    return [html.unescape(url) for url in found]


@pytest.fixture
def listed(news_index, make_news, category):
    for day in range(1, 4):
        article = make_news(
            news_index,
            title=f"March {day}",
            date=datetime.date(2024, 3, day),
            categories=[category],
        )
        article.tags.add("mooc")
        article.save_revision().publish()
    make_news(news_index, title="Earlier", date=datetime.date(2023, 6, 1))
    return news_index


@pytest.mark.parametrize(
    "url, canonical",
    [
        ("/en/news/", "/en/news/"),
        ("/en/news/?page=1", "/en/news/"),
        ("/en/news/?page=2", "/en/news/?page=2"),
        ("/en/news/2024/", "/en/news/2024/"),
        ("/en/news/2024/03/", "/en/news/2024/03/"),
        ("/en/news/2024/03/?page=2", "/en/news/2024/03/?page=2"),
        ("/en/news/2024/03/?utm_source=x&page=2", "/en/news/2024/03/?page=2"),
        ("/en/news/category/projects/", "/en/news/category/projects/"),
        ("/en/news/category/projects/?page=2", "/en/news/category/projects/?page=2"),
        ("/en/news/tag/mooc/", "/en/news/tag/mooc/"),
        # A single filter in the query string is the listing of its own route.
        ("/en/news/?category=projects", "/en/news/category/projects/"),
        ("/en/news/?tag=mooc&page=2", "/en/news/tag/mooc/?page=2"),
        ("/en/news/?year=2024", "/en/news/2024/"),
        ("/en/news/?year=2024&page=1&fbclid=abc", "/en/news/2024/"),
        # Combined filters: one path, the rest in a fixed order, whatever order they came in.
        ("/en/news/?tag=mooc&category=projects", "/en/news/category/projects/?tag=mooc"),
        ("/en/news/?category=projects&tag=mooc", "/en/news/category/projects/?tag=mooc"),
        (
            "/en/news/?page=2&year=2024&tag=mooc&category=projects",
            "/en/news/2024/?category=projects&tag=mooc&page=2",
        ),
        ("/en/news/2024/03/?tag=mooc", "/en/news/2024/03/?tag=mooc"),
    ],
)
@override_settings(NEWS_PAGE_SIZE=2)
def test_each_listing_is_canonical_to_itself(client, listed, url, canonical):
    assert canonicals(client.get(url)) == [BASE + canonical]


def test_an_unicode_category_slug_is_encoded(client, news_index, make_news):
    category = NewsCategoryFactory(name="Événements", slug="événements")
    make_news(news_index, title="Event", categories=[category])
    response = client.get("/en/news/category/%C3%A9v%C3%A9nements/")
    assert canonicals(response) == [BASE + "/en/news/category/%C3%A9v%C3%A9nements/"]


def test_an_article_is_canonical_to_itself(client, listed):
    article = listed.get_children().live().first().specific
    assert canonicals(client.get(article.url + "?utm_source=x")) == [article.full_url]
