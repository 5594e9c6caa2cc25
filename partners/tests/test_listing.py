"""The consortium listing: order, filters (country, type, project), bad filter values, the
active language only, and a fixed query budget."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import ProjectIndexPage, ProjectPage
from partners.factories import PartnerPageFactory, PartnerProjectRoleFactory
from partners.models import ConsortiumRole, OrganisationType

pytestmark = pytest.mark.django_db


def names_in_order(html, names):
    positions = {name: html.find(name) for name in names}
    assert all(position >= 0 for position in positions.values()), positions
    return sorted(names, key=positions.get)


@pytest.fixture
def consortium(indexes):
    index = indexes["en"]
    return {
        "hu": PartnerPageFactory(
            parent=index, title="Alpha Hungary", country="HU", city="Budapest"
        ),
        "es": PartnerPageFactory(
            parent=index,
            title="Beta Spain",
            country="ES",
            organisation_type=OrganisationType.UNIVERSITY,
        ),
        "fr2": PartnerPageFactory(parent=index, title="Delta France", country="FR"),
        "fr1": PartnerPageFactory(
            parent=index,
            title="Charlie France",
            country="FR",
            organisation_type=OrganisationType.COMPANY,
            role=ConsortiumRole.ASSOCIATED,
        ),
        "coord": PartnerPageFactory(
            parent=index,
            title="Zulu Coordinator",
            country="HU",
            role=ConsortiumRole.COORDINATOR,
        ),
    }


@pytest.fixture
def projects(homes):
    index = ProjectIndexPage(title="Projects", slug="projects")
    homes["en"].add_child(instance=index)
    index.save_revision().publish()
    pages = {}
    for slug in ("cluster4smart", "brilliant"):
        page = ProjectPage(title=slug.title(), slug=slug)
        index.add_child(instance=page)
        page.save_revision().publish()
        pages[slug] = page
    return pages


def test_coordinator_first_then_country_then_name(client, consortium, indexes):
    html = client.get(indexes["en"].url).text
    order = names_in_order(html, [p.title for p in consortium.values()])
    # Countries in English: France, Hungary, Spain.
    assert order == [
        "Zulu Coordinator",
        "Charlie France",
        "Delta France",
        "Alpha Hungary",
        "Beta Spain",
    ]


def test_country_order_follows_the_visitors_language(client, consortium, indexes, locales):
    from home.pages.localization import translate_object

    for page in consortium.values():
        translate_object(page, locales["hu"], lambda text: text, strict=False)
    html = client.get(indexes["hu"].url).text
    # In Hungarian: Franciaország, Magyarország, Spanyolország.
    assert names_in_order(html, ["Delta France", "Alpha Hungary", "Beta Spain"]) == [
        "Delta France",
        "Alpha Hungary",
        "Beta Spain",
    ]


def test_filter_by_country_and_type(client, consortium, indexes):
    url = indexes["en"].url
    html = client.get(url, {"country": "FR"}).text
    assert "Charlie France" in html and "Delta France" in html
    assert "Alpha Hungary" not in html and "Beta Spain" not in html
    html = client.get(url, {"type": "university"}).text
    assert "Beta Spain" in html and "Charlie France" not in html
    html = client.get(url, {"country": "FR", "type": "company"}).text
    assert "Charlie France" in html and "Delta France" not in html


def test_filter_choices_offer_only_what_exists(client, consortium, indexes):
    form = client.get(indexes["en"].url).context["filter_form"]
    assert [value for value, _label in form.fields["country"].choices] == ["", "FR", "HU", "ES"]
    assert "public_body" not in dict(form.fields["type"].choices)


def test_filter_by_project(client, consortium, projects, indexes):
    PartnerProjectRoleFactory(
        partner=consortium["es"], project=projects["brilliant"], role=ConsortiumRole.COORDINATOR
    )
    PartnerProjectRoleFactory(partner=consortium["hu"], project=projects["cluster4smart"])
    response = client.get(indexes["en"].url, {"project": projects["brilliant"].pk})
    assert "Beta Spain" in response.text
    assert "Alpha Hungary" not in response.text
    assert [label for _v, label in response.context["filter_form"].fields["project"].choices][
        1:
    ] == ["Brilliant", "Cluster4Smart"]


def test_partner_page_lists_its_projects_and_a_project_lists_its_partners(
    client, consortium, projects
):
    PartnerProjectRoleFactory(
        partner=consortium["es"], project=projects["brilliant"], role=ConsortiumRole.COORDINATOR
    )
    html = client.get(consortium["es"].url).text
    assert projects["brilliant"].url in html
    assert "Coordinator" in html
    assert [role.partner.title for role in projects["brilliant"].partner_roles.all()] == [
        "Beta Spain"
    ]


@pytest.mark.parametrize(
    "query",
    [
        {"country": "XX"},
        {"country": "<script>alert(1)</script>"},
        {"type": "spaceship"},
        {"project": "abc"},
        {"project": "999999"},
        {"country": "FR", "type": "nope"},
        {"country": "x" * 5000},
    ],
)
def test_bad_filter_values_are_ignored_with_a_message(client, consortium, indexes, query):
    response = client.get(indexes["en"].url, query)
    assert response.status_code == 200
    assert "partner-filters__notice" in response.text
    assert "<script>alert(1)</script>" not in response.text
    if query.get("country") == "FR":
        assert "Alpha Hungary" not in response.text  # the valid filter still applies
    else:
        assert "Alpha Hungary" in response.text


def test_only_partners_of_the_active_language(client, consortium, indexes, locales):
    from home.pages.localization import translate_object

    french = translate_object(
        consortium["es"], locales["fr"], lambda text: f"FR {text}", strict=False
    )
    html = client.get(indexes["fr"].url).text
    assert french.url in html
    assert consortium["es"].url not in html
    assert "Alpha Hungary" not in html
    assert "Espagne" in html


def test_unpublished_partner_is_not_listed(client, consortium, indexes):
    consortium["hu"].unpublish()
    assert "Alpha Hungary" not in client.get(indexes["en"].url).text


def _count_queries(client, url):
    client.get(url)  # warm-up: renditions are created on the first view
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_budget_is_the_same_for_5_and_50_partners(
    client, indexes, projects, django_assert_max_num_queries
):
    from home.pages.factories import PortalImageFactory

    index = indexes["en"]
    url = index.url + "?project=" + str(projects["cluster4smart"].pk)

    def add(n):
        for _ in range(n):
            partner = PartnerPageFactory(parent=index, logo=PortalImageFactory())
            PartnerProjectRoleFactory(partner=partner, project=projects["cluster4smart"])

    add(5)
    few = _count_queries(client, url)
    add(45)
    many = _count_queries(client, url)
    assert few == many
    with django_assert_max_num_queries(few):
        client.get(index.url)


def test_partner_page_query_budget(client, consortium, projects):
    partner = consortium["es"]
    PartnerProjectRoleFactory(partner=partner, project=projects["brilliant"])
    few = _count_queries(client, partner.url)
    PartnerProjectRoleFactory(partner=partner, project=projects["cluster4smart"])
    assert _count_queries(client, partner.url) == few


def test_partner_index_is_paginated_and_keeps_the_filters(client, consortium, indexes, settings):
    settings.PARTNERS_PAGE_SIZE = 2
    url = indexes["en"].url
    first = client.get(url)
    assert names_in_order(first.text, ["Zulu Coordinator", "Charlie France"]) == [
        "Zulu Coordinator",
        "Charlie France",
    ]
    assert "Delta France" not in first.text
    assert "5 organisations" in first.text  # the whole list, not the page
    assert "Page 1 of 3" in first.text
    second = client.get(url + "?page=2")
    assert names_in_order(second.text, ["Delta France", "Alpha Hungary"]) == [
        "Delta France",
        "Alpha Hungary",
    ]
    assert "Beta Spain" in client.get(url + "?page=3").text
    # The filters stay in the page links, and filter the later pages too.
    filtered = client.get(url, {"country": "HU"})
    assert "Page 1 of 1" not in filtered.text  # two Hungarians: one page, no pagination
    settings.PARTNERS_PAGE_SIZE = 1
    filtered = client.get(url, {"country": "HU"})
    assert 'href="?country=HU&amp;page=2"' in filtered.text
    second = client.get(url, {"country": "HU", "page": "2"})
    assert "Alpha Hungary" in second.text
    assert "Zulu Coordinator" not in second.text and "Beta Spain" not in second.text


@pytest.mark.parametrize(
    "query", ["page=abc", "page=0", "page=-1", "page=4", "page=999999", "page=" + "9" * 5000]
)
def test_bad_partner_index_page_numbers_are_404(client, consortium, indexes, settings, query):
    settings.PARTNERS_PAGE_SIZE = 2
    assert client.get(indexes["en"].url + "?page=3").status_code == 200
    assert client.get(f"{indexes['en'].url}?{query}").status_code == 404


def test_partner_index_query_count_is_the_same_on_every_page(
    client, indexes, settings, django_assert_max_num_queries
):
    from home.pages.factories import PortalImageFactory

    settings.PARTNERS_PAGE_SIZE = 4
    index = indexes["en"]
    for number in range(5):
        PartnerPageFactory(parent=index, title=f"Partner {number}", logo=PortalImageFactory())
    first = _count_queries(client, index.url)
    for number in range(5, 40):
        PartnerPageFactory(parent=index, title=f"Partner {number}", logo=PortalImageFactory())
    for url in [index.url, index.url + "?page=2", index.url + "?page=10"]:
        assert _count_queries(client, url) == first, url
