"""Template helpers other apps use to show news: `{% news_about page limit=3 %}` lists the
latest live news of the active language that link to `page` (a project, a partner…)."""

from django import template
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from home.pages.request_memo import memo
from news.models import NewsPage, live_news
from news.views import og_locale, with_images

register = template.Library()


@register.inclusion_tag("news/_news_about.html", takes_context=True)
def news_about(context, page, limit=3):
    """The latest articles of the active language whose related pages include `page` or one
    of its translations (three queries, whatever the number of articles)."""
    items = []
    if isinstance(page, Page) and page.pk:
        try:
            limit = max(1, min(int(limit), 20))
        except (TypeError, ValueError):
            limit = 3
        request = context.get("request")
        locale = (
            memo(request, ("locale", get_language()), Locale.get_active)
            if request is not None
            else Locale.get_active()
        )
        ids = list(
            live_news()
            .filter(
                locale_id=locale.pk,
                related_pages__target__translation_key=page.translation_key,
            )
            .order_by("-date", "-first_published_at", "-pk")
            .values_list("pk", flat=True)
            .distinct()[: limit * 3]
        )
        ids = list(dict.fromkeys(ids))[:limit]
        if ids:
            pages = {p.pk: p for p in with_images(NewsPage.objects.filter(pk__in=ids))}
            items = [pages[pk] for pk in ids if pk in pages]
            for item in items:
                item.display_categories = []
    return {"page": page, "news_items": items, "request": context.get("request")}


@register.filter(name="og_locale")
def og_locale_filter(language_code):
    """A language code as Open Graph wants it (fr → fr_FR)."""
    return og_locale(language_code)
