"""The site search on PostgreSQL can be served from indexes (home/migrations/0004): the match
on the index entries and their join to the pages, so that a search costs what its matches
cost, not a scan of every index entry and every page of the site (which made the search page
the slowest page of the large bench site). Checked on the search backend's own SQL, with
sequential scans discouraged so that the plan shows whether an index can serve each part."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.factories import StandardPageFactory
from home.models import StandardPage

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL=postgres://...)"
    ),
]


def search_sql(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/search/?q=workshop").status_code == 200
    matching = [q["sql"] for q in queries.captured_queries if "@@" in q["sql"]]
    assert matching, "the search ran no full text query"
    return matching


def plan(sql):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        # Nor may the planner walk the few pages of a test site one by one and look each
        # one's entry up: on a large site that is the slow plan. Joined by hash or merge, the
        # matching entries must come from an index that serves the match itself.
        cursor.execute("SET LOCAL enable_nestloop = off")
        cursor.execute("EXPLAIN " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


def add_unrelated_index_entries(count):
    """Index entries that do not match, of pages that are not there (the join drops them),
    then fresh statistics. With three entries in all the planner may walk any index and
    filter; with many entries that do not match it makes the choice a large site gets."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO wagtailsearch_indexentry
                (content_type_id, object_id, title_norm, autocomplete, title, body,
                 title_text, body_text)
            SELECT %s, 'other-' || n, 1.0, to_tsvector('simple', 'filler'),
                   to_tsvector('english', 'filler ' || n), to_tsvector('english', 'text ' || n),
                   'filler', 'text'
            FROM generate_series(1, %s) AS n
            """,
            [ContentType.objects.get_for_model(StandardPage).pk, count],
        )
        cursor.execute("ANALYZE wagtailsearch_indexentry")
        cursor.execute("ANALYZE wagtailcore_page")


def test_search_queries_can_use_indexes_for_the_match_and_the_join(client, home, funding):
    for n in range(3):
        page = StandardPageFactory(parent=home, slug=f"workshop-{n}", title=f"Workshop {n}")
        page.save_revision().publish()
    add_unrelated_index_entries(5000)
    for sql in search_sql(client):  # the results and their count
        explained = plan(sql)
        assert "home_search_entry_title_body_gin" in explained, explained
        assert "Seq Scan on wagtailsearch_indexentry" not in explained, explained
        assert "Seq Scan on wagtailcore_page" not in explained, explained
