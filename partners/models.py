"""The consortium: one page per partner organisation, kept by the partner itself.

Page tree (one per locale, kept in step by wagtail-localize):

    HomePage
    └── PartnerIndexPage (one per home page: /en/partners/, /fr/partenaires/ ...)
        └── PartnerPage (one per organisation; edited by that partner's group)
            └── StandardPage (the partner's own team, results ... pages)

A partner is a page, not a snippet, so that Wagtail's page permissions give each partner's
group its own subtree. `PartnerAccess` remembers, per partner (all translations alike), the
group and collection that `manage.py add_partner_editor` or the admin action set up.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Collection, Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import BasePage, ProjectPage
from home.pages.addresses import absolute_url
from home.pages.blocks import BodyBlock
from home.pages.models import every_page
from home.pages.optional_apps import news_tags_available

from .listing import consortium_listing
from .vocabulary import ConsortiumRole, OrganisationType

__all__ = [
    "ConsortiumRole",
    "OrganisationType",
    "PartnerAccess",
    "PartnerIndexPage",
    "PartnerPage",
    "PartnerProjectRole",
]


class PartnerIndexPage(BasePage):
    """The consortium: lists the partner pages of its language, the coordinator first, then
    by country and name, with filters by country, organisation type and project."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.PartnerPage"]
    # The query parameters its listing reads (listing.PartnerFilterForm, pagination): the page
    # cache stores no response to a request with others (home/pagecache/cache.py).
    cache_query_params = ("country", "type", "project", "page")
    # Per parent, not `max_count`: that would count the index in every language and so
    # forbid translating it.
    max_count_per_parent = 1

    override_translatable_fields = [TranslatableField("intro")]

    class Meta:
        verbose_name = _("partner index page")
        verbose_name_plural = _("partner index pages")

    def partners(self, project=None):
        """The live, public partner pages of this index (its language), those taking part in
        `project` (in any of its languages) when given."""
        partners = PartnerPage.objects.visible(self.locale_id).child_of(self)
        if project is not None:
            partners = partners.filter(
                pk__in=PartnerProjectRole.objects.filter(
                    project__translation_key=project.translation_key
                ).values("partner_id")
            )
        return partners

    def project_keys(self):
        """The translation keys of the projects this index's partners take part in (a
        partner may link to the project's page in another language), as a subquery."""
        return PartnerProjectRole.objects.filter(
            partner__path__startswith=self.path, partner__locale_id=self.locale_id
        ).values("project__translation_key")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(consortium_listing(self, request))
        return context


