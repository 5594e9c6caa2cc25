"""Pages, snippets and settings of the base app.

Page tree (one per locale, kept in step by wagtail-localize):

    Root
    └── HomePage (one per language: /en/, /fr/, /es/, /hu/)
        ├── StandardPage (about, privacy, accessibility, legal notice, contact)
        │   └── StandardPage
        └── the section index pages of news, projects, training and partners
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.pages import routing
from home.pages.blocks import BodyBlock
from home.pages.visibility import private_q


class PortalImage(AbstractImage):
    """The site's image model: Wagtail's image plus a credit line. Its `description` is the
    alternative text used wherever the image is shown."""

    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Photographer or rights holder, shown beside the image."),
    )

    admin_form_fields = Image.admin_form_fields + ("credit",)


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class PortalPageQuerySet(PageQuerySet):
    """The portal's page queryset: the one definition of what the public may see.

    Every public reader (listings, related pages, the language switcher and hreflang, the
    sitemap, search, feeds, JSON-LD) selects pages with `visible()`, and every "in the reader's
    language, else the original" link with `translations_for()`. Expiry is not checked here:
    Wagtail's `publish_scheduled` (run by the product's scheduler) unpublishes expired pages, so
    `live` is the whole rule."""

    def private_q(self):
        # Wagtail's condition (the page or an ancestor has a view restriction: password, login
        # or groups), from one reading of the restrictions per request (home.pages.visibility).
        return private_q()

    def visible(self, locale=None):
        """Pages the public may see: live and public (no view restriction on the page or any
        ancestor); only those in `locale` (a Locale or its id) when given."""
        pages = self.live().public()
        if locale is not None:
            pages = pages.filter(locale_id=getattr(locale, "pk", locale))
        return pages

    def translations_for(self, translation_keys, locale):
        """The documented fallback, written once: for each translation key, the page in
        `locale` if the public may see it, else the page in the source language
        (settings.LANGUAGE_CODE) if the public may see that one; a key with neither is left
        out. Aliases are never chosen. One query.

        Returns {translation_key: page}, in the order of `translation_keys` (a list), or in the
        queryset's order when the keys are given as a subquery."""
        ordered = not hasattr(translation_keys, "query")
        if ordered:
            translation_keys = list(dict.fromkeys(translation_keys))
            if not translation_keys:
                return {}
        locale_id = getattr(locale, "pk", locale)
        source = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        rows = (
            self.visible()
            .filter(alias_of__isnull=True, translation_key__in=translation_keys)
            .filter(Q(locale_id=locale_id) | Q(locale__language_code=source))
        )
        chosen = {}
        for row in rows:
            if row.locale_id == locale_id or row.translation_key not in chosen:
                chosen[row.translation_key] = row
        if ordered:
            return {key: chosen[key] for key in translation_keys if key in chosen}
        return chosen


class PortalPageManager(PageManager.from_queryset(PortalPageQuerySet)):
    pass


def every_page():
    """Pages of every type (wagtailcore.Page) through the portal's queryset, for readers that
    are not about one page type (the switcher, the sitemap, search, links to any page)."""
    return PortalPageQuerySet(model=Page)


class BasePage(Page):
    """Abstract base of every page type: the listing fields used when a page is shown in a
    list or shared (title, summary, image) on top of Wagtail's SEO fields."""

    objects = PortalPageManager()

    # Joined when the page is routed to (home.pages.routing): the foreign keys its template shows.
    serve_select_related = ()
    # The query parameters the page reads (a listing's filters and page number): the page
    # cache keys on these and stores no response to a request with any other
    # (home/pagecache/cache.py). None by default.
    cache_query_params = ()

    listing_summary = models.TextField(
        _("listing summary"),
        blank=True,
        help_text=_("Shown in lists, search results and link previews. Defaults to the intro."),
    )
    social_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared. Defaults to the page's main image."),
    )

    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [FieldPanel("listing_summary"), FieldPanel("social_image")],
            heading=_("Listing and sharing"),
        ),
    ]

    search_fields = Page.search_fields + [index.SearchField("listing_summary")]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        # HomePage.route() (home.pages.routing) has already checked in SQL that nothing
        # restricts a page it routed to.
        known = getattr(self, "portal_view_restrictions", None)
        return known if known is not None else super().get_view_restrictions()

    def get_summary(self):
        return self.listing_summary or getattr(self, "intro", "") or self.search_description

    def get_social_image(self):
        return self.social_image


class HomePage(BasePage):
    """The root of each language's tree and the site's front page."""

    hero_heading = models.CharField(_("hero heading"), max_length=255, blank=True)
    intro = models.TextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("intro"), FieldPanel("hero_image")],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_social_image(self):
        return self.social_image or self.hero_image

    def route(self, request, path_components):
        """Wagtail's routing below the home (documented as overridable; Wagtail's serve view
        calls it on the site's root in the active language): the whole path in one query
        (home.pages.routing), Wagtail's own routing where that cannot answer the same way."""
        try:
            return routing.route(self, request, path_components)
        except routing.CannotRoute:
            return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        """Sections that other apps add to the home page (latest news, projects, training)
        through the `home_page_sections` hook: each function takes the home page and the
        request and returns a dict with a `template` key and its context, or None."""
        context = super().get_context(request, *args, **kwargs)
        # Built only when the template renders them: its fragment cache keeps them until
        # content changes (home.pagecache.fragments).
        context["home_sections"] = SimpleLazyObject(
            lambda: [
                section
                for section_for in hooks.get_hooks("home_page_sections")
                if (section := section_for(self, request))
            ]
        )
        context["has_home_sections"] = True
        return context


class StandardPage(BasePage):
    """A plain content page: about, privacy, accessibility statement, legal notice, contact."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage", "partners.PartnerPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class FundingStatement(TranslatableMixin, models.Model):
    """The EU funding acknowledgement: the footer of every page shows the site's statement, and
    a project page can show its own (a COSME project is worded differently from Erasmus+)."""

    name = models.CharField(
        _("name"), max_length=255, help_text=_("For editors, to tell statements apart.")
    )
    programme = models.CharField(_("programme"), max_length=255, help_text=_("e.g. Erasmus+"))
    grant_agreement_number = models.CharField(
        _("grant agreement number"), max_length=64, blank=True
    )
    statement = RichTextField(
        _("statement"),
        features=["bold", "italic", "link"],
        help_text=_("The acknowledgement as required by the programme, in this language."),
    )
    disclaimer = models.TextField(
        _("disclaimer"),
        blank=True,
        help_text=_("The programme's standard disclaimer on views and opinions expressed."),
    )
    show_emblem = models.BooleanField(_("show the EU emblem"), default=True)

    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("programme"),
        SynchronizedField("grant_agreement_number"),
        TranslatableField("statement"),
        TranslatableField("disclaimer"),
        SynchronizedField("show_emblem"),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("programme"),
        FieldPanel("grant_agreement_number"),
        FieldPanel("statement"),
        FieldPanel("disclaimer"),
        FieldPanel("show_emblem"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("funding statement")
        verbose_name_plural = _("funding statements")

    def __str__(self):
        return self.name


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Site-wide choices staff make once per site; the chosen snippets are shown in the
    visitor's language."""

    funding_statement = models.ForeignKey(
        FundingStatement,
        verbose_name=_("funding statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the footer of every page, in the page's language."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    panels = [FieldPanel("funding_statement"), FieldPanel("contact_email")]

    class Meta:
        verbose_name = _("site settings")
