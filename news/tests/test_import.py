"""The import_news command: RSS, Atom and WordPress exports, idempotent, bad items reported.
The WordPress import itself is tested in test_wordpress_import.py."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from news.importer import clean_rich_text
from news.models import NewsPage

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args):
    out = StringIO()
    call_command("import_news", *args, stdout=out)
    return out.getvalue()


def test_rss_import_is_sanitised_idempotent_and_reports_bad_items(news_indexes):
    out = run(str(FIXTURES / "feed.rss"), "--locale", "fr")
    assert "2 imported, 2 skipped." in out
    assert "skipped “Sans date”: no valid date" in out
    assert "no title" in out
    page = NewsPage.objects.get(source_guid="https://old.example.org/?p=1")
    assert page.locale.language_code == "fr"
    assert page.get_parent().id == news_indexes["fr"].id
    assert page.live and page.date.isoformat() == "2019-11-18"
    assert page.intro == "Le MOOC est ouvert."
    html = str(page.body[0].value)
    assert "<b>MOOC</b>" in html or "<strong>MOOC</strong>" in html
    assert "script" not in html and "onclick" not in html and "alert" not in html
    assert 'href="https://example.org/"' in html
    # The local image, relative to the export, became the featured image.
    assert page.featured_image is not None and page.featured_image.width == 64
    # Paths outside the export's folder are never read.
    outside = NewsPage.objects.get(source_guid="https://old.example.org/?p=4")
    assert outside.featured_image is None

    again = run(str(FIXTURES / "feed.rss"), "--locale", "fr")
    assert "0 imported, 4 skipped." in again
    assert "already imported" in again
    assert NewsPage.objects.filter(locale__language_code="fr").count() == 2


def test_atom_and_wordpress_import(news_indexes, client):
    out = run(str(FIXTURES / "feed.atom"), "--locale", "es")
    assert "1 imported, 0 skipped." in out
    page = NewsPage.objects.get(title="Final conference")
    assert page.locale.language_code == "es" and page.intro == "The consortium met."
    assert re.search(r"<h3[^>]*>Agenda</h3>", str(page.body[0].value))

    out = run(
        str(FIXTURES / "wordpress.xml"), "--locale", "fr", "--index-id", str(news_indexes["fr"].id)
    )
    # A WordPress export (WXR 1.2, http://) goes through the WordPress import
    # (news/tests/test_wordpress_import.py): the draft is a draft, the page is skipped.
    assert "News articles: 2 created" in out
    assert "1 pages are not imported without --pages-parent" in out
    wp = NewsPage.objects.get(source_guid="https://old.example.org/?p=100")
    assert wp.date.isoformat() == "2020-06-15" and wp.live
    assert wp.intro.startswith("Permettre aux clusters")
    assert client.get(wp.url).status_code == 200
    draft = NewsPage.objects.get(source_guid="https://old.example.org/?p=101")
    assert not draft.live and draft.locale.language_code == "fr"
    # A WordPress post is one article whatever the language asked for the next time.
    again = run(str(FIXTURES / "wordpress.xml"), "--locale", "hu")
    assert "News articles: 0 created, 2 unchanged" in again
    assert not NewsPage.objects.filter(locale__language_code="hu").exists()


def test_feed_html_that_stopped_the_converter_is_mended():
    # "AssertionError: Unmatched tags: expected br, got pre" before.
    assert clean_rich_text("<p>Line<br></pre> text</p>").endswith(">Line<br/> text</p>")
    assert "a<br/>b" in clean_rich_text("<pre>a<br>b</pre>")


@pytest.mark.parametrize(
    "args, message",
    [
        (["broken.xml", "--locale", "fr"], "Cannot read"),
        (["missing.xml", "--locale", "fr"], "Cannot read"),
        (["feed.rss", "--locale", "xx"], "Unknown language"),
        (["feed.rss", "--locale", "fr", "--index-id", "999999"], "No news index"),
    ],
)
def test_bad_input_is_a_clear_error(news_indexes, args, message):
    args = [str(FIXTURES / args[0]), *args[1:]]
    with pytest.raises(CommandError, match=message):
        run(*args)
