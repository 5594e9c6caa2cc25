"""Grow the demo site into a large one for the benchmark (bench/run.py, docs/benchmarks.md).

    manage.py seed_demo
    python bench/build_large_site.py --news-per-locale 10000 --partners 200 --projects 200 \
        --training 200

A script beside the benchmark rather than a command of `home`, because it builds the pages of
every section (news, partners, projects, training) and `home` never imports the section apps.
Run as a script, it sets Django up as manage.py does (DJANGO_SETTINGS_MODULE, by default the
development settings); the tests call its `Command` with call_command().

News articles go under the news index of every locale (article n has the same translation key
in every language, so each is a translation of the others, as on a real site), partners,
projects and training resources under their English index. Idempotent: each run only adds what
is missing to reach the requested counts.

Speed: pages are inserted in bulk rather than one `add_child` at a time. Treebeard's
materialised paths are computed here (the next free steps under the parent, numchild updated
once per batch); the `wagtailcore_page` rows are written with `bulk_create`, the rows of the
page type's own table with one `executemany`, many-to-many links in bulk. The page rows are
complete live pages (url_path, locale, translation key, publication dates), so they are served,
listed, paginated and put in the sitemap like any other; they have no revision until an editor
edits one, and are not in the search index unless --search-index is given (Wagtail's
update_index, slow on tens of thousands of pages).
"""

import datetime
import os
import sys
import time
import uuid
from pathlib import Path

if __name__ == "__main__":  # run as a script: Django set up first, as manage.py does
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django

    django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.management.base import BaseCommand, CommandError  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from home.pagecache.cache import bump_generation  # noqa: E402
from home.projects.models import ProjectIndexPage, ProjectPage  # noqa: E402
from news.models import NewsCategory, NewsIndexPage, NewsPage  # noqa: E402
from partners.models import (  # noqa: E402
    ConsortiumRole,
    OrganisationType,
    PartnerIndexPage,
    PartnerPage,
)
from training.models import (  # noqa: E402
    Format,
    Level,
    Theme,
    TrainingIndexPage,
    TrainingResourcePage,
)

BATCH = 2000

LOREM = (
    "Cluster managers from across Europe met to compare how their clusters adopt Industry 4.0: "
    "digital twins, predictive maintenance, collaborative robots and data spaces. "
)


def child_path(parent_path, position):
    """The materialised path of the child at `position` (1-based) under `parent_path`: the
    parent's path and the position in treebeard's alphabet (Page.alphabet, base 36 for
    Wagtail), padded to Page.steplen characters."""
    digits = ""
    while position:
        position, digit = divmod(position, len(Page.alphabet))
        digits = Page.alphabet[digit] + digits
    return parent_path + digits.rjust(Page.steplen, Page.alphabet[0])


def body(n):
    return [
        {"type": "paragraph", "value": f"<p>{LOREM * 3}</p>", "id": str(uuid.UUID(int=n))},
    ]


