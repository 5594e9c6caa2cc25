"""The article editor offers only the categories of the article's own language (for a new
article, its parent's), and refuses another language's category with a form error."""

import re

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from news.factories import NewsCategoryFactory
from news.models import NewsPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def categories(locales):
    return {
        "en": NewsCategoryFactory(name="Projects", slug="projects", locale=locales["en"]),
        "fr": NewsCategoryFactory(name="Projets", slug="projets", locale=locales["fr"]),
        "hu": NewsCategoryFactory(name="Projektek", slug="projektek", locale=locales["hu"]),
    }


def offered(response):
    """The ids of the category checkboxes on the editor's form."""
    assert response.status_code == 200
    return {int(v) for v in re.findall(r'name="categories" value="(\d+)"', response.text)}


def article_form(categories=(), **overrides):
    data = {
        "title": "Nouvel article",
        "slug": "nouvel-article",
        "date": "2024-03-01",
        "intro": "",
        "featured_image_caption": "",
        "body": streamfield([]),
        "tags": "",
        "authors": inline_formset([]),
        "related_pages": inline_formset([]),
        "comments": inline_formset([]),
        "listing_summary": "",
        "seo_title": "",
        "search_description": "",
    }
    data.update(overrides)
    data = nested_form_data(data)
    data["categories"] = [str(pk) for pk in categories]
    return data


def add_url(index):
    return f"/admin/pages/add/news/newspage/{index.id}/"


def test_a_new_article_is_offered_its_parents_categories(admin_client, news_indexes, categories):
    ids = offered(admin_client.get(add_url(news_indexes["fr"])))
    assert categories["fr"].pk in ids
    assert categories["en"].pk not in ids
    assert categories["hu"].pk not in ids
    assert offered(admin_client.get(add_url(news_indexes["en"]))) == {categories["en"].pk}


def test_an_article_is_offered_its_own_categories(
    admin_client, news_indexes, categories, make_news
):
    article = make_news(news_indexes["hu"], title="Magyar hír", categories=[categories["hu"]])
    response = admin_client.get(f"/admin/pages/{article.id}/edit/")
    assert offered(response) == {categories["hu"].pk}
    assert re.search(rf'value="{categories["hu"].pk}"[^>]*checked', response.text)


def test_a_new_article_takes_a_category_of_its_language(admin_client, news_indexes, categories):
    response = admin_client.post(
        add_url(news_indexes["fr"]),
        article_form(categories=[categories["fr"].pk], **{"action-publish": "publish"}),
    )
    assert response.status_code == 302, response.context["form"].errors
    page = NewsPage.objects.get(slug="nouvel-article")
    assert list(page.categories.all()) == [categories["fr"]]


def test_another_languages_category_is_a_form_error(admin_client, news_indexes, categories):
    response = admin_client.post(
        add_url(news_indexes["fr"]), article_form(categories=[categories["en"].pk])
    )
    assert response.status_code == 200
    assert "categories" in response.context["form"].errors
    assert not NewsPage.objects.filter(slug="nouvel-article").exists()


def test_editing_with_another_languages_category_is_a_form_error(
    admin_client, news_indexes, categories, make_news
):
    article = make_news(news_indexes["fr"], title="Article", slug="article")
    response = admin_client.post(
        f"/admin/pages/{article.id}/edit/",
        article_form(title="Article", slug="article", categories=[categories["hu"].pk]),
    )
    assert response.status_code == 200
    assert "categories" in response.context["form"].errors
    article.refresh_from_db()
    assert list(article.categories.all()) == []
    assert article.get_latest_revision().as_object().categories.count() == 0


def test_categories_kept_from_the_source_show_as_their_translation(
    admin_client, news_indexes, categories, make_news
):
    """An article carrying another language's category (translations keep the source's) is
    shown that category's translation, ticked, so saving the form keeps it."""
    categories["fr"].translation_key = categories["en"].translation_key
    categories["fr"].save()
    article = make_news(news_indexes["fr"], title="Article", categories=[categories["en"]])
    response = admin_client.get(f"/admin/pages/{article.id}/edit/")
    assert offered(response) == {categories["fr"].pk}
    assert re.search(rf'value="{categories["fr"].pk}"[^>]*checked', response.text)
