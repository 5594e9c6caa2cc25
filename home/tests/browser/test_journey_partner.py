"""Journey of a partner organisation keeping its own page current: the partner editor logs in,
edits the SCS page and submits it for moderation; another partner's page stays closed to it; a
moderator approves from the dashboard, and the visitor then sees the change."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from partners.factories import PartnerPageFactory
from partners.models import PartnerPage

from .test_journey_news import log_in, open_footer_actions

NEW_INTRO = "A French cluster for secure communicating solutions, now with a training academy."


@pytest.fixture
def scs(demo):
    return PartnerPage.objects.get(slug="scs", locale=Locale.get_default())


@pytest.fixture
def other_partner(scs):
    page = PartnerPageFactory(parent=scs.get_parent(), title="Clust-ER", slug="clust-er")
    page.save_revision().publish()
    return page


def test_partner_editor_submits_own_page_and_a_moderator_approves_it(
    demo, scs, other_partner, new_context
):
    partner = new_context(public=False)
    page = partner.new_page()
    log_in(page, "partner")
    page.goto(f"/admin/pages/{scs.id}/edit/")
    page.locator("#id_intro").fill(NEW_INTRO)
    open_footer_actions(page)
    page.get_by_role("button", name=re.compile(r"^Submit to ")).click()
    expect(page.locator(".messages")).to_contain_text("submitted")

    # Another partner's page is not theirs to open, nor listed where they edit.
    page.goto(f"/admin/pages/{other_partner.id}/edit/")
    expect(page).not_to_have_url(re.compile(rf"/admin/pages/{other_partner.id}/edit/"))
    expect(page.locator(".messages")).to_contain_text("permission")
    page.goto(f"/admin/pages/{scs.get_parent().id}/")
    expect(page.locator("main")).not_to_contain_text("Clust-ER")
    partner.close()

    # Until a moderator approves, visitors see the page as it was.
    visitor = new_context()
    reader = visitor.new_page()
    reader.goto(scs.get_url())
    expect(reader.locator("main")).not_to_contain_text(NEW_INTRO)
    visitor.close()

    moderators = new_context(public=False)
    page = moderators.new_page()
    log_in(page, "moderator")
    review = page.locator("main section", has_text="Awaiting your review")
    review.get_by_role("link", name=re.compile(scs.title)).first.click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{scs.id}/edit/"))
    expect(page.locator("#id_intro")).to_have_value(NEW_INTRO)
    open_footer_actions(page)
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("has been updated")
    moderators.close()

    scs.refresh_from_db()
    assert scs.live and scs.intro == NEW_INTRO and not scs.workflow_in_progress

    reader = new_context().new_page()
    reader.goto(scs.get_url())
    expect(reader.locator("main")).to_contain_text(NEW_INTRO)
