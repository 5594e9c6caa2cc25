import datetime

import pytest
from django.utils import timezone

from conftest import tagged
from home.pages.factories import PortalImageFactory
from home.pages.localization import translate_object
from news.factories import NewsCategoryFactory, NewsIndexPageFactory, NewsPageFactory


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def make_news():
    """make_news(index, **fields): a published article under `index`."""

    def make(index, **fields):
        page = NewsPageFactory(parent=index, **fields)
        return publish(page)

    return make


@pytest.fixture
def news_index(home):
    return publish(NewsIndexPageFactory(parent=home))


@pytest.fixture
def news_indexes(homes, news_index, locales):
    """The news index in every language (translations made through wagtail-localize)."""
    pages = {"en": news_index}
    for code in ["fr", "es", "hu"]:
        pages[code] = translate_object(news_index, locales[code], tagged(code), strict=False)
    return pages


@pytest.fixture
def category(locales):
    return NewsCategoryFactory(name="Projects", slug="projects", locale=locales["en"])


@pytest.fixture
def image(db):
    return PortalImageFactory(title="Training session", description="People at a workshop")


@pytest.fixture
def translate():
    def do(instance, locale, **kwargs):
        return translate_object(
            instance, locale, tagged(locale.language_code), strict=False, **kwargs
        )

    return do


def days_ago(n):
    return timezone.now() - datetime.timedelta(days=n)


@pytest.fixture
def events_index(home):
    from news.factories import EventIndexPageFactory

    return publish(EventIndexPageFactory(parent=home))


@pytest.fixture
def events_indexes(homes, events_index, locales):
    """The events index in every language (translations made through wagtail-localize)."""
    pages = {"en": events_index}
    for code in ["fr", "es", "hu"]:
        pages[code] = translate_object(events_index, locales[code], tagged(code), strict=False)
    return pages


@pytest.fixture
def make_event():
    """make_event(index, **fields): a published event under `index`."""
    from news.factories import EventPageFactory

    def make(index, **fields):
        return publish(EventPageFactory(parent=index, **fields))

    return make
