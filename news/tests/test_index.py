"""The news index: order, locale isolation, filters, archive, pagination, scheduling."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from home.models import HomePage
from home.pages.localization import translate_object
from news.factories import NewsCategoryFactory, NewsPageFactory
from news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'class="news-card__title"><a href="[^"]*">([^<]*)</a>', response.text)


def test_newest_first_by_display_date(client, news_index, make_news):
    make_news(news_index, title="Middle", date=datetime.date(2019, 5, 1))
    make_news(news_index, title="Newest", date=datetime.date(2021, 1, 1))
    make_news(news_index, title="Oldest", date=datetime.date(2018, 3, 1))
    response = client.get("/en/news/")
    assert response.status_code == 200
    assert titles(response) == ["Newest", "Middle", "Oldest"]


def test_display_date_defaults_to_first_publication(news_index, make_news):
    page = make_news(news_index, date=None)
    assert page.date == timezone.localdate(page.first_published_at)


def test_each_index_lists_only_its_own_language(client, news_indexes, make_news, translate):
    english = make_news(news_indexes["en"], title="English only")
    shared = make_news(news_indexes["en"], title="Shared")
    french = translate(shared, news_indexes["fr"].locale)
    assert titles(client.get("/en/news/")) == ["Shared", "English only"]
    fr_response = client.get(news_indexes["fr"].url)
    assert fr_response.status_code == 200
    assert titles(fr_response) == [french.title]
    assert english.title not in fr_response.text
    # Spanish has an index but no articles.
    es_response = client.get(news_indexes["es"].url)
    assert es_response.status_code == 200
    assert titles(es_response) == []


def test_category_filter_and_route(client, news_indexes, make_news, category, translate):
    other = NewsCategoryFactory(name="Training", slug="training")
    make_news(news_indexes["en"], title="About projects", categories=[category])
    make_news(news_indexes["en"], title="About training", categories=[other])
    assert titles(client.get("/en/news/category/projects/")) == ["About projects"]
    assert titles(client.get("/en/news/?category=training")) == ["About training"]
    assert client.get("/en/news/category/nope/").status_code == 404
    assert client.get("/en/news/?category=nope").status_code == 404
    # The French category (translated slug) lists French articles linked to the English one.
    fr_category = translate_object(
        category, news_indexes["fr"].locale, {"Projects": "Projets", "projects": "projets"}
    )
    page = NewsPage.objects.get(title="About projects")
    fr_page = translate(page, news_indexes["fr"].locale)
    response = client.get(f"{news_indexes['fr'].url}category/{fr_category.slug}/")
    assert response.status_code == 200
    assert titles(response) == [fr_page.title]
    assert fr_category.name in response.text
    # An English category slug is unknown in French.
    assert client.get(f"{news_indexes['fr'].url}category/projects/").status_code in (200, 404)


def test_tag_filter_and_route(client, news_index, make_news):
    make_news(news_index, title="Tagged", tags=["mooc"])
    make_news(news_index, title="Untagged")
    assert titles(client.get("/en/news/tag/mooc/")) == ["Tagged"]
    assert titles(client.get("/en/news/?tag=mooc")) == ["Tagged"]
    assert client.get("/en/news/tag/unknown/").status_code == 404
    assert client.get("/en/news/?tag=unknown").status_code == 404


def test_year_and_month_archive(client, news_index, make_news):
    make_news(news_index, title="May 2020", date=datetime.date(2020, 5, 20))
    make_news(news_index, title="June 2020", date=datetime.date(2020, 6, 2))
    make_news(news_index, title="2019", date=datetime.date(2019, 9, 1))
    assert titles(client.get("/en/news/2020/")) == ["June 2020", "May 2020"]
    assert titles(client.get("/en/news/2020/05/")) == ["May 2020"]
    assert titles(client.get("/en/news/?year=2019")) == ["2019"]
    index = client.get("/en/news/")
    assert 'href="/en/news/2020/"' in index.text
    assert 'href="/en/news/2019/"' in index.text
    year_page = client.get("/en/news/2020/")
    assert 'href="/en/news/2020/05/"' in year_page.text
    assert "News from 2020" in year_page.text
    # Years without news are an empty archive, not an error.
    assert client.get("/en/news/1999/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/en/news/2020/13/",
        "/en/news/2020/00/",
        "/en/news/0000/",
        "/en/news/99999/",
        "/en/news/abcd/",
        "/en/news/2020/5/",
        "/en/news/?year=abc",
        "/en/news/?year=0",
        "/en/news/?year=99999999999999999999",
        "/en/news/category/",
        "/en/news/tag/%00/",
        "/en/news/feed/xml/",
    ],
)
def test_bad_archive_input_is_404(client, news_index, make_news, url):
    make_news(news_index, date=datetime.date(2020, 5, 20))
    assert client.get(url).status_code == 404


def test_pagination(client, news_index, make_news, settings):
    settings.NEWS_PAGE_SIZE = 2
    for day in range(1, 6):
        make_news(news_index, title=f"Day {day}", date=datetime.date(2020, 1, day))
    assert titles(client.get("/en/news/")) == ["Day 5", "Day 4"]
    page2 = client.get("/en/news/?page=2")
    assert titles(page2) == ["Day 3", "Day 2"]
    assert 'rel="prev"' in page2.text and 'rel="next"' in page2.text
    assert titles(client.get("/en/news/?page=3")) == ["Day 1"]
    assert titles(client.get("/en/news/2020/01/?page=3")) == ["Day 1"]
    for bad in ["abc", "0", "-1", "4", "999999", "1.5", "9" * 5000, ""]:
        response = client.get("/en/news/", {"page": bad})
        assert response.status_code in (200, 404), bad
        if bad == "":
            assert response.status_code == 200
        else:
            assert response.status_code == 404, bad


def test_empty_index_first_page(client, news_index):
    response = client.get("/en/news/?page=1")
    assert response.status_code == 200
    assert "No news here yet." in response.text


def test_scheduled_and_expired_are_hidden_everywhere(client, home, news_index, make_news):
    visible = make_news(news_index, title="Visible", tags=["mooc"])
    future = NewsPageFactory(parent=news_index, title="Scheduled", tags=["mooc"], live=False)
    future.go_live_at = timezone.now() + datetime.timedelta(days=3)
    future.save_revision().publish()
    future.refresh_from_db()
    assert not future.live
    expired = make_news(news_index, title="Expired", tags=["mooc"])
    NewsPage.objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    urls = [
        "/en/news/",
        "/en/news/tag/mooc/",
        f"/en/news/{visible.date:%Y}/",
        "/en/news/feed/rss/",
        "/en/news/feed/atom/",
        "/en/",
        visible.url,
    ]
    # Expiry has one rule: Wagtail's publish_scheduled (run by the scheduler) unpublishes the
    # page, and then no reader shows it (none has an expiry filter of its own).
    call_command("publish_scheduled")
    expired.refresh_from_db()
    assert not expired.live and expired.expired
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Scheduled" not in response.text, url
        assert "Expired" not in response.text, url
    assert client.get(f"/en/news/{future.slug}/").status_code == 404
    assert client.get(expired.url).status_code == 404


def test_page_tree_rules(home, news_index):
    assert NewsIndexPage.can_create_at(home) is False  # one index per home page
    assert NewsPage.can_create_at(news_index)
    assert not NewsPage.can_create_at(home)
    assert NewsIndexPage.allowed_parent_page_models() == [HomePage]
    assert NewsIndexPage.allowed_subpage_models() == [NewsPage]
    assert NewsPage.allowed_subpage_models() == []
