"""The site search on PostgreSQL can be served from indexes (home/migrations/0004): the match
on the index entries and their join to the pages, so that a search costs what its matches
cost, not a scan of every index entry and every page of the site (which made the search page
the slowest page of the large bench site; docs/benchmarks.md has the timings).

Checked without depending on the planner's choice for a test site's few rows (which changes
with the statistics other tests leave): the search backend's own SQL uses exactly the two
expressions, and each expression, on its own, can only be answered through its index when
scans that read every row are switched off."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.pages.factories import StandardPageFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL=postgres://...)"
    ),
]

MATCH = '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@'
JOIN = '"wagtailsearch_indexentry"."object_id" = ("wagtailcore_page"."id")::varchar(50)'


def search_sql(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/search/?q=workshop").status_code == 200
    matching = [q["sql"] for q in queries.captured_queries if "@@" in q["sql"]]
    assert matching, "the search ran no full text query"
    return matching


def plan(sql):
    """The plan of `sql` with only index conditions allowed to find rows: no sequential scan,
    and no walk of a whole index filtering each row (a plain index scan can do that)."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("EXPLAIN " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_search_matches_and_joins_on_the_indexed_expressions(client, home, funding):
    for n in range(3):
        page = StandardPageFactory(parent=home, slug=f"workshop-{n}", title=f"Workshop {n}")
        page.save_revision().publish()
    for sql in search_sql(client):  # the results and their count
        assert MATCH in sql, sql
        assert JOIN in sql, sql


def test_the_match_is_answered_from_its_index():
    explained = plan(
        'SELECT id FROM wagtailsearch_indexentry WHERE ("title" || "body") @@ '
        "to_tsquery('english', 'workshop')"
    )
    assert "Bitmap Index Scan on home_search_entry_title_body_gin" in explained, explained


def test_the_join_to_the_pages_is_answered_from_its_index():
    explained = plan("SELECT id FROM wagtailcore_page WHERE (id)::varchar(50) = '42'")
    assert "home_search_page_id_text" in explained, explained
