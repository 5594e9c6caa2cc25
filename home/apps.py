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
        post_migrate.connect(ensure_locales, sender=self)
        # Optional automatic translation drafts on publish (PORTAL_AUTO_TRANSLATION_DRAFTS).
        from home.translation import signal_handlers  # noqa: F401
