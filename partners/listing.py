"""The consortium listing on the partner index: its filters and its order.

A fixed number of queries whatever the number of partners: one for the filter choices, one
for the view restrictions (`public()`), one for the partners with their logos, one for the
logos' renditions, and the project choices and project filter when projects exist."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from home.models import ProjectPage

from .models import ConsortiumRole, OrganisationType, PartnerPage, PartnerProjectRole


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
    """The live project pages of the index's language that have partners of this index
    (a partner may link to the project's page in another language)."""
    linked_keys = PartnerProjectRole.objects.filter(
        partner__path__startswith=index.path, partner__locale_id=index.locale_id
    ).values("project__translation_key")
    return list(
        ProjectPage.objects.live()
        .public()
        .filter(locale_id=index.locale_id, translation_key__in=linked_keys)
        .order_by("title")
    )


def sort_key(partner):
    """The coordinator first, then by country (its name in the active language) and name."""
    return (
        partner.role != ConsortiumRole.COORDINATOR,
        partner.country_name.casefold(),
        partner.organisation_name.casefold(),
    )


def consortium_listing(index, request):
    partners = PartnerPage.objects.live().public().child_of(index).filter(locale=index.locale)
    choices = set(partners.values_list("country", "organisation_type"))
    projects = _projects_with_partners(index)
    form = PartnerFilterForm(
        request.GET or None,
        country_codes={country for country, _type in choices},
        type_codes={kind for _country, kind in choices},
        projects=projects,
    )
    filters, ignored = form.cleaned_or_ignored() if form.is_bound else ({}, [])
    if "country" in filters:
        partners = partners.filter(country=filters["country"])
    if "type" in filters:
        partners = partners.filter(organisation_type=filters["type"])
    if "project" in filters:
        project = form.projects[filters["project"]]
        partners = partners.filter(
            project_roles__project__translation_key=project.translation_key
        ).distinct()
    partners = sorted(
        partners.select_related("logo").prefetch_related("logo__renditions"), key=sort_key
    )
    return {
        "partners": partners,
        "filter_form": form,
        "ignored_filters": ignored,
        "is_filtered": bool(filters),
    }
