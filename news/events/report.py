"""The dissemination record: for a project and a date range, every news article, event and
project result published, in which languages, with dates and public URLs, the counts per
language and type, and CSV and XLSX downloads (Wagtail's report view and its spreadsheet
export) that can go into an EU final report unchanged.

Who sees what: superusers and the Editors and Moderators groups see everything; a partner
organisation's editors (a group with partners' PartnerAccess) see only their organisation's
items: the events it organises, the articles that link to its partner page and the results
whose document is in its collection. Anyone else is refused (PermissionDenied: the admin
sends them back to its dashboard)."""

import datetime
from collections import Counter
from dataclasses import dataclass

import django_filters
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateInput
from wagtail.models import Locale

from home.models import ProjectPage, ProjectResult
from partners.access import MODERATORS_GROUP
from partners.models import PartnerAccess

from ..models import NewsPageRelatedPage, live_news
from .models import EventPage, live_events

EDITORS_GROUP = "Editors"


@dataclass
class Scope:
    """What a user may see in the report: everything, or their organisations' items."""

    everything: bool = False
    partner_keys: tuple = ()
    collection_ids: tuple = ()


def report_scope(user):
    """The user's Scope, or None when they may not see the report."""
    if not getattr(user, "is_active", False):
        return None
    if user.is_superuser or user.groups.filter(name__in=[EDITORS_GROUP, MODERATORS_GROUP]).exists():
        return Scope(everything=True)
    accesses = list(PartnerAccess.objects.filter(group__in=user.groups.all()))
    if not accesses:
        return None
    return Scope(
        partner_keys=tuple(a.translation_key for a in accesses),
        collection_ids=tuple(a.collection_id for a in accesses if a.collection_id),
    )


KINDS = {
    "news": _("News article"),
    "event": _("Event"),
    "result": _("Result"),
}


@dataclass
class Row:
    kind: str
    title: str
    language: str
    date: datetime.date
    url: str
    project: str = ""
    published: datetime.datetime | None = None

    @property
    def type_label(self):
        return str(KINDS[self.kind])

    @property
    def language_name(self):
        try:
            return get_language_info(self.language)["name"]
        except KeyError:
            return self.language


def default_locale_projects(request=None):
    locale = Locale.get_default()
    return ProjectPage.objects.filter(locale=locale).order_by("title")


class DisseminationFilterSet(WagtailFilterSet):
    project = django_filters.ModelChoiceFilter(
        label=_("Project"), queryset=default_locale_projects, method="keep"
    )
    date_from = django_filters.DateFilter(label=_("From"), widget=AdminDateInput, method="keep")
    date_to = django_filters.DateFilter(label=_("To"), widget=AdminDateInput, method="keep")

    class Meta:
        model = EventPage
        fields = []

    def keep(self, queryset, name, value):
        return queryset  # the view reads the chosen values; the rows are not a queryset


def in_range(rows, date_from, date_to):
    return [
        row
        for row in rows
        if (date_from is None or row.date >= date_from) and (date_to is None or row.date <= date_to)
    ]


def project_titles(keys):
    """{translation key: title} of the projects in the default language (one query)."""
    if not keys:
        return {}
    titles = {}
    for project in ProjectPage.objects.filter(translation_key__in=keys).select_related("locale"):
        if (
            project.translation_key not in titles
            or project.locale.language_code == settings.LANGUAGE_CODE
        ):
            titles[project.translation_key] = project.title
    return titles


