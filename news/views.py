"""What the news pages show: the index's listings (filters, archive, pagination) and an
article's surroundings (categories and related pages in the reader's language, related
articles, previous/next, metadata). Every function costs a fixed number of queries.

The page types (news.models) serve their routes and context with these functions, so this
module does not import them: it works on the index or article it is handed, and reaches the
models related to them through it (`_meta`)."""

import datetime

from django.conf import settings
from django.db.models import OuterRef, Q, Subquery, prefetch_related_objects
from django.http import Http404
from django.utils.formats import date_format
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import to_locale
from taggit.models import Tag
from wagtail.models import Page, Site

from home.pagecache.cache import remember, remember_in_process
from home.pages.addresses import absolute_url
from home.pages.models import every_page
from home.pages.pagination import paginate

from .paging import DatedPages, archive_months, day_counts
from .picks import category_ids_and_tags
from .picks import picks as article_picks

SOCIAL_SPEC = "fill-1200x630|format-jpeg"
# What a news card and a previous/next link show of an article (news/_news_card.html, its URL).
CARD_FIELDS = (
    "title",
    "slug",
    "path",
    "depth",
    "url_path",
    "locale_id",
    "live",
    "date",
    "first_published_at",
    "listing_summary",
    "intro",
    "search_description",
    "featured_image",
)

# og:locale wants language_TERRITORY; the territory of each shipped language.
OG_LOCALES = {"en": "en_GB", "fr": "fr_FR", "es": "es_ES", "hu": "hu_HU", "de": "de_DE"}


def og_locale(code):
    return OG_LOCALES.get(code) or to_locale(code)


def with_images(queryset, field="featured_image"):
    """The pages with their image (joined) and its renditions (one more query)."""
    return queryset.select_related(field).prefetch_related(f"{field}__renditions")


def localized_categories(pages, locale_id, known=None):
    """Attach `display_categories` to each page: its categories in `locale_id` where they are
    translated (pages keep the source language's categories when translated). One query
    unless `known` (that language's categories) is given, plus the prefetch of the pages'
    categories."""
    keys = {c.translation_key for p in pages for c in p.categories.all()}
    translated = {}
    if known is not None:
        translated = {c.translation_key: c for c in known}
    elif keys:
        category_model = category_model_of(pages[0])
        translated = {
            c.translation_key: c
            for c in category_model.objects.filter(translation_key__in=keys, locale_id=locale_id)
        }
    for p in pages:
        p.display_categories = [
            translated.get(c.translation_key, c)
            for c in sorted(p.categories.all(), key=lambda c: c.name)
        ]
    return pages


def category_model_of(article):
    """The model of an article's categories (news.models.NewsCategory)."""
    return article._meta.get_field("categories").related_model


def listing_path(index_url, index, number, *, year, month, category, tag):
    """A listing's URL in one normal form, from its index's URL: the most specific route for
    its filters (month, year, category, tag, in that order), the other filters as a query
    string in a fixed order, the page number when past the first, anything else dropped."""
    query = {"category": category and category.slug, "tag": tag and tag.slug}
    if month is not None:
        path = index.reverse_subpage("month_route", args=[f"{year:04d}", f"{month:02d}"])
    elif year is not None:
        path = index.reverse_subpage("year_route", args=[f"{year:04d}"])
    elif category is not None:
        path = index.reverse_subpage("category_route", args=[query.pop("category")])
    elif tag is not None:
        path = index.reverse_subpage("tag_route", args=[query.pop("tag")])
    else:
        path = ""
    query["page"] = number if number > 1 else None
    query = urlencode([(key, value) for key, value in query.items() if value is not None])
    return index_url + path + (f"?{query}" if query else "")


def canonical_listing_url(index, request, page_obj, *, year, month, category, tag):
    """The listing's own absolute URL, in the normal form of `listing_path`."""
    index_url = absolute_url(request, index) or ""
    return listing_path(
        index_url, index, page_obj.number, year=year, month=month, category=category, tag=tag
    )


