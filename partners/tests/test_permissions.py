"""Partner self-service through the real admin views: what a partner editor may do on its own
pages, in every language, and what it may not do anywhere else (both sides of each rule)."""

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import Translation

from conftest import LANGUAGES
from home.pages.factories import PortalImageFactory
from home.pages.localization import translate_object
from partners.access import grant_partner_access
from partners.models import PartnerPage

from .conftest import denied, make_user

pytestmark = pytest.mark.django_db


def partner_form(page, **changes):
    fields = {
        "title": page.title,
        "slug": page.slug,
        "organisation_name": page.organisation_name,
        "short_name": page.short_name,
        "country": page.country.code,
        "city": page.city,
        "organisation_type": page.organisation_type,
        "role": page.role,
        "website": page.website,
        "intro": page.intro,
        "description": streamfield([]),
        "project_roles": inline_formset([]),
        "comments": inline_formset([]),
    }
    fields.update(changes)
    return nested_form_data(fields)


def standard_form(page, **changes):
    fields = {
        "title": page.title,
        "slug": page.slug,
        "intro": page.intro,
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    fields.update(changes)
    return nested_form_data(fields)


def form_for(page, **changes):
    page = page.specific
    builder = partner_form if isinstance(page, PartnerPage) else standard_form
    return builder(page, **changes)


@pytest.fixture
def as_editor_a(client, editor_a):
    client.force_login(editor_a)
    return client


def pages_of_a(partners_a):
    for code in LANGUAGES:
        yield partners_a[code]
        yield partners_a["team"][code]


@pytest.mark.parametrize("code", LANGUAGES)
def test_editor_edits_and_submits_own_pages_in_each_language(
    as_editor_a, partners_a, moderator, code, django_capture_on_commit_callbacks
):
    for page in (partners_a[code].specific, partners_a["team"][code].specific):
        live_title = page.title
        edit_url = f"/admin/pages/{page.pk}/edit/"
        assert as_editor_a.get(edit_url).status_code == 200
        if code != "en":
            # A synced translation opens in wagtail-localize's editor, which can publish but
            # not submit to a workflow: the partner first takes the page out of sync (its own
            # view, allowed to whoever may edit the page), then edits and submits it.
            translation = Translation.objects.get(
                source__object_id=page.translation_key, target_locale=page.locale
            )
            stop = reverse("wagtail_localize:stop_translation", args=[translation.pk])
            assert as_editor_a.post(stop, {"next": edit_url}).status_code == 302
        with django_capture_on_commit_callbacks(execute=True):
            response = as_editor_a.post(
                edit_url, form_for(page, title="Updated title", **{"action-submit": "submit"})
            )
        assert response.status_code == 302, response.context and response.context["form"].errors
        page.refresh_from_db()
        assert page.workflow_in_progress, page
        assert page.get_latest_revision().as_object().title == "Updated title"
        # Submitted, not published: the visitors still see the live version.
        assert page.title == live_title
        assert page.has_unpublished_changes


@pytest.mark.parametrize("code", LANGUAGES[1:])
def test_editor_translates_own_page_not_partner_bs(client, editor_a, partners_a, partners_b, code):
    """In wagtail-localize's editor a partner may save translations of its own page only."""
    client.force_login(editor_a)
    for partner, allowed in ((partners_a, True), (partners_b, False)):
        page = partner[code]
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=page.locale
        )
        segment = translation.source.stringsegment_set.first()
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        form = "application/x-www-form-urlencoded"
        response = client.put(url, "value=Nouveau", content_type=form)
        assert (response.status_code in (200, 201)) is allowed, response.status_code
        stop = client.post(
            reverse("wagtail_localize:stop_translation", args=[translation.pk]),
            {"next": f"/admin/pages/{page.pk}/edit/"},
        )
        assert denied(stop) is not allowed


