"""Import newsletter subscribers whose consent was collected elsewhere (a previous mailing
tool, a paper form), from a CSV file with the columns email, language, consented_at (ISO 8601)
and consent_text (the words they agreed to). Each gets a consent record marked "import".
Addresses already known are left alone; safe to run again with the same file."""

import csv

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from news.newsletter.models import Consent, Subscriber

COLUMNS = {"email", "language", "consented_at", "consent_text"}


class Command(BaseCommand):
    help = "Import subscribers with their recorded consent from a CSV file."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--text-version", default="import", help="Version label of the consent text."
        )

    def handle(self, path, text_version, **options):
        from django.conf import settings

        languages = dict(settings.LANGUAGES)
        try:
            with open(path, newline="", encoding="utf-8") as handle:
                reader = csv.DictReader(handle)
                rows = list(reader)
                columns = set(reader.fieldnames or ())
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        if not columns >= COLUMNS:
            raise CommandError(f"The file needs the columns {', '.join(sorted(COLUMNS))}.")
        created = skipped = 0
        for number, row in enumerate(rows, start=2):
            email = (row["email"] or "").strip().lower()
            language = (row["language"] or "").strip()
            consented_at = parse_datetime((row["consented_at"] or "").strip())
            try:
                validate_email(email)
            except ValidationError:
                self.stderr.write(f"line {number}: not an e-mail address, skipped")
                skipped += 1
                continue
            if language not in languages or consented_at is None or not row["consent_text"]:
                self.stderr.write(f"line {number}: language, date or consent text missing, skipped")
                skipped += 1
                continue
            if timezone.is_naive(consented_at):
                consented_at = timezone.make_aware(consented_at)
            with transaction.atomic():
                subscriber, new = Subscriber.objects.get_or_create(
                    email=email,
                    defaults={"language": language, "subscribed_at": consented_at},
                )
                if not new:
                    skipped += 1
                    continue
                Consent.objects.create(
                    subscriber=subscriber,
                    requested_at=consented_at,
                    given_at=consented_at,
                    language=language,
                    method=Consent.Method.IMPORT,
                    text_version=text_version,
                    text=row["consent_text"].strip(),
                )
            created += 1
            if created % 100 == 0:
                self.stdout.write(f"  {created} imported")
        self.stdout.write(self.style.SUCCESS(f"{created} imported, {skipped} skipped."))
