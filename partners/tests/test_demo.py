"""The partners demo content: the consortium in four languages, the coordinator linked to the
Cluster4Smart project, the partner editor login, and a second run that creates nothing."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
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
    access = PartnerAccess.objects.get()
    user = get_user_model().objects.get(username="partner")
    assert user.groups.filter(pk=access.group.pk).exists()
    assert client.login(username="partner", password="changeme")
    for page in scs.get_translations(inclusive=True):
        assert page.permissions_for_user(user).can_edit()
        assert not page.permissions_for_user(user).can_publish()
    assert not scs.get_parent().permissions_for_user(user).can_edit()
