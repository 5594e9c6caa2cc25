"""What the base app may show of the section apps without importing them (home never imports
news, training or partners): whether a section's template library is there to be loaded."""

import importlib.util

from django.apps import apps


def news_tags_available():
    """True when the news app is installed and provides `{% news_about %}` (its news_tags
    template library): project and partner pages then list the news about them."""
    if not apps.is_installed("news"):
        return False
    try:
        return importlib.util.find_spec("news.templatetags.news_tags") is not None
    except ImportError:
        return False
