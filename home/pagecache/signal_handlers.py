"""Invalidation of the page cache (and of everything kept under its content generation):
connected by `register_signal_handlers()`, which HomeConfig.ready() calls, so that every process
that loads the apps invalidates (web workers, management commands, shells, the scheduler), as
Wagtail's contrib.frontend_cache does."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.pagecache.cache import (
    bump_generation,
    is_setting,
    model_affects_pages,
    purge_frontend_cache,
    urls_for_url_path,
)


def content_changed(sender, instance, raw=False, created=False, **kwargs):
    if raw or not model_affects_pages(sender):
        return
    if created and is_setting(sender):
        # Settings.for_site() creates a row of defaults while a page renders: that row is
        # what the page was rendered with, so nothing changed.
        return
    bump_generation()


def page_changed(sender, instance, **kwargs):
    bump_generation()
    purge_frontend_cache(instance)


def page_moved(sender, instance, parent_page_before=None, url_path_before=None, **kwargs):
    bump_generation()
    old_urls = []
    if url_path_before:
        old_urls = urls_for_url_path(url_path_before, instance.locale.language_code)
    purge_frontend_cache(instance, extra_urls=old_urls, extra_pages=[parent_page_before])


def view_restriction_changed(sender, instance, raw=False, **kwargs):
    """A page and everything under it became private (or public again): the CDN may hold
    them, so purge them (the generation is bumped by `content_changed`)."""
    if raw:
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    for changed in Page.objects.descendant_of(page, inclusive=True).specific(defer=True):
        purge_frontend_cache(changed)


def register_signal_handlers():
    post_save.connect(content_changed, dispatch_uid="portal-pagecache-save")
    post_delete.connect(content_changed, dispatch_uid="portal-pagecache-delete")
    page_published.connect(page_changed, dispatch_uid="portal-pagecache-published")
    page_unpublished.connect(page_changed, dispatch_uid="portal-pagecache-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="portal-pagecache-moved")
    for signal in (post_save, post_delete):
        signal.connect(
            view_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"portal-pagecache-privacy-{signal is post_save}",
        )
