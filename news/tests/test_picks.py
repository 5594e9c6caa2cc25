"""An article's related articles and its previous/next links (picked with the plain SQL of
news.picks) are what the ORM's definition of them gives, on SQLite and PostgreSQL: live,
public, unexpired articles of the article's language, sharing a category (or a translation of
it) or a tag, newest first; the neighbours among its own index's articles by date, ties broken
by id."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.db.models import Q
from wagtail.models import PageViewRestriction

from home.pages.factories import StandardPageFactory
from news.factories import NewsCategoryFactory, NewsIndexPageFactory
from news.models import NewsPage, NewsPageRelatedPage, live_news

from .conftest import days_ago, publish

pytestmark = pytest.mark.django_db


def related_titles(html):
    match = re.search(r'id="news-related-heading".*?</section>', html, re.S)
    if not match:
        return []
    return re.findall(r'class="news-card__title"><a href="[^"]*">([^<]*)</a>', match.group(0))


def link(html, rel):
    match = re.search(rf'rel="{rel}" href="([^"]*)"', html)
    return match.group(1) if match else None


def expected(page):
    """The ORM's answer: (related titles, previous URL, next URL)."""
    keys = list(page.categories.values_list("translation_key", flat=True))
    tag_ids = list(page.tags.values_list("pk", flat=True))
    news = live_news().filter(locale_id=page.locale_id)
    related = (
        news.filter(Q(categories__translation_key__in=keys) | Q(tags__in=tag_ids))
        .exclude(pk=page.pk)
        .distinct()
        .order_by("-date", "-first_published_at", "-pk")[:3]
    )
    siblings = news.sibling_of(page, inclusive=False)
    older = (
        siblings.filter(Q(date__lt=page.date) | Q(date=page.date, pk__lt=page.pk))
        .order_by("-date", "-pk")
        .first()
    )
    newer = (
        siblings.filter(Q(date__gt=page.date) | Q(date=page.date, pk__gt=page.pk))
        .order_by("date", "pk")
        .first()
    )
    return (
        [p.title for p in related] if keys or tag_ids else [],
        older and older.url,
        newer and newer.url,
    )


def test_every_article_shows_the_related_and_neighbouring_articles_the_orm_defines(
    client, home, news_indexes, make_news, category, translate, locales
):
    events = NewsCategoryFactory(name="Events", slug="events")
    index = news_indexes["en"]
    other_index = publish(NewsIndexPageFactory(parent=home, title="Press", slug="press"))
    same_day = datetime.date(2024, 5, 1)
    made = [
        make_news(index, title="Main", categories=[category], tags=["mooc"], date=same_day),
        make_news(index, title="Same day, same category", categories=[category], date=same_day),
        make_news(index, title="Same day, tag", tags=["mooc"], date=same_day),
        make_news(index, title="Both", categories=[category, events], tags=["mooc"]),
        make_news(index, title="Events only", categories=[events], date=same_day),
        make_news(index, title="Untagged", date=datetime.date(2019, 1, 1)),
        make_news(index, title="Old match", tags=["mooc"], date=datetime.date(2001, 1, 1)),
        make_news(other_index, title="Press match", categories=[category], date=same_day),
    ]
    expired = make_news(index, title="Expired match", categories=[category])
    NewsPage.objects.filter(pk=expired.pk).update(expire_at=days_ago(1))
    call_command("publish_scheduled")  # expiry unpublishes (the scheduler runs it)
    draft = make_news(index, title="Draft match", categories=[category])
    draft.unpublish()
    private = make_news(index, title="Private match", tags=["mooc"])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    # Translated into French: French articles relate through the English category.
    made.append(translate(made[1], locales["fr"]))
    made.append(translate(made[0], locales["fr"]))

    for page in made:
        page = NewsPage.objects.get(pk=page.pk)
        html = client.get(page.url).text
        related, previous, next_ = expected(page)
        assert related_titles(html) == related, page.title
        assert link(html, "prev") == previous, page.title
        assert link(html, "next") == next_, page.title
    # Related articles come from any index of the language (the press index too); never
    # an expired, draft or private one.
    main = related_titles(client.get(made[0].url).text)
    assert len(main) == 3 and "Press match" in main
    assert not {"Expired match", "Draft match", "Private match"} & set(main)


def linked_titles(html):
    match = re.search(r'id="news-related-pages-heading".*?</section>', html, re.S)
    return re.findall(r'<li><a href="[^"]*">([^<]*)</a></li>', match.group(0)) if match else []


def test_linked_pages_are_shown_in_link_order_in_the_readers_language_if_live_and_public(
    client, home, homes, news_indexes, make_news, translate, locales
):
    project = publish(StandardPageFactory(parent=home, title="BRILLIANT", slug="brilliant"))
    partner = publish(StandardPageFactory(parent=home, title="SCS", slug="scs"))
    draft = StandardPageFactory(parent=home, title="Draft", slug="draft", live=False)
    private = publish(StandardPageFactory(parent=home, title="Private", slug="private"))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    fr_project = translate(project, locales["fr"])
    article = make_news(news_indexes["en"], title="About them")
    for n, target in enumerate((partner, draft, private, project, fr_project)):
        article.related_pages.add(NewsPageRelatedPage(target=target, sort_order=n))
    publish(article)
    assert linked_titles(client.get(article.url).text) == ["SCS", "BRILLIANT"]
    fr_article = NewsPage.objects.get(pk=translate(article, locales["fr"]).pk)
    # In French: the French BRILLIANT, the untranslated SCS as linked; in link order.
    assert linked_titles(client.get(fr_article.url).text) == ["SCS", fr_project.title]
