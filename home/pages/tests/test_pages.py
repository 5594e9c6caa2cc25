"""Every page type of the base app, in every language: templates, tree rules, body blocks."""

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from conftest import LANGUAGES, tagged
from home.pages.factories import PortalImageFactory, StandardPageFactory
from home.pages.localization import translate_object
from home.pages.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(homes, locales):
    page = StandardPageFactory(parent=homes["en"], title="About", slug="about", intro="Who we are")
    page.body = [
        ("heading", {"text": "Our mission", "level": "h2"}),
        ("paragraph", "<p>Spreading good practices.</p>"),
        ("quote", {"quote": "A single slogan", "attribution": "SCS"}),
    ]
    page.save_revision().publish()
    for code in LANGUAGES[1:]:
        translate_object(page, locales[code], tagged(code), strict=False)
    return page


@pytest.mark.parametrize("code", LANGUAGES)
def test_home_page_renders_in_each_language(client, homes, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert response.templates[0].name == "home/home_page.html"
    assert f'<html lang="{code}"' in response.text


@pytest.mark.parametrize("code", LANGUAGES)
def test_standard_page_renders_in_each_language(client, about, code):
    page = about.get_translation(about.locale.__class__.objects.get(language_code=code))
    response = client.get(page.url)
    assert response.status_code == 200
    assert "home/standard_page.html" in [t.name for t in response.templates]
    assert f'<html lang="{code}"' in response.text
    expected = "Our mission" if code == "en" else f"[{code}] Our mission"
    assert f"<h2>{expected}</h2>" in response.text


def test_body_blocks_render(client, about):
    response = client.get("/en/about/")
    assert '<figure class="quote">' in response.text
    assert "<figcaption>SCS</figcaption>" in response.text


def test_image_block_renders_alt_text_and_srcset(client, homes):
    image = PortalImageFactory(description="Cluster managers in a workshop", credit="SCS")
    page = StandardPageFactory(parent=homes["en"], slug="gallery")
    page.body = [("image", {"image": {"image": image, "alt_text": "", "decorative": False}})]
    page.save_revision().publish()
    response = client.get(page.url)
    assert 'alt="Cluster managers in a workshop"' in response.text
    assert "srcset=" in response.text
    assert 'loading="lazy"' in response.text
    assert "© SCS" in response.text


def test_parent_and_child_rules():
    assert HomePage.allowed_parent_page_models() == [Page]
    assert StandardPage in HomePage.allowed_subpage_models()
    assert StandardPage.allowed_subpage_models() == [StandardPage]
    assert HomePage not in StandardPage.allowed_subpage_models()


def test_standard_page_body_round_trips_through_the_admin(admin_client, homes):
    url = f"/admin/pages/add/home/standardpage/{homes['en'].id}/"
    data = nested_form_data(
        {
            "title": "Accessibility statement",
            "slug": "accessibility",
            "intro": "We want everyone to use this site.",
            "body": streamfield(
                [
                    ("heading", {"text": "Conformance", "level": "h2"}),
                    ("paragraph", rich_text("<p>WCAG 2.1 AA.</p>")),
                    ("quote", {"quote": "Access for all", "attribution": ""}),
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302
    page = StandardPage.objects.get(slug="accessibility")
    assert page.live
    assert [block.block_type for block in page.body] == ["heading", "paragraph", "quote"]
    assert "WCAG 2.1 AA." in page.body[1].value.source


def test_call_to_action_needs_a_link(admin_client, homes):
    url = f"/admin/pages/add/home/standardpage/{homes['en'].id}/"
    data = nested_form_data(
        {
            "title": "Broken",
            "slug": "broken",
            "intro": "",
            "body": streamfield(
                [("call_to_action", {"title": "Go", "text": "", "button_label": "Go"})]
            ),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert not StandardPage.objects.filter(slug="broken").exists()
    assert "Choose a page or enter a URL." in response.text


def test_menu_lists_pages_marked_for_menus_in_the_active_language(client, about, locales):
    about.show_in_menus = True
    about.save_revision().publish()
    french = about.get_translation(locales["fr"])
    french.show_in_menus = True
    french.save_revision().publish()
    response = client.get("/fr/")
    nav = response.text.split('aria-label="Menu principal"')[1].split("</nav>")[0]
    assert french.url in nav
    assert "/en/about/" not in nav
