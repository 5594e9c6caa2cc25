"""Partner self-service: the group, page permissions, collection and moderation workflow that
let a partner organisation keep its own pages, and nothing else, current.

`grant_partner_access()` is the one code path behind `manage.py add_partner_editor`, the
admin action on a partner page and the demo content. It converges: running it again with the
same arguments changes nothing, with other arguments updates what it set up before."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import PartnerAccess, PartnerIndexPage, PartnerPage

MODERATORS_GROUP = "Moderators"
WORKFLOW_NAME = "Partner pages: moderators' approval"
TASK_NAME = "Moderators approve partner changes"

# Page permissions of a partner group on its partner page, in every language. Publishing
# only for partners set up without moderation.
EDIT_PAGE_PERMISSIONS = ("add_page", "change_page")
PUBLISH_PAGE_PERMISSIONS = ("publish_page",)
# Collection permissions on the partner's own collection (images and documents).
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


class PartnerAccessError(Exception):
    """Bad input to the partner set-up: nothing was changed."""


@dataclass
class AccessResult:
    access: PartnerAccess
    created: list = field(default_factory=list)
    user: object = None
    user_created: bool = False
    reset_url: str = ""

    @property
    def group(self):
        return self.access.group


def find_partner(reference):
    """The partner page for an id or a slug (in any language); PartnerAccessError if there
    is none or the slug names several different partners."""
    reference = str(reference).strip()
    if reference.isdigit():
        page = PartnerPage.objects.filter(pk=int(reference)).first()
        if page is None:
            raise PartnerAccessError(_("No partner page has the id %(id)s.") % {"id": reference})
        return page
    pages = list(PartnerPage.objects.filter(slug=reference).select_related("locale"))
    if not pages:
        raise PartnerAccessError(
            _("No partner page has the id or slug “%(ref)s”.") % {"ref": reference}
        )
    if len({page.translation_key for page in pages}) > 1:
        raise PartnerAccessError(
            _("The slug “%(ref)s” names several partners; use the page id.") % {"ref": reference}
        )
    for page in pages:
        if page.locale.language_code == settings.LANGUAGE_CODE:
            return page
    return pages[0]


def is_partner_admin(user):
    """Who may set up partner editors: superusers and the moderators (memoised on the user,
    since the page listing asks once per row)."""
    if not getattr(user, "is_active", False):
        return False
    if not hasattr(user, "portal_is_partner_admin"):
        user.portal_is_partner_admin = (
            user.is_superuser or user.groups.filter(name=MODERATORS_GROUP).exists()
        )
    return user.portal_is_partner_admin


def group_name_for(partner, exclude_group=None):
    """ "Partner: <short name or name>", made unique if another group already uses it."""
    label = partner.short_name or partner.organisation_name or partner.title
    base = f"Partner: {label}"[:140]
    name, suffix = base, 2
    taken = Group.objects.exclude(pk=getattr(exclude_group, "pk", None))
    while taken.filter(name=name).exists():
        name = f"{base} ({suffix})"
        suffix += 1
    return name


def _page_permissions(codenames):
    return list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore",
            content_type__model="page",
            codename__in=codenames,
        )
    )


def grant_page_permissions(access, pages):
    """Give the partner's group its page permissions on each of `pages` (the partner page in
    some languages); returns how many were added."""
    codenames = EDIT_PAGE_PERMISSIONS + (() if access.moderated else PUBLISH_PAGE_PERMISSIONS)
    added = 0
    for page in pages:
        for permission in _page_permissions(codenames):
            _obj, created = GroupPagePermission.objects.get_or_create(
                group=access.group, page=page, permission=permission
            )
            added += created
    if access.moderated:
        GroupPagePermission.objects.filter(
            group=access.group, permission__codename__in=PUBLISH_PAGE_PERMISSIONS
        ).delete()
    return added


def ensure_partner_workflow():
    """The moderators' approval workflow, assigned to the partner index in every language:
    what a partner editor submits goes to the Moderators group, whom Wagtail notifies."""
    moderators, _created = Group.objects.get_or_create(name=MODERATORS_GROUP)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    if not task.groups.filter(pk=moderators.pk).exists():
        task.groups.add(moderators)
    workflow, _created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for index in PartnerIndexPage.objects.all():
        assign_workflow(index, workflow)
    return workflow


def assign_workflow(page, workflow):
    WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


def _ensure_collection(access, name):
    collection = access.collection if access.collection_id else None
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=name)
    elif collection.name != name:
        collection.name = name
        collection.save()
    return collection


def _grant_collection_permissions(group, collection):
    for app_label, codename in COLLECTION_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def _invite(group, *, email, username):
    """The user to add to the group: an existing one (by username, else by e-mail) or a new
    one with an unusable password. Returns (user, created)."""
    User = get_user_model()
    if email:
        try:
            validate_email(email)
        except ValidationError as error:
            raise PartnerAccessError(
                _("“%(email)s” is not a valid e-mail address.") % {"email": email}
            ) from error
    user = None
    if username:
        user = User.objects.filter(username=username).first()
        if user is not None and email and user.email and user.email.lower() != email.lower():
            raise PartnerAccessError(
                _("The user “%(username)s” already exists with another e-mail address.")
                % {"username": username}
            )
    elif email:
        user = User.objects.filter(email__iexact=email).first()
    created = False
    if user is None:
        if not email:
            raise PartnerAccessError(_("An e-mail address is needed to invite a new user."))
        username = username or email
        try:
            User._meta.get_field("username").run_validators(username)
        except ValidationError as error:
            raise PartnerAccessError(
                _("“%(username)s” is not a valid username.") % {"username": username}
            ) from error
        user = User(username=username, email=email)
        user.set_unusable_password()
        user.save()
        created = True
    elif email and not user.email:
        user.email = email
        user.save(update_fields=["email"])
    user.groups.add(group)
    return user, created


def password_reset_url(user):
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_invitation(user, partner, reset_url):
    subject = _("You can now edit %(name)s's pages") % {"name": partner.organisation_name}
    body = _(
        "An account has been created for you to keep the pages of %(name)s on "
        "%(site)s current.\n\nChoose your password here:\n%(url)s\n\nYour username is "
        "%(username)s. Changes you submit are published once a moderator has approved them."
    ) % {
        "name": partner.organisation_name,
        "site": settings.WAGTAIL_SITE_NAME,
        "url": reset_url,
        "username": user.get_username(),
    }
    send_mail(subject, body, None, [user.email])


@transaction.atomic
def grant_partner_access(partner, *, email=None, username=None, moderated=True):
    """Create or update the partner's group, its page permissions on the partner page in
    every language, its collection and collection permissions, the moderation workflow and,
    with `email` or `username`, the invited user. All or nothing."""
    email = (email or "").strip() or None
    username = (username or "").strip() or None
    access = PartnerAccess.objects.filter(translation_key=partner.translation_key).first()
    created = []
    if access is None:
        group = Group.objects.create(name=group_name_for(partner))
        created.append(f"group “{group.name}”")
        access = PartnerAccess(translation_key=partner.translation_key, group=group)
    else:
        group = access.group
        name = group_name_for(partner, exclude_group=group)
        if group.name != name:
            group.name = name
            group.save(update_fields=["name"])
    had_collection = bool(access.collection_id)
    access.collection = _ensure_collection(access, group.name)
    if not had_collection:
        created.append(f"collection “{access.collection.name}”")
    access.moderated = moderated
    access.save()

    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(admin_access)
    _grant_collection_permissions(group, access.collection)
    added = grant_page_permissions(
        access, Page.objects.filter(translation_key=access.translation_key)
    )
    if added:
        created.append(f"{added} page permission(s)")
    ensure_partner_workflow()

    result = AccessResult(access=access, created=created)
    if email or username:
        result.user, result.user_created = _invite(group, email=email, username=username)
        if result.user_created:
            created.append(f"user “{result.user.get_username()}”")
            result.reset_url = password_reset_url(result.user)
            send_invitation(result.user, partner, result.reset_url)
    return result
