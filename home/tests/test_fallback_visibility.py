"""The "no translation here, so show the source-language page" fallback shows only what the
public may see: a linked page that is private (password, login or group restriction, on the
page or an ancestor) or not live is never shown, with its title or its link, on another
language's page. Seen: a password-protected project page on the French partner page.

Every reader of the fallback goes through `PortalPageQuerySet.translations_for()`
(home.pages.models); these tests request the pages through the test client."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from conftest import tagged
from home.pages.localization import translate_object
from home.projects.factories import (
    ProjectIndexPageFactory,
    ProjectPageFactory,
    ProjectRelationFactory,
)
from partners.factories import (
    PartnerIndexPageFactory,
    PartnerPageFactory,
    PartnerProjectRoleFactory,
)
from training.factories import TrainingIndexPageFactory, TrainingResourcePageFactory

pytestmark = pytest.mark.django_db

SECRET = "Hidden Zebra Project"


def publish(*pages):
    for page in pages:
        page.save_revision().publish()


def translate(page, locale):
    return translate_object(page, locale, tagged(locale.language_code), strict=False)


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page,
        restriction_type=kind,
        password="secret" if kind == PageViewRestriction.PASSWORD else "",
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.get(name="Editors"))
    return restriction


@pytest.fixture
def family(homes, locales):
    """An English project family with a secret project (never translated) linked from a
    public project, a partner and a training resource, all three translated into French."""
    fr = locales["fr"]
    projects = ProjectIndexPageFactory(parent=homes["en"])
    secret = ProjectPageFactory(parent=projects, title=SECRET, slug="hidden-zebra")
    public = ProjectPageFactory(parent=projects, title="Open project", slug="open")
    ProjectRelationFactory(page=public, project=secret, relation_type="successor")
    partners = PartnerIndexPageFactory(parent=homes["en"])
    partner = PartnerPageFactory(parent=partners, title="Open partner", slug="open-partner")
    PartnerProjectRoleFactory(partner=partner, project=secret, role="coordinator")
    PartnerProjectRoleFactory(partner=partner, project=public, role="partner")
    training = TrainingIndexPageFactory(parent=homes["en"])
    resource = TrainingResourcePageFactory(
        parent=training, title="Open module", slug="open-module", origin_project=secret
    )
    publish(projects, secret, public, partners, partner, training, resource)
    french = {
        name: translate(page, fr)
        for name, page in {
            "projects": projects,
            "public": public,
            "partners": partners,
            "partner": partner,
            "training": training,
            "resource": resource,
        }.items()
    }
    return {"secret": secret, "projects": projects, "en": {"public": public}, "fr": french}


def french_pages(family):
    fr = family["fr"]
    return [fr["public"].url, fr["partner"].url, fr["training"].url, fr["resource"].url]


def test_the_fallback_shows_the_source_page_while_it_is_public(client, family):
    for url in french_pages(family):
        assert SECRET in client.get(url).text, url


@pytest.mark.parametrize(
    "kind,on",
    [
        (PageViewRestriction.PASSWORD, "page"),
        (PageViewRestriction.LOGIN, "ancestor"),
        (PageViewRestriction.GROUPS, "page"),
    ],
)
def test_a_private_source_page_is_never_the_fallback(client, family, kind, on):
    restrict(family["secret"] if on == "page" else family["projects"], kind)
    secret_url = family["secret"].url
    for url in french_pages(family):
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET not in response.text, url
        assert secret_url not in response.text, url


def test_a_private_partner_is_not_listed_on_another_languages_project_page(client, homes, locales):
    projects = ProjectIndexPageFactory(parent=homes["en"])
    project = ProjectPageFactory(parent=projects, title="Open project", slug="open")
    partners = PartnerIndexPageFactory(parent=homes["en"])
    secret = PartnerPageFactory(parent=partners, title=SECRET, slug="hidden")
    PartnerProjectRoleFactory(partner=secret, project=project, role="coordinator")
    publish(projects, project, partners, secret)
    translate(projects, locales["fr"])
    french = translate(project, locales["fr"])
    assert SECRET in client.get(french.url).text
    restrict(secret, PageViewRestriction.LOGIN)
    text = client.get(french.url).text
    assert SECRET not in text
    assert secret.url not in text


def test_a_draft_source_page_is_never_the_fallback(client, family):
    family["secret"].unpublish()
    for url in french_pages(family):
        assert SECRET not in client.get(url).text, url
