"""The SQL that picks an article's related articles and its previous/next neighbours, and
the pages it links to, written once per process for each shape of the question instead of
built by the ORM on every request.

Built by the ORM, the five picks (three related articles, the older and the newer neighbour,
each a scalar subquery over the live, public, unexpired articles of the language) cost about a
third of an uncached news page's CPU: Django clones and compiles the same filters five times.
Here the SQL text depends only on how many categories, tags and private sections there are,
so it is kept per shape (`_sql`) and each request only supplies the values. The statements are
plain SQL that SQLite and PostgreSQL both run, on the tables and columns the models name; the
conditions are those of `news.models.live_news()` and treebeard's `sibling_of()`, and
`news/tests/test_picks.py` checks the picks against the ORM's answer.

The page types serve their context with news.views, which uses this module: the models are
reached through the article handed in (`type(page)` and its fields' `related_model`)."""

from functools import lru_cache

from django.db import connection
from django.db.models import IntegerField
from django.db.models.expressions import RawSQL
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page

from home.pages.visibility import restricted_paths


def _column(model, name):
    return model._meta.get_field(name).column


def _related(article, name):
    """The model behind the article model's field `name` (its categories, its links)."""
    return article._meta.get_field(name).related_model


@lru_cache(maxsize=128)
def _sql(vendor, article, keys, tags, restricted, limit, neighbours):
    """{pick name: SQL with %s placeholders} for a shape: `keys` category translation keys,
    `tags` tag ids, `restricted` private sections. `vendor` only keys the memo (a process
    talks to one database, tests to either)."""
    category_model = _related(article, "categories")
    tag_model = article.tags.through
    q = connection.ops.quote_name
    through = article.categories.through
    news, page = q(article._meta.db_table), q(Page._meta.db_table)
    pk = q(article._meta.pk.column)
    n_date, p_path = f"n.{q(_column(article, 'date'))}", f"p.{q(_column(Page, 'path'))}"
    base = (
        f"SELECT n.{pk} FROM {news} n INNER JOIN {page} p ON p.{q('id')} = n.{pk} "
        f"WHERE p.{q(_column(Page, 'live'))} = %s AND p.{q(_column(Page, 'locale'))} = %s "
        f"AND (p.{q(_column(Page, 'expire_at'))} IS NULL "
        f"OR p.{q(_column(Page, 'expire_at'))} > %s)"
    )
    base += "".join(f" AND NOT ({p_path} LIKE %s)" for _ in range(restricted))
    picks = {}
    if keys or tags:
        shared = []
        if keys:
            category = q(category_model._meta.db_table)
            shared.append(
                f"n.{pk} IN (SELECT c.{q(_column(through, 'newspage'))} "
                f"FROM {q(through._meta.db_table)} c INNER JOIN {category} k "
                f"ON k.{q('id')} = c.{q(_column(through, 'newscategory'))} "
                f"WHERE k.{q(_column(category_model, 'translation_key'))} IN "
                f"({', '.join(['%s'] * keys)}))"
            )
        if tags:
            shared.append(
                f"n.{pk} IN (SELECT t.{q(_column(tag_model, 'content_object'))} "
                f"FROM {q(tag_model._meta.db_table)} t "
                f"WHERE t.{q(_column(tag_model, 'tag'))} IN ({', '.join(['%s'] * tags)}))"
            )
        related = (
            f"{base} AND n.{pk} <> %s AND ({' OR '.join(shared)}) ORDER BY {n_date} DESC, "
            f"p.{q(_column(Page, 'first_published_at'))} DESC, n.{pk} DESC"
        )
        for n in range(limit):
            picks[f"related_{n}"] = f"{related} LIMIT 1 OFFSET {n}"
    if neighbours:
        siblings = (
            f"{base} AND {p_path} LIKE %s AND p.{q(_column(Page, 'depth'))} = %s AND n.{pk} <> %s"
        )
        picks["older"] = (
            f"{siblings} AND ({n_date} < %s OR ({n_date} = %s AND n.{pk} < %s)) "
            f"ORDER BY {n_date} DESC, n.{pk} DESC LIMIT 1"
        )
        picks["newer"] = (
            f"{siblings} AND ({n_date} > %s OR ({n_date} = %s AND n.{pk} > %s)) "
            f"ORDER BY {n_date} ASC, n.{pk} ASC LIMIT 1"
        )
    return picks


