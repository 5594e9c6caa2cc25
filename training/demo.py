"""Demo content of the project family and the training catalogue, from the seed article and
the facts gathered for the demo: Cluster4Smart (the host project), its two successors BRILLIANT
and BSR Cluster Manager Education, and the four themes of the Cluster4Smart MOOC, in English
with French, Spanish and Hungarian translations. What the sources do not say (exact dates of the
successors, their websites, the MOOC's address, each theme's level and learning outcomes) is
left empty rather than invented."""

import datetime

from home.models import (
    FundingStatement,
    ProjectFact,
    ProjectIndexPage,
    ProjectPage,
    ProjectRelation,
)
from training.models import Language, TrainingIndexPage, TrainingResourcePage

# Before the apps whose demo content links to projects (partners, news).
ORDER = 10

SOURCE = "Cluster4Smart news article"
PROJECT_SITE = "Cluster4Smart project website"
CONSORTIUM_SOURCE = "clustercollaboration.eu, 18 May 2020"
C4S_CONSORTIUM = "Seven organisations from France, Spain and Hungary"
C4S_COURSE = (
    "A free MOOC of about 60 hours in four themes: internationalisation, business leadership "
    "and entrepreneurship, Industry 4.0, cluster management"
)

PROJECTS_INDEX = {
    "title": "Projects",
    "show_in_menus": True,
    "intro": (
        "Cluster4Smart and the European projects that build on its results to train cluster "
        "managers."
    ),
}

C4S = {
    "title": "Cluster4Smart",
    "acronym": "Cluster4Smart",
    "programme": "Erasmus+",
    "action": "KA202",
    "grant_agreement_number": "2017-1-FR01-KA202-037407",
    "start_date": datetime.date(2017, 9, 1),
    "end_date": datetime.date(2020, 5, 31),
    "summary": (
        "An Erasmus+ project led by SCS that created an online training course (MOOC) to help "
        "cluster managers improve their managerial practices and support their members in "
        "the transition to Industry 4.0."
    ),
}
C4S_FACTS = [
    ("Coordinator", "SCS"),
    ("Launched", "September 2017"),
    ("Ended", "End of May 2020"),
    # From the facts gathered for the demo, each with its source; where sources disagree
    # (the project's duration), each version is given with its own.
    ("Consortium", C4S_CONSORTIUM, CONSORTIUM_SOURCE),
    ("Online course", C4S_COURSE, PROJECT_SITE),
    ("Course languages", "English, French, Spanish, Hungarian", PROJECT_SITE),
    ("Launch webinar", "25 May 2020", PROJECT_SITE),
    ("Duration", "September 2017 to February 2020", PROJECT_SITE),
    ("Duration", "30 months", "Kick-off note"),
    ("Duration", "Over two years", CONSORTIUM_SOURCE),
]

BRILLIANT = {
    "title": "BRILLIANT",
    "acronym": "BRILLIANT",
    "programme": "COSME",
    "action": "ESCP-4x",
    "summary": (
        "A European Strategic Cluster Partnership for Excellence co-funded by the COSME "
        "programme, which facilitates cross-sector networking and co-learning among industrial "
        "clusters of the smart lighting, furniture and building value chains."
    ),
}
BRILLIANT_BODY = [
    (
        "paragraph",
        "<p>BRILLIANT aims at the professionalisation of specialised and customised business "
        "support services to SMEs.</p>",
    ),
    (
        "paragraph",
        "<p>It is one of the 13 ESCP-4x projects which together implement ClusterXchange, a "
        "pilot programme that supports short-term exchanges to better connect Europe’s "
        "industrial ecosystems.</p>",
    ),
]
BRILLIANT_FACTS = [
    ("Value chains", "Smart lighting, furniture and building"),
    ("Programme", "One of the 13 ESCP-4x projects of ClusterXchange"),
]

