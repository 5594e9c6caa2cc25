"""An article's authors with their photos: the page costs the same number of queries with one
photographed author as with four (the renditions come from Wagtail's rendition cache)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.pages.factories import PortalImageFactory
from news.models import NewsPageAuthor

pytestmark = pytest.mark.django_db


def article_with_authors(news_index, make_news, count):
    authors = [
        NewsPageAuthor(
            name=f"Author {n}",
            role="Communication officer",
            photo=PortalImageFactory(title=f"Portrait {n}"),
        )
        for n in range(count)
    ]
    return make_news(news_index, slug=f"with-{count}-authors", authors=authors)


def queries_for(client, url):
    assert client.get(url).status_code == 200  # renditions are made on the first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.text


def test_author_photos_cost_the_same_queries_for_one_author_or_four(
    client, news_index, make_news, funding
):
    one, html = queries_for(client, article_with_authors(news_index, make_news, 1).url)
    four, html = queries_for(client, article_with_authors(news_index, make_news, 4).url)
    assert all(f"Author {n}" in html for n in range(4))
    assert html.count("<picture") >= 4
    assert four == one
