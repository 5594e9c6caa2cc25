"""Images on the public pages: renditions sized for each layout slot, WebP for the browsers that
accept it (a <picture> with a WebP <source> and a JPEG or PNG fallback), srcset and sizes, lazy
loading below the fold but never on the first (hero) image, alt text kept, and lists whose query
count does not grow with the number of images (their renditions are prefetched)."""

from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.pages.factories import PortalImageFactory, StandardPageFactory
from home.projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsPageAuthor
from partners.factories import PartnerIndexPageFactory, PartnerPageFactory

pytestmark = pytest.mark.django_db


class Pictures(HTMLParser):
    """Every <picture> of a page: its <source>s and its <img>, as attribute dicts."""

    def __init__(self, html):
        super().__init__()
        self.found = []
        self.current = None
        self.loose_images = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "picture":
            self.current = {"sources": [], "img": None}
        elif tag == "source" and self.current is not None:
            self.current["sources"].append(attrs)
        elif tag == "img":
            if self.current is None:
                self.loose_images.append(attrs)
            else:
                self.current["img"] = attrs

    def handle_endtag(self, tag):
        if tag == "picture" and self.current is not None:
            self.found.append(self.current)
            self.current = None


def pictures(response):
    assert response.status_code == 200
    parsed = Pictures(response.content.decode())
    # Every content image (renditions live under /images/) is inside a <picture>.
    assert not [i for i in parsed.loose_images if "/images/" in i.get("src", "")]
    return parsed.found


def widths(srcset):
    return [int(part.split()[1].rstrip("w")) for part in srcset.split(",")]


def check(picture, fallback, widths_expected, sizes):
    """A WebP source and a `fallback` <img>, both with the same widths and sizes."""
    (source,) = picture["sources"]
    img = picture["img"]
    assert source["type"] == "image/webp"
    assert all(url.split()[0].endswith(".webp") for url in source["srcset"].split(","))
    assert widths(source["srcset"]) == widths_expected
    assert source["sizes"] == img["sizes"] == sizes
    assert img["src"].endswith(f".{fallback}")
    assert widths(img["srcset"]) == widths_expected
    assert img["width"] and img["height"]
    return img


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def count_queries(client, url):
    client.get(url)  # renditions are created on the first view, once per image
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.fixture
def image():
    # Large enough for every rendition to be made at its full size (no upscaling).
    return PortalImageFactory(
        description="Cluster managers in a workshop", file__width=1600, file__height=1000
    )


def test_home_hero_is_a_webp_picture_loaded_at_once(client, home, image):
    home.hero_image = image
    publish(home)
    (hero,) = pictures(client.get("/en/"))
    img = check(hero, "jpg", [480, 720, 1080], "(max-width: 60rem) 100vw, 45rem")
    assert "loading" not in img  # the first image of the page: never lazy
    assert img["fetchpriority"] == "high"
    assert img["alt"] == "Cluster managers in a workshop"
    assert img["class"] == "hero__image"


def test_news_lists_and_article_images(client, home, image):
    index = publish(NewsIndexPageFactory(parent=home))
    photo = PortalImageFactory(description="Portrait", file__width=400, file__height=400)
    articles = [
        publish(NewsPageFactory(parent=index, featured_image=image, slug=f"a{n}")) for n in range(3)
    ]
    cards = pictures(client.get(index.url))
    assert len(cards) == 3
    for n, card in enumerate(cards):
        img = check(card, "jpg", [480, 720], "(max-width: 40rem) 100vw, 22rem")
        assert img["alt"] == ""  # the card's title says it all
        # The first card may be in view: loaded at once; the others lazily.
        assert img["loading"] == ("eager" if n == 0 else "lazy")

    # The home page's news section is below the hero: lazy.
    home_cards = pictures(client.get("/en/"))
    assert home_cards and all(c["img"]["loading"] == "lazy" for c in home_cards)

    article = articles[0]
    NewsPageAuthor.objects.create(page=article, name="Ana", photo=photo, locale=article.locale)
    publish(article)
    featured, *rest = pictures(client.get(article.url))
    img = check(featured, "jpg", [480, 800, 1200], "(max-width: 50rem) 100vw, 50rem")
    assert "loading" not in img and img["fetchpriority"] == "high"
    assert img["alt"] == "Cluster managers in a workshop"
    author = next(p for p in rest if p["img"]["alt"] == "" and p["img"]["width"] == "96")
    check(author, "jpg", [96, 192], "96px")
    assert author["img"]["loading"] == "lazy"
    # Related articles further down: lazy.
    assert all(p["img"]["loading"] == "lazy" for p in rest)


