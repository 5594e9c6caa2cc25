from django.apps import AppConfig
from django.db.models.signals import post_migrate


def ensure_locales(sender, using="default", **kwargs):
    """Keep a Locale for every configured content language, so adding a language to the
    settings is enough for editors to translate into it."""
    from django.conf import settings
    from wagtail.models import Locale

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=code)


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"

    def ready(self):
        # Imported here, as Django asks: these modules import models, which apps.py may not
        # do when it is imported (the app registry is not ready yet).
        from home.operations.resilience import cache_recovered
        from home.pagecache import checks  # noqa: F401 (registers the system checks)
        from home.pagecache.cache import resync_after_outage
        from home.pagecache.signal_handlers import register_signal_handlers as page_cache
        from home.translation.signal_handlers import register_signal_handlers as translation

        post_migrate.connect(ensure_locales, sender=self)
        # Invalidation of the page cache, in every process that loads the apps (web workers,
        # management commands, shells), as Wagtail's contrib.frontend_cache does.
        page_cache()
        # A change published while the cache was unreachable bumped the content generation in
        # the database only: the first process to reach the cache again re-syncs its copy.
        cache_recovered.connect(resync_after_outage, dispatch_uid="portal-pagecache-recovered")
        # Optional automatic translation drafts on publish (PORTAL_AUTO_TRANSLATION_DRAFTS).
        translation()
