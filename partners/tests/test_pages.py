"""The partner pages in every language: templates, tree rules, JSON-LD, news and projects."""

import json
import re

import pytest
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from conftest import LANGUAGES
from home.models import HomePage, StandardPage
from home.pages.factories import StandardPageFactory
from partners.models import PartnerIndexPage, PartnerPage

pytestmark = pytest.mark.django_db


def json_ld_of(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


@pytest.mark.parametrize("code", LANGUAGES)
def test_index_renders_in_each_language(client, partners_a, indexes, code):
    response = client.get(indexes[code].url)
    assert response.status_code == 200
    assert "partners/partner_index_page.html" in [t.name for t in response.templates]
    assert f'<html lang="{code}"' in response.text
    assert partners_a[code].url in response.text


@pytest.mark.parametrize("code", LANGUAGES)
def test_partner_page_renders_in_each_language(client, partners_a, code):
    response = client.get(partners_a[code].url)
    assert response.status_code == 200
    assert "partners/partner_page.html" in [t.name for t in response.templates]
    assert "Pôle SCS – Solutions Communicantes Sécurisées" in response.text
    country = {"en": "France", "fr": "France", "es": "Francia", "hu": "Franciaország"}[code]
    assert country in response.text
    # The sub-page renders in every language too.
    assert client.get(partners_a["team"][code].url).status_code == 200


def test_country_is_shown_in_the_visitors_language(client, partner_b, indexes):
    assert "Spain" in client.get(partner_b.url).text


def test_contact_is_shown_only_when_filled(client, partner_a):
    assert 'id="partner-contact"' not in client.get(partner_a.url).text
    partner_a.contact_email = "contact@example.org"
    partner_a.save_revision().publish()
    response = client.get(partner_a.url)
    assert 'id="partner-contact"' in response.text
    assert "mailto:contact@example.org" in response.text


def test_json_ld_organization_parses_and_escapes(client, partner_a):
    partner_a.organisation_name = "</script><script>alert(1)</script> & Co"
    partner_a.contact_email = "contact@example.org"
    partner_a.save_revision().publish()
    response = client.get(partner_a.url)
    assert "<script>alert(1)" not in response.text
    (data,) = json_ld_of(response.text)
    assert data["@type"] == "Organization"
    assert data["name"] == "</script><script>alert(1)</script> & Co"
    assert data["alternateName"] == "SCS"
    assert data["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "FR",
        "addressLocality": "Sophia Antipolis",
    }
    assert data["url"] == partner_a.full_url
    assert data["contactPoint"]["email"] == "contact@example.org"


def test_tree_rules():
    assert PartnerIndexPage.parent_page_types == ["home.HomePage"]
    assert PartnerPage.allowed_parent_page_models() == [PartnerIndexPage]
    assert PartnerIndexPage.allowed_subpage_models() == [PartnerPage]
    assert PartnerPage.allowed_subpage_models() == [StandardPage]
    assert PartnerPage in StandardPage.allowed_parent_page_models()


def test_one_index_per_home_but_one_in_each_language(indexes, homes):
    for home in homes.values():
        home.refresh_from_db()  # its child count changed when the index was translated
        assert not PartnerIndexPage.can_create_at(home)
    assert PartnerIndexPage.objects.count() == 4
    other_home = HomePage(title="Other", slug="other")
    homes["en"].get_parent().add_child(instance=other_home)
    assert PartnerIndexPage.can_create_at(other_home)


def test_subpages_are_listed_on_the_partner_page(client, partners_a):
    team = partners_a["team"]["en"]
    team.show_in_menus = True
    team.save_revision().publish()
    response = client.get(partners_a["en"].url)
    assert team.url in response.text


def test_partner_page_admin_form_round_trip(admin_client, indexes):
    url = f"/admin/pages/add/partners/partnerpage/{indexes['en'].pk}/"
    assert admin_client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "Budapest cluster",
            "slug": "budapest-cluster",
            "organisation_name": "Budapest cluster",
            "short_name": "BC",
            "country": "HU",
            "city": "Budapest",
            "organisation_type": "cluster",
            "role": "partner",
            "website": "https://example.org/",
            "description": streamfield([("paragraph", rich_text("<p>Members in Budapest.</p>"))]),
            "project_roles": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page = PartnerPage.objects.get(slug="budapest-cluster")
    assert page.live and page.country.code == "HU"
    assert "Members in Budapest." in page.description[0].value.source
    hu = Locale.objects.get(language_code="hu")
    assert page.locale != hu


def test_bad_country_is_a_form_error(admin_client, indexes):
    url = f"/admin/pages/add/partners/partnerpage/{indexes['en'].pk}/"
    data = nested_form_data(
        {
            "title": "X",
            "slug": "x",
            "organisation_name": "X",
            "country": "ZZ",
            "organisation_type": "cluster",
            "role": "partner",
            "description": streamfield([]),
            "project_roles": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "country" in response.context["form"].errors
    assert not PartnerPage.objects.filter(slug="x").exists()


def test_standard_page_can_be_added_under_a_partner(partner_a):
    StandardPageFactory(parent=partner_a, slug="results")
    assert StandardPage.can_create_at(partner_a)
