"""bench/build_large_site.py: bulk-inserted pages form a valid tree, are served like any other
page, and a second run adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page

from bench.build_large_site import Command
from home.projects.factories import ProjectIndexPageFactory
from news.factories import NewsIndexPageFactory
from news.models import NewsPage
from partners.factories import PartnerIndexPageFactory
from partners.models import PartnerPage
from training.factories import TrainingIndexPageFactory


@pytest.fixture
def sections(homes, locales):
    from conftest import tagged
    from home.pages.localization import translate_object

    news = NewsIndexPageFactory(parent=homes["en"])
    news.save_revision().publish()
    translate_object(news, locales["fr"], tagged("fr"), strict=False)
    for factory in (PartnerIndexPageFactory, ProjectIndexPageFactory, TrainingIndexPageFactory):
        factory(parent=homes["en"]).save_revision().publish()
    return news


def build():
    out = StringIO()
    call_command(
        Command(),
        "--news-per-locale=7",
        "--partners=3",
        "--projects=3",
        "--training=3",
        stdout=out,
    )
    return out.getvalue()


def test_builds_a_valid_tree_that_is_served(client, sections):
    output = build()
    assert "news [en]: 7/7" in output
    assert "news [fr]: 7/7" in output
    assert NewsPage.objects.filter(locale__language_code="fr").count() == 7
    assert PartnerPage.objects.count() == 3
    # Treebeard's own consistency check: paths, depths and child counts all agree.
    assert all(not problems for problems in Page.find_problems())
    article = NewsPage.objects.get(locale__language_code="en", slug="cluster-news-0")
    french = NewsPage.objects.get(locale__language_code="fr", slug="cluster-news-0")
    assert french.translation_key == article.translation_key
    response = client.get(article.url)
    assert response.status_code == 200
    assert 'hreflang="fr"' in response.text
    listing = client.get(sections.url)
    assert listing.status_code == 200
    assert "Cluster news 0" in listing.text
    assert client.get("/en/partners/bench-partner-2/").status_code == 200


def test_second_run_adds_nothing(sections):
    build()
    total = Page.objects.count()
    output = build()
    assert Page.objects.count() == total
    assert "already there" in output


def test_needs_the_demo_site(home):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="seed_demo"):
        call_command(Command(), "--news-per-locale=1", stdout=StringIO())