def test_editor_cannot_publish_own_page(as_editor_a, editor_a, partners_a):
    page = partners_a["en"].specific
    assert page.permissions_for_user(editor_a).can_edit()
    assert not page.permissions_for_user(editor_a).can_publish()
    response = as_editor_a.post(
        f"/admin/pages/{page.pk}/edit/",
        partner_form(page, title="Published?", **{"action-publish": "publish"}),
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.title == "Pôle SCS"


def test_editor_can_add_a_sub_page_to_own_partner_page(as_editor_a, partners_a):
    parent = partners_a["fr"]
    url = f"/admin/pages/add/home/standardpage/{parent.pk}/"
    assert as_editor_a.get(url).status_code == 200
    response = as_editor_a.post(
        url,
        nested_form_data(
            {
                "title": "Résultats",
                "slug": "resultats",
                "intro": "",
                "body": streamfield([]),
                "comments": inline_formset([]),
                "action-submit": "submit",
            }
        ),
    )
    assert response.status_code == 302
    assert Page.objects.child_of(parent).filter(slug="resultats").exists()


def test_editor_cannot_touch_partner_b_in_any_language(as_editor_a, partners_b):
    views = ["edit", "move", "delete", "unpublish", "copy", "add_subpage", "history"]
    for code in LANGUAGES:
        page = partners_b[code]
        for view in views:
            response = as_editor_a.get(f"/admin/pages/{page.pk}/{view}/")
            assert denied(response), (code, view, response.status_code)


def test_editor_cannot_change_partner_b_by_posting(as_editor_a, partners_b):
    page = partners_b["en"].specific
    for action in ("action-submit", "action-publish"):
        response = as_editor_a.post(
            f"/admin/pages/{page.pk}/edit/", partner_form(page, title="Hacked", **{action: "x"})
        )
        assert denied(response)
    response = as_editor_a.post(f"/admin/pages/{page.pk}/delete/")
    assert denied(response)
    page.refresh_from_db()
    assert page.title == "Example University" and page.live
    latest = page.get_latest_revision()
    assert latest is None or latest.as_object().title == "Example University"


def test_editor_b_side_can_edit_b_but_not_a(client, editor_b, partners_a, partners_b):
    client.force_login(editor_b)
    assert client.get(f"/admin/pages/{partners_b['hu'].pk}/edit/").status_code == 200
    assert denied(client.get(f"/admin/pages/{partners_a['hu'].pk}/edit/"))


def test_editor_cannot_move_or_delete_own_partner_page(as_editor_a, partners_a):
    # Moving or deleting the partner page itself would take it out of the consortium.
    page = partners_a["en"]
    assert denied(as_editor_a.get(f"/admin/pages/{page.pk}/move/"))
    assert denied(as_editor_a.get(f"/admin/pages/{page.pk}/unpublish/"))


@pytest.fixture
def news_index(homes):
    from news.models import NewsIndexPage

    page = NewsIndexPage(title="News", slug="news")
    homes["en"].add_child(instance=page)
    page.save_revision().publish()
    return page


def test_editor_cannot_edit_home_news_or_partner_index(as_editor_a, homes, news_index, indexes):
    for page in [homes["en"], homes["fr"], news_index, indexes["en"], indexes["hu"]]:
        assert denied(as_editor_a.get(f"/admin/pages/{page.pk}/edit/")), page
        assert denied(as_editor_a.get(f"/admin/pages/{page.pk}/delete/")), page
    assert denied(as_editor_a.get(f"/admin/pages/add/home/standardpage/{homes['en'].pk}/"))


SETTINGS_URLS = [
    "/admin/settings/home/sitesettings/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/sites/",
    "/admin/collections/",
    "/admin/workflows/list/",
    "/admin/snippets/home/fundingstatement/",
    "/admin/locales/",
    "/admin/redirects/",
]


def test_editor_sees_no_settings_users_or_snippets(as_editor_a):
    for url in SETTINGS_URLS:
        assert denied(as_editor_a.get(url)), url


def test_superuser_reaches_the_same_views(client, superuser):
    client.force_login(superuser)
    for url in ["/admin/users/", "/admin/snippets/home/fundingstatement/", "/admin/groups/"]:
        assert client.get(url).status_code == 200


def test_editor_admin_menu_is_focused(as_editor_a, partners_a):
    response = as_editor_a.get("/admin/")
    assert response.status_code == 200
    for absent in ("/admin/users/", "/admin/snippets/", "/admin/settings/", "/admin/groups/"):
        assert absent not in response.text


def test_explorer_shows_own_pages_and_not_partner_b(as_editor_a, partners_a, partners_b, indexes):
    response = as_editor_a.get(f"/admin/pages/{indexes['en'].pk}/")
    assert response.status_code == 200
    assert f"/admin/pages/{partners_a['en'].pk}/edit/" in response.text
    assert f"/admin/pages/{partners_b['en'].pk}/edit/" not in response.text


@pytest.fixture
def media(access_a, access_b):
    image_a = PortalImageFactory(title="Logo of A", collection=access_a.collection)
    image_b = PortalImageFactory(title="Logo of B", collection=access_b.collection)
    doc_a = Document.objects.create(title="Report of A", collection=access_a.collection)
    doc_a.file.save("a.txt", ContentFile(b"a"))
    doc_b = Document.objects.create(title="Report of B", collection=access_b.collection)
    doc_b.file.save("b.txt", ContentFile(b"b"))
    return {"image_a": image_a, "image_b": image_b, "doc_a": doc_a, "doc_b": doc_b}


def test_images_and_documents_of_partner_b_are_hidden(client, editor_a, editor_b, media):
    for editor, own, other in ((editor_a, "A", "B"), (editor_b, "B", "A")):
        client.force_login(editor)
        for url in ["/admin/images/", "/admin/images/chooser/"]:
            response = client.get(url)
            assert response.status_code == 200
            assert f"Logo of {own}" in response.text
            assert f"Logo of {other}" not in response.text
        for url in ["/admin/documents/", "/admin/documents/chooser/"]:
            response = client.get(url)
            assert response.status_code == 200
            assert f"Report of {own}" in response.text
            assert f"Report of {other}" not in response.text


def test_editor_can_edit_own_image_not_partner_bs(as_editor_a, media):
    assert as_editor_a.get(f"/admin/images/{media['image_a'].pk}/").status_code == 200
    assert denied(as_editor_a.get(f"/admin/images/{media['image_b'].pk}/"))
    assert denied(as_editor_a.get(f"/admin/images/{media['image_b'].pk}/delete/"))
    assert denied(as_editor_a.get(f"/admin/documents/edit/{media['doc_b'].pk}/"))
    assert as_editor_a.get(f"/admin/documents/edit/{media['doc_a'].pk}/").status_code == 200


def test_image_uploads_land_in_own_collection_only(as_editor_a, access_a, access_b):
    response = as_editor_a.get("/admin/images/add/")
    assert response.status_code == 200
    assert access_a.collection.name in response.text or "collection" not in response.text
    assert access_b.collection.name not in response.text


def test_moderator_is_told_approves_and_change_goes_live(
    client, editor_a, editor_b, moderator, partners_a, django_capture_on_commit_callbacks
):
    page = partners_a["en"].specific
    client.force_login(editor_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/pages/{page.pk}/edit/",
            partner_form(page, title="Pôle SCS (nouveau)", **{"action-submit": "submit"}),
        )
    recipients = {address for message in mail.outbox for address in message.to}
    assert moderator.email in recipients
    assert editor_b.email not in recipients
    page.refresh_from_db()
    assert page.title != "Pôle SCS (nouveau)"
    assert client.get(page.url).status_code in (200, 302)  # the public page, unchanged
    assert "Pôle SCS (nouveau)" not in client.get(page.url).text

    # The partner's editor cannot approve its own change.
    task_state = page.current_workflow_task_state
    approve = f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"
    assert denied(client.post(approve, {"comment": ""}))
    page.refresh_from_db()
    assert page.workflow_in_progress

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(approve, {"comment": "Merci"})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.title == "Pôle SCS (nouveau)"
    assert not page.workflow_in_progress
    client.logout()
    assert "Pôle SCS (nouveau)" in client.get(page.url).text


def test_translation_made_after_the_group_is_editable(client, partner_a, locales):
    access = grant_partner_access(partner_a).access
    editor = make_user("late", access.group)
    assert not access.group.page_permissions.exclude(page=partner_a).exists()
    french = translate_object(partner_a, locales["fr"], lambda text: text, strict=False)
    client.force_login(editor)
    assert client.get(f"/admin/pages/{french.pk}/edit/").status_code == 200
    assert access.group.page_permissions.filter(page=french).exists()


def test_unmoderated_partner_may_publish(client, partners_a):
    access = grant_partner_access(partners_a["en"], moderated=False).access
    editor = make_user("trusted", access.group)
    page = partners_a["es"].specific
    assert page.permissions_for_user(editor).can_publish()
    assert not partners_a["en"].get_parent().permissions_for_user(editor).can_publish()
    grant_partner_access(partners_a["en"], moderated=True)
    editor = type(editor).objects.get(pk=editor.pk)  # permissions are cached on the user
    assert not page.permissions_for_user(editor).can_publish()