def listing_filters(year, month, category, tag):
    """The key of a listing's filters in the remembered aggregates: the same for a listing and
    its equivalent in every language (a category by its translation key; tags and dates are
    the same in every language)."""
    values = (year, month, category and category.translation_key, tag and tag.pk)
    return "-".join(str(value) for value in values)


def listing_days(index, news, filters):
    """The listing's articles per day (news.paging.day_counts), remembered until the content
    changes; `news` is the index's articles with the listing's filters."""
    return remember(f"news:{index.pk}:days:{filters}", lambda: day_counts(news))


def filtered_news(index, year, month, category, tag):
    """The index's articles with a listing's filters (already checked)."""
    news = index.news(category=category, tag=tag)
    if year is not None:
        news = news.filter(date__year=year)
    if month is not None:
        news = news.filter(date__month=month)
    return news


def site_categories(request, model):
    """Every news category (`model`) of the site, in every language, by name: kept in the
    process until the content changes."""
    return remember_in_process(
        request, ("news categories",), lambda: list(model.objects.order_by("name", "pk"))
    )


def listing_alternates(index, request, number, *, year, month, category, tag):
    """The listing in every language, for hreflang and the language switcher (the entries of
    `{% language_alternates %}`): in each language with a live, public translation of the index
    where the same listing exists (the category's translation, the same tag, the same year and
    month, the same page number if that language's listing has that many pages), that listing;
    elsewhere no alternate (`exists` False, leading to that language's home page, as for a page
    without a translation). One query (the index's and its home page's translations); what
    only content changes (the categories, the other languages' day counts) is remembered."""
    # The index's translations and its parent's (each language's home), in one query.
    parent_key = Page.objects.filter(path=index.path[: -index.steplen]).values("translation_key")
    rows = (
        every_page()
        .visible()
        .filter(
            # A scalar subquery (evaluated once), so that both sides use the translation key's
            # index: `IN (subquery)` in an OR read every page (12 ms on a site of 40,000).
            Q(translation_key=index.translation_key) | Q(translation_key=Subquery(parent_key[:1])),
            alias_of__isnull=True,
        )
        .select_related("locale")
    )
    indexes, homes = {}, {}
    for row in rows:
        if row.translation_key == index.translation_key:
            indexes[row.locale.language_code] = row.specific_deferred  # its routes, no query
        else:
            homes[row.locale.language_code] = row.get_url(request)
    categories = {}
    if category is not None:
        categories = {
            c.locale_id: c
            for c in site_categories(request, index.categories().model)
            if c.translation_key == category.translation_key
        }
    filters = listing_filters(year, month, category, tag)
    current = index.locale.language_code
    entries = []
    for code, name in settings.LANGUAGES:
        other = indexes.get(code)
        path = None
        if other is not None and (category is None or other.locale_id in categories):
            other_category = category and categories[other.locale_id]
            if (
                number == 1
                or code == current
                or listing_has_page(
                    other, number, filters, year=year, month=month, category=other_category, tag=tag
                )
            ):
                path = listing_path(
                    other.get_url(request) or "",
                    other,
                    number,
                    year=year,
                    month=month,
                    category=other_category,
                    tag=tag,
                )
        exists = path is not None
        if not exists:
            path = homes.get(code)
            if path is None:
                continue
        entries.append(
            {
                "code": code,
                "name": name,
                "url": absolute_url(request, path),
                "path": path,
                "is_current": exists and code == current,
                "exists": exists,
            }
        )
    return entries


def listing_has_page(index, number, filters, *, year, month, category, tag):
    """Whether `index`'s listing with these filters has a page `number` (its day counts are
    those its own listing remembers)."""
    days = listing_days(index, filtered_news(index, year, month, category, tag), filters)
    ends = days[1]
    return bool(ends) and ends[-1] > (number - 1) * max(1, int(settings.NEWS_PAGE_SIZE))


