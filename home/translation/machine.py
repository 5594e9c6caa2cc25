"""Machine translation for the translation editor (wagtail-localize's "Machine translate" button
and the "Use machine translation" option when syncing translations).

Three real back ends, chosen from the environment in `portal/settings/base.py` (see
`home.translation.settings.machine_translator_setting`):

- DeepL (`DEEPL_API_KEY`, optionally `DEEPL_API_URL`), a cloud service;
- LibreTranslate (`LIBRETRANSLATE_URL`, optionally `LIBRETRANSLATE_API_KEY`), usually self-hosted;
- Apertium, Debian's rule-based translator, run on this server (`apertium` command), for the
  language pairs whose data packages are installed (English to Spanish: `apertium-eng-spa`). No
  text leaves the server.

Wagtail-localize's DeepL and LibreTranslate translators let any error escape (DeepL does not even
look at the status code), which the editor meets as a server error. The subclasses here turn every
failure (service down, quota used up, key refused, unexpected answer) into a
`MachineTranslationError` whose message is written for the editor; the admin views in
`home.translation.views` show it and change nothing.
"""

import functools
import json
import re
import shutil
import subprocess

import requests
from django.utils.translation import gettext as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.machine_translators.libretranslate import LibreTranslator
from wagtail_localize.strings import StringValue, lstrip_keep, rstrip_keep


class MachineTranslationError(Exception):
    """A machine translation that could not be made; the message is meant for the editor."""


def _post(service, url, timeout, **kwargs):
    """POST to a translation service, turning every transport failure into an editor message."""
    try:
        return requests.post(url, timeout=timeout, **kwargs)
    except requests.Timeout as error:
        raise MachineTranslationError(
            _("%(service)s did not answer in time. Please try again later.") % {"service": service}
        ) from error
    except requests.RequestException as error:
        raise MachineTranslationError(
            _(
                "%(service)s cannot be reached at the moment. Nothing was translated; please "
                "try again later or translate by hand."
            )
            % {"service": service}
        ) from error


def _status_error(service, status):
    if status in (401, 403):
        message = _("%(service)s refused the API key. Please ask an administrator to check it.")
    elif status == 456:
        message = _(
            "The %(service)s translation quota for this account is used up. Nothing was "
            "translated; translate by hand or try again when the quota renews."
        )
    elif status == 429:
        message = _("%(service)s received too many requests. Please wait a minute and try again.")
    elif status >= 500:
        message = _(
            "%(service)s is unavailable at the moment (error %(status)s). Nothing was "
            "translated; please try again later."
        )
    else:
        message = _("%(service)s could not translate this text (error %(status)s).")
    return MachineTranslationError(message % {"service": service, "status": status})


def _unexpected_answer(service):
    return MachineTranslationError(
        _("%(service)s gave an answer that could not be understood. Nothing was translated.")
        % {"service": service}
    )


class PortalDeepLTranslator(DeepLTranslator):
    """wagtail-localize's DeepL translator with editor-facing errors and an API_URL option (the
    server's base URL, e.g. https://api.deepl.com, for a proxy or a test server)."""

    display_name = "DeepL"

    def get_api_endpoint(self):
        if base := self.options.get("API_URL"):
            return base.rstrip("/") + "/v2/translate"
        return super().get_api_endpoint()

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        if not strings:
            return {}
        response = _post(
            self.display_name,
            self.get_api_endpoint(),
            int(self.options.get("TIMEOUT", 30)),
            data=self.get_parameters(source_locale, target_locale, strings),
            headers=self.get_headers(),
        )
        if response.status_code != 200:
            raise _status_error(self.display_name, response.status_code)
        try:
            translations = response.json()["translations"]
            return {
                string: StringValue(translation["text"])
                for string, translation in zip(strings, translations, strict=True)
            }
        except (ValueError, KeyError, TypeError) as error:
            raise _unexpected_answer(self.display_name) from error


