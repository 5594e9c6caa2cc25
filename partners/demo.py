"""Demo content of the partners section: the whole Cluster4Smart consortium (seven
organisations, the coordinator first) in English with French, Spanish and Hungarian
translations, and partner editors for two of them (SCS and AMUEBLA, set up by the same code as
`manage.py add_partner_editor`), so that each can be seen editing only its own pages.

Only the facts the project's publications support are stated (the seed article and the
consortium list gathered for the demo): each organisation's name, country, city where given
and role. No description, website or organisation type was verified for the partners: those
fields are left empty rather than guessed."""

from home.demo.content import DEMO_PASSWORD
from home.models import ProjectPage

from .access import grant_partner_access
from .models import (
    ConsortiumRole,
    OrganisationType,
    PartnerIndexPage,
    PartnerPage,
    PartnerProjectRole,
)

ORDER = 20

INDEX = {
    "title": "Partners",
    "show_in_menus": True,
    "intro": (
        "The organisations of the Cluster4Smart consortium. Each partner keeps its own page up "
        "to date, and the coordinator's communications team approves the changes."
    ),
}

SCS_INTRO = "The coordinator of Cluster4Smart."
SCS_PARAGRAPHS = [
    "SCS launched and led the European Cluster4Smart project, from September 2017 to May 2020, "
    "drawing on its experience in digital technologies, communication and project management.",
]
SCS = {
    "title": "Pôle SCS",
    "organisation_name": "Pôle SCS – Solutions Communicantes Sécurisées",
    "short_name": "SCS",
    "country": "FR",
    "organisation_type": OrganisationType.CLUSTER,  # a pôle (cluster), as its name says
    "role": ConsortiumRole.COORDINATOR,
    "intro": SCS_INTRO,
}
PARTNER_INTRO = "A partner of the Cluster4Smart consortium."
# The other six partners, as the consortium list gives them (name, country, city if given).
PARTNERS = [
    {"slug": "amuebla", "title": "AMUEBLA", "country": "ES", "city": "Murcia"},
    {"slug": "archenerg", "title": "ArchEnerg", "country": "HU", "city": "Szeged"},
    {"slug": "ceei-burgos", "title": "CEEI Burgos", "country": "ES", "city": "Burgos"},
    {"slug": "gnomon", "title": "gnomon", "country": "FR"},
    {"slug": "ikosz", "title": "IKOSZ", "country": "HU"},
    {
        "slug": "universite-de-strasbourg",
        "title": "Université de Strasbourg",
        "country": "FR",
        "city": "Strasbourg",
        "organisation_type": OrganisationType.UNIVERSITY,  # as its name says
    },
]
# The second partner with an editor login, beside the coordinator.
SECOND_EDITOR = {"slug": "amuebla", "username": "partner-amuebla"}
SCS_ROLE_LABEL = "Partner editor (SCS)"
AMUEBLA_ROLE_LABEL = "Partner editor (AMUEBLA)"

