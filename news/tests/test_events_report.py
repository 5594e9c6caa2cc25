"""The dissemination record in the admin (Reports): for a project and a date range, the news
articles, events and results published, per language, with dates, public URLs and counts; CSV
and XLSX downloads parsed back; coordinators see everything, a partner's editors only their
organisation's items, anyone else nothing."""

import csv
import datetime
import io
import zoneinfo

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from home.models import ProjectResult
from home.projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from news.models import NewsPageRelatedPage
from news.tests.conftest import publish
from partners.access import grant_partner_access
from partners.factories import PartnerIndexPageFactory, PartnerPageFactory

pytestmark = pytest.mark.django_db

URL = "/admin/reports/dissemination/"
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@pytest.fixture
def record(
    home, news_indexes, events_indexes, make_news, make_event, translate, locales, django_user_model
):
    """Cluster4Smart with an article (en, fr), an event (en, hu), a result (a document in the
    partner's collection) and items of another project and of 2019; SCS's editor."""
    projects = publish(ProjectIndexPageFactory(parent=home))
    c4s = publish(ProjectPageFactory(parent=projects, title="Cluster4Smart", slug="cluster4smart"))
    other = publish(ProjectPageFactory(parent=projects, title="BRILLIANT", slug="brilliant"))
    partners = publish(PartnerIndexPageFactory(parent=home))
    scs = publish(PartnerPageFactory(parent=partners, title="SCS", slug="scs"))
    access = grant_partner_access(scs, username="scs-editor", email="editor@scs.example")

    article = make_news(news_indexes["en"], title="MOOC launched", date=datetime.date(2020, 5, 26))
    NewsPageRelatedPage.objects.create(page=article, target=c4s)
    NewsPageRelatedPage.objects.create(page=article, target=scs)
    article.save_revision().publish()
    translate(article, locales["fr"])
    unrelated = make_news(news_indexes["en"], title="Other news", date=datetime.date(2020, 6, 1))
    NewsPageRelatedPage.objects.create(page=unrelated, target=other)
    unrelated.save_revision().publish()
    old = make_news(news_indexes["en"], title="Old news", date=datetime.date(2019, 1, 1))
    NewsPageRelatedPage.objects.create(page=old, target=c4s)
    old.save_revision().publish()

    webinar = make_event(
        events_indexes["en"],
        title="Launch webinar",
        project=c4s,
        all_day=True,
        time_zone="",
        online_url="",
        start=datetime.datetime(2020, 5, 25, tzinfo=datetime.UTC),
        end=None,
    )
    translate(webinar, locales["hu"])
    make_event(
        events_indexes["en"],
        title="SCS meeting",
        project=other,
        organiser=scs,
        attendance_mode="onsite",
        online_url="",
        start=datetime.datetime(2020, 6, 2, 10, tzinfo=PARIS),
        end=datetime.datetime(2020, 6, 2, 12, tzinfo=PARIS),
    )

    document = Document.objects.create(
        title="MOOC guide",
        file=ContentFile(b"%PDF-1.4\n", "guide.pdf"),
        collection=access.access.collection,
    )
    Document.objects.filter(pk=document.pk).update(
        created_at=datetime.datetime(2020, 5, 20, 12, tzinfo=datetime.UTC)
    )
    ProjectResult.objects.create(page=c4s, document=document, language="fr")
    c4s.save_revision().publish()
    return {"c4s": c4s, "other": other, "scs": scs, "partner_user": access.user}


def rows_of(response):
    assert response.status_code == 200
    return [
        (r.type_label, r.title, r.language, r.date.isoformat())
        for r in response.context["object_list"]
    ]


def test_coordinators_see_every_item_of_a_project_in_a_date_range(admin_client, record):
    query = f"?project={record['c4s'].pk}&date_from=2020-01-01&date_to=2020-12-31"
    response = admin_client.get(URL + query)
    assert rows_of(response) == [
        ("Result", "MOOC guide", "fr", "2020-05-20"),
        ("Event", "Launch webinar", "en", "2020-05-25"),
        ("Event", "[hu] Launch webinar", "hu", "2020-05-25"),
        ("News article", "MOOC launched", "en", "2020-05-26"),
        ("News article", "[fr] MOOC launched", "fr", "2020-05-26"),
    ]
    counts = {row["language"]: (row["counts"], row["total"]) for row in response.context["counts"]}
    assert counts == {"en": ([1, 1, 0], 2), "fr": ([1, 0, 1], 2), "hu": ([0, 1, 0], 1)}
    assert response.context["count_totals"] == [2, 2, 1]
    urls = [r.url for r in response.context["object_list"]]
    assert (
        urls[1]
        == "http://testserver/en/events/"
        + record["c4s"].events.get(locale__language_code="en").slug
        + "/"
    )
    assert all(url.startswith("http://testserver/") for url in urls)
    assert "Old news" not in response.text and "Other news" not in response.text