def news_listing(index, request, *, year=None, month=None, category_slug=None, tag_slug=None):
    """The index's list of articles, filtered by the route's arguments and the query string
    (?category=, ?tag=, ?year=), newest first, paginated. Unknown filters are a 404."""
    base = index.news()  # one query for view restrictions; reused below
    model = index.categories().model
    categories = [c for c in site_categories(request, model) if c.locale_id == index.locale_id]
    by_slug = {c.slug: c for c in categories}

    category_slug = category_slug or request.GET.get("category") or None
    tag_slug = tag_slug or request.GET.get("tag") or None
    if year is None and request.GET.get("year"):
        try:
            year = int(request.GET["year"])
        except ValueError:
            raise Http404(_("Invalid year.")) from None

    category = tag = None
    if category_slug is not None:
        category = by_slug.get(category_slug)
        if category is None:
            raise Http404(_("Unknown category."))
    if tag_slug is not None:
        tag = Tag.objects.filter(slug=tag_slug).first()
        if tag is None:
            raise Http404(_("Unknown tag."))
    if year is not None and not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        raise Http404(_("Invalid year."))
    if month is not None and not 1 <= month <= 12:
        raise Http404(_("Invalid month."))
    filtered = any(value is not None for value in (year, month, category, tag))
    news = filtered_news(index, year, month, category, tag) if filtered else base

    # What aggregates over the whole index (the articles per day, which give the count, the
    # archive, the tags) is remembered until the content changes, so that a listing's cost
    # does not grow with the number of articles (home.pagecache.cache.remember); a page is read from
    # the days it spans (news.paging), so a deep page costs what the first one does.
    key = f"news:{index.pk}"
    filters = listing_filters(year, month, category, tag)
    days = listing_days(index, news, filters)
    articles = DatedPages(with_images(news).prefetch_related("categories"), days)
    # ?page= as on every list: a positive page number that exists, else 404 (home.pages.pagination).
    page_obj = paginate(request, articles, settings.NEWS_PAGE_SIZE, count=len(articles))
    index_url = index.get_url(request) or ""

    def cards():
        items = list(page_obj.object_list)
        localized_categories(items, index.locale_id, known=categories)
        for item in items:  # the index's children (NewsIndexPage.news())
            item.card_url = f"{index_url}{item.slug}/" if index_url else None
        return items

    heading = index.title
    if month is not None:
        heading = _("News from %(month)s") % {"month": month_label(year, month)}
    elif year is not None:
        heading = _("News from %(year)s") % {"year": year}
    if category is not None:
        heading = _("News in “%(category)s”") % {"category": category.name}
    if tag is not None:
        heading = _("News tagged “%(tag)s”") % {"tag": tag.name}

    # The archive's years and months, from the whole index's day counts (the same remembered
    # value as the unfiltered listing's).
    unfiltered = listing_filters(None, None, None, None)

    def index_months():
        if filters == unfiltered:
            return archive_months(days)
        return archive_months(listing_days(index, base, unfiltered))

    archive_dates = remember(f"{key}:months", index_months)
    archive = [
        {
            "year": y,
            "url": index_url + index.reverse_subpage("year_route", args=[f"{y:04d}"]),
        }
        for y in dict.fromkeys(d.year for d in archive_dates)
    ]
    months = [
        {
            "date": d,
            "url": index_url
            + index.reverse_subpage("month_route", args=[f"{year:04d}", f"{d.month:02d}"]),
        }
        for d in reversed(archive_dates)
        if d.year == year
    ]
    tags = remember(
        f"{key}:tags",
        lambda: list(
            Tag.objects.filter(news_newspagetag_items__content_object__in=base.values("pk"))
            .distinct()
            .order_by("name")[:30]
        ),
    )

    category_links = [
        {
            "category": c,
            "url": index_url + index.reverse_subpage("category_route", args=[c.slug]),
            "current": category is not None and c.pk == category.pk,
        }
        for c in categories
    ]
    return index.render(
        request,
        context_overrides={
            "heading": heading,
            "index_url": index_url,
            # Read only when the template renders them: its fragment cache keeps the cards
            # of this listing page until content changes (home.pagecache.fragments).
            "news_items": SimpleLazyObject(cards),
            "listing_key": f"{index.pk}|{filters}|{page_obj.number}",
            "page_obj": page_obj,
            "category": category,
            "tag": tag,
            "year": year,
            "month": month,
            "category_links": category_links,
            "archive_years": archive,
            "archive_months": months,
            "tag_list": tags,
            "is_filtered": any(v is not None for v in (category, tag, year)),
            "feed_links": feed_links(index, request, category),
            "canonical_url": canonical_listing_url(
                index, request, page_obj, year=year, month=month, category=category, tag=tag
            ),
            # A filtered listing's (or a later page's) equivalents in the other languages,
            # not the index's (base.html); the index itself has its translations.
            "listing_alternates": listing_alternates(
                index, request, page_obj.number, year=year, month=month, category=category, tag=tag
            )
            if filtered or page_obj.number > 1
            else None,
        },
    )


