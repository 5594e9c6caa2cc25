"""Template helpers of the project family, shared with the training app: JSON-LD output and
the funding statement in a page's language."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# Characters that could end the <script> element or start markup, escaped as JSON unicode
# escapes (as Django's json_script does), so the data stays inert whatever text it holds.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def dump_json_ld(data):
    """The JSON text of `data`, safe to place inside a <script> element."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _JSON_SCRIPT_ESCAPES
    )


@register.simple_tag
def json_ld(data):
    """<script type="application/ld+json"> holding `data` (a dict), escaped: no text in it is
    trusted as markup."""
    if not data:
        return ""
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(dump_json_ld(data)),  # noqa: S308 - escaped above: no <, > or & remains
    )
