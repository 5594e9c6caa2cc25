"""Settings of the translation workflow worked out from the environment. Imported by
`portal/settings/base.py`, so it imports nothing from Django or Wagtail."""

import os

DUMMY = "wagtail_localize.machine_translators.dummy.DummyTranslator"
DEEPL = "home.translation.machine.PortalDeepLTranslator"
LIBRETRANSLATE = "home.translation.machine.PortalLibreTranslator"
APERTIUM = "home.translation.machine.ApertiumTranslator"


def machine_translator_setting(environ=None):
    """The WAGTAILLOCALIZE_MACHINE_TRANSLATOR setting for this environment, or None (no machine
    translation at all).

    WAGTAIL_MACHINE_TRANSLATOR chooses explicitly: deepl, libretranslate, apertium, dummy or
    none. Unset (or "auto"), DeepL is used when DEEPL_API_KEY is set, else LibreTranslate when
    LIBRETRANSLATE_URL is set, else the dummy translator (development). Apertium is only used
    when chosen, so that what a deployment does does not depend on which packages happen to be
    installed."""
    env = os.environ if environ is None else environ
    choice = env.get("WAGTAIL_MACHINE_TRANSLATOR", "auto").strip().lower() or "auto"
    if choice == "auto":
        if env.get("DEEPL_API_KEY"):
            choice = "deepl"
        elif env.get("LIBRETRANSLATE_URL"):
            choice = "libretranslate"
        else:
            choice = "dummy"
    timeout = int(env.get("MACHINE_TRANSLATION_TIMEOUT", "30"))
    if choice == "none":
        return None
    if choice == "dummy":
        return {"CLASS": DUMMY}
    if choice == "deepl":
        options = {"AUTH_KEY": env.get("DEEPL_API_KEY", ""), "TIMEOUT": timeout}
        if env.get("DEEPL_API_URL"):
            options["API_URL"] = env["DEEPL_API_URL"]
        if env.get("DEEPL_FORMALITY"):
            options["FORMALITY"] = env["DEEPL_FORMALITY"]
        return {"CLASS": DEEPL, "OPTIONS": options}
    if choice == "libretranslate":
        return {
            "CLASS": LIBRETRANSLATE,
            "OPTIONS": {
                "LIBRETRANSLATE_URL": env.get("LIBRETRANSLATE_URL", ""),
                "API_KEY": env.get("LIBRETRANSLATE_API_KEY", ""),
                "TIMEOUT": timeout,
            },
        }
    if choice == "apertium":
        options = {"TIMEOUT": timeout}
        if env.get("APERTIUM_COMMAND"):
            options["COMMAND"] = env["APERTIUM_COMMAND"]
        return {"CLASS": APERTIUM, "OPTIONS": options}
    raise ValueError(
        f"WAGTAIL_MACHINE_TRANSLATOR={choice!r}: use deepl, libretranslate, apertium, dummy or "
        "none (or leave it unset to choose from DEEPL_API_KEY and LIBRETRANSLATE_URL)."
    )
