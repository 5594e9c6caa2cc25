"""The demo content of projects and training: idempotent, translated, and every page renders."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page

from conftest import LANGUAGES
from home.models import FundingStatement, ProjectFact, ProjectPage, ProjectRelation
from training.models import TrainingIndexPage, TrainingResourcePage

pytestmark = pytest.mark.django_db


def counts():
    return (
        Page.objects.count(),
        FundingStatement.objects.count(),
        ProjectFact.objects.count(),
        ProjectRelation.objects.count(),
    )


def test_seed_is_idempotent_and_every_page_renders(client, site):
    call_command("seed_demo", skip_index=True, stdout=StringIO())
    first = counts()
    call_command("seed_demo", skip_index=True, stdout=StringIO())
    assert counts() == first

    assert ProjectPage.objects.filter(locale__language_code="en").count() == 3
    for code in LANGUAGES:
        pages = list(
            Page.objects.live()
            .filter(locale__language_code=code)
            .type(ProjectPage, TrainingIndexPage, TrainingResourcePage)
        ) + list(
            Page.objects.live()
            .filter(locale__language_code=code, depth=3)
            .filter(slug__in=["projects", "projets", "proyectos", "projektek"])
        )
        assert len(pages) == 3 + 1 + 4 + 1
        for page in pages:
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert f'<html lang="{code}"' in response.text

    fr_brilliant = ProjectPage.objects.get(locale__language_code="fr", slug="brilliant")
    text = client.get(fr_brilliant.url).text
    assert "Successeur de" in text or "Successor of" in text
    assert "a reçu un financement du programme COSME" in text
    # Where the sources disagree (the project's duration), each version with its source.
    c4s = ProjectPage.objects.get(locale__language_code="en", slug="cluster4smart")
    assert {(f.value, f.source_label) for f in c4s.facts.filter(label="Duration")} == {
        ("September 2017 to February 2020", "Cluster4Smart project website"),
        ("30 months", "Kick-off note"),
        ("Over two years", "clustercollaboration.eu, 18 May 2020"),
    }
    hu_c4s = ProjectPage.objects.get(locale__language_code="hu", slug="cluster4smart")
    assert hu_c4s.url.startswith("/hu/projektek/")
    assert hu_c4s.facts.filter(value="SCS").exists()
    assert hu_c4s.facts.filter(value="30 hónap", source_label="Nyitó feljegyzés").exists()
    assert "2017-1-FR01-KA202-037407" in client.get(hu_c4s.url).text
    es_index = TrainingIndexPage.objects.get(locale__language_code="es")
    assert es_index.url == "/es/formacion/"
    assert es_index.show_in_menus
