"""What a news listing aggregates over the whole index (the article count for the pagination,
the archive's years and months, the tag list) is remembered until the content changes: a
listing then costs the same queries on a site with 10 or 10,000 articles, and a publish,
unpublish or new tag shows on the next request (the page cache is off in these tests)."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.pagecache.cache import bump_generation

pytestmark = pytest.mark.django_db


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.text


def test_a_listing_remembers_its_count_archive_and_tags(client, news_index, make_news, funding):
    make_news(news_index, date=datetime.date(2024, 3, 1), tags=["mooc"])
    client.get(news_index.url)  # renditions and the like
    bump_generation()  # as any change to the content does
    cold, _ = queries(client, news_index.url)
    warm, html = queries(client, news_index.url)
    # The articles per day (which give the count and the archive's years and months) and
    # the tags (in the shared cache), and the funding statement (the layout) and the news
    # categories kept in the process (the site is Wagtail's lookup, read on every request);
    # and the page's cards (its articles and their categories), a fragment until content
    # changes (home.pagecache.fragments).
    assert cold - warm == 6
    assert "2024" in html and "mooc" in html


def test_publishing_and_unpublishing_show_on_the_next_request(
    client, news_index, make_news, settings, funding
):
    settings.NEWS_PAGE_SIZE = 1
    make_news(news_index, slug="spring", date=datetime.date(2024, 3, 1))
    html = client.get(news_index.url).text
    assert 'href="?page=2"' not in html and "/2019/" not in html

    older = make_news(news_index, slug="older", date=datetime.date(2019, 5, 1), tags=["brilliant"])
    html = client.get(news_index.url).text
    assert f'{news_index.url}2019/"' in html  # the archive has the new year
    assert "brilliant" in html  # and the tag list its tag
    assert client.get(news_index.url + "?page=2").status_code == 200  # the count grew
    months = client.get(news_index.url + "2019/").text
    assert f'{news_index.url}2019/05/"' in months

    older.unpublish()
    html = client.get(news_index.url).text
    assert "/2019/" not in html and "brilliant" not in html
    assert client.get(news_index.url + "?page=2").status_code == 404


def test_the_archive_lists_every_year_and_month_with_articles(client, news_index, make_news):
    """The archive comes from the remembered articles per day: month and year boundaries."""
    for day in ["2023-12-31", "2024-01-01", "2024-01-31", "2024-02-01", "2024-02-29"]:
        make_news(news_index, slug=f"on-{day}", date=datetime.date.fromisoformat(day))
    html = client.get(news_index.url).text
    years = re.findall(rf'href="{news_index.url}(\d{{4}})/"', html)
    assert years == ["2024", "2023"]
    months = client.get(news_index.url + "2024/").text
    assert re.findall(rf'href="{news_index.url}2024/(\d\d)/"', months) == ["01", "02"]
    assert client.get(news_index.url + "2023/12/").status_code == 200
