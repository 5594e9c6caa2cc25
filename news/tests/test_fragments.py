"""An article's related articles, previous/next and linked pages are kept as fragments until
content changes (home.pagecache.fragments): the next request reads none of them, a new related
article shows on the next request, and a preview always shows the editor's unsaved relations,
even after the live article's fragments were stored."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.tests.test_preview import about, article_form, preview  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.text, len(queries)


def test_the_related_articles_are_reused_until_content_changes(
    client, news_index, make_news, category, funding
):
    make_news(news_index, title="Kick-off in Lyon", slug="lyon", categories=[category])
    article = make_news(news_index, title="Course launch", slug="launch", categories=[category])
    first, first_queries = get(client, article.url)
    again, again_queries = get(client, article.url)
    assert again == first and "Kick-off in Lyon" in again
    assert again_queries < first_queries

    make_news(news_index, title="BRILLIANT kicks off", slug="brilliant", categories=[category])
    html, _ = get(client, article.url)
    assert "BRILLIANT kicks off" in html


def test_a_preview_after_the_live_article_shows_its_unsaved_related_page(
    admin_client,
    client,
    news_index,
    about,  # noqa: F811 (the fixture imported above)
    make_news,
    funding,
):
    article = make_news(news_index, title="Course launch", slug="course-launch")
    assert f'href="{about.url}"' not in client.get(article.url).text  # fragments stored
    url = f"/admin/pages/{article.id}/edit/preview/"
    html = preview(admin_client, url, article_form(related=[about], title="Course launch"))
    assert f'href="{about.url}"' in html
    assert f'href="{about.url}"' not in client.get(article.url).text
