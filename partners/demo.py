"""Demo content of the partners section: the Cluster4Smart consortium index and its
coordinator's page, in English with French, Spanish and Hungarian translations, the partner
editor group of the coordinator (set up by the same code as `manage.py add_partner_editor`)
and a demo partner editor login.

Only facts the project's own publications support are stated: SCS, the French
competitiveness cluster for secure communicating solutions, coordinated the project. The
other partners keep their own pages; they are not invented here."""

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

SCS_INTRO = (
    "A French competitiveness cluster for secure communicating solutions, and the coordinator "
    "of Cluster4Smart."
)
SCS_PARAGRAPHS = [
    "SCS is a French competitiveness cluster (pôle de compétitivité) for secure communicating "
    "solutions, with sites in Sophia Antipolis and Rousset in the Provence-Alpes-Côte d’Azur "
    "region. It brings together companies, research laboratories and training organisations "
    "working with digital technologies.",
    "SCS launched and led the European Cluster4Smart project, from September 2017 to May 2020, "
    "drawing on its experience in digital technologies, communication and project management.",
]
SCS = {
    "title": "Pôle SCS",
    "organisation_name": "Pôle SCS – Solutions Communicantes Sécurisées",
    "short_name": "SCS",
    "country": "FR",
    "city": "Sophia Antipolis",
    "organisation_type": OrganisationType.CLUSTER,
    "role": ConsortiumRole.COORDINATOR,
    "website": "https://www.pole-scs.org/",
    "intro": SCS_INTRO,
}
SCS_ROLE_LABEL = "Partner editor (SCS)"

CATALOGUES = {
    "fr": {
        "Partners": "Partenaires",
        "partners": "partenaires",
        INDEX["intro"]: (
            "Les organisations du consortium Cluster4Smart. Chaque partenaire tient sa propre "
            "page à jour, et l’équipe de communication du coordinateur valide les modifications."
        ),
        "Pôle SCS": "Pôle SCS",
        "scs": "scs",
        "Sophia Antipolis": "Sophia Antipolis",
        SCS_INTRO: (
            "Un pôle de compétitivité français des solutions communicantes sécurisées, "
            "coordinateur de Cluster4Smart."
        ),
        "About SCS": "À propos de SCS",
        SCS_PARAGRAPHS[0]: (
            "SCS est un pôle de compétitivité français des solutions communicantes sécurisées, "
            "implanté à Sophia Antipolis et à Rousset, en région Provence-Alpes-Côte d’Azur. Il "
            "rassemble des entreprises, des laboratoires de recherche et des organismes de "
            "formation qui travaillent avec les technologies numériques."
        ),
        SCS_PARAGRAPHS[1]: (
            "SCS a lancé et piloté le projet européen Cluster4Smart, de septembre 2017 à mai "
            "2020, en s’appuyant sur son expérience des technologies numériques, de la "
            "communication et de la gestion de projet."
        ),
    },
    "es": {
        "Partners": "Socios",
        "partners": "socios",
        INDEX["intro"]: (
            "Las organizaciones del consorcio Cluster4Smart. Cada socio mantiene actualizada su "
            "propia página, y el equipo de comunicación del coordinador aprueba los cambios."
        ),
        "Pôle SCS": "Pôle SCS",
        "scs": "scs",
        "Sophia Antipolis": "Sophia Antipolis",
        SCS_INTRO: (
            "Un polo de competitividad francés de soluciones comunicantes seguras, coordinador "
            "de Cluster4Smart."
        ),
        "About SCS": "Acerca de SCS",
        SCS_PARAGRAPHS[0]: (
            "SCS es un polo de competitividad francés de soluciones comunicantes seguras, con "
            "sedes en Sophia Antipolis y Rousset, en la región de Provenza-Alpes-Costa Azul. "
            "Reúne a empresas, laboratorios de investigación y organismos de formación que "
            "trabajan con tecnologías digitales."
        ),
        SCS_PARAGRAPHS[1]: (
            "SCS puso en marcha y dirigió el proyecto europeo Cluster4Smart, de septiembre de "
            "2017 a mayo de 2020, aprovechando su experiencia en tecnologías digitales, "
            "comunicación y gestión de proyectos."
        ),
    },
    "hu": {
        "Partners": "Partnerek",
        "partners": "partnerek",
        INDEX["intro"]: (
            "A Cluster4Smart konzorcium szervezetei. Minden partner maga tartja naprakészen a "
            "saját oldalát, a változtatásokat pedig a koordinátor kommunikációs csapata hagyja "
            "jóvá."
        ),
        "Pôle SCS": "Pôle SCS",
        "scs": "scs",
        "Sophia Antipolis": "Sophia Antipolis",
        SCS_INTRO: (
            "A biztonságos kommunikációs megoldások francia versenyképességi klasztere, a "
            "Cluster4Smart koordinátora."
        ),
        "About SCS": "Az SCS-ről",
        SCS_PARAGRAPHS[0]: (
            "Az SCS a biztonságos kommunikációs megoldások francia versenyképességi klasztere "
            "(pôle de compétitivité), telephelyei Sophia Antipolisban és Rousset-ban, "
            "Provence-Alpes-Côte d’Azur régióban találhatók. Digitális technológiákkal "
            "foglalkozó vállalkozásokat, kutatólaboratóriumokat és képzőintézményeket fog "
            "össze."
        ),
        SCS_PARAGRAPHS[1]: (
            "Az SCS indította el és vezette az európai Cluster4Smart projektet 2017 "
            "szeptemberétől 2020 májusáig, a digitális technológiák, a kommunikáció és a "
            "projektmenedzsment terén szerzett tapasztalatára támaszkodva."
        ),
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

    result = grant_partner_access(scs)
    for item in result.created:
        demo.created += 1
        demo.log(f"  partner editing for SCS: created {item}")
    demo.user("partner", DEMO_PASSWORD, groups=[result.group.name], role=SCS_ROLE_LABEL)
