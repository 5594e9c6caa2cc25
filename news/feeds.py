"""RSS 2.0 and Atom feeds of a news index (all its articles, or one category's), built with
Django's syndication framework and served by the index's routes:
/<lang>/<index>/feed/rss/, …/feed/atom/, …/category/<slug>/feed/rss/ and …/feed/atom/."""

import mimetypes

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

from home.pages.addresses import absolute_url

from .views import localized_categories, with_images

ENCLOSURE_SPEC = "fill-1200x630|format-jpeg"


class NewsFeed(Feed):
    """The latest articles of one index (and optionally one category), in its language."""

    def __init__(self, index, request, kind, category=None):
        super().__init__()
        self.index = index
        self.request = request
        self.category = category
        self.feed_type = Atom1Feed if kind == "atom" else Rss201rev2Feed
        self.language = index.locale.language_code
        self.kind = kind

    def get_object(self, request, *args, **kwargs):
        return self.index

    def title(self, obj):
        if self.category is not None:
            return f"{obj.title}: {self.category.name}"
        return obj.title

    def link(self, obj):
        url = absolute_url(self.request, obj)
        if self.category is not None:
            url += obj.reverse_subpage("category_route", args=[self.category.slug])
        return url

    def feed_url(self, obj):
        return self.request.build_absolute_uri(self.request.path)

    def description(self, obj):
        return obj.intro or obj.search_description or obj.title

    def subtitle(self, obj):
        return self.description(obj)

    def items(self, obj):
        news = obj.news(category=self.category)
        # No DISTINCT (nothing is joined that could repeat an article): with one, PostgreSQL
        # read and sorted every article of the index; without, it walks the date index from
        # the newest and stops after NEWS_FEED_SIZE.
        ids = list(news.values_list("pk", flat=True)[: settings.NEWS_FEED_SIZE])
        pages = {
            p.pk: p
            for p in with_images(obj.news().filter(pk__in=ids)).prefetch_related(
                "categories", "authors"
            )
        }
        items = [pages[pk] for pk in ids if pk in pages]
        return localized_categories(items, obj.locale_id)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.get_summary()

    def item_link(self, item):
        return absolute_url(self.request, item)

    def item_guid(self, item):
        return absolute_url(self.request, item)

    def item_guid_is_permalink(self, item):
        return True

    def item_pubdate(self, item):
        return item.published_datetime

    def item_updateddate(self, item):
        return item.last_published_at or item.published_datetime

    def item_author_name(self, item):
        names = [author.name for author in item.authors.all()]
        return ", ".join(names) or None

    def item_categories(self, item):
        return [c.name for c in item.display_categories]

    def item_enclosures(self, item):
        image = item.featured_image
        if image is None:
            return []
        rendition = image.get_rendition(ENCLOSURE_SPEC)
        try:
            length = rendition.file.size
        except OSError:
            return []
        mime = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
        return [Enclosure(self.request.build_absolute_uri(rendition.url), str(length), mime)]


def serve_feed(index, request, kind, category_slug=None):
    category = None
    if category_slug is not None:
        category = index.categories().filter(slug=category_slug).first()
        if category is None:
            raise Http404(_("Unknown category."))
    response = NewsFeed(index, request, kind, category)(request)
    response["Content-Language"] = index.locale.language_code
    return response
