"""The project family: an index of projects and one page per project.

Page tree (one per locale):

    HomePage
    └── ProjectIndexPage (/en/projects/, /fr/projets/, ...)
        └── ProjectPage (Cluster4Smart, BRILLIANT, BSR Cluster Manager Education, ...)

A project page records how it relates to other projects of the family (`ProjectRelation`: the
chosen project is a predecessor, successor or sister of this one) and the relation is shown on
both pages, worded from each side. Partners link themselves to projects from the partner side
(`partners` app, reverse accessor `partner_roles`), so `home` does not import that app.
"""

import re
from datetime import date

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Site, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.pagecache.layout import site_funding_statement
from home.pages.addresses import absolute_url
from home.pages.blocks import BodyBlock
from home.pages.models import BasePage, SiteSettings
from home.pages.optional_apps import news_tags_available
from home.pages.pagination import paginate

# Erasmus+ grant agreements: year, round, national agency, key action, optionally the field
# (2021-2027 programme) and a serial number, e.g. 2017-1-FR01-KA202-037407 or
# 2021-1-FR01-KA220-VET-000034567.
ERASMUS_GRANT_RE = re.compile(r"^\d{4}-\d-[A-Z]{2}\d{2}-KA\d{3}(-[A-Z]{2,5})?-\d{6,9}$")
# EU grant agreements managed centrally (COSME, Horizon 2020, Horizon Europe, Single Market
# Programme...): a plain number of six to nine digits, e.g. 824040 or 101035932.
NUMERIC_GRANT_RE = re.compile(r"^\d{6,9}$")
# Every Erasmus+ project has a public card on the Erasmus+ Project Results Platform, addressed
# by its grant agreement number: a safe outbound link for the project and its results.
ERASMUS_RESULTS_PLATFORM_URL = "https://erasmus-plus.ec.europa.eu/projects/search/details/{}"


def validate_grant_number(value):
    """Accept the two documented formats of EU grant agreement numbers."""
    if ERASMUS_GRANT_RE.match(value) or NUMERIC_GRANT_RE.match(value):
        return
    raise ValidationError(
        _(
            "“%(value)s” is not a grant agreement number. Use the Erasmus+ form "
            "(e.g. 2017-1-FR01-KA202-037407) or the numeric form of centrally managed "
            "programmes such as COSME or Horizon (6 to 9 digits, e.g. 101035932)."
        ),
        code="invalid_grant_number",
        params={"value": value},
    )


class ProjectStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")


def language_choices():
    """The site's languages, for documents and other per-language items."""
    return [(code, _(name)) for code, name in settings.LANGUAGES]


