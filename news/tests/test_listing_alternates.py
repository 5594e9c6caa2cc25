"""A filtered news listing (category, tag, year and month archives, later pages) names itself
and, in each other language, the same listing where it exists there (the category's
translation, the same tag, the same month, the same page number if that language has that
many pages), else no alternate; the language switcher follows the same rule. Read through
HTTP in every language."""

import datetime
import html
import re

import pytest

from news.factories import NewsCategoryFactory

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def head_links(response):
    """({hreflang: URL} of the alternates, the canonical URL)."""
    assert response.status_code == 200
    head = response.text.split("</head>")[0]
    alternates = {
        code: html.unescape(url)
        for code, url in re.findall(
            r'<link rel="alternate" hreflang="([^"]+)" href="([^"]*)">', head
        )
    }
    (canonical,) = re.findall(r'<link rel="canonical" href="([^"]*)">', head)
    return alternates, html.unescape(canonical)


def switcher(response):
    """{language code: the switcher's link} (None for the current language)."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', response.text, re.S).group(0)
    links = {}
    for item in re.findall(r"<li>(.*?)</li>", nav, re.S):
        link = re.search(r'<a href="([^"]*)" lang="([^"]+)"', item)
        if link:
            links[link.group(2)] = html.unescape(link.group(1))
        else:
            links[re.search(r'lang="([^"]+)"', item).group(1)] = None
    return links


@pytest.fixture
def site_news(homes, news_index, locales, make_news, category, translate):
    """The news index in English, French and Spanish (not Hungarian); the category translated
    into French only; three English articles of March 2024 in the category, tagged "mooc",
    two of them translated into French and one into Spanish."""
    indexes = {"en": news_index}
    for code in ("fr", "es"):
        indexes[code] = translate(news_index, locales[code])
    NewsCategoryFactory(
        name="Projets",
        slug="projets",
        locale=locales["fr"],
        translation_key=category.translation_key,
    )
    articles = []
    for day in (1, 2, 3):
        article = make_news(
            news_index,
            title=f"March {day}",
            date=datetime.date(2024, 3, day),
            categories=[category],
        )
        article.tags.add("mooc")
        article.save_revision().publish()
        articles.append(article)
    for article in articles[:2]:
        translate(article, locales["fr"])
    translate(articles[0], locales["es"])
    return {code: index.url for code, index in indexes.items()}


def expect(response, wanted, current):
    """The listing's hreflang alternates are `wanted` ({code: path}), its canonical its own,
    and its switcher leads to the same listings (to the home page where there is none)."""
    alternates, canonical = head_links(response)
    assert canonical == BASE + wanted[current]
    x_default = wanted.get("en") or next(iter(wanted.values()))
    assert alternates == {
        **{code: BASE + path for code, path in wanted.items()},
        "x-default": BASE + x_default,
    }
    links = switcher(response)
    for code in ("en", "fr", "es", "hu"):
        if code == current:
            assert links[code] is None
        else:
            assert links[code] == wanted.get(code, f"/{code}/"), code


@pytest.fixture
def small_pages(settings):
    settings.NEWS_PAGE_SIZE = 1


def test_a_category_listing_names_the_categorys_translations(client, site_news):
    wanted = {
        "en": site_news["en"] + "category/projects/",
        "fr": site_news["fr"] + "category/projets/",
    }
    for code in wanted:
        expect(client.get(wanted[code]), wanted, code)
    # Spanish has the index but not the category: its unfiltered index is no alternate.
    (spanish,) = [url for code, url in site_news.items() if code == "es"]
    alternates, _canonical = head_links(client.get(wanted["en"]))
    assert BASE + spanish not in alternates.values()


def test_archives_and_tags_name_the_same_listing_in_every_language_with_the_index(
    client, site_news
):
    for suffix in ("2024/", "2024/03/", "tag/mooc/", "2024/03/?tag=mooc"):
        wanted = {code: url + suffix for code, url in site_news.items()}
        for code in wanted:
            expect(client.get(wanted[code]), wanted, code)


def test_a_later_page_names_the_same_page_where_that_language_has_it(
    client, site_news, small_pages
):
    # Page 2: English has three articles, French two, Spanish one.
    wanted = {code: site_news[code] + "?page=2" for code in ("en", "fr")}
    for code in wanted:
        expect(client.get(wanted[code]), wanted, code)
    wanted = {"en": site_news["en"] + "?page=3"}
    expect(client.get(wanted["en"]), wanted, "en")
    wanted = {
        "en": site_news["en"] + "category/projects/?page=2",
        "fr": site_news["fr"] + "category/projets/?page=2",
    }
    for code in wanted:
        expect(client.get(wanted[code]), wanted, code)


def test_the_unfiltered_index_names_its_translations(client, site_news):
    expect(client.get(site_news["en"]), site_news, "en")
    expect(client.get(site_news["es"]), site_news, "es")