class PartnerPage(BasePage):
    """One partner organisation of the consortium: who it is, where, its role, its news and
    projects. Its subtree belongs to the partner's editor group."""

    organisation_name = models.CharField(
        _("organisation name"),
        max_length=255,
        help_text=_("The organisation's full name, as it writes it."),
    )
    short_name = models.CharField(
        _("short name"),
        max_length=64,
        blank=True,
        help_text=_("Acronym or short name, e.g. SCS."),
    )
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The image's description is used as its alternative text."),
    )
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=255, blank=True)
    organisation_type = models.CharField(
        _("organisation type"),
        max_length=32,
        choices=OrganisationType.choices,
        blank=True,
        help_text=_("Leave empty if it is not known."),
    )
    role = models.CharField(
        _("role in the consortium"),
        max_length=32,
        choices=ConsortiumRole.choices,
        default=ConsortiumRole.PARTNER,
    )
    website = models.URLField(_("website"), blank=True)
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences, shown in lists.")
    )
    contact_name = models.CharField(_("contact person"), max_length=255, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=64, blank=True)
    description = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("short_name"),
                FieldPanel("logo"),
                FieldRowPanel([FieldPanel("organisation_type"), FieldPanel("role")]),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("country"), FieldPanel("city")]), FieldPanel("website")],
            heading=_("Location and website"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact (optional, shown only if filled)"),
        ),
        FieldPanel("intro"),
        FieldPanel("description"),
        InlinePanel(
            "project_roles",
            heading=_("Projects"),
            label=_("Project"),
            help_text=_("The projects this organisation takes part in, and its role in each."),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("organisation_name"),
        index.SearchField("short_name"),
        index.SearchField("city"),
        index.SearchField("intro"),
        index.SearchField("description"),
        index.FilterField("country"),
        index.FilterField("organisation_type"),
        index.FilterField("role"),
    ]

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = ["home.StandardPage"]

    # What a translator translates and what every language shares. Names are shared but a
    # translator may override them (a university's name has an official form in each
    # language); codes, links, the logo and the contact details are the same everywhere.
    override_translatable_fields = [
        SynchronizedField("organisation_name", overridable=True),
        SynchronizedField("short_name", overridable=True),
        SynchronizedField("logo"),
        SynchronizedField("country"),
        TranslatableField("city"),
        SynchronizedField("organisation_type"),
        SynchronizedField("role"),
        SynchronizedField("website"),
        TranslatableField("intro"),
        SynchronizedField("contact_name"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
        TranslatableField("description"),
        SynchronizedField("project_roles"),
    ]

    class Meta:
        verbose_name = _("partner page")
        verbose_name_plural = _("partner pages")

    def __str__(self):
        return self.title

    @property
    def display_name(self):
        if self.short_name and self.short_name != self.organisation_name:
            return f"{self.organisation_name} ({self.short_name})"
        return self.organisation_name

    @property
    def country_name(self):
        """The country's name in the active language."""
        return self.country.name if self.country else ""

    def get_social_image(self):
        return self.social_image or self.logo

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["organisation_json_ld"] = self.json_ld(request)
        context["subpages"] = list(every_page().child_of(self).visible().in_menu())
        context["partner_projects"] = self.projects_in_active_language()
        context["news_tags_available"] = news_tags_available()
        # Sections other apps add to the page (the events it organises, say) through the
        # `partner_page_sections` hook: each function takes the partner page and the request
        # and returns a dict with a `template` key and its context, or None.
        context["partner_sections"] = [
            section
            for section_for in hooks.get_hooks("partner_page_sections")
            if (section := section_for(self, request))
        ]
        return context

    def projects_in_active_language(self):
        """The partner's projects, each as {project, role, role_label}, in the page's
        language (the linked page itself where it has no live translation); two queries."""
        roles = list(self.project_roles.select_related("project"))
        if not roles:
            return []
        # In this page's language, else the source-language page, if the public may see it.
        shown = ProjectPage.objects.translations_for(
            [role.project.translation_key for role in roles], self.locale_id
        )
        items = []
        for role in roles:
            project = shown.get(role.project.translation_key)
            if project is not None:
                items.append(
                    {"project": project, "role": role.role, "role_label": role.get_role_display()}
                )
        return items

    def has_contact(self):
        return bool(self.contact_name or self.contact_email or self.contact_phone)

    def json_ld(self, request=None):
        """schema.org Organization, as a dict; the template serialises and escapes it."""
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.organisation_name,
            "url": absolute_url(request, self),
            "address": {
                "@type": "PostalAddress",
                "addressCountry": str(self.country),
            },
        }
        if self.short_name:
            data["alternateName"] = self.short_name
        if self.city:
            data["address"]["addressLocality"] = self.city
        if self.website:
            data["sameAs"] = [self.website]
        if self.get_summary():
            data["description"] = self.get_summary()
        if self.contact_email or self.contact_phone:
            point = {"@type": "ContactPoint"}
            if self.contact_name:
                point["name"] = self.contact_name
            if self.contact_email:
                point["email"] = self.contact_email
            if self.contact_phone:
                point["telephone"] = self.contact_phone
            data["contactPoint"] = point
        if self.logo_id and request is not None:
            rendition = self.logo.get_rendition("max-600x600")
            data["logo"] = request.build_absolute_uri(rendition.url)
        return data


class PartnerProjectRole(Orderable):
    """A partner's part in a project of the family. Shared by every translation of the
    partner page (synchronised); a project page lists them as `project.partner_roles`."""

    partner = ParentalKey(PartnerPage, on_delete=models.CASCADE, related_name="project_roles")
    project = models.ForeignKey(
        "home.ProjectPage",
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="partner_roles",
    )
    role = models.CharField(
        _("role in the project"),
        max_length=32,
        choices=ConsortiumRole.choices,
        default=ConsortiumRole.PARTNER,
    )

    panels = [FieldPanel("project"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("project role")
        verbose_name_plural = _("project roles")

    def __str__(self):
        return f"{self.partner} – {self.project} ({self.get_role_display()})"


class PartnerAccess(models.Model):
    """What the self-service set-up created for one partner organisation: its editor group
    and its collection. Keyed by the partner page's translation key, so that it covers the
    partner page in every language, including translations made later."""

    translation_key = models.UUIDField(_("translation key"), unique=True)
    group = models.OneToOneField(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="partner_access"
    )
    collection = models.OneToOneField(
        Collection,
        verbose_name=_("collection"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="partner_access",
    )
    moderated = models.BooleanField(
        _("moderated"),
        default=True,
        help_text=_(
            "Moderated partners submit their changes for approval; unmoderated ones may "
            "publish them."
        ),
    )

    class Meta:
        verbose_name = _("partner access")
        verbose_name_plural = _("partner accesses")

    def __str__(self):
        return self.group.name

    def partner_pages(self):
        return PartnerPage.objects.filter(translation_key=self.translation_key)

    def source_page(self):
        """The partner page in the default language, or in any language if it has none."""
        pages = list(self.partner_pages().select_related("locale"))
        for page in pages:
            if page.locale.language_code == settings.LANGUAGE_CODE:
                return page
        return pages[0] if pages else None
