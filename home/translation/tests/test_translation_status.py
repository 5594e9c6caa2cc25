"""The translation status report and dashboard panel: translate, edit the source, see the
translation out of date, sync, translate again, see it disappear."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail_localize.models import TranslationSource

from conftest import tagged
from home.pages.factories import StandardPageFactory
from home.pages.localization import translate_object

from .translation_helpers import make_about, make_admin, messages_of

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/translation-status/"


def rows(client, query=""):
    response = client.get(REPORT + query)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    table = soup.find("table", id="translation-status")
    if table is None:
        return []
    return [
        {
            "title": tr.find("td").get_text(strip=True),
            "locale": tr["data-locale"],
            "state": tr["data-state"],
            "reason": tr["data-reason"],
            "action": tr.find_all("td")[-1].find("a")["href"].split("?")[0],
        }
        for tr in table.find("tbody").find_all("tr")
    ]


def about_rows(client, title="About the project"):
    return {row["locale"]: row for row in rows(client) if row["title"] == title}


@pytest.fixture
def admin_client(client, homes):
    client.force_login(make_admin())
    return client


def test_translate_edit_sync_and_the_report_follows(admin_client, homes, locales):
    about = make_about(homes["en"])
    found = about_rows(admin_client)
    assert {code: row["state"] for code, row in found.items()} == {
        "fr": "missing",
        "es": "missing",
        "hu": "missing",
    }
    assert found["fr"]["action"] == reverse(
        "wagtail_localize:submit_page_translation", args=[about.id]
    )

    # Translate into French: French leaves the report.
    translate_object(about, locales["fr"], tagged("fr"), strict=False)
    assert set(about_rows(admin_client)) == {"es", "hu"}

    # The source changes: the French translation is out of date, to be synced.
    about.title = "About the Cluster4Smart project"
    about.save_revision().publish()
    found = about_rows(admin_client, "About the Cluster4Smart project")
    assert found["fr"]["state"] == "outdated"
    assert found["fr"]["reason"] == "source_changed"
    source = TranslationSource.objects.get(object_id=about.translation_key)
    assert found["fr"]["action"] == reverse(
        "wagtail_localize:update_translations", args=[source.id]
    )

    # Sync (without machine translation or publishing): the new title awaits translation.
    response = admin_client.post(found["fr"]["action"], {})
    assert response.status_code == 302
    found = about_rows(admin_client, "About the Cluster4Smart project")
    assert found["fr"]["reason"] == "untranslated"
    french = about.get_translation(locales["fr"])
    assert found["fr"]["action"] == reverse("wagtailadmin_pages:edit", args=[french.id])

    # Translate the new text and publish: up to date again.
    translate_object(about, locales["fr"], tagged("fr"), strict=False)
    assert set(about_rows(admin_client, "About the Cluster4Smart project")) == {"es", "hu"}


def test_unpublished_translation_is_reported(admin_client, homes, locales):
    about = make_about(homes["en"])
    translate_object(about, locales["es"], tagged("es"), strict=False, publish=False)
    found = about_rows(admin_client)
    assert found["es"]["state"] == "draft"
    assert found["es"]["action"] == reverse(
        "wagtailadmin_pages:edit", args=[about.get_translation(locales["es"]).id]
    )


def test_alias_counts_as_missing(admin_client, homes, locales):
    about = make_about(homes["en"])
    about.copy_for_translation(locales["hu"], copy_parents=False, alias=True)
    assert about_rows(admin_client)["hu"]["state"] == "missing"


def test_snippets_are_reported(admin_client, funding, locales):
    found = {row["locale"]: row for row in rows(admin_client) if row["title"] == funding.name}
    assert set(found) == {"es", "hu"}  # the fixture translated it into French only
    assert found["es"]["state"] == "missing"
    funding.statement = "<p>Co-funded by the Erasmus+ programme of the European Union.</p>"
    funding.save()
    found = {row["locale"]: row for row in rows(admin_client) if row["title"] == funding.name}
    assert found["fr"]["state"] == "outdated"
    assert found["fr"]["reason"] == "source_changed"


def test_report_filters_by_locale_and_state(admin_client, homes, locales):
    about = make_about(homes["en"])
    translate_object(about, locales["fr"], tagged("fr"), strict=False)
    about.title = "Changed"
    about.save_revision().publish()
    assert {row["locale"] for row in rows(admin_client, "?locale=es")} == {"es"}
    assert {row["state"] for row in rows(admin_client, "?state=outdated")} == {"outdated"}
    assert rows(admin_client, "?locale=zz&state=bogus")  # unknown filters are ignored


def test_report_query_count_does_not_grow(
    admin_client, homes, locales, django_assert_max_num_queries
):
    def pages(count, prefix):
        for index in range(count):
            page = StandardPageFactory(parent=homes["en"], title=f"{prefix} {index}")
            translate_object(page, locales["fr"], tagged("fr"), strict=False)
            page.title = f"{prefix} {index} changed"
            page.save_revision().publish()

    pages(2, "small")
    admin_client.get(REPORT)  # warm per-process caches (content types, site root paths)
    with django_assert_max_num_queries(40) as small:
        assert len(rows(admin_client)) == 2 * 3
    small_count = len(small.captured_queries)  # (read now: the query log is a bounded deque)
    pages(12, "large")
    admin_client.get(REPORT)  # as before: warm what the new content made stale
    with django_assert_max_num_queries(small_count):
        assert len(rows(admin_client)) == 14 * 3


def test_dashboard_shows_the_counts(admin_client, homes, locales):
    about = make_about(homes["en"])
    translate_object(about, locales["fr"], tagged("fr"), strict=False)
    about.title = "Changed"
    about.save_revision().publish()
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    panel = soup.find(id="translation-status-counts")
    assert panel is not None
    counts = {
        tr["data-locale"]: {td["data-count"]: int(td.text) for td in tr.find_all("td")}
        for tr in panel.find_all("tr", attrs={"data-locale": True})
    }
    assert counts["fr"] == {"missing": 0, "draft": 0, "outdated": 1}
    assert counts["es"] == {"missing": 1, "draft": 0, "outdated": 0}
    assert REPORT in str(panel.parent)


def test_report_needs_the_submit_translation_permission(client, homes, django_user_model):
    user = django_user_model.objects.create_user("writer", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    refused = client.get(REPORT)
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
    assert "permission" in messages_of(refused)[-1]
    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code == 200
    assert 'id="translation-status-counts"' not in home.text
    assert REPORT not in home.text

    translators = Group.objects.create(name="Translators")
    translators.permissions.add(Permission.objects.get(codename="submit_translation"))
    user.groups.add(translators)
    assert client.get(REPORT).status_code == 200
    assert REPORT in client.get(reverse("wagtailadmin_home")).text
