"""Fixtures of the partners tests: the partner index and two partners, translated into every
language, their editor groups and users, and the moderators."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from conftest import LANGUAGES, tagged
from home.pages.factories import StandardPageFactory
from home.pages.localization import translate_object
from partners.access import grant_partner_access
from partners.factories import PartnerIndexPageFactory, PartnerPageFactory
from partners.models import ConsortiumRole, OrganisationType


def translate_everywhere(page, locales):
    """The page's translations into fr, es and hu (made like an editor would), by code."""
    pages = {"en": page}
    for code in LANGUAGES[1:]:
        pages[code] = translate_object(page, locales[code], tagged(code), strict=False)
    return pages


@pytest.fixture
def index(homes):
    return PartnerIndexPageFactory(parent=homes["en"])


@pytest.fixture
def indexes(index, locales):
    return translate_everywhere(index, locales)


@pytest.fixture
def partner_a(indexes):
    return PartnerPageFactory(
        parent=indexes["en"],
        title="Pôle SCS",
        slug="scs",
        organisation_name="Pôle SCS – Solutions Communicantes Sécurisées",
        short_name="SCS",
        country="FR",
        city="Sophia Antipolis",
        organisation_type=OrganisationType.CLUSTER,
        role=ConsortiumRole.COORDINATOR,
    )


@pytest.fixture
def partner_b(indexes):
    return PartnerPageFactory(
        parent=indexes["en"],
        title="Example University",
        slug="example-university",
        organisation_name="Example University",
        short_name="EXU",
        country="ES",
        city="Sevilla",
        organisation_type=OrganisationType.UNIVERSITY,
    )


@pytest.fixture
def partners_a(partner_a, locales):
    """Partner A in every language, with a sub-page (its team) translated too."""
    pages = translate_everywhere(partner_a, locales)
    team = StandardPageFactory(parent=partner_a, title="Team", slug="team")
    pages["team"] = translate_everywhere(team, locales)
    return pages


@pytest.fixture
def partners_b(partner_b, locales):
    return translate_everywhere(partner_b, locales)


@pytest.fixture
def moderators():
    return Group.objects.get(name="Moderators")


def denied(response):
    """Wagtail answers a forbidden admin view with 403, or a redirect away from it."""
    return response.status_code == 403 or (
        response.status_code == 302 and "/admin/" in response.url and "edit" not in response.url
    )


def make_user(username, *groups, superuser=False):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="pw"
    )
    user.is_superuser = superuser
    user.save()
    for group in groups:
        user.groups.add(group)
    return user


@pytest.fixture
def moderator(moderators):
    return make_user("moderator", moderators)


@pytest.fixture
def superuser(db):
    return make_user("admin", superuser=True)


@pytest.fixture
def access_a(partners_a):
    return grant_partner_access(partners_a["en"]).access


@pytest.fixture
def access_b(partners_b):
    return grant_partner_access(partners_b["en"]).access


@pytest.fixture
def editor_a(access_a):
    return make_user("editor-a", access_a.group)


@pytest.fixture
def editor_b(access_b):
    return make_user("editor-b", access_b.group)
