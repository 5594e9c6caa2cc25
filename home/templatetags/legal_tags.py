from django import template

from home.legal.links import legal_links as _legal_links

register = template.Library()


@register.simple_tag(takes_context=True)
def legal_links(context):
    """The site's legal pages in the active language, in footer order (home.legal)."""
    request = context.get("request")
    if request is None:
        return []
    return list(_legal_links(request).values())


@register.simple_tag(takes_context=True)
def privacy_notice_url(context):
    request = context.get("request")
    link = _legal_links(request).get("privacy_notice") if request is not None else None
    return link.url if link else ""
