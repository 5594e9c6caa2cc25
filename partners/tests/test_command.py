"""`manage.py add_partner_editor` and the equivalent admin action: idempotent, all or nothing
on bad input, and only for superusers and moderators."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    WorkflowPage,
)

from conftest import LANGUAGES
from partners.access import WORKFLOW_NAME
from partners.models import PartnerAccess

from .conftest import denied, make_user

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "collection permissions": GroupCollectionPermission.objects.count(),
        "users": get_user_model().objects.count(),
        "accesses": PartnerAccess.objects.count(),
        "workflow pages": WorkflowPage.objects.count(),
    }


def run(*args):
    out = StringIO()
    call_command("add_partner_editor", *args, stdout=out)
    return out.getvalue()


def test_sets_up_group_permissions_collection_and_workflow(partners_a, indexes):
    output = run("scs")
    access = PartnerAccess.objects.get(translation_key=partners_a["en"].translation_key)
    assert access.group.name == "Partner: SCS"
    assert "Created: group “Partner: SCS”" in output
    # add and edit, not publish, on the partner page in every language
    for code in LANGUAGES:
        codenames = set(
            access.group.page_permissions.filter(page=partners_a[code]).values_list(
                "permission__codename", flat=True
            )
        )
        assert codenames == {"add_page", "change_page"}
    collection_codenames = set(
        GroupCollectionPermission.objects.filter(
            group=access.group, collection=access.collection
        ).values_list("permission__codename", flat=True)
    )
    assert collection_codenames == {
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    }
    assert access.group.permissions.filter(codename="access_admin").exists()
    for code in LANGUAGES:
        workflow = indexes[code].get_workflow()
        assert workflow.name == WORKFLOW_NAME
        task = workflow.tasks.get().specific
        assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]


def test_running_twice_creates_nothing_twice(partners_a):
    run("scs", "--email", "anna@example.org")
    before = snapshot()
    output = run("scs", "--email", "anna@example.org")
    assert snapshot() == before
    assert "Nothing new" in output
    assert len(mail.outbox) == 1


def test_partner_by_id_of_any_translation(partners_a):
    run(str(partners_a["hu"].pk))
    assert PartnerAccess.objects.filter(translation_key=partners_a["en"].translation_key).exists()


def test_invites_a_new_user_with_a_password_link(client, partners_a):
    output = run("scs", "--email", "anna@example.org", "--username", "anna")
    user = get_user_model().objects.get(username="anna")
    assert not user.has_usable_password()
    assert user.groups.filter(name="Partner: SCS").exists()
    (message,) = mail.outbox
    assert message.to == ["anna@example.org"]
    link = next(line for line in message.body.splitlines() if "/password_reset/" in line)
    assert link in output
    response = client.get(link.replace("http://testserver", ""), follow=True)
    assert response.status_code == 200
    assert b"password" in response.content.lower()


def test_existing_user_is_added_without_touching_their_password(partners_a):
    user = make_user("bob")
    run("scs", "--username", "bob")
    user.refresh_from_db()
    assert user.has_usable_password()
    assert user.groups.filter(name="Partner: SCS").exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-partner"], "No partner page"),
        (["999999"], "No partner page"),
        (["scs", "--email", "not-an-address"], "not a valid e-mail address"),
        (["scs", "--username", "nobody"], "An e-mail address is needed"),
        (["scs", "--email", "x@example.org", "--username", "bad name!"], "not a valid username"),
    ],
)
def test_bad_input_is_a_clear_error_and_changes_nothing(partners_a, args, message):
    before = snapshot()
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert snapshot() == before
    assert mail.outbox == []


def test_bad_input_on_an_existing_setup_changes_nothing(partners_a):
    run("scs", "--no-moderation")
    before = snapshot()
    with pytest.raises(CommandError):
        run("scs", "--email", "bad@")
    assert snapshot() == before
    assert PartnerAccess.objects.get().moderated is False


def test_no_moderation_grants_publish_and_can_be_taken_back(partners_a):
    run("scs", "--no-moderation")
    access = PartnerAccess.objects.get()
    assert access.group.page_permissions.filter(permission__codename="publish_page").count() == 4
    run("scs")
    assert not access.group.page_permissions.filter(permission__codename="publish_page").exists()


def test_two_partners_get_separate_groups_and_collections(partners_a, partners_b):
    run("scs")
    run("example-university")
    a, b = PartnerAccess.objects.order_by("id")
    assert a.group != b.group and a.collection != b.collection
    assert not a.group.page_permissions.filter(page__translation_key=b.translation_key).exists()


def test_admin_action_for_superusers_and_moderators_only(client, partners_a, moderator, superuser):
    url = f"/admin/partners/{partners_a['en'].pk}/editors/"
    plain = make_user("plain", Group.objects.get(name="Editors"))
    client.force_login(plain)
    assert denied(client.get(url))
    assert denied(client.post(url, {"moderated": "on"}))
    assert not PartnerAccess.objects.exists()

    client.force_login(moderator)
    assert client.get(url).status_code == 200
    response = client.post(url, {"email": "anna@example.org", "moderated": "on"})
    assert response.status_code == 302
    access = PartnerAccess.objects.get()
    assert access.moderated
    assert (
        get_user_model()
        .objects.get(email="anna@example.org")
        .groups.filter(pk=access.group.pk)
        .exists()
    )
    before = snapshot()
    client.post(url, {"email": "anna@example.org", "moderated": "on"})
    assert snapshot() == before

    client.force_login(superuser)
    response = client.post(url, {"email": "not-an-address"})
    assert response.status_code == 200
    assert snapshot() == before
    edit = client.get(f"/admin/pages/{partners_a['en'].pk}/edit/")
    assert url in edit.text


def test_partner_editor_cannot_use_the_admin_action(client, partners_a, editor_a):
    client.force_login(editor_a)
    url = f"/admin/partners/{partners_a['en'].pk}/editors/"
    assert denied(client.get(url))
    assert url not in client.get(f"/admin/pages/{partners_a['en'].pk}/edit/").text


def test_admin_action_on_unknown_page_is_404(client, superuser):
    client.force_login(superuser)
    response = client.get("/admin/partners/999999/editors/", follow=True)
    assert response.status_code == 404
