"""The article preview shows what the editor has on the form, unsaved relations included: a new
article (no id yet) previews without an error, and the related pages and categories chosen but
not yet saved appear in the preview and nowhere else."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.pages.factories import StandardPageFactory
from news.factories import NewsCategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home):
    page = StandardPageFactory(parent=home, title="About the project", slug="about")
    page.save_revision().publish()
    return page


@pytest.fixture
def category(locales):
    return NewsCategoryFactory(name="Training", slug="training", locale=locales["en"])


def article_form(*, related=(), categories=(), title="A preview of the course launch"):
    data = nested_form_data(
        {
            "title": title,
            "slug": "course-launch",
            "date": "2024-03-01",
            "intro": "The course opens in four languages.",
            "featured_image_caption": "",
            "body": streamfield([("paragraph", rich_text("<p>Enrol now.</p>"))]),
            "tags": "industry-4-0",
            "authors": inline_formset([]),
            "related_pages": inline_formset([{"target": page.id} for page in related]),
            "comments": inline_formset([]),
            "listing_summary": "",
            "seo_title": "",
            "search_description": "",
        }
    )
    data["categories"] = [str(item.pk) for item in categories]
    return data


def preview(admin_client, url, data):
    response = admin_client.post(url, data)
    assert response.json()["is_valid"] is True, response.json()
    response = admin_client.get(url)
    assert response.status_code == 200
    return response.text


def test_a_new_article_previews_with_its_unsaved_relations(
    admin_client, news_index, about, category, funding
):
    url = f"/admin/pages/add/news/newspage/{news_index.id}/preview/"
    html = preview(admin_client, url, article_form(related=[about], categories=[category]))
    assert "A preview of the course launch" in html
    assert f'href="{about.url}"' in html
    assert ">Training</a>" in html


def test_an_edit_preview_shows_a_related_page_that_is_not_saved_yet(
    admin_client, client, news_index, about, make_news, funding
):
    article = make_news(news_index, title="Course launch", slug="course-launch")
    url = f"/admin/pages/{article.id}/edit/preview/"
    html = preview(admin_client, url, article_form(related=[about], title="Course launch"))
    assert f'href="{about.url}"' in html

    live = client.get(article.url)
    assert live.status_code == 200
    assert f'href="{about.url}"' not in live.text
