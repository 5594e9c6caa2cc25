"""Reaching the audience in a real browser: a French visitor subscribes from the footer and
confirms through the link of the confirmation e-mail, read from a local SMTP server started
by the test (the site sends it through Django's SMTP backend); axe-core finds no violation of
any impact on the newsletter's pages and the contact form's states, in every language."""

import email
import re
import socket
from email.policy import default as default_policy

import pytest
from playwright.sync_api import expect

from home.contact.models import ContactFormPage
from news.newsletter.emails import unsubscribe_url
from news.newsletter.models import Subscriber

from .test_site import BROWSER_LOCALES, LANGUAGES, axe_violations


class Sink:
    """Keeps every message the SMTP server receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append(email.message_from_bytes(envelope.content, policy=default_policy))
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_sink(settings):
    """A local SMTP server on a free loopback port, the site's mail sent to it over SMTP."""
    from aiosmtpd.controller import Controller

    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    yield sink
    controller.stop()


def test_a_french_visitor_subscribes_from_the_footer_and_confirms_by_email(
    demo, new_context, smtp_sink
):
    context = new_context(locale="fr-FR")
    page = context.new_page()
    page.goto("/fr/")
    footer = page.locator("footer")
    footer.get_by_label("Adresse électronique").fill("marie.curie@example.org")
    footer.get_by_label(re.compile("Je souhaite recevoir les actualités du projet")).check()
    footer.get_by_role("button", name="S’abonner").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Consultez votre boîte de réception")
    assert axe_violations(page) == []
    assert not Subscriber.objects.filter(email="marie.curie@example.org").exists()
    assert context.cookies() == []

    assert len(smtp_sink.messages) == 1
    message = smtp_sink.messages[0]
    assert message["To"] == "marie.curie@example.org"
    assert "Veuillez confirmer votre abonnement" in message["Subject"]
    body = message.get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"http://127\.0\.0\.1:\d+/fr/newsletter/confirm/\S+/", body).group(0)

    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmez votre abonnement")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Confirmer mon abonnement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vous êtes abonné")
    assert axe_violations(page) == []
    subscriber = Subscriber.objects.get(email="marie.curie@example.org")
    assert (subscriber.language, subscriber.status) == ("fr", Subscriber.Status.SUBSCRIBED)
    assert subscriber.consents.get().language == "fr"
    assert context.cookies() == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_newsletter_and_contact_pages_pass_axe_in_every_language(demo, new_context, code):
    context = new_context(locale=BROWSER_LOCALES[code])
    page = context.new_page()
    problems = []

    def check(name):
        problems.extend(f"{name} {page.url}: {line}" for line in axe_violations(page))

    page.goto(f"/{code}/newsletter/")
    check("sign-up page")
    page.get_by_role("main").get_by_role("button").click()  # nothing filled in
    expect(page.locator("main .form-error").first).to_be_visible()
    check("sign-up page with errors")
    page.goto(f"/{code}/newsletter/confirm/not-a-token/")
    check("invalid link")

    subscriber = Subscriber.objects.create(
        email=f"reader.{code}@example.org", language=code, status=Subscriber.Status.SUBSCRIBED
    )
    with_language = unsubscribe_url(subscriber)
    page.goto(with_language)
    check("unsubscribe page")
    page.get_by_role("main").get_by_role("button").click()
    expect(page.locator("main [role=status]")).to_be_visible()
    check("unsubscribed page")

    form_page = ContactFormPage.objects.live().get(locale__language_code=code)
    page.goto(form_page.url)
    check("contact form")
    page.get_by_role("main").get_by_role("button").click()  # nothing filled in
    expect(page.locator("main [aria-invalid=true]").first).to_be_visible()
    check("contact form with errors")
    assert not problems, "\n".join(problems)
