"""Machine translation: the translator chosen from the environment, DeepL and LibreTranslate
against fake services on 127.0.0.1 (their answers and their errors), Apertium for real."""

import shutil

import pytest
from django.urls import reverse
from wagtail_localize.models import StringTranslation
from wagtail_localize.strings import StringValue

from home.translation.machine import ApertiumTranslator, MachineTranslationError, apertium_modes
from home.translation.settings import machine_translator_setting

from .translation_helpers import (
    FakeService,
    closed_port_url,
    make_about,
    make_admin,
    messages_of,
    pending_translation,
)

pytestmark = pytest.mark.django_db

NEXT = "/admin/after/"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "wagtail_localize.machine_translators.dummy.DummyTranslator"),
        ({"DEEPL_API_KEY": "k"}, "home.translation.machine.PortalDeepLTranslator"),
        ({"LIBRETRANSLATE_URL": "http://lt"}, "home.translation.machine.PortalLibreTranslator"),
        (
            {"DEEPL_API_KEY": "k", "LIBRETRANSLATE_URL": "http://lt"},
            "home.translation.machine.PortalDeepLTranslator",
        ),
        (
            {"WAGTAIL_MACHINE_TRANSLATOR": "apertium", "DEEPL_API_KEY": "k"},
            "home.translation.machine.ApertiumTranslator",
        ),
        ({"WAGTAIL_MACHINE_TRANSLATOR": "dummy", "DEEPL_API_KEY": "k"}, None),
    ],
)
def test_translator_is_chosen_from_the_environment(env, expected):
    setting = machine_translator_setting(env)
    if expected is None:
        assert setting["CLASS"].endswith("DummyTranslator")
    else:
        assert setting["CLASS"] == expected


def test_no_machine_translation_and_bad_choice():
    assert machine_translator_setting({"WAGTAIL_MACHINE_TRANSLATOR": "none"}) is None
    with pytest.raises(ValueError, match="WAGTAIL_MACHINE_TRANSLATOR"):
        machine_translator_setting({"WAGTAIL_MACHINE_TRANSLATOR": "babelfish"})


def test_deepl_options_come_from_the_environment():
    setting = machine_translator_setting(
        {"DEEPL_API_KEY": "abc:fx", "DEEPL_API_URL": "http://127.0.0.1:9", "DEEPL_FORMALITY": "x"}
    )
    assert setting["OPTIONS"]["AUTH_KEY"] == "abc:fx"
    assert setting["OPTIONS"]["API_URL"] == "http://127.0.0.1:9"


@pytest.fixture
def french(homes, locales):
    page = make_about(homes["en"])
    return pending_translation(page, locales["fr"])


def use(settings, env):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting(env)


def machine_translate(client, translation):
    client.force_login(make_admin())
    url = reverse("wagtail_localize:machine_translate", args=[translation.id])
    return client.post(f"{url}?next={NEXT}")


def machine_strings(translation):
    return StringTranslation.objects.filter(
        locale=translation.target_locale, translation_type="machine"
    )


def deepl_ok(path, headers, data):
    return 200, {
        "translations": [
            {"detected_source_language": "EN", "text": f"[FR] {text}"} for text in data["text"]
        ]
    }


