from pathlib import Path

import polib
from django.conf import settings
from django.core.management import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Compile the gettext catalogues in locale/ (.po to .mo) in Python, so that no GNU "
        "gettext tools are needed. Fails on a catalogue that does not parse."
    )

    def handle(self, *args, **options):
        compiled = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                try:
                    catalogue = polib.pofile(str(po_path))
                except (OSError, ValueError) as error:
                    raise CommandError(f"{po_path}: {error}") from error
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                compiled += 1
                self.stdout.write(
                    f"{po_path}: {catalogue.percent_translated()}% translated, "
                    f"{len(catalogue.untranslated_entries())} untranslated, "
                    f"{len(catalogue.fuzzy_entries())} fuzzy"
                )
        self.stdout.write(self.style.SUCCESS(f"Compiled {compiled} catalogues."))
