"""Search engines read what we publish: every page type's structured data is one
`<script type="application/ld+json">` block (the only script type they read as JSON-LD)
holding a schema.org object, and no page serves JSON-LD under any other type."""

import json
import re

import pytest

from home.pages.factories import StandardPageFactory
from home.projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from partners.factories import PartnerIndexPageFactory, PartnerPageFactory
from training.factories import TrainingIndexPageFactory, TrainingResourcePageFactory

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def scripts(html):
    """[(the script element's type, its text)] of every inline script on the page."""
    found = []
    for attributes, text in SCRIPT.findall(html):
        kind = re.search(r'type="([^"]*)"', attributes)
        found.append((kind.group(1) if kind else "", text))
    return found


@pytest.fixture
def pages(home):
    news = publish(NewsIndexPageFactory(parent=home))
    partners = publish(PartnerIndexPageFactory(parent=home))
    projects = publish(ProjectIndexPageFactory(parent=home))
    training = publish(TrainingIndexPageFactory(parent=home))
    return {
        # page type: (its URL, the schema.org type of its structured data, or None)
        "news article": (publish(NewsPageFactory(parent=news)).url, "NewsArticle"),
        "partner page": (publish(PartnerPageFactory(parent=partners)).url, "Organization"),
        "project page": (publish(ProjectPageFactory(parent=projects)).url, "CreativeWork"),
        "training index": (training.url, "ItemList"),
        "training page": (
            publish(TrainingResourcePageFactory(parent=training)).url,
            "Course",
        ),
        "home": (home.url, None),
        "standard page": (publish(StandardPageFactory(parent=home)).url, None),
        "news index": (news.url, None),
        "partner index": (partners.url, None),
        "project index": (projects.url, None),
    }


def test_every_page_types_structured_data_is_one_parsable_json_ld_block(client, pages):
    for name, (url, schema_type) in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        found = scripts(response.text)
        blocks = [json.loads(text) for kind, text in found if kind == "application/ld+json"]
        # JSON-LD under another type (application/json) is ignored by search engines.
        misplaced = [text for kind, text in found if kind != "application/ld+json"]
        assert not [text for text in misplaced if "schema.org" in text], name
        if schema_type is None:
            assert blocks == [], name
            continue
        assert len(blocks) == 1, name
        (data,) = blocks
        assert data["@context"] == "https://schema.org", name
        types = data["@type"] if isinstance(data["@type"], list) else [data["@type"]]
        assert schema_type in types, name