BSR = {
    "title": "BSR Cluster Manager Education",
    "acronym": "BSR Cluster Manager Education",
    "programme": "Erasmus+",
    "summary": (
        "An Erasmus+ project that develops and provides a set of key training modules for "
        "cluster managers of the Baltic Sea region."
    ),
}
BSR_FACTS = [
    ("Training modules", "Scheduled from September 2020 to November 2021"),
    ("Participants", "20 cluster managers from the Baltic Sea countries"),
]

COSME_STATEMENT = (
    "The BRILLIANT project has received funding from the European Union’s COSME programme."
)
COSME_DISCLAIMER = (
    "The content of this website represents the views of the author only and is their sole "
    "responsibility; it cannot be considered to reflect the views of the European Commission "
    "or any other body of the European Union, which do not accept any responsibility for use "
    "that may be made of the information it contains."
)
BSR_STATEMENT = (
    "The BSR Cluster Manager Education project is co-funded by the European Union’s Erasmus+ "
    "programme."
)

TRAINING_INDEX = {
    "title": "Training",
    "show_in_menus": True,
    "intro": (
        "The free Cluster4Smart online course (MOOC) for cluster managers, theme by theme, in "
        "English, French, Spanish and Hungarian."
    ),
}

# The MOOC's four themes, as the project site names them. The sources give no level, no
# learning outcomes and no address per theme: those stay empty. The theme vocabulary names each
# of them; the format is the one the sources give (a MOOC).
MODULE_SUMMARY = (
    "A theme of the Cluster4Smart MOOC, a free online course of about 60 hours in four themes "
    "with video clips, course material, fact sheets and quizzes."
)
MODULES = [
    {
        "slug": "internationalisation",
        "title": "Internationalisation",
        "theme": "internationalisation",
    },
    {
        "slug": "business-leadership-and-entrepreneurship",
        "title": "Business leadership and entrepreneurship",
        "theme": "business-leadership",
    },
    {
        "slug": "industry-4-0",
        "title": "Industry 4.0",
        "theme": "industry-4-0",
    },
    {
        "slug": "cluster-management",
        "title": "Cluster management",
        "theme": "cluster-management",
    },
]

