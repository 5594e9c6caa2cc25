"""The newsroom: a news index per language and the news articles under it.

Page tree (one per locale, kept in step by wagtail-localize):

    HomePage
    └── NewsIndexPage (/en/news/, /fr/actualites/, /es/noticias/, /hu/hirek/; one per home page)
        └── NewsPage (an article)

Categories are a translatable snippet (`NewsCategory`); tags are free keywords (django-taggit);
authors are an inline list on each article; related pages (projects, partners, any page) are an
inline list of links to `wagtailcore.Page`, so new page types can be linked without a schema
change. Articles are listed, filtered, archived and syndicated by the index (see `views.py` and
`feeds.py`).
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import BasePage
from home.pages.blocks import BodyBlock

from . import feeds, views
from .forms import NewsPageForm


class NewsCategory(TranslatableMixin, models.Model):
    """A news category (Projects, Training, Events…), translated like the pages it sorts.
    Its slug is translated too, so that category URLs read in each language."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=True,
        help_text=_("The category's address in URLs, e.g. “projects”."),
    )
    description = models.TextField(_("description"), blank=True)

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("slug"),
        TranslatableField("description"),
    ]

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="news_category_unique_slug")
        ]

    def __str__(self):
        return self.name


def live_news():
    """Articles visitors may see (`visible()`: live and public; expiry unpublishes them
    through Wagtail's `publish_scheduled`, which the scheduler runs)."""
    return NewsPage.objects.visible()


def in_category(category):
    """A filter for articles in `category` or one of its translations (a translated article
    keeps its source's categories, in the source's language). A subquery, not a join: an
    article is listed once without a DISTINCT, which made the database read and sort every
    article of the index before it could return the newest few."""
    through = NewsPage.categories.through
    return Exists(
        through.objects.filter(
            newspage_id=OuterRef("pk"), newscategory__translation_key=category.translation_key
        )
    )


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The news section of one language: lists its articles newest first, with filters by
    category, tag and year, a year/month archive and RSS/Atom feeds (see `views.py`)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1
    # The query parameters its listing reads (views.news_listing, pagination): the page cache
    # stores no response to a request with others (home/pagecache/cache.py).
    cache_query_params = ("category", "tag", "year", "page")

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("listing_summary"),
        SynchronizedField("social_image"),
        SynchronizedField("show_in_menus"),
        TranslatableField("intro"),
    ]

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    def news(self, category=None, tag=None):
        """Live, public articles of this index, in this index's language, newest first; those
        in `category` (or one of its translations) and tagged `tag` when given."""
        news = (
            live_news()
            .child_of(self)
            .filter(locale_id=self.locale_id)
            .order_by("-date", "-first_published_at", "-pk")
        )
        if category is not None:
            news = news.filter(in_category(category))
        if tag is not None:
            news = news.filter(
                Exists(NewsPageTag.objects.filter(content_object_id=OuterRef("pk"), tag=tag))
            )
        return news

    def categories(self):
        return NewsCategory.objects.filter(locale_id=self.locale_id)

    # Routes: every archive and filter has its own URL; the handlers live in views.py.
    @path("")
    def index_route(self, request):
        return views.news_listing(self, request)

    @re_path(r"^(?P<year>[0-9]{4})/$")
    def year_route(self, request, year):
        return views.news_listing(self, request, year=int(year))

    @re_path(r"^(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$")
    def month_route(self, request, year, month):
        return views.news_listing(self, request, year=int(year), month=int(month))

    @path("category/<str:slug>/")
    def category_route(self, request, slug):
        return views.news_listing(self, request, category_slug=slug)

    @path("tag/<str:slug>/")
    def tag_route(self, request, slug):
        return views.news_listing(self, request, tag_slug=slug)

    @re_path(r"^feed/(?P<kind>rss|atom)/$")
    def feed_route(self, request, kind):
        return feeds.serve_feed(self, request, kind)

    @re_path(r"^category/(?P<slug>[^/]+)/feed/(?P<kind>rss|atom)/$")
    def category_feed_route(self, request, slug, kind):
        return feeds.serve_feed(self, request, kind, category_slug=slug)


