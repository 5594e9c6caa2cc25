"""Journey: a visitor filters the training catalogue by language and follows a resource's link
out to where the course is hosted. The outbound navigation is intercepted in the browser (no
request leaves loopback) and its URL checked."""

import re

from playwright.sync_api import expect
from wagtail.models import Locale

from training.models import TrainingIndexPage, TrainingResourcePage


def test_visitor_filters_training_by_language_and_follows_a_resource_out(demo, new_context):
    index = TrainingIndexPage.objects.live().get(locale=Locale.get_default())
    in_hungarian = (
        TrainingResourcePage.objects.live()
        .child_of(index)
        .filter(languages__code="hu")
        .order_by("title")
    )
    expected = set(in_hungarian.values_list("title", flat=True))
    assert expected, "the demo catalogue has resources in Hungarian"
    resource = in_hungarian.first()
    if not resource.external_url:  # the demo modules carry no link to where they are hosted
        resource.external_url = "https://mooc.example.org/cluster4smart/"
        resource.save_revision().publish()

    context = new_context()
    page = context.new_page()
    page.goto(index.get_url())
    filters = page.get_by_role("search", name="Filter the training resources")
    filters.get_by_label("Language", exact=True).select_option("hu")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"[?&]language=hu(&|$)"))
    cards = page.locator(".training-card")
    expect(cards).to_have_count(len(expected))
    titles = set(page.locator(".training-card__title").all_inner_texts())
    assert titles == expected
    for card in cards.all():
        expect(card.locator("[lang=hu]")).to_have_count(1)

    page.get_by_role("link", name=resource.title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(resource.title)

    outbound = []

    def answer_for_the_outside_site(route):
        outbound.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<title>Outside</title>")

    page.route(re.compile(r"^https?://(?!127\.0\.0\.1|localhost)"), answer_for_the_outside_site)
    page.get_by_role("link", name="Go to the resource").click()
    expect(page).to_have_url(resource.external_url)
    assert outbound == [resource.external_url]
    assert context.guard.foreign == []
