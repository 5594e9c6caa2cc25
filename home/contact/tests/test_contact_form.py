"""The contact form through HTTP: consent required and linked to the privacy notice in the
visitor's language, honeypot, minimum fill time and rate limits (shared cache), submissions
stored, e-mailed and deleted after the retention period by the scheduled command; the thank-you
page; nothing typed is lost on an error; the form page is never page-cached."""

import datetime
import re
import time
from io import StringIO

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from conftest import tagged
from home.contact import spam
from home.contact.factories import ContactFormPageFactory, standard_fields
from home.legal.factories import make_legal_pages
from home.pages.localization import translate_object


@pytest.fixture
def contact(homes, site, locales):
    page = standard_fields(ContactFormPageFactory(parent=homes["en"], slug="contact"))
    french = translate_object(page, locales["fr"], tagged("fr"), strict=False)
    return {"en": page, "fr": french}


def form_data(response, **overrides):
    """What a visitor sends: the fields as shown, the hidden timestamp from the page."""
    html = response.content.decode()
    started = re.search(r'name="started" value="([^"]+)"', html).group(1)
    data = {
        "your_name": "Marie Curie",
        "email": "marie@example.org",
        "message": "Is the course still online?",
        "consent": "on",
        "started": started,
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.django_db
def test_the_form_links_its_consent_to_the_privacy_notice_in_the_visitors_language(
    client, contact, site, homes, locales
):
    legal = make_legal_pages(site, homes, locales)
    response = client.get(contact["fr"].url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{legal["privacy_notice"]["fr"].url}"' in html
    assert 'type="checkbox" name="consent"' in html
    assert "csrfmiddlewaretoken" in html
    # The only page with a cookie (its CSRF token), never kept in a cache.
    assert "csrftoken" in response.cookies
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_message_is_stored_emailed_and_thanked_for(client, contact, monkeypatch):
    data = form_data(client.get(contact["en"].url))
    response = post_later(client, monkeypatch, contact["en"].url, data)
    assert response.status_code == 200
    assert "Thank you, we will answer soon." in response.content.decode()
    submission = FormSubmission.objects.get(page=contact["en"])
    stored = submission.get_data()
    assert stored["message"] == "Is the course still online?"
    assert stored["consent"] is True
    assert "website" not in stored and "started" not in stored
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["coordinator@example.org"]
    assert "Is the course still online?" in mail.outbox[0].body
    assert "started" not in mail.outbox[0].body


def post_later(client, monkeypatch, url, data, seconds=10, **extra):
    later = time.time() + seconds
    monkeypatch.setattr(spam, "time", type("T", (), {"time": staticmethod(lambda: later)}))
    try:
        return client.post(url, data, **extra)
    finally:
        monkeypatch.undo()


@pytest.mark.django_db
def test_consent_is_required_and_nothing_typed_is_lost(client, contact, monkeypatch):
    data = form_data(client.get(contact["fr"].url), consent=None)
    response = post_later(client, monkeypatch, contact["fr"].url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    assert "Is the course still online?" in html and 'value="Marie Curie"' in html
    assert FormSubmission.objects.count() == 0 and mail.outbox == []


@pytest.mark.django_db
def test_a_filled_honeypot_is_thanked_and_dropped(client, contact, monkeypatch):
    data = form_data(client.get(contact["en"].url), website="http://spam.example")
    response = post_later(client, monkeypatch, contact["en"].url, data)
    assert response.status_code == 200
    assert FormSubmission.objects.count() == 0 and mail.outbox == []


@pytest.mark.django_db
def test_a_form_sent_too_fast_or_without_its_timestamp_is_refused_and_kept(client, contact):
    page = client.get(contact["en"].url)
    too_fast = client.post(contact["en"].url, form_data(page))  # at once
    assert too_fast.status_code == 200
    assert "very quick" in too_fast.content.decode()
    assert "Is the course still online?" in too_fast.content.decode()
    forged = client.post(contact["en"].url, form_data(page, started="123"))
    assert "very quick" in forged.content.decode()
    old = signing.dumps(time.time() - 60, salt="other salt")
    assert (
        "very quick"
        in client.post(contact["en"].url, form_data(page, started=old)).content.decode()
    )
    assert FormSubmission.objects.count() == 0


@pytest.mark.django_db
def test_messages_are_rate_limited_per_address_and_per_client(
    client, contact, monkeypatch, settings
):
    settings.PORTAL_RATE_LIMIT_PER_ADDRESS = 2
    settings.PORTAL_RATE_LIMIT_PER_IP = 3
    page = client.get(contact["en"].url)
    for _ in range(2):
        assert (
            post_later(client, monkeypatch, contact["en"].url, form_data(page)).status_code == 200
        )
    third = post_later(client, monkeypatch, contact["en"].url, form_data(page))
    assert third.status_code == 429
    assert "Is the course still online?" in third.content.decode()
    other = form_data(page, email="other@example.org")
    assert post_later(client, monkeypatch, contact["en"].url, other).status_code == 429
    elsewhere = post_later(client, monkeypatch, contact["en"].url, other, REMOTE_ADDR="192.0.2.7")
    assert elsewhere.status_code == 200
    assert FormSubmission.objects.count() == 3 and len(mail.outbox) == 3


@pytest.mark.django_db
def test_submissions_older_than_the_retention_period_are_deleted(contact):
    page = contact["en"]
    page.retention_days = 30
    page.save_revision().publish()
    now = timezone.now()
    old = FormSubmission.objects.create(page=page, form_data={"message": "old"})
    recent = FormSubmission.objects.create(page=page, form_data={"message": "recent"})
    FormSubmission.objects.filter(pk=old.pk).update(submit_time=now - datetime.timedelta(days=31))
    FormSubmission.objects.filter(pk=recent.pk).update(
        submit_time=now - datetime.timedelta(days=29)
    )
    out = StringIO()
    call_command("delete_expired_submissions", stdout=out)
    assert list(FormSubmission.objects.values_list("pk", flat=True)) == [recent.pk]
    assert "1 expired submission(s) deleted" in out.getvalue()
    call_command("delete_expired_submissions", stdout=StringIO())  # again: nothing more
    assert FormSubmission.objects.count() == 1


@pytest.mark.django_db
def test_submissions_are_listed_in_the_admin(admin_client, contact):
    FormSubmission.objects.create(
        page=contact["en"], form_data={"message": "Hello", "consent": True}
    )
    response = admin_client.get(f"/admin/forms/submissions/{contact['en'].pk}/")
    assert response.status_code == 200
    assert "Hello" in response.content.decode()


@pytest.mark.django_db
def test_the_translated_form_stores_its_answers_under_the_same_names(client, contact, monkeypatch):
    """Editors translate the labels; submissions in every language share their field names,
    so that the admin lists them in the same columns."""
    english = {field.clean_name for field in contact["en"].form_fields.all()}
    french = contact["fr"]
    assert {field.clean_name for field in french.form_fields.all()} == english
    assert "[fr] Message" in client.get(french.url).content.decode()
    data = form_data(client.get(french.url))
    response = post_later(client, monkeypatch, french.url, data)
    assert response.status_code == 200
    assert set(FormSubmission.objects.get(page=french).get_data()) >= english


@pytest.mark.django_db
def test_with_the_page_cache_on_pages_with_the_footer_form_are_cached_and_the_contact_form_not(
    client, contact, settings
):
    settings.PORTAL_PAGE_CACHE_ENABLED = True
    home_page = contact["en"].get_parent()
    client.get(home_page.url)
    again = client.get(home_page.url)
    assert again["X-Page-Cache"] == "hit"
    assert 'action="/en/newsletter/"' in again.content.decode()  # the footer's sign-up form
    assert not again.cookies
    client.cookies.clear()
    client.get(contact["en"].url)
    client.cookies.clear()
    second = client.get(contact["en"].url)
    assert second.get("X-Page-Cache") != "hit"
    assert "csrftoken" in second.cookies


def queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_the_contact_form_costs_a_fixed_number_of_queries(client, contact):
    from home.contact.factories import ContactFormFieldFactory

    url = contact["en"].url
    client.get(url)
    few = queries(client, url)
    for order in range(10):
        ContactFormFieldFactory(page=contact["en"], label=f"Extra {order}", sort_order=10 + order)
    client.get(url)
    assert queries(client, url) == few == CONTACT_PAGE_QUERIES


# The route, the page as its type, its translations, its form fields; 4 before issue 15 (public
# API only), whose Wagtail routing adds the site, the site root, the active Locale and the home
# as its type.
CONTACT_PAGE_QUERIES = 8