class ProjectIndexPage(BasePage):
    """The list of the project family, under the home page of each language."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ProjectPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("project index page")
        verbose_name_plural = _("project index pages")

    def get_projects(self):
        return (
            ProjectPage.objects.child_of(self)
            .visible(self.locale_id)
            .select_related("logo")
            .prefetch_related("logo__renditions")
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        page_obj = paginate(request, self.get_projects(), settings.PROJECTS_PAGE_SIZE)
        context["page_obj"] = page_obj
        context["projects"] = list(page_obj.object_list)
        return context


class ProjectPage(BasePage):
    """One project of the family: its identity, dates, funding, relations to the other
    projects, facts with their sources and downloadable results."""

    acronym = models.CharField(_("acronym"), max_length=64, blank=True)
    full_name = models.CharField(_("full name"), max_length=255, blank=True)
    programme = models.CharField(
        _("programme"), max_length=128, blank=True, help_text=_("e.g. Erasmus+, COSME")
    )
    action = models.CharField(
        _("action or call"), max_length=128, blank=True, help_text=_("e.g. KA202, ESCP-4x")
    )
    grant_agreement_number = models.CharField(
        _("grant agreement number"),
        max_length=64,
        blank=True,
        validators=[validate_grant_number],
        help_text=_(
            "Erasmus+ form 2017-1-FR01-KA202-037407, or the numeric form of COSME and Horizon "
            "grants, e.g. 101035932."
        ),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    website = models.URLField(_("official website"), blank=True)
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(_("summary"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    funding_statement = models.ForeignKey(
        "home.FundingStatement",
        verbose_name=_("funding statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The project's own acknowledgement, shown in the visitor's language. Leave empty "
            "to show the site's."
        ),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("acronym"),
                FieldPanel("full_name"),
                FieldPanel("logo"),
                FieldPanel("website"),
            ],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("programme"), FieldPanel("action")]),
                FieldPanel("grant_agreement_number"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("funding_statement"),
            ],
            heading=_("Funding and dates"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("related_projects", heading=_("Related projects"), label=_("Relation")),
        InlinePanel("facts", heading=_("Facts"), label=_("Fact")),
        InlinePanel("results", heading=_("Results to download"), label=_("Result")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("acronym"),
        index.SearchField("full_name"),
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    override_translatable_fields = [
        SynchronizedField("acronym"),
        SynchronizedField("programme"),
        SynchronizedField("action"),
        SynchronizedField("grant_agreement_number"),
        SynchronizedField("funding_statement"),
    ]

    parent_page_types = ["home.ProjectIndexPage"]
    subpage_types = []
    serve_select_related = ("funding_statement",)  # its own statement, when it has one

    class Meta:
        verbose_name = _("project page")
        verbose_name_plural = _("project pages")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date <= self.start_date:
            raise ValidationError(
                {"end_date": _("The end date must be after the start date.")},
                code="end_before_start",
            )

    def get_summary(self):
        return self.listing_summary or self.summary or self.search_description

    def get_social_image(self):
        return self.social_image or self.logo

    def status_on(self, day: date):
        """The project's status on a given day, or None while its start is unknown."""
        if self.start_date is None:
            return None
        if day < self.start_date:
            return ProjectStatus.UPCOMING
        if self.end_date is not None and day > self.end_date:
            return ProjectStatus.COMPLETED
        return ProjectStatus.RUNNING

    @property
    def status(self):
        return self.status_on(timezone.localdate())

    @property
    def status_label(self):
        status = self.status
        return ProjectStatus(status).label if status else ""

    def get_relations(self):
        """Every relation of this project, from both ends, as dicts with `phrase` (how this
        project stands to the other: "Predecessor of", "Successor of", "Sister project of")
        and `page` (the other project in this page's language when translated). Relations
        are stored on one side only and their targets are the source-language pages, so the
        reverse side is found through translation keys."""
        entries = {}
        outgoing = self.related_projects.select_related("project")
        for relation in outgoing:
            if relation.project is None:
                continue
            key = relation.project.translation_key
            entries.setdefault(key, (FORWARD_PHRASES[relation.relation_type], relation.project))
        incoming = (
            ProjectRelation.objects.filter(project__translation_key=self.translation_key)
            .exclude(page__translation_key=self.translation_key)
            .select_related("page")
            .order_by("page__path", "sort_order")
        )
        for relation in incoming:
            key = relation.page.translation_key
            entries.setdefault(key, (REVERSE_PHRASES[relation.relation_type], relation.page))
        if not entries:
            return []
        # In this page's language, else the source-language page, if the public may see it.
        shown = ProjectPage.objects.translations_for(entries.keys(), self.locale_id)
        return [
            {"phrase": phrase, "page": shown[key]}
            for key, (phrase, _project) in entries.items()
            if key in shown
        ]

    def get_partner_roles(self):
        """The partners of this project, each as {partner, role, role_label}, coordinator
        first, the partner pages in this page's language where translated. The relation is
        owned by the partners app (reverse accessor `partner_roles`, pointing at the
        source-language project); without that app this is empty."""
        try:
            field = ProjectPage._meta.get_field("partner_roles")
        except FieldDoesNotExist:
            return []
        role_model = field.related_model
        parent_name = _parental_key_name(role_model)
        if parent_name is None:
            return []
        roles = (
            role_model.objects.filter(project__translation_key=self.translation_key)
            .select_related(parent_name)
            .order_by("sort_order" if hasattr(role_model, "sort_order") else "pk")
        )
        entries = {}
        for role in roles:
            partner = getattr(role, parent_name)
            entries.setdefault(partner.translation_key, (role, partner))
        if not entries:
            return []
        partner_model = role_model._meta.get_field(parent_name).related_model
        # In this page's language, else the source-language page, if the public may see it.
        shown = partner_model.objects.translations_for(entries.keys(), self.locale_id)
        result = []
        for key, (role, _partner) in entries.items():
            partner = shown.get(key)
            if partner is None:
                continue
            role_value = getattr(role, "role", "")
            label_getter = getattr(role, "get_role_display", None)
            result.append(
                {
                    "partner": partner,
                    "role": role_value,
                    "role_label": label_getter() if label_getter else role_value,
                }
            )
        result.sort(key=lambda entry: entry["role"] != "coordinator")
        return result

    def get_funding_statement(self, site=None):
        """This project's funding statement in the page's language, else the site's."""
        statement = self.funding_statement
        if statement is None and site is not None:
            statement = SiteSettings.for_site(site).funding_statement
        if statement is None or statement.locale_id == self.locale_id:
            return statement
        # By the locale's id: reading self.locale would cost a query of its own.
        translated = (
            type(statement)
            .objects.filter(translation_key=statement.translation_key, locale_id=self.locale_id)
            .first()
        )
        return translated or statement

    @property
    def results_platform_url(self):
        """The project's card on the Erasmus+ Project Results Platform, for an Erasmus+ grant
        agreement number; empty for other grants (the platform lists only Erasmus+)."""
        number = self.grant_agreement_number
        if number and ERASMUS_GRANT_RE.match(number):
            return ERASMUS_RESULTS_PLATFORM_URL.format(number)
        return ""

    def json_ld(self, request=None):
        """schema.org description of the project (a CreativeWork, as schema.org's Project
        type is still pending), as a dict; the template serialises and escapes it."""
        data = {
            "@context": "https://schema.org",
            "@type": "CreativeWork",
            "additionalType": "https://schema.org/Project",
            "name": self.title,
            "url": absolute_url(request, self),
            "inLanguage": self.locale.language_code,
        }
        if self.full_name:
            data["alternateName"] = self.full_name
        if self.get_summary():
            data["description"] = self.get_summary()
        same_as = [url for url in (self.website, self.results_platform_url) if url]
        if same_as:
            data["sameAs"] = same_as
        if self.start_date:
            end = self.end_date.isoformat() if self.end_date else ".."
            data["temporalCoverage"] = f"{self.start_date.isoformat()}/{end}"
        if self.programme:
            data["funder"] = {"@type": "Organization", "name": "European Union"}
            data["funding"] = {
                "@type": "Grant",
                "name": " ".join(filter(None, [self.programme, self.action])),
            }
            if self.grant_agreement_number:
                data["funding"]["identifier"] = self.grant_agreement_number
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["relations"] = self.get_relations()
        context["partner_roles"] = self.get_partner_roles()
        if self.funding_statement_id is None:
            # The site's statement, as the footer shows it (read once per request).
            context["project_funding"] = site_funding_statement(request)
        else:
            context["project_funding"] = self.get_funding_statement(Site.find_for_request(request))
        context["results"] = self.results.select_related("document")
        context["facts"] = self.facts.all()
        context["project_json_ld"] = self.json_ld(request)
        context["news_tags_available"] = news_tags_available()
        # Sections other apps add to the page (its events, say) through the
        # `project_page_sections` hook: each function takes the project page and the request
        # and returns a dict with a `template` key and its context, or None.
        context["project_sections"] = [
            section
            for section_for in hooks.get_hooks("project_page_sections")
            if (section := section_for(self, request))
        ]
        return context