def feed_links(index, request, category=None):
    """The index's feeds (and its category's, if any) for <link rel="alternate">."""
    base = absolute_url(request, index)
    if not base:
        return []
    links = []
    for kind, mime in (("rss", "application/rss+xml"), ("atom", "application/atom+xml")):
        links.append(
            {
                "href": base + index.reverse_subpage("feed_route", kwargs={"kind": kind}),
                "type": mime,
                "title": f"{index.title} ({kind.upper()})",
            }
        )
        if category is not None:
            links.append(
                {
                    "href": base
                    + index.reverse_subpage(
                        "category_feed_route", kwargs={"slug": category.slug, "kind": kind}
                    ),
                    "type": mime,
                    "title": f"{index.title}: {category.name} ({kind.upper()})",
                }
            )
    return links


def index_feed_links(request, index_url):
    """The feeds of the index at `index_url` (the routes are the same for every index)."""
    base = request.build_absolute_uri(index_url)
    return [
        {"href": f"{base}feed/rss/", "type": "application/rss+xml", "title": _("News (RSS)")},
        {"href": f"{base}feed/atom/", "type": "application/atom+xml", "title": _("News (Atom)")},
    ]


def related_and_neighbours(page, categories, tags, limit=3):
    """Up to `limit` live articles of the same language sharing a category (or a translation
    of it) or a tag with `page`, newest first (never the page itself), and the page's
    neighbours in its index by display date (older, newer): all in one query (news.picks),
    plus the renditions of their images.

    `categories` are the page's categories with all their translations."""
    groups = {}
    for category in categories:
        groups.setdefault(category.translation_key, []).append(category.pk)
    tag_ids = [t.pk for t in tags if t.pk is not None]  # a preview's new tags are unsaved
    related, older, newer = article_picks(
        page,
        list(groups.values()),
        tag_ids,
        limit,
        shape=lambda news: news.only(*CARD_FIELDS).select_related("featured_image"),
    )
    chosen = [article for article in (*related, older, newer) if article is not None]
    prefetch_related_objects(chosen, "featured_image__renditions")
    return related, older, newer


def related_pages(page, previewing=False):
    """The pages linked from the article, in link order, each in the article's language, else
    in the source language, if the public may see it (the fallback every page uses:
    `translations_for()`, home.pages.models); never the article itself. One query.

    A preview shows the links on the editor's form, which may not be saved yet: they are read
    from the page object (one more query) instead of the database's link table."""
    pages = every_page()
    if previewing:
        target_ids = [link.target_id for link in page.related_pages.all() if link.target_id]
        key_of = dict(Page.objects.filter(pk__in=target_ids).values_list("pk", "translation_key"))
        keys = [key_of[pk] for pk in target_ids if pk in key_of]
    else:
        links = page.related_pages.model.objects.filter(page_id=page.pk)
        first_link = links.filter(target__translation_key=OuterRef("translation_key"))
        pages = pages.annotate(
            link_position=Subquery(first_link.order_by("sort_order").values("sort_order")[:1])
        ).order_by("link_position", "pk")
        keys = links.values("target__translation_key")
    shown = pages.translations_for(keys, page.locale_id)
    return [target for target in shown.values() if target.pk != page.pk]


