"""Journey: a visitor whose browser speaks Hungarian arrives on /, lands on the Hungarian site,
switches to the French version of the page she reads, then searches in Hungarian and gets
Hungarian results only."""

import re

from playwright.sync_api import expect

from home.demo import content as home_demo


def test_hungarian_visitor_switches_language_and_searches_in_hungarian(demo, new_context):
    context = new_context(locale="hu-HU")
    page = context.new_page()

    page.goto("/")
    expect(page).to_have_url(re.compile(r"/hu/$"))
    expect(page.locator("html")).to_have_attribute("lang", "hu")

    # Through the menu to the Hungarian "About" page.
    about_hu = home_demo.HU["About the project"]
    page.locator("header").get_by_role("link", name=about_hu, exact=True).click()
    expect(page).to_have_url(re.compile(rf"/hu/{home_demo.HU['about']}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(about_hu)

    # The switcher leads to the French version of the same page, not the French home page.
    page.locator(".language-switcher").get_by_role("link", name="Français").click()
    expect(page).to_have_url(re.compile(rf"/fr/{home_demo.FR['about']}/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text(home_demo.FR["About the project"])

    # Back in Hungarian, a Hungarian word finds the Hungarian page and nothing in other
    # languages.
    page.locator(".language-switcher").get_by_role("link", name="Magyar").click()
    expect(page).to_have_url(re.compile(rf"/hu/{home_demo.HU['about']}/$"))
    search = page.get_by_role("searchbox").first
    search.fill("tapasztalatára")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/hu/search/\?q="))
    results = page.locator("main ol li a")
    expect(results.first).to_be_visible()
    expect(page.locator("main").get_by_role("link", name=about_hu, exact=True)).to_be_visible()
    hrefs = results.evaluate_all("links => links.map(link => new URL(link.href).pathname)")
    assert hrefs and all(href.startswith("/hu/") for href in hrefs), hrefs

    # An English word from the same page finds nothing on the Hungarian site.
    search = page.get_by_role("searchbox").first
    search.fill("drew")
    search.press("Enter")
    expect(page.locator("main ol li a")).to_have_count(0)

    assert context.guard.foreign == []
    assert context.guard.failed == []