FR = {
    "Consortium": "Consortium",
    C4S_CONSORTIUM: ("Sept organisations de France, d’Espagne et de Hongrie"),
    "Online course": "Formation en ligne",
    C4S_COURSE: (
        "Un MOOC gratuit d’environ 60 heures en quatre thèmes : internationalisation, "
        "leadership et entrepreneuriat, industrie 4.0, management de clusters"
    ),
    "Course languages": "Langues de la formation",
    "English, French, Spanish, Hungarian": "Anglais, français, espagnol, hongrois",
    "Launch webinar": "Webinaire de lancement",
    "25 May 2020": "25 mai 2020",
    "Duration": "Durée",
    "September 2017 to February 2020": "De septembre 2017 à février 2020",
    "30 months": "30 mois",
    "Kick-off note": "Note de lancement",
    "Over two years": "Plus de deux ans",
    PROJECT_SITE: "Site web du projet Cluster4Smart",
    CONSORTIUM_SOURCE: "clustercollaboration.eu, 18 mai 2020",
    "projects": "projets",
    "Projects": "Projets",
    PROJECTS_INDEX["intro"]: (
        "Cluster4Smart et les projets européens qui s’appuient sur ses résultats pour former "
        "les managers de clusters."
    ),
    "cluster4smart": "cluster4smart",
    "Cluster4Smart": "Cluster4Smart",
    C4S["summary"]: (
        "Un projet Erasmus+ piloté par SCS qui a créé une formation en ligne (MOOC) pour aider "
        "les managers de clusters à améliorer leurs pratiques managériales et à accompagner "
        "leurs membres dans la transition vers l’industrie 4.0."
    ),
    "Coordinator": "Coordinateur",
    "SCS": "SCS",
    "Launched": "Lancement",
    "September 2017": "Septembre 2017",
    "Ended": "Fin",
    "End of May 2020": "Fin mai 2020",
    SOURCE: "Article d’actualité de Cluster4Smart",
    "brilliant": "brilliant",
    "BRILLIANT": "BRILLIANT",
    BRILLIANT["summary"]: (
        "Un partenariat stratégique européen de clusters pour l’excellence cofinancé par le "
        "programme COSME, qui facilite la mise en réseau intersectorielle et l’apprentissage "
        "mutuel entre clusters industriels des chaînes de valeur de l’éclairage intelligent, "
        "du meuble et du bâtiment."
    ),
    BRILLIANT_BODY[0][1]: (
        "<p>BRILLIANT vise la professionnalisation de services d’accompagnement spécialisés et "
        "sur mesure pour les PME.</p>"
    ),
    BRILLIANT_BODY[1][1]: (
        "<p>C’est l’un des 13 projets ESCP-4x qui mettent en œuvre ensemble ClusterXchange, un "
        "programme pilote qui soutient des échanges de courte durée pour mieux relier les "
        "écosystèmes industriels européens.</p>"
    ),
    "Value chains": "Chaînes de valeur",
    "Smart lighting, furniture and building": "Éclairage intelligent, meuble et bâtiment",
    "Programme": "Programme",
    "One of the 13 ESCP-4x projects of ClusterXchange": (
        "L’un des 13 projets ESCP-4x de ClusterXchange"
    ),
    "bsr-cluster-manager-education": "bsr-formation-managers-clusters",
    "BSR Cluster Manager Education": "BSR Cluster Manager Education",
    BSR["summary"]: (
        "Un projet Erasmus+ qui développe et propose un ensemble de modules de formation clés "
        "pour les managers de clusters de la région de la mer Baltique."
    ),
    "Training modules": "Modules de formation",
    "Scheduled from September 2020 to November 2021": ("Prévus de septembre 2020 à novembre 2021"),
    "Participants": "Participants",
    "20 cluster managers from the Baltic Sea countries": (
        "20 managers de clusters des pays de la mer Baltique"
    ),
    COSME_STATEMENT: (
        "Le projet BRILLIANT a reçu un financement du programme COSME de l’Union européenne."
    ),
    COSME_DISCLAIMER: (
        "Le contenu de ce site n’engage que son auteur, qui en est seul responsable ; il ne "
        "peut être considéré comme reflétant les vues de la Commission européenne ou de tout "
        "autre organe de l’Union européenne, qui déclinent toute responsabilité quant à "
        "l’usage qui pourrait être fait des informations qu’il contient."
    ),
    "COSME": "COSME",
    BSR_STATEMENT: (
        "Le projet BSR Cluster Manager Education est cofinancé par le programme Erasmus+ de "
        "l’Union européenne."
    ),
    "Erasmus+": "Erasmus+",
    "training": "formation",
    "Training": "Formation",
    TRAINING_INDEX["intro"]: (
        "La formation en ligne gratuite Cluster4Smart (MOOC) pour les managers de clusters, "
        "thème par thème, en anglais, en français, en espagnol et en hongrois."
    ),
    "internationalisation": "internationalisation",
    "Internationalisation": "Internationalisation",
    "business-leadership-and-entrepreneurship": "leadership-et-entrepreneuriat",
    "Business leadership and entrepreneurship": "Leadership et entrepreneuriat",
    "industry-4-0": "industrie-4-0",
    "Industry 4.0": "Industrie 4.0",
    "cluster-management": "management-de-clusters",
    "Cluster management": "Management de clusters",
    MODULE_SUMMARY: (
        "Un thème du MOOC Cluster4Smart, une formation en ligne gratuite d’environ 60 heures "
        "en quatre thèmes, avec des clips vidéo, des supports de cours, des fiches "
        "d’information et des quiz."
    ),
    "Cluster4Smart consortium": "Consortium Cluster4Smart",
}