def image_url(image, request, spec=SOCIAL_SPEC):
    if image is None:
        return ""
    return request.build_absolute_uri(image.get_rendition(spec).url)


def news_page_context(page, request):
    """Everything the article's template shows besides its own fields."""
    # A preview shows the relations on the editor's form (unsaved, held by the page object).
    previewing = page.pk is None or getattr(request, "is_preview", False)
    # The site's categories, kept in the process until content changes.
    every_category = site_categories(request, category_model_of(page))
    if previewing:
        category_keys = {category.translation_key for category in page.categories.all()}
        tags = list(page.tags.all())
    else:
        category_ids, tags = category_ids_and_tags(page)  # one query
        by_id = {c.pk: c for c in every_category}
        category_keys = {by_id[pk].translation_key for pk in category_ids if pk in by_id}
    # The page's categories in its language (falling back to the linked ones), by name.
    linked = [c for c in every_category if c.translation_key in category_keys]
    own = {c.translation_key: c for c in linked if c.locale_id == page.locale_id}
    categories = []
    for c in linked:
        chosen = own.get(c.translation_key, c)
        if chosen not in categories:
            categories.append(chosen)
    authors = list(page.authors.select_related("photo"))
    social_image = page.get_social_image()
    # The index is the parent: its URL is the article's without the last segment.
    page_url = page.get_url(request) or ""
    index_url = page_url[: page_url.rstrip("/").rfind("/") + 1] if page_url else ""

    def picks():
        related, older, newer = related_and_neighbours(page, linked, tags)
        with_card_urls([*related, older, newer], page, index_url)
        return {"related": related, "older": older, "newer": newer}

    # Read only when the template renders them: its fragment cache keeps them until content
    # changes (home.pagecache.fragments).
    picked = SimpleLazyObject(picks)
    return {
        "news_index_url": index_url,
        "display_categories": categories,
        "tag_list": tags,
        "authors": authors,
        "related_pages": SimpleLazyObject(lambda: related_pages(page, previewing)),
        "related_articles": SimpleLazyObject(lambda: picked["related"]),
        "previous_article": SimpleLazyObject(lambda: picked["older"]),
        "next_article": SimpleLazyObject(lambda: picked["newer"]),
        "feed_links": index_feed_links(request, index_url) if index_url else [],
        "social_image_url": image_url(social_image, request),
        "og_locale": og_locale(page.locale.language_code),
        "json_ld": json_ld(page, request, social_image, authors),
    }


def with_card_urls(pages, page, index_url):
    """Give the articles of `page`'s own index (its siblings) their URL without asking Wagtail
    for each (it resolves the site and the language prefix every time): the index's URL and
    the slug. Cards use `card_url` when it is set, `pageurl` otherwise."""
    parent_path = page.path[: -page.steplen]
    for item in pages:
        if item is not None and index_url and item.path[: -item.steplen] == parent_path:
            item.card_url = f"{index_url}{item.slug}/"
    return pages


def json_ld(page, request, social_image, authors):
    """Schema.org NewsArticle data, for `{% json_ld %}` (application/ld+json, escaped)."""
    site = Site.find_for_request(request)
    site_name = (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME
    root_url = request.build_absolute_uri("/")
    published = page.published_datetime
    url = absolute_url(request, page)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.get_summary(),
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": page.locale.language_code,
        "datePublished": published.isoformat() if published else None,
        "dateModified": (page.last_published_at or published).isoformat() if published else None,
        "publisher": {"@type": "Organization", "name": site_name, "url": root_url},
    }
    if social_image is not None:
        data["image"] = [image_url(social_image, request)]
    if authors:
        data["author"] = [
            {"@type": "Person", "name": a.name, **({"jobTitle": a.role} if a.role else {})}
            for a in authors
        ]
    else:
        data["author"] = {"@type": "Organization", "name": site_name, "url": root_url}
    return data


def month_label(year, month):
    return date_format(datetime.date(year, month, 1), "YEAR_MONTH_FORMAT")
