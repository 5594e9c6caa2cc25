"""Fixtures shared by every app's tests: the four locales, the site with a home page in each
language (translations linked through wagtail-localize) and the site's funding statement."""

import pytest
from django.core.cache import caches
from wagtail.models import Locale, Site

from home.pages.factories import FundingStatementFactory
from home.pages.localization import translate_object
from home.pages.models import HomePage, SiteSettings

LANGUAGES = ["en", "fr", "es", "hu"]


def tagged(code):
    """A stand-in translator for tests: prefixes each string with its language code."""
    return lambda text: f"[{code}] {text}"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache, as a newly deployed site does: content a previous
    test rolled back (without the signals that make cached data stale) must not be served."""
    caches["default"].clear()


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get(language_code=code) for code in LANGUAGES}


@pytest.fixture
def site(db):
    site = Site.objects.get(is_default_site=True)
    site.hostname = "testserver"
    site.site_name = "Cluster4Smart"
    site.save()
    return site


@pytest.fixture
def home(site):
    """The English home page (the site root) with its title set."""
    page = HomePage.objects.get(id=site.root_page_id)
    page.title = "Cluster4Smart"
    page.hero_heading = "Cluster managers for Industry 4.0"
    page.save_revision().publish()
    return page


@pytest.fixture
def homes(home, locales):
    """The home page in every language, the translations made through wagtail-localize."""
    pages = {"en": home}
    for code in LANGUAGES[1:]:
        pages[code] = translate_object(home, locales[code], tagged(code), strict=False)
    return pages


@pytest.fixture
def funding(site, locales):
    """The site's funding statement, translated into French (not into the other languages)."""
    statement = FundingStatementFactory(locale=locales["en"])
    translate_object(
        statement,
        locales["fr"],
        lambda text: text.replace("has received funding", "a reçu un financement"),
        strict=False,
    )
    settings = SiteSettings.for_site(site)
    settings.funding_statement = statement
    settings.save()
    return statement
