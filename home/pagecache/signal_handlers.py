"""Invalidation of the page cache (and of everything kept under its content generation):
connected by `register_signal_handlers()`, which HomeConfig.ready() calls, so that every process
that loads the apps invalidates (web workers, management commands, shells, the scheduler), as
Wagtail's contrib.frontend_cache does.

Only changes that visitors can see bump the generation (home.pagecache.cache.save_is_visible);
each bump reaches the database when the transaction commits, and the CDN purge is sent then."""

import logging

from django.db import DatabaseError, transaction
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_migrate,
    post_save,
    pre_migrate,
)
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import (
    page_published as page_published_signal,
)
from wagtail.signals import (
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from home.pagecache.cache import (
    bump_generation,
    is_site_wide,
    migrating,
    purge_frontend_cache,
    purge_whole_site,
    save_is_visible,
    urls_for_url_path,
)

logger = logging.getLogger("portal.caching")


def content_saved(sender, instance, raw=False, created=False, update_fields=None, **kwargs):
    if raw or not save_is_visible(sender, instance, created, update_fields):
        return
    changed(sender, instance)


def content_deleted(sender, instance, **kwargs):
    if not save_is_visible(sender, instance):
        return
    changed(sender, instance)


def changed(sender, instance):
    bump_generation()
    if isinstance(instance, PageViewRestriction):
        # Privacy: the page and everything below it (a section made private), and the
        # listings above that showed them.
        purge_frontend_cache(instance.page, descendants=True)
    elif is_site_wide(sender):
        purge_whole_site()


def restriction_groups_changed(sender, instance, action, **kwargs):
    """The groups of a group view restriction (a many-to-many change: no save)."""
    if action in ("post_add", "post_remove", "post_clear"):
        changed(type(instance), instance)


def page_published(sender, instance, **kwargs):
    """Wagtail sends page_published for a page scheduled to go live later too: nothing that
    visitors see has changed until the scheduler publishes it."""
    if instance.live:
        page_changed(sender, instance)


def page_changed(sender, instance, **kwargs):
    bump_generation()
    purge_frontend_cache(instance)


def snippet_published(sender, instance, **kwargs):
    """A snippet with a draft state published or unpublished (pages have their own signals)."""
    if isinstance(instance, Page) or not getattr(instance, "live", True):
        return  # a page (its own signals), or scheduled to go live later
    bump_generation()
    purge_whole_site()


def page_moved(sender, instance, parent_page_before=None, url_path_before=None, **kwargs):
    bump_generation()
    old_urls = []
    if url_path_before:
        old_urls = urls_for_url_path(url_path_before, instance.locale.language_code)
    purge_frontend_cache(instance, extra_urls=old_urls, extra_pages=[parent_page_before])


def migration_started(sender, **kwargs):
    migrating["now"] = True


def migration_finished(sender, using="default", **kwargs):
    """Sent for each app once every migration has run: what the migrations changed is made
    stale once (by the first app's signal)."""
    if not migrating["now"]:
        return
    migrating["now"] = False
    try:
        with transaction.atomic(using=using):
            bump_generation()
    except DatabaseError:  # migrated back to before the generation's table
        logger.warning("No content generation table: the page cache was not invalidated")


def register_signal_handlers():
    pre_migrate.connect(migration_started, dispatch_uid="portal-pagecache-pre-migrate")
    post_migrate.connect(migration_finished, dispatch_uid="portal-pagecache-post-migrate")
    post_save.connect(content_saved, dispatch_uid="portal-pagecache-save")
    post_delete.connect(content_deleted, dispatch_uid="portal-pagecache-delete")
    for restriction in (PageViewRestriction, CollectionViewRestriction):
        m2m_changed.connect(
            restriction_groups_changed,
            sender=restriction.groups.through,
            dispatch_uid=f"portal-pagecache-groups-{restriction.__name__}",
        )
    page_published_signal.connect(page_published, dispatch_uid="portal-pagecache-published")
    page_unpublished.connect(page_changed, dispatch_uid="portal-pagecache-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="portal-pagecache-moved")
    published.connect(snippet_published, dispatch_uid="portal-pagecache-snippet-published")
    unpublished.connect(snippet_published, dispatch_uid="portal-pagecache-snippet-unpublished")