ES = {
    "Consortium": "Consorcio",
    C4S_CONSORTIUM: ("Siete organizaciones de Francia, España y Hungría"),
    "Online course": "Curso en línea",
    C4S_COURSE: (
        "Un MOOC gratuito de unas 60 horas en cuatro temas: internacionalización, liderazgo "
        "empresarial y emprendimiento, Industria 4.0, gestión de clústeres"
    ),
    "Course languages": "Idiomas del curso",
    "English, French, Spanish, Hungarian": "Inglés, francés, español, húngaro",
    "Launch webinar": "Seminario web de lanzamiento",
    "25 May 2020": "25 de mayo de 2020",
    "Duration": "Duración",
    "September 2017 to February 2020": "De septiembre de 2017 a febrero de 2020",
    "30 months": "30 meses",
    "Kick-off note": "Nota de inicio",
    "Over two years": "Más de dos años",
    PROJECT_SITE: "Sitio web del proyecto Cluster4Smart",
    CONSORTIUM_SOURCE: "clustercollaboration.eu, 18 de mayo de 2020",
    "projects": "proyectos",
    "Projects": "Proyectos",
    PROJECTS_INDEX["intro"]: (
        "Cluster4Smart y los proyectos europeos que se basan en sus resultados para formar a "
        "gestores de clústeres."
    ),
    "cluster4smart": "cluster4smart",
    "Cluster4Smart": "Cluster4Smart",
    C4S["summary"]: (
        "Un proyecto Erasmus+ dirigido por SCS que creó un curso de formación en línea (MOOC) "
        "para ayudar a los gestores de clústeres a mejorar sus prácticas de gestión y a "
        "acompañar a sus miembros en la transición a la industria 4.0."
    ),
    "Coordinator": "Coordinador",
    "SCS": "SCS",
    "Launched": "Inicio",
    "September 2017": "Septiembre de 2017",
    "Ended": "Fin",
    "End of May 2020": "Finales de mayo de 2020",
    SOURCE: "Artículo de noticias de Cluster4Smart",
    "brilliant": "brilliant",
    "BRILLIANT": "BRILLIANT",
    BRILLIANT["summary"]: (
        "Una asociación estratégica europea de clústeres para la excelencia cofinanciada por "
        "el programa COSME, que facilita el trabajo en red intersectorial y el aprendizaje "
        "mutuo entre clústeres industriales de las cadenas de valor de la iluminación "
        "inteligente, el mueble y la construcción."
    ),
    BRILLIANT_BODY[0][1]: (
        "<p>BRILLIANT busca la profesionalización de servicios de apoyo empresarial "
        "especializados y personalizados para las pymes.</p>"
    ),
    BRILLIANT_BODY[1][1]: (
        "<p>Es uno de los 13 proyectos ESCP-4x que ponen en marcha juntos ClusterXchange, un "
        "programa piloto que apoya intercambios de corta duración para conectar mejor los "
        "ecosistemas industriales de Europa.</p>"
    ),
    "Value chains": "Cadenas de valor",
    "Smart lighting, furniture and building": "Iluminación inteligente, mueble y construcción",
    "Programme": "Programa",
    "One of the 13 ESCP-4x projects of ClusterXchange": (
        "Uno de los 13 proyectos ESCP-4x de ClusterXchange"
    ),
    "bsr-cluster-manager-education": "bsr-formacion-gestores-clusteres",
    "BSR Cluster Manager Education": "BSR Cluster Manager Education",
    BSR["summary"]: (
        "Un proyecto Erasmus+ que desarrolla y ofrece un conjunto de módulos de formación clave "
        "para gestores de clústeres de la región del mar Báltico."
    ),
    "Training modules": "Módulos de formación",
    "Scheduled from September 2020 to November 2021": (
        "Previstos de septiembre de 2020 a noviembre de 2021"
    ),
    "Participants": "Participantes",
    "20 cluster managers from the Baltic Sea countries": (
        "20 gestores de clústeres de los países del mar Báltico"
    ),
    COSME_STATEMENT: (
        "El proyecto BRILLIANT ha recibido financiación del programa COSME de la Unión Europea."
    ),
    COSME_DISCLAIMER: (
        "El contenido de este sitio web representa únicamente las opiniones de su autor, que "
        "es el único responsable; no puede considerarse que refleje las opiniones de la "
        "Comisión Europea ni de ningún otro órgano de la Unión Europea, que no aceptan ninguna "
        "responsabilidad por el uso que pueda hacerse de la información que contiene."
    ),
    "COSME": "COSME",
    BSR_STATEMENT: (
        "El proyecto BSR Cluster Manager Education está cofinanciado por el programa Erasmus+ "
        "de la Unión Europea."
    ),
    "Erasmus+": "Erasmus+",
    "training": "formacion",
    "Training": "Formación",
    TRAINING_INDEX["intro"]: (
        "El curso en línea gratuito Cluster4Smart (MOOC) para gestores de clústeres, tema a "
        "tema, en inglés, francés, español y húngaro."
    ),
    "internationalisation": "internacionalizacion",
    "Internationalisation": "Internacionalización",
    "business-leadership-and-entrepreneurship": "liderazgo-empresarial-y-emprendimiento",
    "Business leadership and entrepreneurship": "Liderazgo empresarial y emprendimiento",
    "industry-4-0": "industria-4-0",
    "Industry 4.0": "Industria 4.0",
    "cluster-management": "gestion-de-clusteres",
    "Cluster management": "Gestión de clústeres",
    MODULE_SUMMARY: (
        "Un tema del MOOC Cluster4Smart, un curso en línea gratuito de unas 60 horas en cuatro "
        "temas, con vídeos, material del curso, fichas informativas y cuestionarios."
    ),
    "Cluster4Smart consortium": "Consorcio Cluster4Smart",
}

