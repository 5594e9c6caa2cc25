"""System checks of the page cache, registered by HomeConfig.ready()."""

from django.core import checks

from home.pagecache.cache import unshared_cache_problem


@checks.register(checks.Tags.caches, deploy=True)
def shared_cache_check(app_configs=None, **kwargs):
    """`manage.py check --deploy` names a per-process cache under the production settings
    (the workers would refuse to start with it)."""
    problem = unshared_cache_problem()
    if problem is None:
        return []
    return [
        checks.Error(
            problem,
            hint="CACHE_URL=redis://host:6379/0 (docs/deployment.md), or PAGE_CACHE=off.",
            id="portal.pagecache.E001",
        )
    ]
