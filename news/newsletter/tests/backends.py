"""E-mail backends for the digest tests: Django's locmem backend (messages land in
django.core.mail.outbox), made to fail the way real ones do."""

from smtplib import SMTPServerDisconnected

from django.core.mail.backends.locmem import EmailBackend


class Interrupted(BaseException):
    """The process stopping (a deploy, a kill): not an error the sending code handles."""


class InterruptingBackend(EmailBackend):
    """Delivers INTERRUPT_AFTER messages, then stops the process right after delivering the
    next one (before the sender could record it)."""

    INTERRUPT_AFTER = 2
    delivered = 0

    def send_messages(self, messages):
        count = super().send_messages(messages)
        type(self).delivered += count
        if type(self).delivered > self.INTERRUPT_AFTER:
            raise Interrupted
        return count


class FlakyBackend(EmailBackend):
    """Refuses the first message to each address in FAIL_ONCE, as a dropped SMTP connection."""

    FAIL_ONCE = set()
    failed = set()

    def send_messages(self, messages):
        for message in messages:
            address = message.to[0]
            if address in self.FAIL_ONCE and address not in self.failed:
                type(self).failed.add(address)
                raise SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)
