"""Invalidation follows what visitors can see: draft saves, revisions, locks, link-check rows and
the scheduler's bookkeeping leave the cached pages alone; publishing, unpublishing, moving and
deleting pages, privacy changes, snippets, settings, images and documents make them stale, bump
the database's generation and purge the CDN, once the transaction commits."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_factories import DocumentFactory

from home.operations.models import ScheduledJob
from home.pagecache.cache import HIT_HEADER, stored_generation
from home.pagecache.tests.test_caching import RecordingBackend
from home.pages.factories import FundingStatementFactory, PortalImageFactory, StandardPageFactory
from home.pages.models import SiteSettings
from news.factories import NewsIndexPageFactory, NewsPageFactory
from training.models import LinkCheck


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PORTAL_PAGE_CACHE_ENABLED = True
    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "home.pagecache.tests.test_caching.RecordingBackend"}
    }
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    cache.clear()
    RecordingBackend.purged = []
    yield
    cache.clear()


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def news_index(home):
    return publish(NewsIndexPageFactory(parent=home))


@pytest.fixture
def article(news_index):
    return publish(NewsPageFactory(parent=news_index, title="Cluster managers meet in Lyon"))


@pytest.fixture
def about(home):
    return publish(StandardPageFactory(parent=home, title="About the project", slug="about"))


def warm(client, *urls):
    for url in urls:
        client.get(url)
        assert client.get(url)[HIT_HEADER] == "hit", url


def still_hits(client, *urls):
    return all(client.get(url).get(HIT_HEADER) == "hit" for url in urls)


@pytest.fixture
def change(django_capture_on_commit_callbacks):
    """Runs a change in a transaction the test then commits; returns (callbacks, generation
    in the database before the commit, after it, purged URLs before the commit)."""

    def run(action):
        before = stored_generation()
        RecordingBackend.purged = []
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            action()
        uncommitted = (stored_generation(), list(RecordingBackend.purged))
        for callback in callbacks:
            callback()
        return before, uncommitted, stored_generation()

    return run


def assert_invisible(client, change, action, urls):
    warm(client, *urls)
    before, (generation_uncommitted, _purged), after = change(action)
    assert generation_uncommitted == before
    assert after == before, "the database's generation moved"
    assert RecordingBackend.purged == []
    assert still_hits(client, *urls)


def assert_visible(client, change, action, urls, purged):
    warm(client, *urls)
    before, (generation_uncommitted, purged_uncommitted), after = change(action)
    # Nothing leaves before the commit: no purge, the database's generation unchanged...
    assert generation_uncommitted == before
    assert purged_uncommitted == []
    # ...and both once it commits.
    assert after == before + 1
    for url in urls:
        assert client.get(url).get(HIT_HEADER) != "hit", url
    assert set(purged) <= set(RecordingBackend.purged)


# Internal bookkeeping: nothing visitors see ---------------------------------------------


def test_a_draft_save_does_not_invalidate(client, change, article, news_index):
    def draft():
        article.title = "A draft title"
        article.save_revision()

    assert_invisible(client, change, draft, [article.url, news_index.url])
    assert "A draft title" not in client.get(news_index.url).text


def test_saving_a_draft_in_the_admin_does_not_invalidate(admin_client, client, change, home):
    data = nested_form_data(
        {
            "title": "Cluster4Smart",
            "slug": home.slug,
            "hero_heading": "A heading saved as a draft",
            "intro": "",
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )

    def save_draft():
        response = admin_client.post(f"/admin/pages/{home.id}/edit/", data)
        assert response.status_code == 302

    assert_invisible(client, change, save_draft, ["/en/"])
    assert "A heading saved as a draft" not in client.get("/en/").text

    def publish_in_admin():
        response = admin_client.post(
            f"/admin/pages/{home.id}/edit/", {**data, "action-publish": "publish"}
        )
        assert response.status_code == 302

    assert_visible(client, change, publish_in_admin, ["/en/"], ["http://testserver/en/"])
    assert "A heading saved as a draft" in client.get("/en/").text


def test_a_new_draft_page_and_a_scheduled_one_do_not_invalidate(client, change, news_index):
    def create_drafts():
        NewsPageFactory(parent=news_index, title="Not yet", live=False)
        scheduled = NewsPageFactory(parent=news_index, title="Next Monday", live=False)
        scheduled.go_live_at = timezone.now() + datetime.timedelta(days=3)
        scheduled.save_revision().publish()

    assert_invisible(client, change, create_drafts, [news_index.url])


def test_locking_a_page_does_not_invalidate(admin_client, client, change, article):
    def lock():
        assert admin_client.post(f"/admin/pages/{article.id}/lock/").status_code == 302

    assert_invisible(client, change, lock, [article.url])


def test_link_checks_and_scheduler_runs_do_not_invalidate(client, change, article):
    def bookkeeping():
        check = LinkCheck.objects.create(url="https://example.org/", status="ok")
        check.pages.add(article)
        check.status = "error"
        check.save()
        job = ScheduledJob.objects.create(
            name="check-links", command="check_links", every=60, next_run=timezone.now()
        )
        job.next_run = timezone.now() + datetime.timedelta(minutes=1)
        job.save()
        check.delete()

    assert_invisible(client, change, bookkeeping, [article.url])


# What visitors see: stale at once, the database's generation and the CDN after commit -------


def test_publish_unpublish_move_and_delete_invalidate(client, change, about, article, news_index):
    article_url = "http://testserver" + article.url
    index_url = "http://testserver" + news_index.url

    def edit():
        article.title = "Cluster managers meet in Lyon again"
        publish(article)

    assert_visible(client, change, edit, [article.url, news_index.url], [article_url, index_url])
    assert_visible(client, change, article.unpublish, [news_index.url], [article_url, index_url])
    publish(article)
    assert_visible(
        client,
        change,
        lambda: article.move(about, pos="last-child"),
        [news_index.url, about.url],
        [article_url, "http://testserver/en/about/"],
    )
    article.refresh_from_db()
    moved_url = "http://testserver" + article.url
    assert_visible(client, change, article.delete, [about.url], [moved_url])
    assert client.get(article.url).status_code == 404


def test_privacy_changes_invalidate_and_purge_the_section(client, change, news_index, article):
    urls = [news_index.url, article.url]
    section = ["http://testserver" + news_index.url, "http://testserver" + article.url]
    group = Group.objects.create(name="Consortium")
    holder = {}

    def make_private():
        holder["restriction"] = PageViewRestriction.objects.create(
            page=news_index, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )

    def change_password():
        holder["restriction"].password = "another secret"
        holder["restriction"].save()

    def groups_instead():
        restriction = holder["restriction"]
        restriction.restriction_type = PageViewRestriction.GROUPS
        restriction.save()
        restriction.groups.add(group)

    def make_public():
        holder["restriction"].delete()

    # Public pages cached, then the section made private: the page and its article are no
    # longer served from the cache, and both are purged from the CDN.
    assert_visible(client, change, make_private, urls, section)
    assert "password" in client.get(news_index.url).text.lower()
    before = stored_generation()
    for action in (change_password, groups_instead):
        RecordingBackend.purged = []
        change(action)
        assert set(section) <= set(RecordingBackend.purged)
    assert stored_generation() > before
    # The groups alone (a many-to-many change, no save).
    before = stored_generation()
    RecordingBackend.purged = []
    change(lambda: holder["restriction"].groups.remove(group))
    assert stored_generation() == before + 1
    assert set(section) <= set(RecordingBackend.purged)
    # Public again: served and purged.
    RecordingBackend.purged = []
    change(make_public)
    assert set(section) <= set(RecordingBackend.purged)
    assert client.get(article.url).status_code == 200


def test_snippets_settings_images_and_documents_invalidate_the_whole_site(
    client, change, site, home, article, news_index
):
    urls = ["/en/", article.url, news_index.url]
    everywhere = ["http://testserver" + url for url in urls]
    statement = FundingStatementFactory()
    settings_row = SiteSettings.for_site(site)

    def snippet():
        statement.disclaimer = "The views expressed are those of the authors alone."
        statement.save()

    def site_settings():
        settings_row.funding_statement = statement
        settings_row.save()

    image = PortalImageFactory()
    document = DocumentFactory()

    def image_edit():
        image.title = "Lyon meeting"
        image.save()

    def document_edit():
        document.title = "Project brochure"
        document.save()

    for action in (snippet, site_settings, image_edit, document_edit, image.delete):
        assert_visible(client, change, action, urls, everywhere)
    assert_visible(
        client,
        change,
        lambda: get_document_model().objects.get(pk=document.pk).delete(),
        urls,
        everywhere,
    )


def test_a_rolled_back_change_bumps_nothing_in_the_database(client, change, article):
    warm(client, article.url)
    before = stored_generation()
    with pytest.raises(RuntimeError), transaction.atomic():
        article.title = "Never committed"
        publish(article)
        raise RuntimeError
    assert stored_generation() == before
