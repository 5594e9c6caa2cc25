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


def test_the_demo_modules_are_the_moocs_four_themes_and_say_only_what_the_sources_say(client, site):
    call_command("seed_demo", skip_index=True, stdout=StringIO())
    modules = TrainingResourcePage.objects.filter(locale__language_code="en").order_by("path")
    assert [(m.title, m.theme) for m in modules] == [
        ("Internationalisation", "internationalisation"),
        ("Business leadership and entrepreneurship", "business-leadership"),
        ("Industry 4.0", "industry-4-0"),
        ("Cluster management", "cluster-management"),
    ]
    for module in modules:
        # The sources give no level, outcomes, workload or address per theme.
        assert module.level == ""
        assert module.learning_outcomes == ""
        assert module.workload_hours is None
        assert module.external_url == ""
        assert module.format == "mooc"
        assert module.summary.startswith("A theme of the Cluster4Smart MOOC")
        assert sorted(module.languages.values_list("code", flat=True)) == ["en", "es", "fr", "hu"]
        text = client.get(module.url).text
        assert "<dt>Level</dt>" not in text
        assert "Learning outcomes" not in text

    fr = TrainingResourcePage.objects.get(locale__language_code="fr", slug="industrie-4-0")
    assert fr.title == "Industrie 4.0"
    assert fr.summary.startswith("Un thème du MOOC Cluster4Smart")
    hu = TrainingResourcePage.objects.get(
        locale__language_code="hu", slug="uzleti-vezetes-es-vallalkozoi-keszsegek"
    )
    assert "Üzleti vezetés és vállalkozói készségek" in client.get(hu.url).text