def dissemination_rows(request, scope, project=None, date_from=None, date_to=None):
    """The report's rows (one per item and language), sorted by date, type and language.
    A fixed number of queries: articles, their projects, events, results."""
    key = project.translation_key if project is not None else None
    rows = []

    # News articles: those that link to the project (or, for a partner, to their page).
    news = live_news()
    if key is not None:
        news = news.filter(
            Exists(
                NewsPageRelatedPage.objects.filter(
                    page_id=OuterRef("pk"), target__translation_key=key
                )
            )
        )
    if not scope.everything:
        news = news.filter(
            Exists(
                NewsPageRelatedPage.objects.filter(
                    page_id=OuterRef("pk"), target__translation_key__in=scope.partner_keys
                )
            )
        )
    if date_from is not None:
        news = news.filter(date__gte=date_from)
    if date_to is not None:
        news = news.filter(date__lte=date_to)
    news = list(news.select_related("locale").order_by("date", "pk"))
    linked_projects = {}
    if news:
        for link in NewsPageRelatedPage.objects.filter(
            page__in=[n.pk for n in news],
            target__content_type__model="projectpage",
            target__content_type__app_label="home",
        ).values_list("page_id", "target__translation_key"):
            linked_projects.setdefault(link[0], []).append(link[1])

    # Events: the project's (or, for a partner, those it organises), by the day they start.
    events = live_events()
    if key is not None:
        events = events.filter(project__translation_key=key)
    if not scope.everything:
        events = events.filter(organiser__translation_key__in=scope.partner_keys)
    events = list(events.select_related("locale", "project").order_by("start", "pk"))

    # Results: documents on live, public project pages (each document and language once).
    results = ProjectResult.objects.filter(
        page__in=ProjectPage.objects.visible().values("pk")
    ).select_related("document", "page")
    if key is not None:
        results = results.filter(page__translation_key=key)
    if not scope.everything:
        results = results.filter(document__collection_id__in=scope.collection_ids)
    results = list(results.order_by("document__created_at", "pk"))

    titles = project_titles(
        {k for keys in linked_projects.values() for k in keys}
        | {e.project.translation_key for e in events if e.project_id}
        | {r.page.translation_key for r in results}
    )

    for article in news:
        keys = linked_projects.get(article.pk, [])
        rows.append(
            Row(
                kind="news",
                title=article.title,
                language=article.locale.language_code,
                date=article.date or timezone.localdate(article.first_published_at),
                url=article.get_full_url(request) or "",
                project=", ".join(sorted(titles[k] for k in keys if k in titles)),
                published=article.first_published_at,
            )
        )
    for event in events:
        rows.append(
            Row(
                kind="event",
                title=event.title,
                language=event.locale.language_code,
                date=event.start_date,
                url=event.get_full_url(request) or "",
                project=titles.get(event.project.translation_key, "") if event.project_id else "",
                published=event.first_published_at,
            )
        )
    seen = set()
    for result in results:
        if (result.document_id, result.language) in seen:
            continue
        seen.add((result.document_id, result.language))
        rows.append(
            Row(
                kind="result",
                title=result.document.title,
                language=result.language,
                date=timezone.localdate(result.document.created_at),
                url=request.build_absolute_uri(result.document.url),
                project=titles.get(result.page.translation_key, ""),
                published=result.document.created_at,
            )
        )
    rows = in_range(rows, date_from, date_to)
    order = list(KINDS)
    rows.sort(key=lambda row: (row.date, order.index(row.kind), row.language, row.title))
    return rows


def counts_table(rows):
    """Rows of {language, name, counts per kind, total} and a totals row."""
    counts = Counter((row.language, row.kind) for row in rows)
    languages = sorted({row.language for row in rows})
    table = []
    for code in languages:
        per_kind = [counts[(code, kind)] for kind in KINDS]
        table.append(
            {
                "language": code,
                "name": Row("news", "", code, None, "").language_name,
                "counts": per_kind,
                "total": sum(per_kind),
            }
        )
    totals = [sum(counts[(code, kind)] for code in languages) for kind in KINDS]
    return table, totals


class DisseminationReportView(ReportView):
    page_title = _("Dissemination record")
    header_icon = "doc-full-inverse"
    template_name = "news/events/dissemination_report.html"
    results_template_name = "news/events/dissemination_report_results.html"
    index_url_name = "news_dissemination_report"
    index_results_url_name = "news_dissemination_report_results"
    filterset_class = DisseminationFilterSet
    paginate_by = 100
    export_filename = "dissemination-record"
    columns = [
        DateColumn("date", label=_("Date")),
        Column("type_label", label=_("Type")),
        Column("title", label=_("Title")),
        Column("language_name", label=_("Language")),
        Column("project", label=_("Project")),
        Column("url", label=_("Public URL")),
    ]
    list_export = ["date", "type_label", "title", "language", "project", "url", "published"]
    export_headings = {
        "date": _("Date"),
        "type_label": _("Type"),
        "title": _("Title"),
        "language": _("Language"),
        "project": _("Project"),
        "url": _("Public URL"),
        "published": _("Published on the site"),
    }

    def dispatch(self, request, *args, **kwargs):
        self.scope = report_scope(request.user)
        if self.scope is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def chosen(self):
        if self.filters is not None and self.filters.is_valid():
            data = self.filters.form.cleaned_data
            return data.get("project"), data.get("date_from"), data.get("date_to")
        return None, None, None

    def get_queryset(self):
        project, date_from, date_to = self.chosen
        return dissemination_rows(self.request, self.scope, project, date_from, date_to)

    def filter_queryset(self, queryset):
        return queryset

    def get_filename(self):
        project, date_from, date_to = self.chosen
        parts = [self.export_filename]
        if project is not None:
            parts.append(project.slug)
        parts += [d.isoformat() for d in (date_from, date_to) if d]
        return "-".join(parts)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        table, totals = counts_table(self.object_list)
        context["counts"] = table
        context["count_totals"] = totals
        context["count_total"] = sum(totals)
        context["kinds"] = [str(label) for label in KINDS.values()]
        context["scope"] = self.scope
        return context
