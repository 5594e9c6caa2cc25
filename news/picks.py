"""What an article shows around it, picked through the ORM: its related articles, its
previous and next articles, the pages it links to, its category ids and tags.

Every pick runs over the articles visitors may see in the article's language (the news
definition of "visible": `NewsPage.visible()`, i.e. `news.models.live_news()`), and is written
so that the database answers it from an index whatever the size of the site, including for an
article whose categories are shared by thousands of others:

- the related articles are the newest ones sharing a category (or a translation of it) or a
  tag: an EXISTS over the category and tag link tables, newest first, which PostgreSQL answers by
  walking the articles' date index backwards until it has found enough (an article in a large
  category finds its three at once);
- the previous and next articles are its neighbours among its index's articles by (date, id):
  a walk of the (date, id) index from the article's own position (the `date__lte`/`date__gte`
  bound is what lets the database start there; the exact tie-break by id follows).

The page types are reached through the article handed in (`type(page)` and its fields'
`related_model`): news.views and this module do not import news.models."""

from django.db.models import CharField, Exists, F, OuterRef, Q, Value

# The listing's order (NewsIndexPage.news()): related articles come in the same order.
NEWEST_FIRST = ("-date", "-first_published_at", "-pk")


def _related(article, name):
    """The model behind the article model's field `name` (its categories, its links)."""
    return article._meta.get_field(name).related_model


def visible_news(page):
    """The articles visitors may see in `page`'s language."""
    return type(page).visible().filter(locale_id=page.locale_id)


def related_articles(page, category_ids, tag_ids):
    """The live, public articles of `page`'s language in one of the categories `category_ids`
    (a category and its translations) or tagged with one of `tag_ids`, newest first, never
    `page` itself: a queryset to slice."""
    model = type(page)
    shared = Q(pk__in=[])
    if category_ids:
        shared |= Exists(
            model.categories.through.objects.filter(
                newspage_id=OuterRef("pk"), newscategory_id__in=category_ids
            )
        )
    if tag_ids:
        shared |= Exists(
            model.tags.through.objects.filter(content_object_id=OuterRef("pk"), tag_id__in=tag_ids)
        )
    return visible_news(page).filter(shared).exclude(pk=page.pk).order_by(*NEWEST_FIRST)


def neighbours(page):
    """(the queryset of `page`'s older siblings, nearest first; of its newer ones, nearest
    first): the live, public articles of its index, ordered by (date, id)."""
    siblings = visible_news(page).sibling_of(page, inclusive=False)
    older = siblings.filter(
        Q(date__lt=page.date) | Q(date=page.date, pk__lt=page.pk), date__lte=page.date
    ).order_by("-date", "-pk")
    newer = siblings.filter(
        Q(date__gt=page.date) | Q(date=page.date, pk__gt=page.pk), date__gte=page.date
    ).order_by("date", "pk")
    return older, newer


def picks(page, category_groups, tag_ids, limit=3, shape=None):
    """(up to `limit` related articles, newest first; the older neighbour or None; the newer
    one or None), in one statement: articles of `shape(queryset)` (default: the queryset as
    it is), for instance with only the fields a card shows and its image joined.

    `category_groups` holds, for each of the page's categories, the ids of that category and
    its translations; `tag_ids` its tags' ids. The categories and the tags are each asked for
    their newest `limit` articles (a branch of a UNION ALL, which the database answers from the
    date index for a large category and from the link table for small ones, since it knows how
    common each category is); the branches are merged here."""
    wanted = []  # (the pick's name, the sliced queryset of its articles)
    # One branch for the categories, one for the tags: each planned on its own (a large
    # category walks the date index; small ones and tags read their link table), while the
    # statement stays small enough to build and compile quickly (a branch per category and
    # per tag cost about 9 M instructions each).
    category_ids = [pk for ids in category_groups for pk in ids]
    groups = [("category", category_ids)] if category_ids else []
    groups += [("tag", list(tag_ids))] if tag_ids else []
    for kind, ids in groups:
        related = related_articles(
            page, ids if kind == "category" else [], ids if kind == "tag" else []
        )
        wanted.append(("related", related[:limit]))
    if page.date is not None and page.pk is not None:  # not a new article's preview
        older, newer = neighbours(page)
        wanted += [("older", older[:1]), ("newer", newer[:1])]
    if not wanted:
        return [], None, None
    # A compound statement's branches cannot be sliced on every database: each branch
    # selects by primary key the articles its sliced subquery found.
    shape = shape or (lambda queryset: queryset)
    model = type(page)
    branches = [
        shape(model.objects.filter(pk__in=sliced.values("pk")).order_by()).annotate(
            pick=Value(name)
        )
        for name, sliced in wanted
    ]
    rows = list(branches[0].union(*branches[1:], all=True))
    found = {"older": None, "newer": None}
    related = {}
    for row in rows:
        if row.pick == "related":
            related[row.pk] = row
        else:
            found[row.pick] = row
    newest = sorted(related.values(), key=_newest_first_key)[:limit]
    return newest, found["older"], found["newer"]


def _newest_first_key(article):
    """The sort key of NEWEST_FIRST: descending date, first publication and id (a live
    article has a date and a first publication; a missing one sorts last)."""
    date, first_published_at = article.date, article.first_published_at
    return (
        -(date.toordinal() if date else 0),
        -(first_published_at.timestamp() if first_published_at else 0),
        -article.pk,
    )


def category_ids_and_tags(page):
    """([the ids of `page`'s categories], [its tags, in the order they were added]), in one
    statement (the two link tables' rows, one after the other)."""
    tag_model = page.tags.through
    fields = ("kind", "label_id", "name", "slug", "position")
    categories = (
        type(page)
        .categories.through.objects.filter(newspage_id=page.pk)
        .order_by()
        .annotate(
            kind=Value(0),
            label_id=F("newscategory_id"),
            name=Value(None, output_field=CharField()),
            slug=Value(None, output_field=CharField()),
            position=Value(0),
        )
        .values_list(*fields)
    )
    tags = (
        tag_model.objects.filter(content_object_id=page.pk)
        .order_by()
        .annotate(
            kind=Value(1),
            label_id=F("tag_id"),
            name=F("tag__name"),
            slug=F("tag__slug"),
            position=F("pk"),
        )
        .values_list(*fields)
    )
    rows = list(categories.union(tags, all=True).order_by("kind", "position"))
    tag_class = tag_model.tag.field.related_model
    return (
        [row[1] for row in rows if row[0] == 0],
        [tag_class.from_db(None, ["id", "name", "slug"], row[1:4]) for row in rows if row[0] == 1],
    )
