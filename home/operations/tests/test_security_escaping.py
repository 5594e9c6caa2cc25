"""Everything editors type is escaped when shown: script payloads in every text field of every
page type (discovered from the models, so page types added by other apps are covered too), in
the StreamField body blocks, and in the funding statement snippet shown in the footer."""

import pytest
from django.apps import apps
from django.db import models
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from home.pages.models import HomePage, SiteSettings, StandardPage

pytestmark = pytest.mark.django_db

PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
DANGEROUS = ["<script>alert(1)", "<img src=x onerror", "onerror=alert(1)>"]
PROJECT_APPS = {"home", "news", "training", "partners"}


def rich_text(html):
    """Rich text as the admin stores it: whatever HTML reaches Wagtail's editor is passed
    through its whitelist (scripts, event handlers and unknown tags are dropped); text typed
    into the editor is stored escaped."""
    return EditorHTMLConverter(features=["bold", "italic", "link", "image"]).to_database_format(
        html
    )


def payload(name):
    return f"{name} {PAYLOADS[0]} {PAYLOADS[1]}"


def text_fields(model):
    for field in model._meta.get_fields():
        if getattr(field, "model", None) is Page or not getattr(field, "editable", False):
            continue
        if isinstance(field, RichTextField):
            yield field.name, rich_text(f"<p>{payload(field.name)}</p>")
        elif isinstance(field, models.TextField | models.CharField) and not field.choices:
            if field.name in ("slug", "url_path", "draft_title", "locale"):
                continue
            yield field.name, payload(field.name)[: field.max_length or None]


def body_with_payloads():
    return [
        ("heading", {"text": payload("heading"), "level": "h2"}),
        ("paragraph", rich_text(f"<p>{payload('paragraph')}</p>")),
        ("quote", {"quote": payload("quote"), "attribution": payload("attribution")}),
        (
            "call_to_action",
            {
                "title": payload("cta"),
                "text": payload("cta text"),
                "button_label": payload("button")[:80],
                "external_url": "https://example.org/",
            },
        ),
    ]


def assert_escaped(html, where):
    for fragment in DANGEROUS:
        assert fragment not in html, f"unescaped payload in {where}"


def page_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model._meta.app_label in PROJECT_APPS
    ]


def test_payloads_in_home_and_standard_pages_are_escaped(client, home, funding, site):
    for name, value in text_fields(HomePage):
        setattr(home, name, value)
    home.title = payload("title")
    home.body = body_with_payloads()
    home.save_revision().publish()
    page = StandardPage(title=payload("std"), slug="payload", body=body_with_payloads())
    for name, value in text_fields(StandardPage):
        setattr(page, name, value)
    home.add_child(instance=page)
    page.save_revision().publish()
    for name, value in text_fields(type(funding)):
        setattr(funding, name, value)
    funding.save()
    SiteSettings.for_site(site).save()

    for url in ["/en/", "/en/payload/", f"/en/search/?q={PAYLOADS[0]}"]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or "alert(1)" not in html, url
        assert_escaped(html, url)
    # The payload did reach the page, escaped (the test would prove nothing otherwise).
    html = client.get("/en/payload/").content.decode()
    assert "intro &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "heading &lt;script&gt;" in html
    assert "quote &lt;script&gt;" in html


def test_every_page_type_escapes_its_text_fields(client, home):
    """Creates each project page type under the first existing page that may hold it, with a
    payload in each of its text fields, and checks the rendered page."""
    rendered = []
    for _ in range(3):  # parents may need their own parents made first
        for model in page_models():
            if model in rendered or model is HomePage:
                continue
            parents = [m for m in model.allowed_parent_page_models() if m is not Page]
            parent = next(
                (
                    p
                    for p in Page.objects.live().specific()
                    if type(p) in parents and p.locale_id == home.locale_id
                ),
                None,
            )
            if parent is None:
                continue
            page = model(title=payload(model.__name__), slug=model.__name__.lower())
            for name, value in text_fields(model):
                setattr(page, name, value)
            if any(isinstance(f, StreamField) and f.name == "body" for f in model._meta.fields):
                page.body = body_with_payloads()
            try:
                parent.add_child(instance=page)
                page.save_revision().publish()
            except Exception:  # noqa: BLE001 - a type needing more than text: not ours to fill
                continue
            response = client.get(page.url)
            assert response.status_code == 200, model
            assert_escaped(response.content.decode(), model.__name__)
            rendered.append(model)
    assert StandardPage in rendered