# Names are the organisations' own, the same in every language; slugs stay as they are.
SHARED = {
    "Pôle SCS": "Pôle SCS",
    "scs": "scs",
    "Szeged": "Szeged",
    "Burgos": "Burgos",
    **{spec["title"]: spec["title"] for spec in PARTNERS},
    **{spec["slug"]: spec["slug"] for spec in PARTNERS},
}
SCS_LED = SCS_PARAGRAPHS[0]
CATALOGUES = {
    "fr": {
        **SHARED,
        "Partners": "Partenaires",
        "partners": "partenaires",
        INDEX["intro"]: (
            "Les organisations du consortium Cluster4Smart. Chaque partenaire tient sa propre "
            "page à jour, et l’équipe de communication du coordinateur valide les modifications."
        ),
        SCS_INTRO: "Le coordinateur de Cluster4Smart.",
        PARTNER_INTRO: "Partenaire du consortium Cluster4Smart.",
        "About SCS": "À propos de SCS",
        SCS_LED: (
            "SCS a lancé et piloté le projet européen Cluster4Smart, de septembre 2017 à mai "
            "2020, en s’appuyant sur son expérience des technologies numériques, de la "
            "communication et de la gestion de projet."
        ),
        "Murcia": "Murcie",
        "Strasbourg": "Strasbourg",
    },
    "es": {
        **SHARED,
        "Partners": "Socios",
        "partners": "socios",
        INDEX["intro"]: (
            "Las organizaciones del consorcio Cluster4Smart. Cada socio mantiene actualizada su "
            "propia página, y el equipo de comunicación del coordinador aprueba los cambios."
        ),
        SCS_INTRO: "El coordinador de Cluster4Smart.",
        PARTNER_INTRO: "Socio del consorcio Cluster4Smart.",
        "About SCS": "Acerca de SCS",
        SCS_LED: (
            "SCS puso en marcha y dirigió el proyecto europeo Cluster4Smart, de septiembre de "
            "2017 a mayo de 2020, aprovechando su experiencia en tecnologías digitales, "
            "comunicación y gestión de proyectos."
        ),
        "Murcia": "Murcia",
        "Strasbourg": "Estrasburgo",
    },
    "hu": {
        **SHARED,
        "Partners": "Partnerek",
        "partners": "partnerek",
        INDEX["intro"]: (
            "A Cluster4Smart konzorcium szervezetei. Minden partner maga tartja naprakészen a "
            "saját oldalát, a változtatásokat pedig a koordinátor kommunikációs csapata hagyja "
            "jóvá."
        ),
        SCS_INTRO: "A Cluster4Smart koordinátora.",
        PARTNER_INTRO: "A Cluster4Smart konzorcium partnere.",
        "About SCS": "Az SCS-ről",
        SCS_LED: (
            "Az SCS indította el és vezette az európai Cluster4Smart projektet 2017 "
            "szeptemberétől 2020 májusáig, a digitális technológiák, a kommunikáció és a "
            "projektmenedzsment terén szerzett tapasztalatára támaszkodva."
        ),
        "Murcia": "Murcia",
        "Strasbourg": "Strasbourg",
    },
}


def _link_project(demo, partner, slug, role):
    """Record the partner's role in the project of this slug, if the projects demo made it
    (before the page is translated, so that the translations share the link)."""
    project = ProjectPage.objects.filter(slug=slug, locale=demo.source_locale).first()
    if project is None:
        demo.log(f"  no project “{slug}” to link {partner.short_name} to; skipped")
        return
    if partner.project_roles.filter(project__translation_key=project.translation_key).exists():
        return
    partner.project_roles.add(PartnerProjectRole(project=project, role=role))
    partner.save_revision().publish()
    demo.created += 1
    demo.log(f"  linked {partner.short_name} to the project {project.title}")


def _editor(demo, partner, username, role_label):
    """The partner's editor group (add_partner_editor's code path) and a demo login in it."""
    result = grant_partner_access(partner)
    for item in result.created:
        demo.created += 1
        demo.log(f"  partner editing for {partner.short_name or partner.title}: created {item}")
    demo.user(username, DEMO_PASSWORD, groups=[result.group.name], role=role_label)


def seed(demo):
    index = demo.page(demo.home, PartnerIndexPage, "partners", **INDEX)
    demo.translate(index, CATALOGUES)

    scs = demo.page(
        index,
        PartnerPage,
        "scs",
        description=[
            ("heading", {"text": "About SCS", "level": "h2"}),
            *[("paragraph", f"<p>{paragraph}</p>") for paragraph in SCS_PARAGRAPHS],
        ],
        **SCS,
    )
    _link_project(demo, scs, "cluster4smart", ConsortiumRole.COORDINATOR)
    demo.translate(scs, CATALOGUES)

    pages = {"scs": scs}
    for spec in PARTNERS:
        fields = {key: value for key, value in spec.items() if key != "slug"}
        fields.setdefault("organisation_type", "")
        page = demo.page(
            index,
            PartnerPage,
            spec["slug"],
            organisation_name=spec["title"],
            role=ConsortiumRole.PARTNER,
            intro=PARTNER_INTRO,
            **fields,
        )
        _link_project(demo, page, "cluster4smart", ConsortiumRole.PARTNER)
        demo.translate(page, CATALOGUES)
        pages[spec["slug"]] = page

    _editor(demo, scs, "partner", SCS_ROLE_LABEL)
    _editor(demo, pages[SECOND_EDITOR["slug"]], SECOND_EDITOR["username"], AMUEBLA_ROLE_LABEL)