def test_without_a_range_or_project_everything_is_listed(admin_client, record):
    titles = {row[1] for row in rows_of(admin_client.get(URL))}
    assert {"Old news", "Other news", "SCS meeting", "MOOC guide"} <= titles


def test_the_csv_download_parsed_back(admin_client, record):
    response = admin_client.get(
        URL + f"?project={record['c4s'].pk}&date_from=2020-01-01&date_to=2020-12-31&export=csv"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    assert (
        "dissemination-record-cluster4smart-2020-01-01-2020-12-31.csv"
        in response["Content-Disposition"]
    )
    text = b"".join(response.streaming_content).decode()
    table = list(csv.DictReader(io.StringIO(text)))
    assert list(table[0]) == [
        "Date",
        "Type",
        "Title",
        "Language",
        "Project",
        "Public URL",
        "Published on the site",
    ]
    assert [(r["Date"], r["Type"], r["Language"], r["Project"]) for r in table] == [
        ("2020-05-20", "Result", "fr", "Cluster4Smart"),
        ("2020-05-25", "Event", "en", "Cluster4Smart"),
        ("2020-05-25", "Event", "hu", "Cluster4Smart"),
        ("2020-05-26", "News article", "en", "Cluster4Smart"),
        ("2020-05-26", "News article", "fr", "Cluster4Smart"),
    ]
    assert table[0]["Public URL"].endswith("guide.pdf") or "/documents/" in table[0]["Public URL"]


def test_the_spreadsheet_download_parsed_back(admin_client, record):
    response = admin_client.get(
        URL + f"?project={record['c4s'].pk}&date_from=2020-01-01&date_to=2020-12-31&export=xlsx"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][:4] == ("Date", "Type", "Title", "Language")
    assert len(rows) == 6
    first = rows[1]
    assert first[0] in (datetime.date(2020, 5, 20), datetime.datetime(2020, 5, 20))
    assert first[1:4] == ("Result", "MOOC guide", "fr")
    assert first[5].startswith("http://testserver/")


def test_a_partner_editor_sees_only_their_organisations_items(client, record):
    client.force_login(record["partner_user"])
    response = client.get(URL)
    assert {row[1] for row in rows_of(response)} == {
        "MOOC launched",  # links to SCS's page
        "[fr] MOOC launched",  # its translation keeps the link
        "SCS meeting",  # organised by SCS
        "MOOC guide",  # in SCS's collection
    }
    assert "You see your organisation's items only." in response.text
    export = client.get(URL + "?export=csv")
    text = b"".join(export.streaming_content).decode()
    assert "Other news" not in text and "Launch webinar" not in text
    # The Reports menu offers it.
    assert URL in client.get("/admin/").text


def test_another_partners_editor_sees_none_of_them(client, record, home):
    partners = record["scs"].get_parent()
    gnomon = publish(PartnerPageFactory(parent=partners, title="gnomon", slug="gnomon"))
    user = grant_partner_access(gnomon, username="gnomon-editor", email="e@gnomon.example").user
    client.force_login(user)
    assert rows_of(client.get(URL)) == []


def test_editors_and_moderators_see_everything(client, record, django_user_model):
    for name in ("Editors", "Moderators"):
        user = django_user_model.objects.create_user(f"user-{name}", password="x")
        user.groups.add(Group.objects.get(name=name))
        client.force_login(user)
        assert "Other news" in {row[1] for row in rows_of(client.get(URL))}


def test_others_are_refused(client, record, django_user_model):
    assert client.get(URL).status_code == 302  # to the login
    user = django_user_model.objects.create_user("nobody", password="x")
    group = Group.objects.create(name="Admin only")
    from django.contrib.auth.models import Permission

    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    # Wagtail's answer to a refused admin view: back to the dashboard with a message.
    for query in ("", "?export=csv", "?export=xlsx"):
        response = client.get(URL + query)
        assert response.status_code == 302 and response["Location"] == "/admin/", query
    assert URL not in client.get("/admin/").text


def test_bad_filter_values_are_form_errors_not_500s(admin_client, record):
    for query in ("?project=abc", "?project=999999", "?date_from=yesterday", "?date_to=2020-13-45"):
        response = admin_client.get(URL + query)
        assert response.status_code == 200, query
    response = admin_client.get(URL + "?date_from=nonsense&export=csv")
    assert response.status_code == 200