class PortalLibreTranslator(LibreTranslator):
    """wagtail-localize's LibreTranslate translator with editor-facing errors; the API key is
    optional (a self-hosted LibreTranslate usually has none)."""

    display_name = "LibreTranslate"

    def get_api_endpoint(self):
        return self.options["LIBRETRANSLATE_URL"].rstrip("/")

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        if not strings:
            return {}
        payload = {
            "q": [item.data for item in strings],
            "source": self.language_code(source_locale.language_code),
            "target": self.language_code(target_locale.language_code),
            "format": "html",
        }
        if self.options.get("API_KEY"):
            payload["api_key"] = self.options["API_KEY"]
        response = _post(
            self.display_name,
            self.get_api_endpoint() + "/translate",
            self.get_timeout(),
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        if response.status_code != 200:
            raise _status_error(self.display_name, response.status_code)
        try:
            translations = response.json()["translatedText"]
            return {
                string: StringValue(translation)
                for string, translation in zip(strings, translations, strict=True)
            }
        except (ValueError, KeyError, TypeError) as error:
            raise _unexpected_answer(self.display_name) from error


# Apertium names its language data with ISO 639-3 codes (eng-spa), older packages with the
# two-letter ones (en-es); a pair is available when either form is installed.
ISO_639_3 = {
    "ca": "cat",
    "de": "deu",
    "en": "eng",
    "eo": "epo",
    "es": "spa",
    "eu": "eus",
    "fr": "fra",
    "gl": "glg",
    "hu": "hun",
    "it": "ita",
    "nl": "nld",
    "pt": "por",
    "ro": "ron",
}

SEGMENT_MARK = '<div data-portal-segment="{}">'
SEGMENT_RE = re.compile(r'<div data-portal-segment="(\d+)">')


@functools.cache
def apertium_modes(command="apertium"):
    """The translation directions installed for Apertium (`apertium -l`), empty when Apertium
    is not installed. Cached for the life of the process: installing a pair needs a restart."""
    if not shutil.which(command):
        return frozenset()
    try:
        result = subprocess.run(
            [command, "-l"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in result.stdout.splitlines() if line.strip())


def _codes(language_code):
    base = language_code.split("-")[0].lower()
    return [code for code in (ISO_639_3.get(base), base) if code]


class ApertiumTranslator(BaseMachineTranslator):
    """Translates with the `apertium` command installed on this server, for the installed pairs
    only (the editor sees no machine-translation button for the others).

    Segments are sent as HTML (`apertium -f html`), which keeps wagtail-localize's inline tags
    (links, bold) in place; all the segments of a page go through one `apertium` run, each in a
    marked block, and are split apart again afterwards."""

    display_name = "Apertium"

    @property
    def command(self):
        return self.options.get("COMMAND", "apertium")

    def get_mode(self, source_locale, target_locale):
        modes = apertium_modes(self.command)
        for source in _codes(source_locale.language_code):
            for target in _codes(target_locale.language_code):
                if f"{source}-{target}" in modes:
                    return f"{source}-{target}"
        return None

    def can_translate(self, source_locale, target_locale):
        return self.get_mode(source_locale, target_locale) is not None

    def run(self, mode, html):
        try:
            result = subprocess.run(
                [self.command, "-u", "-f", "html", mode],
                input=html,
                capture_output=True,
                text=True,
                timeout=int(self.options.get("TIMEOUT", 30)),
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            raise MachineTranslationError(
                _("Apertium took too long to translate this text. Nothing was translated.")
            ) from error
        except OSError as error:
            raise MachineTranslationError(
                _("Apertium is not installed on this server. Nothing was translated.")
            ) from error
        if result.returncode != 0:
            raise MachineTranslationError(
                _("Apertium could not translate this text. Nothing was translated.")
            )
        return result.stdout

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        if not strings:
            return {}
        mode = self.get_mode(source_locale, target_locale)
        if mode is None:
            raise MachineTranslationError(
                _("Apertium cannot translate from %(source)s to %(target)s on this server.")
                % {
                    "source": source_locale.get_display_name(),
                    "target": target_locale.get_display_name(),
                }
            )
        # Keep each segment's surrounding whitespace: it may be part of a sentence.
        parts = []
        for string in strings:
            core, left = lstrip_keep(string.data)
            core, right = rstrip_keep(core)
            parts.append((left, core, right))
        batch = "".join(
            SEGMENT_MARK.format(index) + core + "</div>\n"
            for index, (_left, core, _right) in enumerate(parts)
        )
        translated = self._split(self.run(mode, batch), len(parts))
        if translated is None:
            # The marks did not survive: translate one segment per run instead.
            translated = [self.run(mode, core) for _left, core, _right in parts]
        return {
            string: StringValue(left + text.strip() + right)
            for string, (left, _core, right), text in zip(strings, parts, translated, strict=True)
        }

    @staticmethod
    def _split(output, count):
        marks = list(SEGMENT_RE.finditer(output))
        if [int(mark.group(1)) for mark in marks] != list(range(count)):
            return None
        pieces = []
        for index, mark in enumerate(marks):
            end = marks[index + 1].start() if index + 1 < count else len(output)
            piece = output[mark.end() : end].rstrip()
            if not piece.endswith("</div>"):
                return None
            pieces.append(piece[: -len("</div>")])
        return pieces
