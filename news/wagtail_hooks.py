from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .events import sections as event_sections
from .events.report import DisseminationReportView, report_scope
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


# Events (news/events): the next events on the home page, a project's events on its page and
# the events a partner organises on the partner's page, in the page's language.
hooks.register("home_page_sections", event_sections.next_events_section)
hooks.register("project_page_sections", event_sections.project_events_section)
hooks.register("partner_page_sections", event_sections.partner_events_section)


# The dissemination record (Reports menu): coordinators see everything, partner editors their
# organisation's items (news/events/report.py).
class DisseminationMenuItem(MenuItem):
    def is_shown(self, request):
        return report_scope(request.user) is not None


@hooks.register("register_reports_menu_item")
def dissemination_report_menu_item():
    return DisseminationMenuItem(
        _("Dissemination record"),
        reverse("news_dissemination_report"),
        icon_name="doc-full-inverse",
        order=900,
    )


@hooks.register("register_admin_urls")
def dissemination_report_urls():
    return [
        path(
            "reports/dissemination/",
            DisseminationReportView.as_view(),
            name="news_dissemination_report",
        ),
        path(
            "reports/dissemination/results/",
            DisseminationReportView.as_view(results_only=True),
            name="news_dissemination_report_results",
        ),
    ]


from .newsletter import admin as newsletter_admin  # noqa: E402, F401 - the newsletter's admin
