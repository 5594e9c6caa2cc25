"""The interface is translated completely into every shipped language, and the compiled
catalogues that ship beside the .po files are current."""

import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

ROOT = Path(settings.BASE_DIR)
SHIPPED = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def catalogue(code):
    return polib.pofile(str(ROOT / "locale" / code / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", SHIPPED)
def test_catalogue_is_complete(code):
    po = catalogue(code)
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    for entry in po.translated_entries():
        if entry.msgid_plural:
            assert all(entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize("code", SHIPPED)
def test_compiled_catalogue_is_current(code):
    po = catalogue(code)
    mo = polib.mofile(str(ROOT / "locale" / code / "LC_MESSAGES" / "django.mo"))
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in mo}
    expected = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in po.translated_entries()}
    assert {k: v for k, v in compiled.items() if k[1]} == expected, (
        "Run `make messages` (or manage.py compile_catalogues)."
    )


@pytest.mark.skipif(not shutil.which("xgettext"), reason="GNU gettext is not installed")
def test_every_marked_string_is_in_the_catalogues(settings, tmp_path, monkeypatch):
    """Extract the strings marked in the code now and compare them with the catalogues: a
    string marked but never translated fails here. The extraction runs on a copy of the code
    without locale/, because makemessages writes into any locale/ directory it walks past."""
    source = tmp_path / "source"
    for app in ("portal", "home", "news", "training", "partners"):
        shutil.copytree(
            ROOT / app,
            source / app,
            ignore=shutil.ignore_patterns("tests", "static", "__pycache__", "locale"),
        )
    monkeypatch.chdir(source)
    settings.LOCALE_PATHS = [tmp_path / "extracted"]
    (tmp_path / "extracted").mkdir()
    call_command("makemessages", locale=["fr"], verbosity=0)
    extracted = polib.pofile(str(tmp_path / "extracted" / "fr" / "LC_MESSAGES" / "django.po"))
    marked = {(e.msgctxt, e.msgid) for e in extracted}
    for code in SHIPPED:
        shipped = {(e.msgctxt, e.msgid) for e in catalogue(code) if not e.obsolete}
        assert sorted(marked - shipped, key=str) == [], f"missing from locale/{code}"
