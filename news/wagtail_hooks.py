from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import NewsCategory, NewsIndexPage
from .views import feed_links, localized_categories, with_images

HOME_NEWS_COUNT = 3


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    icon = "tag"
    menu_label = _("News categories")
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "slug"]
    add_to_admin_menu = False


register_snippet(NewsCategoryViewSet)


@hooks.register("home_page_sections")
def latest_news_section(home_page, request):
    """The latest articles of the home page's language, with its news index's feeds for the
    page head; nothing when that language has no news index."""
    index = NewsIndexPage.objects.visible().child_of(home_page).first()
    if index is None:
        return None
    items = list(with_images(index.news().prefetch_related("categories"))[:HOME_NEWS_COUNT])
    localized_categories(items, index.locale_id)
    return {
        "template": "news/_home_section.html",
        "head_template": "news/_home_head.html",
        "index": index,
        "news_items": items,
        "feed_links": feed_links(index, request),
    }
