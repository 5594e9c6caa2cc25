import pytest

from home.legal.factories import make_legal_pages


@pytest.fixture
def legal(site, homes, locales):
    return make_legal_pages(site, homes, locales)
