import pytest

from conftest import tagged
from home.pages.factories import StandardPageFactory
from home.pages.localization import translate_object

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(homes, locales):
    page = StandardPageFactory(parent=homes["en"], title="Industry training", slug="training")
    translate_object(page, locales["fr"], tagged("fr"), strict=False)
    return page


def test_search_returns_only_the_active_language(client, pages, locales):
    english = client.get("/en/search/?q=Industry")
    french = client.get("/fr/search/?q=Industry")
    assert "/en/training/" in english.text
    assert pages.get_translation(locales["fr"]).url not in english.text
    assert pages.get_translation(locales["fr"]).url in french.text
    assert "/en/training/" not in french.text


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "a AND OR NOT b", "*", "(((", "\x00\x07bell", "x" * 5000, "<script>", "'; --"],
)
def test_odd_queries_never_fail(client, pages, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>" not in response.text.split("<main")[1]


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999999"])
def test_bad_page_numbers_give_a_page(client, pages, page):
    assert client.get("/en/search/", {"q": "Industry", "page": page}).status_code == 200


def test_query_is_echoed_escaped(client, pages):
    response = client.get("/en/search/", {"q": '<b>"x"</b>'})
    assert "&lt;b&gt;&quot;x&quot;&lt;/b&gt;" in response.text