HU = {
    "Consortium": "Konzorcium",
    C4S_CONSORTIUM: ("Hét szervezet Franciaországból, Spanyolországból és Magyarországról"),
    "Online course": "Online kurzus",
    C4S_COURSE: (
        "Ingyenes, mintegy 60 órás MOOC négy témában: nemzetköziesedés, üzleti vezetés és "
        "vállalkozói készségek, Ipar 4.0, klasztermenedzsment"
    ),
    "Course languages": "A kurzus nyelvei",
    "English, French, Spanish, Hungarian": "Angol, francia, spanyol, magyar",
    "Launch webinar": "Indító webinárium",
    "25 May 2020": "2020. május 25.",
    "Duration": "Időtartam",
    "September 2017 to February 2020": "2017 szeptemberétől 2020 februárjáig",
    "30 months": "30 hónap",
    "Kick-off note": "Nyitó feljegyzés",
    "Over two years": "Több mint két év",
    PROJECT_SITE: "A Cluster4Smart projekt honlapja",
    CONSORTIUM_SOURCE: "clustercollaboration.eu, 2020. május 18.",
    "projects": "projektek",
    "Projects": "Projektek",
    PROJECTS_INDEX["intro"]: (
        "A Cluster4Smart és azok az európai projektek, amelyek eredményeire építve "
        "klasztermenedzsereket képeznek."
    ),
    "cluster4smart": "cluster4smart",
    "Cluster4Smart": "Cluster4Smart",
    C4S["summary"]: (
        "Az SCS által vezetett Erasmus+ projekt, amely online képzést (MOOC) hozott létre, hogy "
        "segítse a klasztermenedzsereket vezetési gyakorlatuk fejlesztésében és tagjaik "
        "támogatásában az Ipar 4.0-ra való átállás során."
    ),
    "Coordinator": "Koordinátor",
    "SCS": "SCS",
    "Launched": "Indulás",
    "September 2017": "2017. szeptember",
    "Ended": "Befejezés",
    "End of May 2020": "2020. május vége",
    SOURCE: "A Cluster4Smart hírcikke",
    "brilliant": "brilliant",
    "BRILLIANT": "BRILLIANT",
    BRILLIANT["summary"]: (
        "A COSME program által társfinanszírozott európai stratégiai klaszterpartnerség a "
        "kiválóságért, amely elősegíti az ágazatközi kapcsolatépítést és a kölcsönös tanulást "
        "az intelligens világítás, a bútor- és az építőipar értékláncainak ipari klaszterei "
        "között."
    ),
    BRILLIANT_BODY[0][1]: (
        "<p>A BRILLIANT célja a kkv-knak nyújtott szakosodott és testre szabott üzleti "
        "támogató szolgáltatások professzionalizálása.</p>"
    ),
    BRILLIANT_BODY[1][1]: (
        "<p>Egyike annak a 13 ESCP-4x projektnek, amelyek közösen valósítják meg a "
        "ClusterXchange kísérleti programot, amely rövid távú cseréket támogat Európa ipari "
        "ökoszisztémáinak jobb összekapcsolására.</p>"
    ),
    "Value chains": "Értékláncok",
    "Smart lighting, furniture and building": "Intelligens világítás, bútor- és építőipar",
    "Programme": "Program",
    "One of the 13 ESCP-4x projects of ClusterXchange": (
        "A ClusterXchange 13 ESCP-4x projektjének egyike"
    ),
    "bsr-cluster-manager-education": "bsr-klasztermenedzser-kepzes",
    "BSR Cluster Manager Education": "BSR Cluster Manager Education",
    BSR["summary"]: (
        "Erasmus+ projekt, amely kulcsfontosságú képzési modulokat fejleszt és kínál a "
        "Balti-tenger térségének klasztermenedzserei számára."
    ),
    "Training modules": "Képzési modulok",
    "Scheduled from September 2020 to November 2021": (
        "Tervezett időszak: 2020. szeptember – 2021. november"
    ),
    "Participants": "Résztvevők",
    "20 cluster managers from the Baltic Sea countries": (
        "20 klasztermenedzser a Balti-tenger országaiból"
    ),
    COSME_STATEMENT: (
        "A BRILLIANT projekt az Európai Unió COSME programjából részesült támogatásban."
    ),
    COSME_DISCLAIMER: (
        "E honlap tartalma kizárólag a szerző nézeteit tükrözi, és kizárólag ő felel érte; nem "
        "tekinthető úgy, hogy az Európai Bizottság vagy az Európai Unió bármely más szerve "
        "álláspontját tükrözi, amelyek nem vállalnak felelősséget az abban foglalt "
        "információk bármilyen felhasználásáért."
    ),
    "COSME": "COSME",
    BSR_STATEMENT: (
        "A BSR Cluster Manager Education projektet az Európai Unió Erasmus+ programja "
        "társfinanszírozza."
    ),
    "Erasmus+": "Erasmus+",
    "training": "kepzes",
    "Training": "Képzés",
    TRAINING_INDEX["intro"]: (
        "A Cluster4Smart ingyenes online kurzusa (MOOC) klasztermenedzsereknek, témánként, "
        "angolul, franciául, spanyolul és magyarul."
    ),
    "internationalisation": "nemzetkoziesedes",
    "Internationalisation": "Nemzetköziesedés",
    "business-leadership-and-entrepreneurship": "uzleti-vezetes-es-vallalkozoi-keszsegek",
    "Business leadership and entrepreneurship": "Üzleti vezetés és vállalkozói készségek",
    "industry-4-0": "ipar-4-0",
    "Industry 4.0": "Ipar 4.0",
    "cluster-management": "klasztermenedzsment",
    "Cluster management": "Klasztermenedzsment",
    MODULE_SUMMARY: (
        "A Cluster4Smart MOOC egyik témája; az ingyenes, mintegy 60 órás online kurzus négy "
        "témából áll, videoklipekkel, kurzusanyagokkal, tájékoztató lapokkal és kvízekkel."
    ),
    "Cluster4Smart consortium": "Cluster4Smart konzorcium",
}