def test_deepl_translates_through_the_editor_view(client, settings, french):
    with FakeService(deepl_ok) as deepl:
        use(settings, {"DEEPL_API_KEY": "secret-key", "DEEPL_API_URL": deepl.url})
        response = machine_translate(client, french)
    assert response.status_code == 302
    assert response.url == NEXT
    assert "Successfully translated with DeepL." in messages_of(response)
    sent = deepl.requests[0]
    assert sent["path"] == "/v2/translate"
    assert sent["headers"]["Authorization"] == "DeepL-Auth-Key secret-key"
    assert sent["data"]["target_lang"] == ["FR"]
    assert sent["data"]["source_lang"] == ["EN"]
    assert "About the project" in sent["data"]["text"]
    texts = set(machine_strings(french).values_list("data", flat=True))
    assert "[FR] About the project" in texts
    assert all(s.tool_name == "DeepL" for s in machine_strings(french))


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (456, "quota for this account is used up"),
        (403, "refused the API key"),
        (429, "too many requests"),
        (500, "unavailable at the moment"),
    ],
)
def test_deepl_errors_reach_the_editor_as_messages(client, settings, french, status, expected):
    with FakeService(lambda *args: (status, {"message": "error"})) as deepl:
        use(settings, {"DEEPL_API_KEY": "k", "DEEPL_API_URL": deepl.url})
        response = machine_translate(client, french)
    assert response.status_code == 302
    assert response.url == NEXT
    (message,) = messages_of(response)
    assert expected in message and "DeepL" in message
    assert not machine_strings(french).exists()


def test_deepl_unexpected_answer_is_a_message(client, settings, french):
    with FakeService(lambda *args: (200, {"surprise": []})) as deepl:
        use(settings, {"DEEPL_API_KEY": "k", "DEEPL_API_URL": deepl.url})
        response = machine_translate(client, french)
    assert response.status_code == 302
    assert "could not be understood" in messages_of(response)[0]
    assert not machine_strings(french).exists()


def test_deepl_down_is_a_message(client, settings, french):
    use(settings, {"DEEPL_API_KEY": "k", "DEEPL_API_URL": closed_port_url()})
    response = machine_translate(client, french)
    assert response.status_code == 302
    assert "DeepL cannot be reached" in messages_of(response)[0]
    assert not machine_strings(french).exists()


def libretranslate_ok(path, headers, data):
    assert path == "/translate"
    return 200, {"translatedText": [f"<{data['target']}> {text}" for text in data["q"]]}


def test_libretranslate_translates_through_the_editor_view(client, settings, french):
    with FakeService(libretranslate_ok) as service:
        use(settings, {"LIBRETRANSLATE_URL": service.url + "/"})
        response = machine_translate(client, french)
    assert response.status_code == 302
    assert "Successfully translated with LibreTranslate." in messages_of(response)
    sent = service.requests[0]["data"]
    assert sent["source"] == "en" and sent["target"] == "fr" and sent["format"] == "html"
    assert "api_key" not in sent  # a self-hosted LibreTranslate needs none
    texts = set(machine_strings(french).values_list("data", flat=True))
    assert "&lt;fr&gt; About the project" in texts or "<fr> About the project" in texts


def test_libretranslate_sends_the_api_key_when_set(client, settings, french):
    with FakeService(libretranslate_ok) as service:
        use(settings, {"LIBRETRANSLATE_URL": service.url, "LIBRETRANSLATE_API_KEY": "lt-key"})
        machine_translate(client, french)
    assert service.requests[0]["data"]["api_key"] == "lt-key"


@pytest.mark.parametrize(
    ("status", "expected"),
    [(429, "too many requests"), (500, "unavailable at the moment"), (403, "refused")],
)
def test_libretranslate_errors_reach_the_editor(client, settings, french, status, expected):
    with FakeService(lambda *args: (status, {"error": "Slowdown"})) as service:
        use(settings, {"LIBRETRANSLATE_URL": service.url})
        response = machine_translate(client, french)
    assert response.status_code == 302
    (message,) = messages_of(response)
    assert expected in message and "LibreTranslate" in message
    assert not machine_strings(french).exists()


def test_libretranslate_down_is_a_message(client, settings, french):
    use(settings, {"LIBRETRANSLATE_URL": closed_port_url()})
    response = machine_translate(client, french)
    assert response.status_code == 302
    assert "LibreTranslate cannot be reached" in messages_of(response)[0]
    assert not machine_strings(french).exists()


