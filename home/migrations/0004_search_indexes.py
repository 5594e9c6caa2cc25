"""Indexes for the site search on PostgreSQL (nothing on other databases).

Wagtail's PostgreSQL search backend matches `(title || body) @@ query` on the index entries
and joins them to the pages on `object_id = page.id::varchar`. Neither can use an existing
index (the entries are indexed on `title` and on `body` separately; the pages on `id`, not on
its text form), so every search read every index entry and every page of the language, twice
(results and count): its cost grew with the size of the site. With these two expression
indexes PostgreSQL finds the matching entries through the GIN index and each entry's page
through the second one: the cost follows the number of matches, not the size of the site.
"""

from django.db import migrations

INDEXES = [
    (
        "home_search_entry_title_body_gin",
        'ON "wagtailsearch_indexentry" USING gin (("title" || "body"))',
    ),
    ("home_search_page_id_text", 'ON "wagtailcore_page" ((("id")::varchar(50)))'),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES:
        schema_editor.execute(f'CREATE INDEX CONCURRENTLY IF NOT EXISTS "{name}" {definition}')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _ in INDEXES:
        schema_editor.execute(f'DROP INDEX CONCURRENTLY IF EXISTS "{name}"')


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY: no write lock on a large site's tables

    dependencies = [
        ("home", "0003_projectindexpage_projectpage_projectrelation_and_more"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
