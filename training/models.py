"""Training resources that link out (MOOC modules, webinars, videos, documents) and the
health of every outbound link of the site.

Page tree (one per locale):

    HomePage
    └── TrainingIndexPage (/en/training/, /fr/formation/, ...; filters)
        └── TrainingResourcePage (one resource; links out to where it is hosted)
"""

from datetime import timedelta
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Site
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.models import BasePage, ProjectPage, SiteSettings
from home.pagecache.layout import site_funding_statement
from home.pages.addresses import absolute_url
from home.pages.blocks import BodyBlock
from home.pages.pagination import paginate
from home.projects.models import AbstractResult

from .filters import TrainingFilter
from .vocabulary import EU_LANGUAGE_CODES, Format, Language, Level, Theme

__all__ = [
    "EU_LANGUAGE_CODES",
    "Format",
    "Language",
    "LinkCheck",
    "LinkStatus",
    "Level",
    "Theme",
    "TrainingIndexPage",
    "TrainingResourcePage",
    "TrainingResult",
]


class TrainingIndexPage(BasePage):
    """The training catalogue: every resource of its language, filtered by theme, level,
    language, format and origin project."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    # The query parameters its catalogue reads (filters.TrainingFilter, pagination): the page
    # cache stores no response to a request with others (home/pagecache/cache.py).
    cache_query_params = ("theme", "level", "language", "format", "project", "page")
    subpage_types = ["training.TrainingResourcePage"]
    max_count_per_parent = 1

    page_size = 20

    class Meta:
        verbose_name = _("training index page")
        verbose_name_plural = _("training index pages")

    def get_resources(self):
        return (
            TrainingResourcePage.objects.child_of(self)
            .visible(self.locale_id)
            .select_related("origin_project")
            .prefetch_related("languages")
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        resources = self.get_resources()
        filters = TrainingFilter(request.GET, index_page=self, resources=resources)
        # ?page= as on every list: a positive page number that exists, else 404.
        page_obj = paginate(request, filters.queryset, self.page_size)
        items = list(page_obj.object_list)
        attach_localized_projects(items, self.locale_id)
        context.update(
            filters=filters,
            page_obj=page_obj,
            resources=items,
            item_list_json_ld=self.json_ld(request, items, page_obj),
        )
        return context

    def json_ld(self, request, items, page_obj):
        start = page_obj.start_index() if items else 0
        return {
            "@context": "https://schema.org",
            "@type": "ItemList",
            "name": self.title,
            "url": absolute_url(request, self),
            "numberOfItems": page_obj.paginator.count,
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": start + position,
                    "url": absolute_url(request, item),
                    "name": item.title,
                }
                for position, item in enumerate(items)
            ],
        }


def attach_localized_projects(resources, locale_id):
    """Set `origin_project_localized` on each resource: its origin project in the given
    language, else in the source language, if the public may see it (the fallback every page
    uses: ProjectPage.objects.translations_for), else None; one query for the whole list."""
    keys = [r.origin_project.translation_key for r in resources if r.origin_project_id]
    shown = ProjectPage.objects.translations_for(keys, locale_id) if keys else {}
    for resource in resources:
        project = resource.origin_project
        resource.origin_project_localized = shown.get(project.translation_key) if project else None


class TrainingResourcePage(BasePage):
    """One training resource, described here and hosted elsewhere (the MOOC platform, a
    video site, a document): visitors follow `external_url` to take it."""

    summary = models.TextField(_("summary"), blank=True)
    learning_outcomes = RichTextField(
        _("learning outcomes"),
        blank=True,
        features=["bold", "italic", "ul", "ol", "link"],
        help_text=_("What participants will be able to do afterwards."),
    )
    theme = models.CharField(_("theme"), max_length=32, choices=Theme.choices)
    level = models.CharField(
        _("level"),
        max_length=16,
        choices=Level.choices,
        blank=True,
        help_text=_("Leave empty if it is not known."),
    )
    format = models.CharField(_("format"), max_length=16, choices=Format.choices)
    workload_hours = models.PositiveSmallIntegerField(_("workload (hours)"), null=True, blank=True)
    languages = ParentalManyToManyField(
        Language,
        verbose_name=_("languages available"),
        blank=True,
        related_name="training_resources",
    )
    is_free = models.BooleanField(_("free of charge"), default=True)
    requires_registration = models.BooleanField(
        _("registration required"),
        null=True,
        blank=True,
        help_text=_("Leave as unknown if you are not sure."),
    )
    licence = models.CharField(
        _("licence"), max_length=128, blank=True, help_text=_("e.g. CC BY-SA 4.0")
    )
    licence_url = models.URLField(_("licence link"), blank=True)
    provider = models.CharField(_("provider"), max_length=255, blank=True)
    origin_project = models.ForeignKey(
        "home.ProjectPage",
        verbose_name=_("origin project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="training_resources",
    )
    external_url = models.URLField(
        _("external URL"),
        blank=True,
        help_text=_("Where visitors take the resource. Leave empty if it is not online."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("learning_outcomes"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("theme"), FieldPanel("level"), FieldPanel("format")]),
                FieldPanel("workload_hours"),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("requires_registration")]),
            ],
            heading=_("About the resource"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("external_url"),
                FieldPanel("provider"),
                FieldRowPanel([FieldPanel("licence"), FieldPanel("licence_url")]),
                FieldPanel("origin_project"),
            ],
            heading=_("Where it is and who offers it"),
        ),
        FieldPanel("body"),
        InlinePanel("results", heading=_("Documents to download"), label=_("Document")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("learning_outcomes"),
        index.SearchField("provider"),
        index.FilterField("theme"),
        index.FilterField("level"),
        index.FilterField("format"),
    ]
    override_translatable_fields = [
        SynchronizedField("licence"),
        SynchronizedField("provider"),
        SynchronizedField("languages"),
    ]

    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training resource")
        verbose_name_plural = _("training resources")

    def get_summary(self):
        return self.listing_summary or self.summary or self.search_description

    @property
    def external_host(self):
        return urlsplit(self.external_url).hostname or "" if self.external_url else ""

    @cached_property
    def link_check(self):
        if not self.external_url:
            return None
        return LinkCheck.objects.filter(url=self.external_url).first()

    @property
    def link_is_dead(self):
        """True when the external link has been failing for longer than
        LINKCHECK_BROKEN_AFTER_DAYS: visitors then see a note instead of the link."""
        check = self.link_check
        if check is None or not check.is_broken or check.first_failed is None:
            return False
        days = getattr(settings, "LINKCHECK_BROKEN_AFTER_DAYS", 7)
        return timezone.now() - check.first_failed >= timedelta(days=days)

    def get_funding_statement(self, site=None):
        project = getattr(self, "origin_project_localized", None) or self.origin_project
        if project is not None:
            return project.specific.get_funding_statement(site)
        statement = SiteSettings.for_site(site).funding_statement if site else None
        if statement is None:
            return None
        return statement.get_translation_or_none(self.locale) or statement

    def json_ld(self, request=None):
        """schema.org Course, as a dict; the template serialises and escapes it."""
        data = {
            "@context": "https://schema.org",
            "@type": "Course",
            "name": self.title,
            "url": absolute_url(request, self),
            "description": self.get_summary() or self.title,
            "about": self.get_theme_display(),
            "learningResourceType": self.get_format_display(),
            "inLanguage": [language.code for language in self.languages.all()],
            "isAccessibleForFree": self.is_free,
        }
        if self.level:
            data["educationalLevel"] = self.get_level_display()
        if self.provider:
            data["provider"] = {"@type": "Organization", "name": self.provider}
        if self.licence_url or self.licence:
            data["license"] = self.licence_url or self.licence
        if self.workload_hours:
            data["timeRequired"] = f"PT{self.workload_hours}H"
        if self.external_url and not self.link_is_dead:
            data["sameAs"] = self.external_url
        project = getattr(self, "origin_project_localized", None)
        if project is not None:
            data["isPartOf"] = {
                "@type": "CreativeWork",
                "name": project.title,
                "url": absolute_url(request, project),
            }
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        attach_localized_projects([self], self.locale_id)
        # The template and the JSON-LD both list the languages: read them once.
        prefetch_related_objects([self], "languages")
        context["origin_project"] = self.origin_project_localized
        context["results"] = self.results.select_related("document")
        project = self.origin_project_localized or self.origin_project
        if project is None or project.specific.funding_statement_id is None:
            # The site's statement, as the footer shows it (read once per request).
            context["funding"] = site_funding_statement(request)
        else:
            context["funding"] = self.get_funding_statement(Site.find_for_request(request))
        context["course_json_ld"] = self.json_ld(request)
        return context


class TrainingResult(AbstractResult):
    """A document of a training resource (slides, handbook, transcript) in one language."""

    page = ParentalKey(TrainingResourcePage, on_delete=models.CASCADE, related_name="results")

    class Meta(AbstractResult.Meta):
        verbose_name = _("training document")
        verbose_name_plural = _("training documents")


class LinkStatus(models.TextChoices):
    OK = "ok", _("Working")
    REDIRECTED = "redirected", _("Working, redirected")
    BROKEN = "broken", _("Broken (error response)")
    ERROR = "error", _("Unreachable")


class LinkCheck(models.Model):
    """The last known health of one external URL the site links to, and the pages that link
    to it (refreshed by `manage.py check_links`)."""

    url = models.URLField(_("URL"), max_length=2000, unique=True)
    status = models.CharField(_("status"), max_length=16, choices=LinkStatus.choices)
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    final_url = models.URLField(_("final URL"), max_length=2000, blank=True)
    error = models.TextField(_("error"), blank=True)
    last_checked = models.DateTimeField(_("last checked"), null=True, blank=True)
    first_failed = models.DateTimeField(
        _("failing since"),
        null=True,
        blank=True,
        help_text=_("When the link started failing; cleared when it works again."),
    )
    pages = models.ManyToManyField(
        "wagtailcore.Page",
        verbose_name=_("linked from"),
        related_name="outbound_link_checks",
        blank=True,
    )

    class Meta:
        ordering = ["url"]
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")

    def __str__(self):
        return self.url

    @property
    def is_broken(self):
        return self.status in (LinkStatus.BROKEN, LinkStatus.ERROR)
