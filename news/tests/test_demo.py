"""The news demo content: seeded in every language, idempotent, and what the index, archive
and feeds show."""

from io import StringIO

import feedparser
import pytest

from home import demo as home_demo
from home.demo.site import DemoSite
from news import demo as news_demo
from news.models import NewsCategory, NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def seed():
    demo = DemoSite(stdout=StringIO())
    home_demo.seed(demo)
    news_demo.seed(demo)
    return demo


def test_news_demo_is_idempotent_and_translated(client, site):
    seed()
    counts = (NewsPage.objects.count(), NewsCategory.objects.count())
    assert counts == (7 * 4, 3 * 4)
    again = seed()
    assert again.created == 0
    assert (NewsPage.objects.count(), NewsCategory.objects.count()) == counts
    assert NewsIndexPage.objects.filter(live=True, show_in_menus=True).count() == 4

    for prefix, title in [
        ("/en/news/", "European project Cluster4Smart paves the way for new projects"),
        ("/fr/actualites/", "Le projet européen Cluster4Smart ouvre la voie à de nouveaux projets"),
        ("/es/noticias/", "El proyecto europeo Cluster4Smart abre el camino a nuevos proyectos"),
        ("/hu/hirek/", "Az európai Cluster4Smart projekt utat nyit új projekteknek"),
    ]:
        response = client.get(prefix)
        assert response.status_code == 200, prefix
        assert title in response.text
        assert client.get(f"{prefix}2020/").status_code == 200
        assert client.get(f"{prefix}2020/06/").status_code == 200
        feed = feedparser.parse(client.get(f"{prefix}feed/rss/").content)
        assert not feed.bozo
        assert len(feed.entries) == 7
        assert feed.feed.language == prefix.split("/")[1]
        article = NewsPage.objects.get(title=title)
        page = client.get(article.url)
        assert page.status_code == 200
        assert article.date.isoformat() == "2020-06-15"
    assert client.get("/fr/actualites/category/projets/").status_code == 200
    assert client.get("/hu/hirek/category/kepzes/").status_code == 200
    home = client.get("/es/").text
    assert "El proyecto europeo Cluster4Smart abre el camino" in home
