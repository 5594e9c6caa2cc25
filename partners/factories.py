"""Factories for the partners section, shared by the tests and the demo content."""

import factory
import wagtail_factories

from .models import (
    ConsortiumRole,
    OrganisationType,
    PartnerIndexPage,
    PartnerPage,
    PartnerProjectRole,
)


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Partners"
    slug = "partners"
    intro = "The organisations of the consortium."

    class Meta:
        model = PartnerIndexPage


class PartnerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Partner organisation {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    organisation_name = factory.SelfAttribute("title")
    short_name = factory.Sequence(lambda n: f"P{n}")
    country = "FR"
    city = "Lyon"
    organisation_type = OrganisationType.CLUSTER
    role = ConsortiumRole.PARTNER
    website = "https://example.org/"
    intro = "An organisation of the consortium."

    class Meta:
        model = PartnerPage


class PartnerProjectRoleFactory(factory.django.DjangoModelFactory):
    role = ConsortiumRole.PARTNER

    class Meta:
        model = PartnerProjectRole