class NewsPage(BasePage):
    """A news article: dated, with a lead, a featured image, a body, categories, tags,
    authors and links to the projects, partners or other pages it is about."""

    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("The date shown on the article. Defaults to the date it is first published."),
    )
    intro = models.TextField(
        _("lead"),
        blank=True,
        help_text=_("One or two sentences that sum up the article; used in lists and feeds."),
    )
    featured_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("featured image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Its description is used as the alternative text and its credit is shown."),
    )
    featured_image_caption = models.CharField(
        _("featured image caption"), max_length=255, blank=True
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    categories = ParentalManyToManyField(
        NewsCategory, verbose_name=_("categories"), blank=True, related_name="news_pages"
    )
    tags = ClusterTaggableManager(through=NewsPageTag, verbose_name=_("tags"), blank=True)
    source_guid = models.CharField(
        _("source GUID"),
        max_length=500,
        blank=True,
        editable=False,
        db_index=True,
        help_text=_("Identifier of the article on the site it was imported from."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("date"), FieldPanel("intro")], heading=_("Article")),
        MultiFieldPanel(
            [FieldPanel("featured_image"), FieldPanel("featured_image_caption")],
            heading=_("Featured image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("categories", widget=forms.CheckboxSelectMultiple), FieldPanel("tags")],
            heading=_("Categories and tags"),
        ),
        InlinePanel("authors", label=_("Authors"), heading=_("Authors")),
        InlinePanel("related_pages", label=_("Related pages"), heading=_("Related pages")),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("featured_image_caption"),
        index.AutocompleteField("intro"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("categories", [index.SearchField("name")]),
        index.FilterField("date"),
        index.FilterField("locale"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    serve_select_related = ("featured_image", "social_image")  # shown and shared
    base_form_class = NewsPageForm  # categories in the article's language only

    # Text is translated; dates, images, categories, tags and links are kept in step with the
    # source (categories and related pages are shown in the reader's language at runtime).
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("listing_summary"),
        SynchronizedField("social_image"),
        SynchronizedField("show_in_menus"),
        SynchronizedField("date"),
        TranslatableField("intro"),
        SynchronizedField("featured_image"),
        TranslatableField("featured_image_caption"),
        TranslatableField("body"),
        SynchronizedField("categories"),
        SynchronizedField("tagged_items"),
        TranslatableField("authors"),
        SynchronizedField("related_pages"),
        SynchronizedField("source_guid"),
    ]

    class Meta:
        verbose_name = _("news page")
        verbose_name_plural = _("news pages")
        # Previous/next (news.picks.neighbours) walk the articles by (date, id) from the
        # article's own position; the related articles walk them by date.
        indexes = [models.Index(fields=["date", "page_ptr"], name="news_page_date_id")]

    def clean(self):
        # An imported article's GUID is unique per language (the locale lives on Page's
        # table, so this cannot be a database constraint); translations share it.
        super().clean()
        if self.source_guid:
            clash = NewsPage.objects.filter(locale_id=self.locale_id, source_guid=self.source_guid)
            if self.pk:
                clash = clash.exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError(
                    {"source_guid": _("Another article was imported from this source.")}
                )

    def save(self, *args, **kwargs):
        # The display date defaults to the (scheduled) first publication.
        if self.date is None:
            moment = self.go_live_at or self.first_published_at
            if moment is not None:
                self.date = timezone.localdate(moment)
        return super().save(*args, **kwargs)

    @classmethod
    def visible(cls):
        """The articles visitors may see (`live_news()`), for the modules that are handed an
        article and reach its model through it (news.picks)."""
        return live_news()

    def get_social_image(self):
        return self.social_image or self.featured_image

    @property
    def published_datetime(self):
        """The display date as a moment: the first publication when it fell on that day,
        otherwise noon (site time), which keeps the same calendar day in most time zones."""
        first = self.first_published_at
        if self.date is None:
            return first
        if first is not None and timezone.localdate(first) == self.date:
            return first
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time(12)))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(views.news_page_context(self, request))
        return context


class NewsPageAuthor(TranslatableMixin, Orderable):
    """An author of an article: name, role (translated) and an optional photo."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="authors")
    name = models.CharField(_("name"), max_length=255)
    role = models.CharField(_("role"), max_length=255, blank=True)
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("role"),
        SynchronizedField("photo"),
    ]
    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("photo")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name


class NewsPageRelatedPage(Orderable):
    """A page the article is about: a project, a partner, a training resource… Any page type
    can be linked; it is shown in the reader's language when translated."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_pages")
    target = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")

    def clean(self):
        super().clean()
        if self.target_id and self.page_id and self.target_id == self.page_id:
            raise ValidationError({"target": _("An article cannot be related to itself.")})


from .events.models import EventIndexPage, EventPage  # noqa: E402,F401  (registers the models)

# The newsletter (news/newsletter): subscribers, consents, digests and their deliveries.
from .newsletter.models import Consent, Delivery, Digest, DigestItem, Subscriber  # noqa: E402, F401
from .wordpress.models import ImportedItem  # noqa: E402, F401  (the WordPress import's record)
