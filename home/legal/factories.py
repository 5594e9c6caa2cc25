"""Legal pages for tests and the demo: a privacy notice, legal notice and accessibility
statement under a home page, chosen in the site's LegalPages setting."""

from home.legal.models import LegalPages
from home.pages.factories import StandardPageFactory
from home.pages.localization import translate_object

TITLES = {
    "privacy_notice": ("privacy", "Privacy notice"),
    "legal_notice": ("legal-notice", "Legal notice"),
    "accessibility_statement": ("accessibility", "Accessibility statement"),
}


def make_legal_pages(site, homes, locales, languages=("fr", "es", "hu")):
    """The three legal pages in English, translated into `languages` (tagged strings), and
    chosen in the site's settings. Returns {field: {language: page}}."""
    chosen = {}
    for field, (slug, title) in TITLES.items():
        page = StandardPageFactory(parent=homes["en"], slug=slug, title=title)
        page.save_revision().publish()
        pages = {"en": page}
        for code in languages:
            pages[code] = translate_object(
                page, locales[code], lambda text, c=code: f"[{c}] {text}", strict=False
            )
        chosen[field] = pages
    settings = LegalPages.for_site(site)
    for field, pages in chosen.items():
        setattr(settings, field, pages["en"])
    settings.save()
    return chosen
