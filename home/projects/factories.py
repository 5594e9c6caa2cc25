"""Factories of the project family, for the tests of every app and the demo content."""

import datetime

import factory
import wagtail_factories

from home.projects.models import ProjectFact, ProjectIndexPage, ProjectPage, ProjectRelation


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    title = "Projects"
    slug = "projects"
    intro = "The project family."

    class Meta:
        model = ProjectIndexPage


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Project {n}")
    acronym = factory.Sequence(lambda n: f"P{n}")
    full_name = factory.LazyAttribute(lambda o: f"The {o.title} project")
    programme = "Erasmus+"
    action = "KA202"
    grant_agreement_number = "2017-1-FR01-KA202-037407"
    start_date = datetime.date(2017, 9, 1)
    end_date = datetime.date(2020, 5, 31)
    summary = "A project of the family."

    class Meta:
        model = ProjectPage


class ProjectRelationFactory(factory.django.DjangoModelFactory):
    relation_type = "successor"

    class Meta:
        model = ProjectRelation


class ProjectFactFactory(factory.django.DjangoModelFactory):
    label = "Participants"
    value = "20 cluster managers"
    locale = factory.LazyAttribute(lambda o: o.page.locale)

    class Meta:
        model = ProjectFact