def _with_paragraph_segments(catalogue):
    """Rich text is translated paragraph by paragraph, without the <p> tags: add those
    segments to the catalogue beside the whole-paragraph entries."""
    extra = {}
    for source, translation in catalogue.items():
        if source.startswith("<p>") and source.endswith("</p>") and source.count("<p>") == 1:
            extra[source[3:-4]] = translation[3:-4]
    return {**catalogue, **extra}


CATALOGUES = {
    code: _with_paragraph_segments(c) for code, c in {"fr": FR, "es": ES, "hu": HU}.items()
}


def _statement(demo, name, programme, statement, disclaimer=""):
    existing = FundingStatement.objects.filter(name=name, locale=demo.source_locale).first()
    if existing is None:
        existing = FundingStatement.objects.create(
            name=name,
            programme=programme,
            statement=f"<p>{statement}</p>",
            disclaimer=disclaimer,
            locale=demo.source_locale,
        )
        demo.created += 1
        demo.log(f"  created the funding statement “{name}”")
    demo.translate(existing, CATALOGUES)
    return existing


def _facts(demo, page, facts):
    if page.facts.exists():
        return
    for label, value, *source in facts:
        ProjectFact.objects.create(
            page=page,
            label=label,
            value=value,
            source_label=source[0] if source else SOURCE,
            locale=page.locale,
        )
    page.save_revision().publish()