def test_figure_block_keeps_its_alt_text_and_is_lazy(client, home, image):
    page = StandardPageFactory(parent=home, slug="gallery")
    page.body = [
        ("image", {"image": {"image": image, "alt_text": "The Lyon meeting", "decorative": False}})
    ]
    publish(page)
    (figure,) = pictures(client.get(page.url))
    img = check(figure, "jpg", [480, 800, 1200], "(max-width: 50rem) 100vw, 50rem")
    assert img["alt"] == "The Lyon meeting"
    assert img["loading"] == "lazy"


def test_partner_and_project_logos(client, home):
    def logo(n):
        return PortalImageFactory(
            description=f"Logo {n}", file__width=800, file__height=400, file__format="PNG"
        )

    partners = publish(PartnerIndexPageFactory(parent=home))
    for n in range(3):
        publish(PartnerPageFactory(parent=partners, title=f"Partner {n}", logo=logo(n)))
    cards = pictures(client.get(partners.url))
    assert len(cards) == 3
    for n, card in enumerate(cards):
        img = check(card, "png", [240, 480], "240px")  # logos keep their transparency
        assert img["alt"].startswith("Logo ")  # the image's description
        assert img["loading"] == ("eager" if n == 0 else "lazy")
    partner = partners.get_children().live().first().specific
    (top,) = pictures(client.get(partner.url))
    img = check(top, "png", [320, 640], "320px")
    assert "loading" not in img and img["alt"] == partner.logo.description

    projects = publish(ProjectIndexPageFactory(parent=home))
    for n in range(3):
        publish(ProjectPageFactory(parent=projects, slug=f"p{n}", logo=logo(10 + n)))
    cards = pictures(client.get(projects.url))
    assert len(cards) == 3
    for n, card in enumerate(cards):
        img = check(card, "png", [160, 320], "160px")
        assert img["alt"] == ""  # the project's title follows
        assert img["loading"] == ("eager" if n == 0 else "lazy")
    project = projects.get_children().live().first().specific
    (top,) = pictures(client.get(project.url))
    img = check(top, "png", [240, 480], "240px")
    assert "loading" not in img and img["alt"] == project.logo.description


def test_lists_cost_the_same_queries_with_more_images(client, home, settings):
    """Every list prefetches its images' renditions: a page of 2 images costs the same as a
    page of 6 (news index, home news section, partner index, project index)."""
    settings.NEWS_PAGE_SIZE = settings.PARTNERS_PAGE_SIZE = settings.PROJECTS_PAGE_SIZE = 6
    news = publish(NewsIndexPageFactory(parent=home))
    partners = publish(PartnerIndexPageFactory(parent=home))
    projects = publish(ProjectIndexPageFactory(parent=home))
    urls = ["/en/", news.url, partners.url, projects.url]

    def add(n, start):
        for i in range(start, start + n):
            publish(NewsPageFactory(parent=news, slug=f"n{i}", featured_image=PortalImageFactory()))
            publish(PartnerPageFactory(parent=partners, slug=f"o{i}", logo=PortalImageFactory()))
            publish(ProjectPageFactory(parent=projects, slug=f"p{i}", logo=PortalImageFactory()))

    add(2, 0)
    few = {url: count_queries(client, url) for url in urls}
    add(4, 2)
    many = {url: count_queries(client, url) for url in urls}
    assert many == few
    assert len(pictures(client.get(news.url))) == 6
