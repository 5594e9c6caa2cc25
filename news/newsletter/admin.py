"""The newsletter in Wagtail's admin (imported by news/wagtail_hooks.py).

- Subscribers: listed and filtered by language and status, exported as CSV or XLSX. Nobody
  adds, edits or deletes them by hand (a subscriber exists because they confirmed); the one
  change staff make is erasing an address on request (news.delete_subscriber).
- Digests: staff pick pages, preview the message in each language, and press Send, which
  queues the digest for `manage.py send_digests` (run every minute by the scheduler); its
  progress is shown in the list and on the send page."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .emails import digest_message
from .models import Digest, Subscriber
from .sending import queue


class ReadOnlySubscribers(ModelPermissionPolicy):
    """Subscribers come from confirmed sign-ups: they are listed, exported and erased, never
    added, edited or deleted in the admin (deleting would lose the consent records)."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [a for a in actions if a not in ("add", "change", "delete")]
        return super().users_with_any_permission(actions)


register_permission_policy(Subscriber, ReadOnlySubscribers(Subscriber))


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Subscribers")
    list_display = ["__str__", "language", "status", "subscribed_at", "withdrawn_at"]
    list_filter = ["language", "status"]
    list_export = ["email", "language", "status", "subscribed_at", "withdrawn_at"]
    export_filename = "newsletter-subscribers"
    search_fields = ["email"]
    inspect_view_enabled = True
    inspect_view_fields = ["email", "language", "status", "subscribed_at", "withdrawn_at"]


class DigestViewSet(SnippetViewSet):
    model = Digest
    icon = "doc-full-inverse"
    menu_label = _("Digests")
    list_display = ["title", "status", "created_at", "finished_at"]
    list_filter = ["status"]


class NewsletterGroup(SnippetViewSetGroup):
    items = (DigestViewSet, SubscriberViewSet)
    menu_icon = "mail"
    menu_label = _("Newsletter")
    menu_name = "newsletter"


register_snippet(NewsletterGroup)


# Erasure ------------------------------------------------------------------------------------


def erase_subscriber(request, pk):
    if not request.user.has_perm("news.delete_subscriber"):
        raise PermissionDenied
    subscriber = get_object_or_404(Subscriber, pk=pk)
    if request.method == "POST":
        subscriber.erase()
        messages.success(request, _("The address has been erased; the consent record is kept."))
        return redirect("wagtailsnippets_news_subscriber:list")
    return TemplateResponse(request, "news/newsletter/admin/erase.html", {"subscriber": subscriber})


# Digests: preview and send ------------------------------------------------------------------


def _digest_for(request, pk, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied
    return get_object_or_404(Digest, pk=pk)


class PreviewSubscriber:
    """Who a preview is addressed to: nobody, in the chosen language."""

    pk = 0

    def __init__(self, language):
        self.language = language
        self.email = "preview@example.invalid"


def preview_digest(request, pk, language):
    digest = _digest_for(request, pk, "news.view_digest")
    if language not in dict(settings.LANGUAGES):
        raise Http404
    message = digest_message(digest, PreviewSubscriber(language))
    html = next(content for content, kind in message.alternatives if kind == "text/html")
    return HttpResponse(html)


def send_digest_view(request, pk):
    digest = _digest_for(request, pk, "news.send_digest")
    if request.method == "POST":
        if digest.status == Digest.Status.DRAFT:
            queue(digest)
            messages.success(
                request,
                _("“%(title)s” is queued: it is sent within a few minutes.") % {"title": digest},
            )
        return redirect("newsletter_digest_send", pk=digest.pk)
    per_language = dict(
        Subscriber.objects.filter(status=Subscriber.Status.SUBSCRIBED)
        .values_list("language")
        .annotate(n=Count("pk"))
    )
    return TemplateResponse(
        request,
        "news/newsletter/admin/send.html",
        {
            "digest": digest,
            "languages": [
                (code, name, per_language.get(code, 0)) for code, name in settings.LANGUAGES
            ],
            "progress": digest.progress(),
        },
    )


@hooks.register("register_admin_urls")
def newsletter_admin_urls():
    return [
        path("newsletter/subscriber/<int:pk>/erase/", erase_subscriber, name="newsletter_erase"),
        path(
            "newsletter/digest/<int:pk>/preview/<str:language>/",
            preview_digest,
            name="newsletter_digest_preview",
        ),
        path("newsletter/digest/<int:pk>/send/", send_digest_view, name="newsletter_digest_send"),
    ]


@hooks.register("register_snippet_listing_buttons")
def newsletter_listing_buttons(instance, user, next_url=None):
    erasable = isinstance(instance, Subscriber) and instance.email
    if erasable and user.has_perm("news.delete_subscriber"):
        yield Button(
            _("Erase address"),
            reverse("newsletter_erase", args=[instance.pk]),
            icon_name="bin",
            priority=90,
        )
    if isinstance(instance, Digest) and user.has_perm("news.send_digest"):
        yield Button(
            _("Preview and send"),
            reverse("newsletter_digest_send", args=[instance.pk]),
            icon_name="mail",
            priority=10,
        )