def _project(demo, index, slug, spec, *, statement=None, facts=(), body=None):
    fields = dict(spec)
    if body:
        fields["body"] = body
    if statement is not None:
        fields["funding_statement"] = statement
    page = demo.page(index, ProjectPage, slug, **fields)
    _facts(demo, page, facts)
    return page


def seed_projects(demo):
    home = demo.home
    index = demo.page(home, ProjectIndexPage, "projects", **PROJECTS_INDEX)
    demo.translate(index, CATALOGUES)

    c4s_statement = FundingStatement.objects.filter(
        name="Cluster4Smart – Erasmus+", locale=demo.source_locale
    ).first()
    cosme = _statement(demo, "BRILLIANT – COSME", "COSME", COSME_STATEMENT, COSME_DISCLAIMER)
    bsr_statement = _statement(
        demo, "BSR Cluster Manager Education – Erasmus+", "Erasmus+", BSR_STATEMENT
    )
    c4s = _project(demo, index, "cluster4smart", C4S, statement=c4s_statement, facts=C4S_FACTS)
    brilliant = _project(
        demo,
        index,
        "brilliant",
        BRILLIANT,
        statement=cosme,
        facts=BRILLIANT_FACTS,
        body=BRILLIANT_BODY,
    )
    bsr = _project(
        demo, index, "bsr-cluster-manager-education", BSR, statement=bsr_statement, facts=BSR_FACTS
    )
    if not c4s.related_projects.exists():
        for successor in (brilliant, bsr):
            ProjectRelation.objects.create(page=c4s, project=successor, relation_type="successor")
        c4s.save_revision().publish()
    for page in (c4s, brilliant, bsr):
        demo.translate(page, CATALOGUES)
    return {"c4s": c4s, "brilliant": brilliant, "bsr": bsr}


def seed_training(demo, projects):
    index = demo.page(demo.home, TrainingIndexPage, "training", **TRAINING_INDEX)
    demo.translate(index, CATALOGUES)
    languages = list(Language.objects.filter(code__in=["en", "fr", "es", "hu"]))
    for spec in MODULES:
        fields = {key: value for key, value in spec.items() if key != "slug"}
        existing = index.get_children().filter(slug=spec["slug"]).exists()
        page = demo.page(
            index,
            TrainingResourcePage,
            spec["slug"],
            summary=MODULE_SUMMARY,
            format="mooc",
            is_free=True,
            provider="Cluster4Smart consortium",
            origin_project=projects["c4s"],
            **fields,
        )
        if not existing:
            page.languages.set(languages)
            page.save_revision().publish()
        demo.translate(page, CATALOGUES)


def seed(demo):
    projects = seed_projects(demo)
    seed_training(demo, projects)
