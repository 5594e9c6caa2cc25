"""The URLs the benchmark loads, one per public page type, found in the database (run inside
Django: `manage.py shell -c "from bench.pages import main; main()"` prints them as JSON)."""

import json

from django.conf import settings
from wagtail.models import Locale


def page_urls():
    from home.models import StandardPage
    from home.projects.models import ProjectIndexPage, ProjectPage
    from news.models import NewsIndexPage
    from partners.models import PartnerIndexPage, PartnerPage
    from training.models import TrainingIndexPage, TrainingResourcePage

    locale = Locale.get_default()

    def first(model, **filters):
        page = model.objects.live().filter(locale=locale, **filters).order_by("path").first()
        return page.url if page else None

    news_index = NewsIndexPage.objects.live().filter(locale=locale).first()
    latest = news_index.news().first() if news_index else None
    # Page 50 of the index, or its last page on a site with fewer articles (the small site).
    pages = -(-news_index.news().count() // settings.NEWS_PAGE_SIZE) if news_index else 0
    crowded = crowded_article(news_index) if news_index else None
    urls = {
        "home": "/en/",
        "standard page": first(StandardPage),
        "news index": news_index.url if news_index else None,
        "news index, page 50": f"{news_index.url}?page={min(50, pages)}" if pages > 1 else None,
        "news archive (month)": (
            news_index.url + f"{latest.date:%Y/%m}/" if news_index and latest else None
        ),
        "news feed (RSS)": news_index.url + "feed/rss/" if news_index else None,
        "news page": latest.url if latest else None,
        # The worst case for the related articles and previous/next: the article that shares
        # the most categories' articles (the seed article's categories, shared by every
        # article of the large site), its oldest one.
        "news page, largest category": crowded.url if crowded else None,
        "news index, last page": f"{news_index.url}?page={pages}" if pages > 1 else None,
        "partner index": first(PartnerIndexPage),
        "partner page": first(PartnerPage),
        "project index": first(ProjectIndexPage),
        "project page": first(ProjectPage),
        "training index": first(TrainingIndexPage),
        "training page": first(TrainingResourcePage),
        "search": "/en/search/?q=cluster",
        "sitemap": "/sitemap.xml",
        "sitemap, a language": "/sitemap-en.xml",
    }
    return {name: url for name, url in urls.items() if url}


def crowded_article(news_index):
    """The article of `news_index` in its largest category (by the articles of the index's
    language in that category or a translation of it), the one with the most categories, then
    the oldest."""
    from django.db.models import Count

    from news.models import NewsCategory, in_category

    news = news_index.news()
    sizes = {
        category: news.filter(in_category(category)).count()
        for category in NewsCategory.objects.filter(locale_id=news_index.locale_id)
    }
    if not sizes or not max(sizes.values()):
        return None
    largest = max(sizes, key=sizes.get)
    return (
        news.filter(in_category(largest))
        .annotate(shared=Count("categories"))
        .order_by("-shared", "date", "pk")
        .first()
    )


def main():
    print(json.dumps(page_urls()))
