"""The consortium listing on the partner index: its filters, its order and its pages.

A fixed number of queries whatever the number of partners: one for the filter choices, one
for the view restrictions (`public()`), the count and the page of partners with their logos,
one for the logos' renditions, and the project choices and project filter when projects exist.
The order (coordinator first, then country name in the visitor's language, then name) is
computed by the database, so only the requested page is loaded."""

from django import forms
from django.conf import settings
from django.db.models import Case, IntegerField, Value, When
from django.db.models.functions import Lower
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from home.models import ProjectPage
from home.pages.pagination import paginate

from .vocabulary import ConsortiumRole, OrganisationType


class PartnerFilterForm(forms.Form):
    """The GET form above the list. Every choice is optional; a value that is not one of the
    choices is dropped and reported, never an error page."""

    country = forms.ChoiceField(label=_("Country"), required=False)
    type = forms.ChoiceField(label=_("Organisation type"), required=False)
    project = forms.ChoiceField(label=_("Project"), required=False)

    def __init__(self, data, *, country_codes, type_codes, projects):
        super().__init__(data)
        everything = [("", gettext("All"))]
        country_choices = sorted(
            ((code, countries.name(code)) for code in country_codes),
            key=lambda item: item[1].casefold(),
        )
        self.fields["country"].choices = everything + country_choices
        self.fields["type"].choices = everything + [
            (value, label) for value, label in OrganisationType.choices if value in type_codes
        ]
        self.projects = {str(project.pk): project for project in projects}
        self.fields["project"].choices = everything + [
            (str(project.pk), project.title) for project in projects
        ]

    def shown_fields(self):
        """The fields worth showing: those with something to choose."""
        return [field for field in self if len(field.field.choices) > 1]

    def cleaned_or_ignored(self):
        """The valid filters, and the labels of the fields whose values were ignored."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        ignored = [self.fields[name].label for name in self.errors]
        return {name: value for name, value in cleaned.items() if value}, ignored


def _projects_with_partners(index):
    """The projects that have partners of this index (a partner may link to the project's
    page in another language), each in the index's language, else in the source language
    (the fallback every page uses: ProjectPage.objects.translations_for), by title."""
    shown = ProjectPage.objects.translations_for(index.project_keys(), index.locale_id)
    return sorted(shown.values(), key=lambda project: (project.title.casefold(), project.pk))


def ordered(partners, country_codes):
    """The coordinator first, then by country (its name in the active language) and name."""
    by_name = sorted(country_codes, key=lambda code: countries.name(code).casefold())
    country_rank = Case(
        *[When(country=code, then=Value(rank)) for rank, code in enumerate(by_name)],
        default=Value(len(by_name)),
        output_field=IntegerField(),
    )
    coordinator_first = Case(
        When(role=ConsortiumRole.COORDINATOR, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return partners.annotate(
        coordinator_rank=coordinator_first, country_rank=country_rank
    ).order_by("coordinator_rank", "country_rank", Lower("organisation_name"), "pk")


def consortium_listing(index, request):
    """The listing's context for the partner index `index` (a PartnerIndexPage, whose
    partners() and project_keys() give the pages and projects: the page types use this
    module, so it does not import them)."""
    partners = index.partners()
    choices = set(partners.order_by().values_list("country", "organisation_type").distinct())
    projects = _projects_with_partners(index)
    country_codes = {country for country, _type in choices}
    form = PartnerFilterForm(
        request.GET or None,
        country_codes=country_codes,
        type_codes={kind for _country, kind in choices if kind},
        projects=projects,
    )
    filters, ignored = form.cleaned_or_ignored() if form.is_bound else ({}, [])
    if "project" in filters:
        partners = index.partners(project=form.projects[filters["project"]])
    if "country" in filters:
        partners = partners.filter(country=filters["country"])
    if "type" in filters:
        partners = partners.filter(organisation_type=filters["type"])
    partners = ordered(
        partners.select_related("logo").prefetch_related("logo__renditions"), country_codes
    )
    page_obj = paginate(request, partners, settings.PARTNERS_PAGE_SIZE)
    return {
        "partners": list(page_obj.object_list),
        "page_obj": page_obj,
        "filter_form": form,
        "ignored_filters": ignored,
        "is_filtered": bool(filters),
    }
