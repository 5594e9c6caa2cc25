"""The project family: ProjectIndexPage, ProjectPage, their relations, facts and results.

Migrations name `home.projects.language_choices` and `home.projects.validate_grant_number`
(from when the family was one module): they stay reachable here."""

from home.projects.models import language_choices, validate_grant_number

__all__ = ["language_choices", "validate_grant_number"]
