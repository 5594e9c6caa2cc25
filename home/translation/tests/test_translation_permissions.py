"""A partner editor (set up by `manage.py add_partner_editor`) can edit the translations of
its own partner page but cannot submit pages for translation, nor edit another partner's
translations."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from conftest import tagged
from home.pages.localization import translate_object

from .translation_helpers import make_about, messages_of, pending_translation

partners_factories = pytest.importorskip(
    "partners.factories", reason="the partners app (add_partner_editor) is not installed yet"
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner_pages(homes, locales):
    index = partners_factories.PartnerIndexPageFactory(parent=homes["en"])
    translate_object(index, locales["fr"], tagged("fr"), strict=False)
    own = partners_factories.PartnerPageFactory(parent=index, title="Pôle SCS", slug="scs")
    other = partners_factories.PartnerPageFactory(parent=index, title="Clusterland", slug="cl")
    return own, other


def partner_editor(page):
    call_command(
        "add_partner_editor",
        str(page.id),
        "--username",
        "scs-editor",
        "--email",
        "editor@scs.example.org",
        stdout=io.StringIO(),
    )
    return get_user_model().objects.get(username="scs-editor")


def refused(response):
    """Wagtail refuses an admin request by going back to the dashboard with a message."""
    return (
        response.status_code == 403
        or response.status_code == 302
        and response.url == reverse("wagtailadmin_home")
        and "permission" in messages_of(response)[-1]
    )


def test_partner_editor_edits_its_own_translation(client, partner_pages, locales):
    own, other = partner_pages
    own_french = pending_translation(own, locales["fr"])
    other_french = pending_translation(other, locales["fr"])
    client.force_login(partner_editor(own))

    # Its own page's French translation opens in the translation editor, and takes a PO file.
    edit = client.get(
        reverse("wagtailadmin_pages:edit", args=[own_french.get_target_instance().id])
    )
    assert edit.status_code == 200
    assert "wagtail_localize" in edit.text or "translation" in edit.text.lower()
    po = own_french.export_po()
    for entry in po:
        entry.msgstr = f"[fr] {entry.msgid}"
    upload = client.post(
        reverse("wagtail_localize:upload_pofile", args=[own_french.id]),
        {"file": SimpleUploadedFile("scs-fr.po", str(po).encode())},
    )
    assert "Successfully imported translations from PO File." in messages_of(upload)

    # Another partner's translation is out of reach.
    other_edit = client.get(
        reverse("wagtailadmin_pages:edit", args=[other_french.get_target_instance().id])
    )
    assert refused(other_edit)
    other_upload = client.post(
        reverse("wagtail_localize:upload_pofile", args=[other_french.id]),
        {"file": SimpleUploadedFile("cl-fr.po", str(other_french.export_po()).encode())},
    )
    assert refused(other_upload)


def test_partner_editor_cannot_submit_pages_for_translation(client, homes, partner_pages, locales):
    own, _other = partner_pages
    about = make_about(homes["en"])
    client.force_login(partner_editor(own))
    for page in (about, own):
        url = reverse("wagtail_localize:submit_page_translation", args=[page.id])
        assert refused(client.get(url))
        assert refused(client.post(url, {"locales": [locales["es"].id]}))
    assert about.get_translation_or_none(locales["es"]) is None
    assert own.get_translation_or_none(locales["es"]) is None
    # Nor see the translation status report.
    assert refused(client.get(reverse("portal_translation_status")))