def picks(page, category_keys, tag_ids, limit=3):
    """{pick name: RawSQL scalar subquery} for `page`: related_0..related_{limit-1} (live
    articles of its language sharing a category or a tag, newest first, never itself) and,
    for a saved and dated page, older and newer (its neighbours in its index by date)."""
    neighbours = page.date is not None and page.pk is not None  # a new article's preview
    restricted = restricted_paths()
    sql = _sql(
        connection.vendor,
        type(page),
        len(category_keys),
        len(tag_ids),
        len(restricted),
        limit,
        neighbours,
    )
    ops = connection.ops
    base = [True, page.locale_id, ops.adapt_datetimefield_value(timezone.now())]
    base += [f"{path}%" for path in restricted]
    key_field = _related(type(page), "categories")._meta.get_field("translation_key")
    keys = [key_field.get_db_prep_value(key, connection) for key in category_keys]
    params = {}
    for n in range(limit):
        if f"related_{n}" in sql:
            params[f"related_{n}"] = [*base, page.pk, *keys, *tag_ids]
    if neighbours:
        date = ops.adapt_datefield_value(page.date)
        siblings = [*base, f"{page.path[: -page.steplen]}%", page.depth, page.pk]
        params["older"] = params["newer"] = [*siblings, date, date, page.pk]
    return {
        name: RawSQL(text, params[name], output_field=IntegerField()) for name, text in sql.items()
    }


@lru_cache(maxsize=32)
def _linked_sql(vendor, article, restricted):
    """SQL for every live, public translation of the pages an article links to (the linked
    pages among them), each with `is_linked` and its link's place, `link_position`."""
    link_model = _related(article, "related_pages")
    q = connection.ops.quote_name
    page, links = q(Page._meta.db_table), q(link_model._meta.db_table)
    link_page = q(_column(link_model, "page"))
    link_target = q(_column(link_model, "target"))
    key = q(_column(Page, "translation_key"))
    path = f"p.{q(_column(Page, 'path'))}"
    linked = f"SELECT l.{link_target} FROM {links} l WHERE l.{link_page} = %s"
    linked_keys = (
        f"SELECT t.{key} FROM {links} l INNER JOIN {page} t ON t.{q('id')} = l.{link_target} "
        f"WHERE l.{link_page} = %s"
    )
    position = (
        f"SELECT MIN(l.{q(_column(link_model, 'sort_order'))}) FROM {links} l "
        f"INNER JOIN {page} t ON t.{q('id')} = l.{link_target} "
        f"WHERE l.{link_page} = %s AND t.{key} = p.{key}"
    )
    return (
        f"SELECT p.*, CASE WHEN p.{q('id')} IN ({linked}) THEN 1 ELSE 0 END AS is_linked, "
        f"({position}) AS link_position FROM {page} p "
        f"WHERE p.{q(_column(Page, 'live'))} = %s AND p.{key} IN ({linked_keys})"
        + "".join(f" AND NOT ({path} LIKE %s)" for _ in range(restricted))
        + f" ORDER BY link_position, p.{q('id')}"
    )


def linked_pages(page):
    """Every live, public translation of the pages `page` links to (each linked page is one
    of them, if live and public), as Page objects with `is_linked` and `link_position` (the
    link's place in the article's list), in that order."""
    restricted = restricted_paths()
    sql = _linked_sql(connection.vendor, type(page), len(restricted))
    params = [page.pk, page.pk, True, page.pk, *[f"{path}%" for path in restricted]]
    return Page.objects.raw(sql, params)


@lru_cache(maxsize=4)
def _labels_sql(vendor, article):
    """SQL for an article's category ids and its tags (id, name, slug), in one statement."""
    tag_model = article.tags.through
    q = connection.ops.quote_name
    through = article.categories.through
    tag, tagged = q(Tag._meta.db_table), q(tag_model._meta.db_table)
    return (
        f"SELECT 0 AS kind, c.{q(_column(through, 'newscategory'))} AS id, NULL AS name, "
        f"NULL AS slug, 0 AS position FROM {q(through._meta.db_table)} c "
        f"WHERE c.{q(_column(through, 'newspage'))} = %s "
        f"UNION ALL SELECT 1, t.{q('id')}, t.{q('name')}, t.{q('slug')}, nt.{q('id')} "
        f"FROM {tag} t INNER JOIN {tagged} nt ON nt.{q(_column(tag_model, 'tag'))} = t.{q('id')} "
        f"WHERE nt.{q(_column(tag_model, 'content_object'))} = %s ORDER BY 1, 5"
    )


def category_ids_and_tags(page):
    """([the ids of `page`'s categories], [its tags, in the order they were added])."""
    with connection.cursor() as cursor:
        cursor.execute(_labels_sql(connection.vendor, type(page)), [page.pk, page.pk])
        rows = cursor.fetchall()
    category_ids = [row[1] for row in rows if row[0] == 0]
    tags = [Tag.from_db(None, ["id", "name", "slug"], row[1:4]) for row in rows if row[0] == 1]
    return category_ids, tags
