"""The base app's models, defined in its packages and gathered here, where Django looks for
them (the app label stays `home`): the pages, image, snippet and settings of `home.pages`
the project family of `home.projects`, the scheduler's jobs of `home.operations` and the
content generation of `home.pagecache`. Other apps may import them from here."""

from home.contact.models import ContactFormField, ContactFormPage
from home.legal.models import LegalPages
from home.operations.models import ScheduledJob
from home.pagecache.models import ContentGeneration
from home.pages.models import (
    BasePage,
    FundingStatement,
    HomePage,
    PortalImage,
    PortalPageManager,
    PortalPageQuerySet,
    PortalRendition,
    SiteSettings,
    StandardPage,
)
from home.projects.models import (
    AbstractResult,
    ProjectFact,
    ProjectIndexPage,
    ProjectPage,
    ProjectRelation,
    ProjectResult,
    ProjectStatus,
    RelationType,
    validate_grant_number,
)

__all__ = [
    "AbstractResult",
    "ContactFormField",
    "ContactFormPage",
    "LegalPages",
    "BasePage",
    "ContentGeneration",
    "FundingStatement",
    "HomePage",
    "PortalImage",
    "PortalPageManager",
    "PortalPageQuerySet",
    "PortalRendition",
    "ProjectFact",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectRelation",
    "ProjectResult",
    "ProjectStatus",
    "RelationType",
    "ScheduledJob",
    "SiteSettings",
    "StandardPage",
    "validate_grant_number",
]
