"""PORTAL_AUTO_TRANSLATION_DRAFTS: publishing a page in the source language creates or syncs
its draft translations, never publishing them; off by default."""

import pytest
from wagtail.models import Page

from conftest import tagged
from home.pages.localization import translate_object

from .translation_helpers import make_about

pytestmark = pytest.mark.django_db


def translations_of(page):
    return {
        p.locale.language_code: p
        for p in Page.objects.filter(translation_key=page.translation_key)
        .exclude(id=page.id)
        .select_related("locale")
    }


def test_off_by_default(settings, homes):
    assert settings.PORTAL_AUTO_TRANSLATION_DRAFTS is False
    about = make_about(homes["en"])
    assert translations_of(about) == {}


def test_publishing_creates_draft_translations(settings, homes):
    settings.PORTAL_AUTO_TRANSLATION_DRAFTS = True
    about = make_about(homes["en"])
    found = translations_of(about)
    assert set(found) == {"fr", "es", "hu"}
    for code, page in found.items():
        assert page.live is False, code
        assert page.alias_of_id is None
        assert page.get_parent().specific == homes[code]
        assert page.specific.get_latest_revision_as_object().title == "About the project"


def test_publishing_again_syncs_drafts_and_keeps_translations(settings, homes, locales):
    settings.PORTAL_AUTO_TRANSLATION_DRAFTS = True
    about = make_about(homes["en"])
    # French is translated and published by an editor.
    french = translate_object(about, locales["fr"], tagged("fr"), strict=False)
    assert french.live and french.title == "[fr] About the project"

    about.intro = "A new introduction."
    about.save_revision().publish()

    french.refresh_from_db()
    # The live French page is untouched; its new draft has the French title kept and the
    # new, untranslated introduction waiting in the source language.
    assert french.live
    assert french.title == "[fr] About the project"
    assert french.has_unpublished_changes
    draft = french.get_latest_revision_as_object()
    assert draft.title == "[fr] About the project"
    assert draft.intro == "A new introduction."
    spanish = translations_of(about)["es"]
    assert spanish.live is False
    assert spanish.specific.get_latest_revision_as_object().intro == "A new introduction."


def test_translated_pages_and_unpublished_parents_are_left_alone(settings, homes, locales):
    # Publishing a French page does not make translations of it.
    about = make_about(homes["en"])
    french = translate_object(about, locales["fr"], tagged("fr"), strict=False)
    settings.PORTAL_AUTO_TRANSLATION_DRAFTS = True
    french.save_revision().publish()
    assert set(translations_of(about)) == {"fr"}
    # A child of a page that has no Spanish version gets no Spanish draft (no orphan trees).
    child = make_about(about, title="Team", slug="team", intro="Who we are.")
    found = translations_of(child)
    assert "fr" in found and "es" not in found and "hu" not in found
    assert found["fr"].live is False