class Command(BaseCommand):
    help = "Add thousands of pages to the demo site for the load benchmark (bulk inserts)."

    def add_arguments(self, parser):
        parser.add_argument("--news-per-locale", type=int, default=10_000)
        parser.add_argument("--partners", type=int, default=200)
        parser.add_argument("--projects", type=int, default=200)
        parser.add_argument("--training", type=int, default=200)
        parser.add_argument(
            "--search-index", action="store_true", help="Rebuild the search index afterwards."
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        self.news(options["news_per_locale"])
        self.section("partners", options["partners"])
        self.section("projects", options["projects"])
        self.section("training", options["training"])
        if connection.vendor == "postgresql":
            # Fresh planner statistics: without them PostgreSQL plans the page tree queries
            # as if the tables were still small (autovacuum gets there only later).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        bump_generation()
        self.say(f"pages built in {time.monotonic() - started:.1f} s")
        if options["search_index"]:
            call_command("update_index", verbosity=0)
            self.say(f"search index rebuilt, total {time.monotonic() - started:.1f} s")
        self.say(f"total pages: {Page.objects.count()}")

    def say(self, message):
        self.stdout.write(message)
        self.stdout.flush()

    # Sections --------------------------------------------------------------------------

    def news(self, count):
        indexes = {
            index.locale.language_code: index
            for index in NewsIndexPage.objects.filter(alias_of__isnull=True).select_related(
                "locale"
            )
        }
        if not indexes:
            raise CommandError("No news index: run `manage.py seed_demo` first.")
        keys = [uuid.UUID(int=(1 << 100) + n) for n in range(count)]  # stable per article n
        categories = {
            c.locale_id: c for c in NewsCategory.objects.order_by("translation_key", "pk")
        }
        base_date = datetime.date(2026, 1, 1)
        for code, index in indexes.items():
            have = NewsPage.objects.child_of(index).filter(translation_key__in=keys).count()
            missing = range(have, count)
            if not missing:
                self.say(f"news [{code}]: {count} articles already there")
                continue
            started = time.monotonic()
            for chunk_start in range(missing.start, missing.stop, BATCH):
                chunk = range(chunk_start, min(chunk_start + BATCH, missing.stop))
                pages = [
                    NewsPage(
                        title=f"[{code}] Cluster news {n}",
                        slug=f"cluster-news-{n}",
                        translation_key=keys[n],
                        date=base_date - datetime.timedelta(days=n // 3),
                        intro=f"Article {n}: {LOREM}",
                        body=body(n),
                    )
                    for n in chunk
                ]
                created = self.bulk_add(index, pages)
                category = categories.get(index.locale_id)
                if category is not None:
                    through = NewsPage.categories.through
                    through.objects.bulk_create(
                        [through(newspage_id=p.pk, newscategory_id=category.pk) for p in created]
                    )
                done = chunk.stop - missing.start
                rate = done / max(time.monotonic() - started, 1e-6)
                self.say(f"news [{code}]: {chunk.stop}/{count} ({rate:.0f} pages/s)")

    def section(self, kind, count):
        if count <= 0:
            return
        index_model, model, make = {
            "partners": (PartnerIndexPage, PartnerPage, self.partner),
            "projects": (ProjectIndexPage, ProjectPage, self.project),
            "training": (TrainingIndexPage, TrainingResourcePage, self.resource),
        }[kind]
        index = index_model.objects.filter(locale=Locale.get_default()).first()
        if index is None:
            raise CommandError(f"No {kind} index: run `manage.py seed_demo` first.")
        have = model.objects.child_of(index).filter(slug__startswith="bench-").count()
        if have >= count:
            self.say(f"{kind}: {count} already there")
            return
        started = time.monotonic()
        self.bulk_add(index, [make(n) for n in range(have, count)])
        self.say(f"{kind}: {count} ({time.monotonic() - started:.1f} s)")

    def partner(self, n):
        return PartnerPage(
            title=f"Cluster organisation {n}",
            slug=f"bench-partner-{n}",
            organisation_name=f"Cluster organisation {n}",
            short_name=f"CO{n}",
            country=["FR", "ES", "HU", "DE", "IT"][n % 5],
            city="Lyon",
            organisation_type=OrganisationType.CLUSTER,
            role=ConsortiumRole.PARTNER,
            website="https://example.org/",
            intro=LOREM,
            description=body(n),
        )

    def project(self, n):
        return ProjectPage(
            title=f"Project {n}",
            slug=f"bench-project-{n}",
            acronym=f"PRJ{n}",
            full_name=f"Cluster project number {n}",
            programme="Erasmus+",
            action="KA202",
            grant_agreement_number=f"2019-1-FR01-KA202-{n:06d}",
            start_date=datetime.date(2019, 9, 1),
            end_date=datetime.date(2022, 8, 31),
            summary=LOREM,
        )

    def resource(self, n):
        return TrainingResourcePage(
            title=f"Training module {n}",
            slug=f"bench-module-{n}",
            summary=LOREM,
            theme=Theme.CLUSTER_MANAGEMENT,
            level=Level.INTRODUCTORY,
            format=Format.MODULE,
            workload_hours=3,
            provider="Cluster4Smart consortium",
            external_url="https://example.org/mooc/",
        )

    # Bulk insertion ------------------------------------------------------------------

    @transaction.atomic
    def bulk_add(self, parent, pages):
        """Insert live `pages` (unsaved instances of one page type) as the last children of
        `parent`, in one transaction. Returns the pages with their primary keys."""
        model = type(pages[0])
        parent = Page.objects.select_for_update().get(pk=parent.pk)
        last = parent.get_last_child()
        step = int(last.path[-Page.steplen :], 36) if last else 0
        depth = parent.depth + 1
        now = timezone.now()
        content_type = ContentType.objects.get_for_model(model)
        base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
        rows = []
        for offset, page in enumerate(pages, start=1):
            page.path = child_path(parent.path, step + offset)
            page.depth = depth
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.locale_id = parent.locale_id
            page.live = True
            page.has_unpublished_changes = False
            page.first_published_at = page.last_published_at = now
            page.live_revision = None
            page.draft_title = page.title
            page.content_type = content_type
            if not page.translation_key:
                page.translation_key = uuid.uuid4()
            rows.append(Page(**{f.attname: getattr(page, f.attname) for f in base_fields}))
        Page.objects.bulk_create(rows, batch_size=500)
        for page, row in zip(pages, rows, strict=True):
            page.pk = page.page_ptr_id = row.pk
        own_fields = list(model._meta.local_concrete_fields)
        table = connection.ops.quote_name(model._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(f.column) for f in own_fields)
        marks = ", ".join(["%s"] * len(own_fields))
        values = [
            [f.get_db_prep_save(getattr(page, f.attname), connection) for f in own_fields]
            for page in pages
        ]
        with connection.cursor() as cursor:
            for start in range(0, len(values), 500):  # multi-row INSERTs, 500 rows each
                chunk = values[start : start + 500]
                rows_sql = ", ".join([f"({marks})"] * len(chunk))
                cursor.execute(
                    f"INSERT INTO {table} ({columns}) VALUES {rows_sql}",
                    [value for row in chunk for value in row],
                )
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
        return pages


if __name__ == "__main__":
    Command().run_from_argv([sys.argv[0], "build_large_site", *sys.argv[1:]])
