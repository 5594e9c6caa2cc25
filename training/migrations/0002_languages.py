from django.db import migrations

EU_LANGUAGE_CODES = [
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it",
    "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
]  # fmt: skip


def create_languages(apps, schema_editor):
    Language = apps.get_model("training", "Language")
    for code in EU_LANGUAGE_CODES:
        Language.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("training", "0001_initial")]

    operations = [migrations.RunPython(create_languages, migrations.RunPython.noop)]
