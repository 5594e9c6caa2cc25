"""PO files for outside translators, through the real admin views: submit a page for
translation, download its French PO file, translate it, upload it, publish; and bad files
(malformed, not a PO file, made for another translation or page, empty) rejected with a
clear message and nothing changed."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import StringTranslation, Translation

from home.pages.models import StandardPage

from .translation_helpers import make_about, make_admin, messages_of, pending_translation

pytestmark = pytest.mark.django_db

FRENCH = {
    "About the project": "À propos du projet",
    "about": "a-propos",
    "The project has received funding from the European Union.": (
        "Le projet a reçu un financement de l'Union européenne."
    ),
    "Cluster managers learn about <b>Industry 4.0</b>.": (
        "Les gestionnaires de clusters découvrent l'<b>industrie 4.0</b>."
    ),
}


@pytest.fixture
def admin_client(client, homes):
    client.force_login(make_admin())
    return client


@pytest.fixture
def about(homes):
    return make_about(homes["en"])


def upload(client, translation, content, name="about-fr.po"):
    url = reverse("wagtail_localize:upload_pofile", args=[translation.id])
    edit_url = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().id])
    file = SimpleUploadedFile(name, content, content_type="text/x-gettext-translation")
    return client.post(f"{url}?next={edit_url}", {"file": file})


def download(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/x-gettext-translation"
    assert "attachment" in response["Content-Disposition"]
    return polib.pofile(response.content.decode())


def translated_strings(translation):
    return StringTranslation.objects.filter(
        locale=translation.target_locale, context__object_id=translation.source.object_id
    )


def test_po_round_trip_through_the_admin(
    admin_client, about, locales, django_capture_on_commit_callbacks
):
    # Submit the page for translation into French, as an editor would.
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[about.id]),
        {"locales": [locales["fr"].id]},
    )
    assert response.status_code == 302
    translation = Translation.objects.get(source__object_id=about.translation_key)
    french = about.get_translation(locales["fr"])
    assert french.live is False  # a draft until someone publishes it

    po = download(admin_client, translation)
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    assert {entry.msgid for entry in po} == set(FRENCH)
    for entry in po:
        entry.msgstr = FRENCH[entry.msgid]

    response = upload(admin_client, translation, str(po).encode())
    assert response.status_code == 302
    assert "Successfully imported translations from PO File." in messages_of(response)
    assert translated_strings(translation).count() == len(FRENCH)

    # Publish from the translation editor.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[french.id]), {"action": "publish"}
        )
    assert response.status_code == 302
    french = StandardPage.objects.get(id=french.id)
    assert french.live
    assert french.title == "À propos du projet"
    assert french.slug == "a-propos"
    assert french.intro == "Le projet a reçu un financement de l'Union européenne."
    page = admin_client.get("/fr/a-propos/")
    assert page.status_code == 200
    assert "découvrent l&#x27;<b>industrie 4.0</b>" in page.text or "industrie 4.0" in page.text


def po_for(translation, strings=None, translation_id=None):
    po = translation.export_po()
    if translation_id is not None:
        po.metadata["X-WagtailLocalize-TranslationID"] = translation_id
    for entry in po:
        entry.msgstr = (FRENCH if strings is None else strings).get(entry.msgid, "")
    return str(po).encode()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"this is not a PO file at all\n\x00\x01", "not a valid PO file"),
        # polib reads this leniently; it is still refused (it is no export of this site).
        (b'msgid "unterminated\nmsgstr ""\n', "was not downloaded from this site"),
        (b"\xff\xfe\xfa broken bytes", "not a valid PO file"),
        (b"", "This file is empty"),
        (b'msgid "About the project"\nmsgstr "A propos"\n', "was not downloaded from this site"),
    ],
)
def test_malformed_po_files_are_rejected(admin_client, about, locales, content, expected):
    translation = pending_translation(about, locales["fr"])
    response = upload(admin_client, translation, content)
    assert response.status_code == 302
    (message,) = messages_of(response)
    assert expected in message
    assert not translated_strings(translation).exists()


def test_po_file_of_another_translation_is_rejected(admin_client, about, locales):
    french = pending_translation(about, locales["fr"])
    spanish = pending_translation(about, locales["es"])
    response = upload(admin_client, french, po_for(spanish))
    (message,) = messages_of(response)
    assert "made for a different translation" in message
    assert not translated_strings(french).exists()
    assert not translated_strings(spanish).exists()


def test_po_file_of_another_page_is_rejected(admin_client, about, homes, locales):
    french = pending_translation(about, locales["fr"])
    other = make_about(homes["en"], title="Partners", slug="partners", intro="Our partners.")
    other_french = pending_translation(other, locales["fr"])
    content = po_for(other_french, {"Partners": "Partenaires", "Our partners.": "Nos partenaires."})
    # Even given this translation's ID, none of its texts belong to this page.
    forged = po_for(
        other_french,
        {"Partners": "Partenaires", "Our partners.": "Nos partenaires."},
        translation_id=str(french.uuid),
    )
    assert (
        "made for a different translation" in messages_of(upload(admin_client, french, content))[-1]
    )
    assert "None of the texts" in messages_of(upload(admin_client, french, forged))[-1]
    assert not translated_strings(french).exists()
    assert not translated_strings(other_french).exists()


def test_po_file_without_translations_is_rejected(admin_client, about, locales):
    translation = pending_translation(about, locales["fr"])
    response = upload(admin_client, translation, po_for(translation, strings={}))
    assert "contains no translations" in messages_of(response)[0]


def test_missing_file_and_get_are_answered_cleanly(admin_client, about, locales):
    translation = pending_translation(about, locales["fr"])
    url = reverse("wagtail_localize:upload_pofile", args=[translation.id])
    response = admin_client.post(url, {})
    assert response.status_code == 302
    assert "Please choose a PO file" in messages_of(response)[0]
    assert admin_client.get(url).status_code == 405


def test_stale_entries_are_ignored_with_a_warning(admin_client, about, locales):
    translation = pending_translation(about, locales["fr"])
    po = translation.export_po()
    for entry in po:
        entry.msgstr = FRENCH[entry.msgid]
    po.append(polib.POEntry(msgid="An old sentence", msgctxt="intro", msgstr="Une vieille phrase"))
    response = upload(admin_client, translation, str(po).encode())
    assert response.status_code == 302
    texts = messages_of(response)
    assert "Successfully imported translations from PO File." in texts
    assert any("no longer appears on the page and was ignored" in text for text in texts)
    assert translated_strings(translation).count() == len(FRENCH)


def test_upload_needs_edit_permission(client, about, locales, django_user_model):
    translation = pending_translation(about, locales["fr"])
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = upload(client, translation, po_for(translation))
    # Wagtail answers a refused admin request by going back to the dashboard with a message.
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert "permission" in messages_of(response)[-1]
    assert not translated_strings(translation).exists()
