"""Journeys of the communications staff through Wagtail's admin: writing, previewing and
publishing a news article with a featured image (it then shows on the English news index, the
home page and the RSS feed), then translating it into French with the configured machine
translator, correcting one segment by hand and publishing; a visitor on the French site finds
it and switches to the English original.

Communications staff who publish are in the Moderators group (Editors submit for approval)."""

import re
from xml.etree import ElementTree

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from home.pages.models import PortalImage
from news.models import NewsIndexPage, NewsPage

TITLE = "Cluster managers meet in Sophia Antipolis"
LEAD = "Cluster managers from four countries met to plan the next Industry 4.0 course."
FRENCH_TITLE = "Les managers de clusters se retrouvent à Sophia Antipolis"


def log_in(page, username, password="changeme"):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def english_news_index():
    """The demo's English news section."""
    index = NewsIndexPage.objects.live().filter(locale=Locale.get_default()).first()
    assert index is not None, "the demo content has a news section"
    return index


def open_footer_actions(page):
    """Open the editor footer's menu of actions (publish, submit, approve...)."""
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()


def publish_from_footer(page):
    open_footer_actions(page)
    page.get_by_role("button", name="Publish", exact=True).click()


def write_and_publish_article(page, index):
    page.goto(f"/admin/pages/{index.id}/add_subpage/")
    expect(page).to_have_url(re.compile(r"/admin/pages/add/news/newspage/"))
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_title").press("Tab")
    expect(page.locator("#id_slug")).to_have_value(re.compile(r"^cluster-managers-meet"))
    page.locator("#id_intro").fill(LEAD)

    # Featured image, from the image chooser.
    image = PortalImage.objects.order_by("id").first()
    field = page.locator("#id_featured_image").locator("xpath=..")
    field.get_by_role("button", name=re.compile("Choose an image")).click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("link", name=image.title).first.click()
    expect(modal).to_be_hidden()
    expect(page.locator("#id_featured_image")).to_have_value(str(image.id))

    # Preview, from the side panel, in a new tab. (The panel's own iframe is refused by the
    # public Content-Security-Policy, frame-ancestors 'none', that the preview response gets.)
    page.locator('[data-side-panel-toggle="preview"]').click()
    with page.expect_popup() as popup:
        page.get_by_role("link", name="Preview in new tab").click()
    preview = popup.value
    expect(preview.get_by_role("heading", level=1)).to_have_text(TITLE)
    figure = preview.locator(f"main img[alt='{image.description}']").first
    expect(figure).to_be_visible()
    assert figure.evaluate("img => img.naturalWidth") > 0
    preview.close()

    publish_from_footer(page)
    expect(page).to_have_url(re.compile(rf"/admin/pages/{index.id}/$"))
    expect(page.locator(".messages")).to_contain_text(TITLE)


@pytest.fixture
def news_section(demo):
    return english_news_index()


def test_editor_publishes_a_news_article_that_shows_on_index_home_and_feed(
    demo, news_section, new_context
):
    staff = new_context(public=False)
    page = staff.new_page()
    log_in(page, "moderator")
    write_and_publish_article(page, news_section)
    staff.close()
    article = NewsPage.objects.get(title=TITLE)
    assert article.live and article.featured_image_id

    visitor = new_context().new_page()
    visitor.goto(news_section.get_url())
    link = visitor.locator("main").get_by_role("link", name=TITLE)
    expect(link).to_be_visible()
    link.click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.locator("main img").first).to_have_js_property("complete", True)
    assert visitor.locator("main img").first.evaluate("img => img.naturalWidth") > 0

    visitor.goto("/en/")
    expect(visitor.locator("main").get_by_role("link", name=TITLE)).to_be_visible()

    feed = visitor.request.get(news_section.get_url() + "feed/rss/")
    assert feed.ok and "xml" in feed.headers["content-type"]
    titles = [item.findtext("title") for item in ElementTree.fromstring(feed.text()).iter("item")]
    assert TITLE in titles


def test_editor_machine_translates_the_article_and_a_french_visitor_reaches_the_original(
    demo, news_section, new_context
):
    image = PortalImage.objects.order_by("id").first()
    article = NewsPage(title=TITLE, slug="cluster-managers-meet", intro=LEAD, featured_image=image)
    news_section.add_child(instance=article)
    article.save_revision().publish()

    staff = new_context(public=False)
    page = staff.new_page()
    log_in(page, "moderator")
    page.goto(f"/admin/pages/{article.id}/edit/")
    actions = page.get_by_role("navigation", name="Actions", exact=True)
    actions.get_by_role("button", name="Actions", exact=True).click()
    page.get_by_role("link", name="Translate this page").click()
    expect(page).to_have_url(re.compile(rf"/admin/localize/submit/page/{article.id}/$"))
    page.get_by_label("Français").check()
    page.get_by_label("Français").locator("xpath=ancestor::form").locator("[type=submit]").click()

    # wagtail-localize's editor: machine-translate every segment, correct the title by hand.
    expect(page.get_by_role("button", name="Publish in Français")).to_be_visible()
    page.get_by_role("button", name=re.compile(r"^Translate with ")).click()
    expect(page.locator(".messages")).to_contain_text("Successfully translated")
    machine_title = " ".join(reversed(TITLE.split()))  # what the dummy translator writes
    expect(page.locator("main")).to_contain_text(machine_title)
    page.get_by_role("button", name="Edit", exact=True).first.click()
    segment = page.locator("main textarea").first
    expect(segment).to_have_value(machine_title)
    segment.fill(FRENCH_TITLE)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("main textarea")).to_have_count(0)
    page.get_by_role("button", name="Publish in Français").click()
    expect(page.locator(".messages")).to_contain_text(FRENCH_TITLE)
    staff.close()

    french = NewsPage.objects.get(
        locale__language_code="fr", translation_key=article.translation_key
    )
    assert french.live and french.title == FRENCH_TITLE
    assert french.intro == " ".join(reversed(LEAD.split()))
    assert french.featured_image_id == image.id

    visitor = new_context(locale="fr-FR").new_page()
    visitor.goto("/fr/")
    visitor.locator("main").get_by_role("link", name=FRENCH_TITLE).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(FRENCH_TITLE)
    expect(visitor.locator("html")).to_have_attribute("lang", "fr")
    visitor.locator(".language-switcher").get_by_role("link", name="English").click()
    expect(visitor).to_have_url(re.compile(r"/en/.+/cluster-managers-meet/$"))
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.locator("html")).to_have_attribute("lang", "en")
