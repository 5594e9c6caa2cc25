"""The partners demo content: the whole consortium in four languages (the coordinator first,
nothing stated beyond the known facts), every partner linked to the Cluster4Smart project, the
two partner editor logins each editing only its own organisation's pages, and a second run
that creates nothing."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import GroupPagePermission, Page

import home.demo.content
import partners.demo
import training.demo
from home.demo.site import DemoSite
from partners.models import PartnerAccess, PartnerPage

pytestmark = pytest.mark.django_db


def seed():
    demo = DemoSite(stdout=StringIO())
    for module in sorted((home.demo.content, training.demo, partners.demo), key=lambda m: m.ORDER):
        module.seed(demo)
    return demo


def test_demo_seed_is_idempotent_and_complete(client):
    seed()
    counts = (Page.objects.count(), GroupPagePermission.objects.count())
    again = seed()
    assert (Page.objects.count(), GroupPagePermission.objects.count()) == counts
    assert again.created == 0
    assert ("Partner editor (SCS)", "partner", "changeme") in again.logins
    assert ("Partner editor (AMUEBLA)", "partner-amuebla", "changeme") in again.logins

    scs = PartnerPage.objects.get(slug="scs", locale__language_code="en")
    assert scs.role == "coordinator" and scs.country.code == "FR"
    assert [role.project.slug for role in scs.project_roles.all()] == ["cluster4smart"]
    client.defaults["HTTP_HOST"] = "localhost"
    for url, text in [
        ("/en/partners/", "Pôle SCS – Solutions Communicantes Sécurisées"),
        ("/fr/partenaires/", "Les organisations du consortium Cluster4Smart"),
        ("/es/socios/", "Francia"),
        ("/hu/partnerek/", "Franciaország"),
        ("/en/partners/scs/", "Cluster4Smart"),
        ("/fr/partenaires/scs/", "SCS a lancé et piloté"),
        ("/es/socios/scs/", "SCS puso en marcha"),
        ("/hu/partnerek/scs/", "Az SCS indította el"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.text, url

    # The demo login edits SCS's pages in every language, through the same set-up as the
    # command, and nothing else.
    access = PartnerAccess.objects.get(translation_key=scs.translation_key)
    user = get_user_model().objects.get(username="partner")
    assert user.groups.filter(pk=access.group.pk).exists()
    assert client.login(username="partner", password="changeme")
    for page in scs.get_translations(inclusive=True):
        assert page.permissions_for_user(user).can_edit()
        assert not page.permissions_for_user(user).can_publish()
    assert not scs.get_parent().permissions_for_user(user).can_edit()


CONSORTIUM = [
    # name, country, city (empty where the sources give none), role
    ("Pôle SCS – Solutions Communicantes Sécurisées", "FR", "", "coordinator"),
    ("AMUEBLA", "ES", "Murcia", "partner"),
    ("ArchEnerg", "HU", "Szeged", "partner"),
    ("CEEI Burgos", "ES", "Burgos", "partner"),
    ("gnomon", "FR", "", "partner"),
    ("IKOSZ", "HU", "", "partner"),
    ("Université de Strasbourg", "FR", "Strasbourg", "partner"),
]


def test_the_demo_consortium_is_the_seven_organisations_with_only_known_facts(client):
    seed()
    partners = PartnerPage.objects.filter(locale__language_code="en")
    found = {(p.organisation_name, p.country.code, p.city, p.role): p for p in partners.specific()}
    assert sorted(found) == sorted(CONSORTIUM)
    for page in found.values():
        # Nothing the sources do not give: no website, contact or logo, no invented text.
        assert (page.website, page.contact_name, page.contact_email, page.logo) == (
            "",
            "",
            "",
            None,
        )
        assert [r.project.slug for r in page.project_roles.all()] == ["cluster4smart"]
        assert {t.locale.language_code for t in page.get_translations(inclusive=True)} == {
            "en",
            "fr",
            "es",
            "hu",
        }
    types = {p.organisation_name: p.organisation_type for p in found.values()}
    assert types["AMUEBLA"] == types["IKOSZ"] == ""  # not known: left empty
    assert types["Université de Strasbourg"] == "university"

    # The listing, in every language: the coordinator first, then by country and name.
    client.defaults["HTTP_HOST"] = "localhost"
    listing = client.get("/en/partners/").text
    positions = [listing.index(name) for name, *_rest in CONSORTIUM]
    assert positions[0] == min(positions)
    for url in ["/fr/partenaires/", "/es/socios/", "/hu/partnerek/"]:
        text = client.get(url).text
        assert all(name in text for name, *_rest in CONSORTIUM), url
    assert "Murcie" in client.get("/fr/partenaires/amuebla/").text
    assert "Estrasburgo" in client.get("/es/socios/universite-de-strasbourg/").text


def test_each_demo_partner_editor_edits_its_own_pages_and_not_the_others(client):
    seed()
    scs = PartnerPage.objects.get(slug="scs", locale__language_code="en")
    amuebla = PartnerPage.objects.get(slug="amuebla", locale__language_code="en")
    own = {"partner": scs, "partner-amuebla": amuebla}
    other = {"partner": amuebla, "partner-amuebla": scs}
    for username in own:
        editor = Client(HTTP_HOST="localhost")
        assert editor.login(username=username, password="changeme")
        for page in own[username].get_translations(inclusive=True):
            response = editor.get(f"/admin/pages/{page.id}/edit/")
            assert response.status_code == 200, (username, page.url_path)
        for page in other[username].get_translations(inclusive=True):
            response = editor.get(f"/admin/pages/{page.id}/edit/")
            assert response.status_code in (302, 403), (username, page.url_path)
            assert b"Save draft" not in response.content
        # Saving a draft of the other's page is refused too, and changes nothing.
        title = other[username].title
        response = editor.post(
            f"/admin/pages/{other[username].id}/edit/", {"title": "Taken over", "slug": "x"}
        )
        assert response.status_code in (302, 403)
        other[username].refresh_from_db()
        assert other[username].title == title
        assert other[username].get_latest_revision().content["title"] != "Taken over"
