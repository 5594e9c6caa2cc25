"""The layout's fragments (the menu, the footer) and the home page's sections are rendered once
per content generation and reused (Django's fragment cache, home.pagecache.fragments): the next
request costs fewer queries, a change shows on the next request, and what differs between pages
and languages (the current menu item, the footer's language) is in the key. The page cache is
off in these tests."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.pages.factories import StandardPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.text, len(queries)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def sections(home, funding):
    about = publish(
        StandardPageFactory(parent=home, title="About", slug="about", show_in_menus=True)
    )
    news = publish(NewsIndexPageFactory(parent=home, title="News", slug="news", show_in_menus=True))
    publish(NewsPageFactory(parent=news, title="Cluster managers meet in Lyon", slug="lyon"))
    return about, news


def test_the_home_page_s_sections_are_reused_until_content_changes(client, sections):
    _about, news = sections
    first, first_queries = get(client, "/en/")
    again, again_queries = get(client, "/en/")
    assert again == first and "Cluster managers meet in Lyon" in again
    assert again_queries < first_queries  # the latest news were not read again

    publish(NewsPageFactory(parent=news, title="BRILLIANT kicks off", slug="brilliant"))
    html, _ = get(client, "/en/")
    assert "BRILLIANT kicks off" in html and "Cluster managers meet in Lyon" in html


def test_the_shared_menu_marks_the_page_s_own_section(client, sections):
    about_html, _ = get(client, "/en/about/")
    news_html, _ = get(client, "/en/news/")
    article_html, _ = get(client, "/en/news/lyon/")
    assert 'href="/en/about/" aria-current="page">About<' in about_html
    assert 'href="/en/news/">News<' in about_html
    assert 'href="/en/news/" aria-current="page">News<' in news_html
    assert 'href="/en/news/" aria-current="page">News<' in article_html
    assert 'href="/en/about/">About<' in article_html


def test_a_renamed_menu_page_and_an_edited_footer_show_on_the_next_request(
    client, sections, funding
):
    about, _news = sections
    get(client, "/en/news/")
    about.title = "Who we are"
    publish(about)
    funding.disclaimer = "The European Commission is not responsible (edited)."
    funding.save()
    html, _ = get(client, "/en/news/")
    assert ">Who we are<" in html and "(edited)" in html


def test_each_language_has_its_own_footer(client, homes, funding):
    english, _ = get(client, "/en/")
    french, _ = get(client, "/fr/")
    assert 'lang="fr"' in french
    assert "Erasmus+" in english
    # The footer's own words are translated: the French page does not reuse the English one.
    assert "Newsletter" in english
    assert english.split("<footer")[1] != french.split("<footer")[1]
