"""A project page lists its partners (owned by the partners app), coordinator first, in the
visitor's language, and the news about it (from the news app)."""

import re

import pytest

from conftest import tagged
from home.pages.localization import translate_object
from home.projects.factories import ProjectIndexPageFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db

partners_factories = pytest.importorskip("partners.factories")


@pytest.fixture
def project_with_partners(homes, locales):
    projects = ProjectIndexPageFactory(parent=homes["en"])
    project = ProjectPageFactory(parent=projects, title="Cluster4Smart", slug="cluster4smart")
    partners = partners_factories.PartnerIndexPageFactory(parent=homes["en"])
    member = partners_factories.PartnerPageFactory(parent=partners, title="Member cluster")
    scs = partners_factories.PartnerPageFactory(parent=partners, title="SCS")
    partners_factories.PartnerProjectRoleFactory(partner=member, project=project, role="partner")
    partners_factories.PartnerProjectRoleFactory(partner=scs, project=project, role="coordinator")
    for page in (projects, project, partners, member, scs):
        page.save_revision().publish()
    for page in (projects, project, partners, scs):
        translate_object(page, locales["fr"], tagged("fr"), strict=False)
    return {"project": project, "scs": scs, "member": member}


def partner_links(html):
    section = html.split('id="partners-heading"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', section)


def test_partners_listed_coordinator_first(client, project_with_partners):
    text = client.get(project_with_partners["project"].url).text
    scs, member = project_with_partners["scs"], project_with_partners["member"]
    assert partner_links(text) == [(scs.url, "SCS"), (member.url, "Member cluster")]
    assert "Coordinator" in text.split('id="partners-heading"', 1)[1]


def test_partners_link_to_the_visitors_language(client, project_with_partners, locales):
    fr_project = project_with_partners["project"].get_translation(locales["fr"])
    fr_scs = project_with_partners["scs"].get_translation(locales["fr"])
    links = partner_links(client.get(fr_project.url).text)
    # SCS is translated: its French page; the member is not: its English page is still shown.
    assert links[0] == (fr_scs.url, fr_scs.title)
    assert links[1] == (project_with_partners["member"].url, "Member cluster")


def test_news_about_the_project(client, project_with_partners, homes):
    news_factories = pytest.importorskip("news.factories")
    from news.models import NewsPageRelatedPage

    project = project_with_partners["project"]
    news_index = news_factories.NewsIndexPageFactory(parent=homes["en"])
    article = news_factories.NewsPageFactory(parent=news_index, title="BRILLIANT is launched")
    NewsPageRelatedPage.objects.create(page=article, target=project)
    article.save_revision().publish()
    news_factories.NewsPageFactory(parent=news_index, title="Unrelated article")
    text = client.get(project.url).text
    section = text.split('class="news-about"', 1)[1].split("</section>", 1)[0]
    assert "BRILLIANT is launched" in section
    assert "Unrelated article" not in section
