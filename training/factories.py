"""Factories of the training app, for tests and demo content."""

import factory
import wagtail_factories

from .models import Format, Level, Theme, TrainingIndexPage, TrainingResourcePage


class TrainingIndexPageFactory(wagtail_factories.PageFactory):
    title = "Training"
    slug = "training"
    intro = "Training for cluster managers."

    class Meta:
        model = TrainingIndexPage


class TrainingResourcePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Module {n}")
    summary = "What the module covers."
    theme = Theme.CLUSTER_MANAGEMENT
    level = Level.INTRODUCTORY
    format = Format.MODULE
    workload_hours = 3
    provider = "Cluster4Smart consortium"

    class Meta:
        model = TrainingResourcePage
        skip_postgeneration_save = True

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create and extracted:
            self.languages.set(extracted)
            self.save()
