"""Factories shared by the tests and the demo content."""

import factory
import wagtail_factories
from wagtail.models import Locale

from .models import FundingStatement, HomePage, PortalImage, StandardPage


class PortalImageFactory(wagtail_factories.ImageFactory):
    description = factory.Sequence(lambda n: f"Illustration {n}")

    class Meta:
        model = PortalImage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    hero_heading = "Cluster managers for Industry 4.0"
    intro = "Training and projects for cluster managers."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "An introduction."

    class Meta:
        model = StandardPage


class FundingStatementFactory(factory.django.DjangoModelFactory):
    name = "Erasmus+ statement"
    programme = "Erasmus+"
    grant_agreement_number = "2017-1-FR01-KA202-037407"
    statement = (
        "<p>The Cluster4Smart project has received funding from the European Union's "
        "Erasmus+ programme under grant agreement n°2017-1-FR01-KA202-037407</p>"
    )
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = FundingStatement
