"""The newsletter's public views (language-prefixed URLs, portal/urls.py).

Why no CSRF token: the sign-up form sits in the footer of every page, and pages are kept whole
in the page cache for anonymous visitors, who get no cookie at all. A CSRF token would need a
cookie on every page and make every page uncacheable. These views are therefore exempt from
CSRF, and safe without it:
- signing up only sends a confirmation e-mail: nothing is subscribed until the owner of the
  address follows its signed, expiring link (double opt-in), and sign-ups are rate-limited per
  client address and per e-mail address in the shared cache (home.contact.spam);
- confirming and unsubscribing need a signed token only the recipient of our e-mail has, which
  is what a CSRF token would prove. Both ask for a button press (a POST) rather than acting on
  the GET, so that mail scanners opening links change nothing; RFC 8058 one-click unsubscribe
  is that POST.
"""

from django.db import transaction
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from home.contact.spam import within_rate_limits
from home.legal.links import privacy_notice

from .emails import confirmation_message
from .forms import SubscribeForm
from .models import CONSENT_TEXT, CONSENT_VERSION, Consent, Subscriber
from .tokens import InvalidToken, read_confirmation, read_unsubscribe

RATE_SCOPE = "newsletter"


def _render(request, template, context=None, status=200):
    # The newsletter's own pages do not repeat the footer's sign-up form.
    context = {
        "privacy_notice": privacy_notice(request),
        "hide_footer_signup": True,
        **(context or {}),
    }
    return render(request, f"news/newsletter/{template}", context, status=status)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    """The sign-up page (GET) and where every sign-up form posts to."""
    if request.method == "GET":
        return _render(request, "subscribe.html", {"form": SubscribeForm()})
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return _render(request, "subscribe.html", {"form": form}, status=400)
    if form.is_spam():
        return _render(request, "check_inbox.html")
    email = form.cleaned_data["email"]
    if not within_rate_limits(request, RATE_SCOPE, email):
        form.add_error(
            None,
            translation.gettext(
                "Too many sign-ups from here in a short time. Please try again in an hour."
            ),
        )
        return _render(request, "subscribe.html", {"form": form}, status=429)
    notice = privacy_notice(request)
    confirmation_message(
        email,
        translation.get_language(),
        notice.revision_id if notice else None,
        timezone.now(),
        request,
    ).send()
    return _render(request, "check_inbox.html", {"email": email})


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        data = read_confirmation(token)
    except InvalidToken as error:
        return _render(request, "invalid_link.html", {"expired": error.expired}, status=400)
    if request.method == "GET":
        return _render(request, "confirm.html", {"email": data["e"], "token": token})
    language = data["l"]
    now = timezone.now()
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=data["e"], defaults={"language": language}
        )
        already = not created and subscriber.status == Subscriber.Status.SUBSCRIBED
        subscriber.language = language
        subscriber.status = Subscriber.Status.SUBSCRIBED
        if not already:
            subscriber.subscribed_at = now
            subscriber.withdrawn_at = None
        subscriber.save()
        if not already:
            with translation.override(language):
                text = str(CONSENT_TEXT)
            Consent.objects.create(
                subscriber=subscriber,
                requested_at=parse_datetime(data["t"]) or now,
                given_at=now,
                language=language,
                method=Consent.Method.FORM,
                text_version=CONSENT_VERSION,
                text=text,
                privacy_notice_revision=data.get("r"),
            )
    return _render(request, "subscribed.html", {"email": subscriber.email})


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET: a page with the button; POST: unsubscribed (also RFC 8058's one-click POST, whose
    body is `List-Unsubscribe=One-Click`)."""
    try:
        pk = read_unsubscribe(token)
    except InvalidToken:
        return _render(request, "invalid_link.html", {"unsubscribe": True}, status=400)
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None:
        raise Http404
    if request.method == "GET":
        return _render(
            request,
            "unsubscribe.html",
            {"subscriber": subscriber, "token": token, "done": subscriber.status != "subscribed"},
        )
    subscriber.withdraw()
    return _render(request, "unsubscribed.html")
