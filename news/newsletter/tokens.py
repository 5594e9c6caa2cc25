"""Signed links of the newsletter. Nothing secret is stored: the confirmation link carries the
sign-up itself (address, language, privacy notice revision, time) signed with SECRET_KEY, and
expires after NEWSLETTER_CONFIRM_MAX_AGE seconds; the unsubscribe link carries the
subscriber's id, signed, and does not expire (it is in every message)."""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "news.newsletter.confirm"
UNSUBSCRIBE_SALT = "news.newsletter.unsubscribe"


class InvalidToken(Exception):
    def __init__(self, expired=False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def confirmation_token(email, language, privacy_revision, requested_at):
    return signing.dumps(
        {"e": email, "l": language, "r": privacy_revision, "t": requested_at.isoformat()},
        salt=CONFIRM_SALT,
        compress=True,
    )


def read_confirmation(token):
    """The signed sign-up, or InvalidToken (expired=True when only its age is wrong)."""
    max_age = getattr(settings, "NEWSLETTER_CONFIRM_MAX_AGE", 3 * 24 * 3600)
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age)
    except signing.SignatureExpired as error:
        raise InvalidToken(expired=True) from error
    except signing.BadSignature as error:
        raise InvalidToken from error
    if not isinstance(data, dict) or not {"e", "l", "t"} <= set(data):
        raise InvalidToken
    return data


def unsubscribe_token(subscriber):
    return signing.dumps(subscriber.pk, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe(token):
    try:
        return int(signing.loads(token, salt=UNSUBSCRIBE_SALT))
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise InvalidToken from error
