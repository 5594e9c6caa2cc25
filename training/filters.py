"""The training catalogue's filters: a plain GET form (no JavaScript needed). A value that is
not one of the offered choices is ignored and reported to the visitor, never an error page."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from home.models import ProjectPage

from .vocabulary import Format, Language, Level, Theme


class TrainingFilterForm(forms.Form):
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)
    project = forms.ChoiceField(label=_("Project"), required=False)

    def __init__(self, *args, language_choices=(), project_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        any_choice = [("", _("Any"))]
        self.fields["theme"].choices = any_choice + list(Theme.choices)
        self.fields["level"].choices = any_choice + list(Level.choices)
        self.fields["format"].choices = any_choice + list(Format.choices)
        self.fields["language"].choices = any_choice + list(language_choices)
        self.fields["project"].choices = any_choice + list(project_choices)


class TrainingFilter:
    """Builds the form from what the catalogue offers and applies its valid values to the
    resources; `ignored` lists the messages for values that were ignored."""

    fields = ("theme", "level", "language", "format", "project")

    def __init__(self, data, *, index_page, resources):
        languages = Language.objects.filter(training_resources__in=resources).distinct()
        # The origin projects as the resources show them: in the index's language, else in
        # the source language, if the public may see them (ProjectPage.objects.translations_for).
        shown = ProjectPage.objects.translations_for(
            resources.filter(origin_project__isnull=False).values(
                "origin_project__translation_key"
            ),
            index_page.locale_id,
        )
        projects = sorted(
            shown.values(), key=lambda project: (project.title.casefold(), project.pk)
        )
        self.projects = {str(project.pk): project for project in projects}
        data = {name: data.get(name, "") for name in self.fields}
        self.form = TrainingFilterForm(
            data,
            language_choices=sorted(
                ((language.code, language.name) for language in languages),
                key=lambda choice: str(choice[1]),
            ),
            project_choices=[(pk, project.title) for pk, project in self.projects.items()],
        )
        self.form.is_valid()
        self.ignored = [
            gettext("The value “%(value)s” is not a known %(field)s and was ignored.")
            % {"value": data[name], "field": str(self.form.fields[name].label).lower()}
            for name in self.fields
            if name in self.form.errors
        ]
        self.active = {
            name: value
            for name, value in self.form.cleaned_data.items()
            if value and name not in self.form.errors
        }
        self.queryset = self.apply(resources)

    def apply(self, resources):
        active = self.active
        if "theme" in active:
            resources = resources.filter(theme=active["theme"])
        if "level" in active:
            resources = resources.filter(level=active["level"])
        if "format" in active:
            resources = resources.filter(format=active["format"])
        if "language" in active:
            resources = resources.filter(languages__code=active["language"])
        if "project" in active:
            project = self.projects[active["project"]]
            resources = resources.filter(origin_project__translation_key=project.translation_key)
        return resources

    @property
    def is_filtered(self):
        return bool(self.active)
