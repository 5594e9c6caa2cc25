from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page

from home.pages.models import FundingStatement, SiteSettings, StandardPage

pytestmark = pytest.mark.django_db


def counts():
    return (Page.objects.count(), FundingStatement.objects.count(), StandardPage.objects.count())


def test_demo_loader_runs_twice_without_duplicates(client):
    call_command("seed_demo", skip_index=True, stdout=StringIO())
    first = counts()
    output = StringIO()
    call_command("seed_demo", skip_index=True, stdout=output)
    assert counts() == first
    assert "0 objects created" in output.getvalue()
    assert "admin / changeme" in output.getvalue()

    # Four home pages, every standard page in four languages, linked as translations.
    about = StandardPage.objects.get(slug="about")
    assert {p.locale.language_code for p in about.get_translations(inclusive=True)} == {
        "en",
        "fr",
        "es",
        "hu",
    }
    assert all(p.live for p in about.get_translations(inclusive=True))
    assert SiteSettings.objects.get().funding_statement.grant_agreement_number == (
        "2017-1-FR01-KA202-037407"
    )

    for url, text in [
        ("/fr/a-propos/", "Lancé en septembre 2017"),
        ("/es/acerca-de/", "Iniciado en septiembre de 2017"),
        ("/hu/a-projektrol/", "A 2017 szeptemberében indult"),
        ("/hu/", "Erasmus+ programjából"),
    ]:
        client.defaults["HTTP_HOST"] = "localhost"
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.text, url