def test_sync_with_machine_translation_down_changes_nothing(client, settings, french):
    """ "Sync translated pages" with "Use machine translation" ticked and the service down: the
    editor gets the form back with the error, and the sync is rolled back."""
    page = french.source.get_source_instance()
    page.title = "About the Cluster4Smart project"
    page.save_revision().publish()
    synced_at = french.source.last_updated_at
    use(settings, {"DEEPL_API_KEY": "k", "DEEPL_API_URL": closed_port_url()})
    client.force_login(make_admin())
    response = client.post(
        reverse("wagtail_localize:update_translations", args=[french.source.id]),
        {"use_machine_translation": "on"},
    )
    assert response.status_code == 200
    assert "DeepL cannot be reached" in response.text
    french.source.refresh_from_db()
    assert french.source.last_updated_at == synced_at
    assert "Cluster4Smart" not in french.source.object_repr


def test_sync_with_machine_translation_working(client, settings, french):
    page = french.source.get_source_instance()
    page.title = "About the Cluster4Smart project"
    page.save_revision().publish()
    with FakeService(deepl_ok) as deepl:
        use(settings, {"DEEPL_API_KEY": "k", "DEEPL_API_URL": deepl.url})
        client.force_login(make_admin())
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[french.source.id]),
            {"use_machine_translation": "on"},
        )
    assert response.status_code == 302
    assert machine_strings(french).filter(data="[FR] About the Cluster4Smart project").exists()


# Apertium, for real: `apt-get install apertium apertium-eng-spa` (.ci/run does it).

needs_apertium = pytest.mark.skipif(
    shutil.which("apertium") is None or "eng-spa" not in apertium_modes(),
    reason="Apertium with the English-Spanish pair is not installed "
    "(apt-get install apertium apertium-eng-spa)",
)


@needs_apertium
def test_apertium_translates_english_to_spanish(client, settings, homes, locales):
    translation = pending_translation(make_about(homes["en"]), locales["es"])
    use(settings, {"WAGTAIL_MACHINE_TRANSLATOR": "apertium"})
    response = machine_translate(client, translation)
    assert response.status_code == 302
    assert "Successfully translated with Apertium." in messages_of(response)
    texts = dict(machine_strings(translation).values_list("translation_of__data", "data"))
    assert texts["The project has received funding from the European Union."] == (
        "El proyecto ha recibido financiación de la Unión europea."
    )
    # Inline markup survives (wagtail-localize keeps <b> inside the segment).
    assert any("<b>" in text and "</b>" in text for text in texts.values())
    translation.save_target(publish=True)
    spanish = translation.get_target_instance()
    assert spanish.intro == "El proyecto ha recibido financiación de la Unión europea."


@needs_apertium
def test_apertium_offers_only_installed_pairs(locales):
    translator = ApertiumTranslator({})
    assert translator.can_translate(locales["en"], locales["es"])
    assert not translator.can_translate(locales["en"], locales["hu"])


@needs_apertium
def test_apertium_batches_keep_whitespace_and_order(locales):
    translator = ApertiumTranslator({})
    strings = [StringValue("Hello world"), StringValue(" Latest news "), StringValue("Funding")]
    result = translator.translate(locales["en"], locales["es"], strings)
    assert [result[s].data for s in strings] == ["Hola Mundo", " Últimas noticias ", "Financiación"]


@needs_apertium
def test_apertium_unsupported_pair_is_not_offered(client, settings, homes, locales):
    translation = pending_translation(make_about(homes["en"]), locales["hu"])
    use(settings, {"WAGTAIL_MACHINE_TRANSLATOR": "apertium"})
    client.force_login(make_admin())
    edit = client.get(
        reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().id])
    )
    assert edit.status_code == 200
    assert "machine_translate" not in edit.text


def test_apertium_missing_binary_offers_nothing_and_fails_clearly(locales):
    translator = ApertiumTranslator({"COMMAND": "/nonexistent/apertium"})
    assert not translator.can_translate(locales["en"], locales["es"])
    with pytest.raises(MachineTranslationError, match="not installed"):
        translator.run("eng-spa", "Hello")
    with pytest.raises(MachineTranslationError, match="cannot translate from"):
        translator.translate(locales["en"], locales["es"], [StringValue("Hello")])
