"""Spam protection without a third-party service, shared by the contact form and the
newsletter sign-up: a honeypot field, a minimum fill time carried in a signed field, and
rate limits counted in the shared cache (so that every application server sees the same
counts)."""

import hashlib
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"
STARTED_FIELD = "started"
STARTED_SALT = "portal.forms.started"
RATE_PREFIX = "portal:ratelimit:"


def _setting(name, default):
    return getattr(settings, name, default)


class HoneypotField(forms.CharField):
    """A text field people never see (hidden by the stylesheet and from assistive technology)
    and bots fill in. A form with it filled is dropped without telling the sender."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Leave this field empty"))
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1", "class": "hp-input"}),
        )
        super().__init__(**kwargs)


def started_token():
    """A signed timestamp for the form's hidden `started` field."""
    return signing.dumps(time.time(), salt=STARTED_SALT)


def filled_too_fast(token):
    """True when the form came back sooner than PORTAL_FORM_MIN_SECONDS after it was shown, or
    without a valid timestamp (tampered or missing)."""
    try:
        started = float(signing.loads(token or "", salt=STARTED_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return True
    return time.time() - started < _setting("PORTAL_FORM_MIN_SECONDS", 3)


def _digest(value):
    return hashlib.sha256(str(value).strip().lower().encode()).hexdigest()


def hit(scope, value, limit, window):
    """Count one attempt for `value` (an address, an e-mail) in `scope`; True while the number
    of attempts in the current window is within `limit`. Values are hashed before they become
    cache keys, so the cache never holds the addresses themselves."""
    if not value:
        return True
    key = f"{RATE_PREFIX}{scope}:{_digest(value)}"
    if cache.add(key, 1, timeout=window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
        return True
    return count <= limit


def within_rate_limits(request, scope, address):
    """Both limits (per client address and per e-mail address) counted for this attempt."""
    from home.operations.security import (
        client_ip,  # home.operations.security needs the app registry ready
    )

    window = _setting("PORTAL_RATE_LIMIT_WINDOW", 3600)
    ip_ok = hit(f"{scope}:ip", client_ip(request), _setting("PORTAL_RATE_LIMIT_PER_IP", 10), window)
    address_ok = hit(
        f"{scope}:address", address, _setting("PORTAL_RATE_LIMIT_PER_ADDRESS", 3), window
    )
    return ip_ok and address_ok
