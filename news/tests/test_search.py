"""Site search as it concerns news: only the current language, odd queries never fail."""

import pytest

from news.models import NewsPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def searchable(news_indexes, make_news, translate):
    article = make_news(
        news_indexes["en"], title="Cluster4Smart MOOC launched", intro="Online training."
    )
    translate(article, news_indexes["fr"].locale)
    return article


def test_search_returns_only_the_current_language(client, searchable):
    en = client.get("/en/search/", {"q": "MOOC"})
    assert en.status_code == 200
    assert "Cluster4Smart MOOC launched" in en.text
    assert "[fr] Cluster4Smart MOOC launched" not in en.text
    fr = client.get("/fr/search/", {"q": "MOOC"})
    assert "[fr] Cluster4Smart MOOC launched" in fr.text
    assert f'href="{searchable.url}"' not in fr.text
    assert client.get("/es/search/", {"q": "MOOC"}).text.count("news-card") == 0


def test_news_search_fields():
    names = {getattr(f, "field_name", None) for f in NewsPage.search_fields}
    assert {"title", "intro", "body", "listing_summary"} <= names


@pytest.mark.parametrize(
    "query",
    [
        "",
        " ",
        '"MOOC',
        '"unbalanced',
        "MOOC AND OR NOT",
        "NOT",
        "*",
        "MOOC*",
        "(MOOC",
        "MOOC)",
        "a" * 5000,
        "MOOC\x00\x01\x1f",
        "-MOOC +training",
        "MOOC:title",
        "'; DROP TABLE news_newspage; --",
        "école 🎓",
    ],
)
def test_odd_queries_never_fail(client, searchable, query):
    for prefix in ["en", "fr"]:
        response = client.get(f"/{prefix}/search/", {"q": query, "page": "2"})
        assert response.status_code == 200, query
        response = client.get(f"/{prefix}/search/", {"q": query})
        assert response.status_code == 200, query