def _parental_key_name(model):
    for field in model._meta.get_fields():
        if isinstance(field, ParentalKey):
            return field.name
    return None


class RelationType(models.TextChoices):
    PREDECESSOR = "predecessor", _("Predecessor")
    SUCCESSOR = "successor", _("Successor")
    SISTER = "sister", _("Sister project")


# How the page holding the relation stands to the chosen project (the chosen project is a
# successor, so this page is its predecessor), and how the chosen project stands to it.
FORWARD_PHRASES = {
    RelationType.PREDECESSOR: _("Successor of"),
    RelationType.SUCCESSOR: _("Predecessor of"),
    RelationType.SISTER: _("Sister project of"),
}
REVERSE_PHRASES = {
    RelationType.PREDECESSOR: _("Predecessor of"),
    RelationType.SUCCESSOR: _("Successor of"),
    RelationType.SISTER: _("Sister project of"),
}


class ProjectRelation(Orderable):
    """“The chosen project is a predecessor / successor / sister of this one”, recorded on one
    project and shown on both."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="related_projects")
    project = models.ForeignKey(
        ProjectPage,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="incoming_relations",
    )
    relation_type = models.CharField(
        _("relation"),
        max_length=16,
        choices=RelationType.choices,
        help_text=_("What the chosen project is to this one."),
    )

    panels = [FieldPanel("project"), FieldPanel("relation_type")]

    class Meta(Orderable.Meta):
        verbose_name = _("project relation")
        verbose_name_plural = _("project relations")

    def clean(self):
        super().clean()
        if self.page_id and self.project_id and self.page_id == self.project_id:
            raise ValidationError({"project": _("A project cannot be related to itself.")})


class ProjectFact(TranslatableMixin, Orderable):
    """A fact about the project (duration, participants, budget...) with the source it comes
    from, for facts that sources report differently."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="facts")
    label = models.CharField(_("label"), max_length=255)
    value = models.CharField(_("value"), max_length=255)
    source_label = models.CharField(
        _("source"), max_length=255, blank=True, help_text=_("Where the fact comes from.")
    )
    source_url = models.URLField(_("source link"), blank=True)

    panels = [
        FieldPanel("label"),
        FieldPanel("value"),
        FieldRowPanel([FieldPanel("source_label"), FieldPanel("source_url")]),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("fact")
        verbose_name_plural = _("facts")


class AbstractResult(Orderable):
    """A downloadable result (report, guide, training material) in one language."""

    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=16, choices=language_choices)

    panels = [FieldPanel("document"), FieldPanel("language")]

    class Meta(Orderable.Meta):
        abstract = True

    @property
    def language_name(self):
        return dict(language_choices()).get(self.language, self.language)


class ProjectResult(AbstractResult):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="results")

    class Meta(AbstractResult.Meta):
        verbose_name = _("project result")
        verbose_name_plural = _("project results")
