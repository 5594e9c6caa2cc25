"""The page cache's Wagtail hooks (loaded by home/wagtail_hooks.py)."""

from wagtail import hooks

from home.pagecache.cache import note_page_query_params


@hooks.register("before_serve_page")
def page_query_params(page, request, serve_args, serve_kwargs):
    """Which query parameters the page being served reads (its `cache_query_params`): a
    request with others is not stored in the page cache."""
    note_page_query_params(request, page)
