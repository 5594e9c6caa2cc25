from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from news.newsletter.factories import SubscriberFactory
from news.newsletter.models import Consent, Subscriber


@pytest.mark.django_db
def test_imported_subscribers_keep_their_recorded_consent(tmp_path):
    SubscriberFactory(email="known@example.org", language="en")
    path = tmp_path / "subscribers.csv"
    path.write_text(
        "email,language,consented_at,consent_text\n"
        "Anna@Example.org,hu,2025-03-01T10:00:00+01:00,Kérem a hírlevelet.\n"
        "known@example.org,fr,2025-03-01T10:00:00,Oui\n"
        "not-an-address,fr,2025-03-01T10:00:00,Oui\n"
        "b@example.org,xx,2025-03-01T10:00:00,Yes\n",
        encoding="utf-8",
    )
    out, err = StringIO(), StringIO()
    call_command("import_subscribers", str(path), stdout=out, stderr=err)
    assert "1 imported, 3 skipped" in out.getvalue()
    assert "line 4" in err.getvalue() and "line 5" in err.getvalue()
    anna = Subscriber.objects.get(email="anna@example.org")
    consent = anna.consents.get()
    assert (anna.language, consent.method, consent.text) == (
        "hu",
        Consent.Method.IMPORT,
        "Kérem a hírlevelet.",
    )
    assert Subscriber.objects.get(email="known@example.org").language == "en"  # left alone
    call_command("import_subscribers", str(path), stdout=StringIO(), stderr=StringIO())
    assert Consent.objects.count() == 1  # again: nothing more


@pytest.mark.django_db
def test_a_file_without_the_columns_is_refused(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("address\nx@example.org\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_subscribers", str(path), stdout=StringIO())
