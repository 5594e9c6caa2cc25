"""Demo content of the base app: the Cluster4Smart home page, the standard pages and the site's
funding statement, in English with French, Spanish and Hungarian translations."""

from home.contact import demo as contact_demo
from home.legal import demo as legal_demo
from home.legal.models import LegalPages
from home.pages.models import FundingStatement, SiteSettings, StandardPage

ORDER = 0

DEMO_PASSWORD = "changeme"

GRANT = "2017-1-FR01-KA202-037407"
STATEMENT = (
    "The Cluster4Smart project has received funding from the European Union’s Erasmus+ "
    f"programme under grant agreement n°{GRANT}"
)
DISCLAIMER = (
    "The European Commission’s support for the production of this website does not constitute "
    "an endorsement of the contents, which reflect the views only of the authors, and the "
    "Commission cannot be held responsible for any use which may be made of the information "
    "contained therein."
)

HOME = {
    "title": "Cluster4Smart",
    "hero_heading": "Better-managed clusters for Industry 4.0",
    "intro": (
        "Cluster4Smart was a European Erasmus+ project, led by SCS, that created a free online "
        "course (MOOC) to help cluster managers improve their managerial practices and support "
        "their members in the transition to Industry 4.0."
    ),
    "search_description": (
        "Cluster4Smart: free online training for cluster managers on Industry 4.0, and the "
        "European projects that build on it."
    ),
}
HOME_BODY = [
    ("heading", {"text": "A single slogan", "level": "h2"}),
    (
        "paragraph",
        "<p>Spreading good managerial practices to accelerate the digitalisation of industry.</p>",
    ),
]

CONTACT_INTRO = "Questions about the project, its results or its training resources?"

PAGES = [
    {
        "slug": "about",
        "title": "About the project",
        "show_in_menus": True,
        "intro": (
            "Creativity, innovation, competitiveness and new business models based on digital "
            "technologies: every cluster must take them into account to understand the needs of "
            "its members and set a strategy that meets them."
        ),
        "body": [
            (
                "paragraph",
                "<p>Launched in September 2017, the European Cluster4Smart project led by SCS "
                "set out to give any cluster leader, network of companies and their stakeholders "
                "a real online training course (MOOC) to improve their managerial practices and "
                "support their members in their transition to Industry 4.0.</p>"
                "<p>During the project, which ended in May 2020, SCS drew on its experience in "
                "digital technologies, communication and project management.</p>",
            ),
            ("heading", {"text": "What came next", "level": "h2"}),
            (
                "paragraph",
                "<p>The results of Cluster4Smart have already served as the basis for two new "
                "European projects, BRILLIANT and the BSR Cluster Manager Education project, and "
                "have paved the way for continuous improvement of training for cluster "
                "managers.</p>",
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy",
        "show_in_menus": False,
        "intro": "How this site treats personal data.",
        "body": [
            (
                "paragraph",
                "<p>Reading this site sets no cookie and loads nothing from other sites. The "
                "server keeps technical logs (address, time and page requested) for security, "
                "for no longer than needed.</p>"
                "<p>Editors who log in get a session cookie, which ends when they log out. "
                "Ask the coordinator to see or delete any personal data held about you.</p>"
                + legal_demo.html(legal_demo.PRIVACY_PARAGRAPHS),
            ),
        ],
    },
    {
        "slug": "accessibility",
        "title": "Accessibility statement",
        "show_in_menus": False,
        "intro": "We want everyone to be able to use this site.",
        "body": [
            (
                "paragraph",
                "<p>The site aims to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at "
                "level AA. Every page works with a keyboard and without JavaScript, images carry "
                "text alternatives and the text keeps its contrast.</p>"
                "<p>If something stops you from using the site, tell the coordinator and we will "
                "fix it or give you the content in another form.</p>"
                + legal_demo.html(legal_demo.ACCESSIBILITY_PARAGRAPHS),
            ),
        ],
    },
    {
        "slug": "legal-notice",
        "title": "Legal notice",
        "show_in_menus": False,
        "intro": "Who publishes this site.",
        "body": [
            (
                "paragraph",
                "<p>This site is published by the Cluster4Smart consortium, coordinated by SCS "
                "(France). The texts may be reused with acknowledgement of the "
                "source.</p>" + legal_demo.html(legal_demo.LEGAL_NOTICE_PARAGRAPHS),
            ),
        ],
    },
]

# Translations of every string above, keyed by the English source string.
FR = {
    "Cluster4Smart": "Cluster4Smart",
    "home": "accueil",
    "Better-managed clusters for Industry 4.0": "Des clusters mieux gérés pour l’industrie 4.0",
    HOME["intro"]: (
        "Cluster4Smart était un projet européen Erasmus+, piloté par SCS, qui a créé une "
        "formation en ligne gratuite (MOOC) pour aider les managers de clusters à améliorer "
        "leurs pratiques managériales et à accompagner leurs membres dans la transition vers "
        "l’industrie 4.0."
    ),
    HOME["search_description"]: (
        "Cluster4Smart : formation en ligne gratuite des managers de clusters à l’industrie 4.0, "
        "et les projets européens qui en sont issus."
    ),
    "A single slogan": "Un seul slogan",
    "Spreading good managerial practices to accelerate the digitalisation of industry.": (
        "Diffuser les bonnes pratiques managériales pour accélérer la digitalisation de "
        "l’industrie."
    ),
    "about": "a-propos",
    "About the project": "À propos du projet",
    PAGES[0]["intro"]: (
        "Créativité, innovation, compétitivité, nouveaux modèles d’affaires fondés sur les "
        "technologies numériques : autant de points que chaque cluster doit prendre en compte "
        "pour comprendre les besoins de ses membres et établir une stratégie adaptée."
    ),
    (
        "Launched in September 2017, the European Cluster4Smart project led by SCS set out to "
        "give any cluster leader, network of companies and their stakeholders a real online "
        "training course (MOOC) to improve their managerial practices and support their members "
        "in their transition to Industry 4.0."
    ): (
        "Lancé en septembre 2017, le projet européen Cluster4Smart piloté par SCS visait à offrir "
        "à tout responsable de cluster, réseau d’entreprises et à leurs parties prenantes une "
        "véritable formation en ligne (MOOC) pour améliorer leurs pratiques managériales et "
        "accompagner leurs membres dans leur transition vers l’industrie 4.0."
    ),
    (
        "During the project, which ended in May 2020, SCS drew on its experience in digital "
        "technologies, communication and project management."
    ): (
        "Pendant le projet, qui s’est achevé en mai 2020, SCS a mis à profit son expérience des "
        "technologies numériques, de la communication et de la gestion de projet."
    ),
    "What came next": "La suite",
    (
        "The results of Cluster4Smart have already served as the basis for two new European "
        "projects, BRILLIANT and the BSR Cluster Manager Education project, and have paved the "
        "way for continuous improvement of training for cluster managers."
    ): (
        "Les résultats de Cluster4Smart ont déjà servi de base à deux nouveaux projets européens, "
        "BRILLIANT et le projet BSR Cluster Manager Education, et ont ouvert la voie à "
        "l’amélioration continue de la formation des managers de clusters."
    ),
    "contact": "contact",
    "Contact": "Contact",
    "Questions about the project, its results or its training resources?": (
        "Des questions sur le projet, ses résultats ou ses ressources de formation ?"
    ),
    "privacy": "confidentialite",
    "Privacy": "Confidentialité",
    "How this site treats personal data.": "Comment ce site traite les données personnelles.",
    (
        "Reading this site sets no cookie and loads nothing from other sites. The server keeps "
        "technical logs (address, time and page requested) for security, for no longer than "
        "needed."
    ): (
        "La lecture de ce site ne dépose aucun cookie et ne charge rien depuis d’autres sites. "
        "Le serveur conserve des journaux techniques (adresse, heure et page demandée) pour la "
        "sécurité, pas plus longtemps que nécessaire."
    ),
    (
        "Editors who log in get a session cookie, which ends when they log out. Ask the "
        "coordinator to see or delete any personal data held about you."
    ): (
        "Les rédacteurs qui se connectent reçoivent un cookie de session, supprimé à la "
        "déconnexion. Adressez-vous au coordinateur pour consulter ou effacer les données "
        "personnelles vous concernant."
    ),
    "accessibility": "accessibilite",
    "Accessibility statement": "Déclaration d’accessibilité",
    "We want everyone to be able to use this site.": (
        "Nous voulons que chacun puisse utiliser ce site."
    ),
    (
        "The site aims to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA. "
        "Every page works with a keyboard and without JavaScript, images carry text alternatives "
        "and the text keeps its contrast."
    ): (
        "Le site vise la conformité aux règles pour l’accessibilité des contenus web (WCAG) 2.1, "
        "niveau AA. Chaque page fonctionne au clavier et sans JavaScript, les images ont une "
        "alternative textuelle et le texte garde son contraste."
    ),
    (
        "If something stops you from using the site, tell the coordinator and we will fix it or "
        "give you the content in another form."
    ): (
        "Si quelque chose vous empêche d’utiliser le site, signalez-le au coordinateur : nous le "
        "corrigerons ou vous fournirons le contenu sous une autre forme."
    ),
    "legal-notice": "mentions-legales",
    "Legal notice": "Mentions légales",
    "Who publishes this site.": "Qui publie ce site.",
    (
        "This site is published by the Cluster4Smart consortium, coordinated by SCS "
        "(France). The texts may be reused with acknowledgement of the source."
    ): (
        "Ce site est publié par le consortium Cluster4Smart, coordonné par SCS "
        "(France). Les textes peuvent être réutilisés en citant la source."
    ),
    STATEMENT: (
        "Le projet Cluster4Smart a reçu un financement du programme Erasmus+ de l’Union "
        f"européenne dans le cadre de la convention de subvention n°{GRANT}"
    ),
    DISCLAIMER: (
        "Le soutien de la Commission européenne à la production de ce site ne constitue pas une "
        "approbation du contenu, qui reflète uniquement les opinions des auteurs, et la "
        "Commission ne peut être tenue responsable de l’usage qui pourrait être fait des "
        "informations qui y sont contenues."
    ),
    "Erasmus+": "Erasmus+",
}

ES = {
    "Cluster4Smart": "Cluster4Smart",
    "home": "inicio",
    "Better-managed clusters for Industry 4.0": "Clústeres mejor gestionados para la Industria 4.0",
    HOME["intro"]: (
        "Cluster4Smart fue un proyecto europeo Erasmus+, liderado por SCS, que creó un curso en "
        "línea gratuito (MOOC) para ayudar a los gestores de clústeres a mejorar sus prácticas de "
        "gestión y a acompañar a sus miembros en la transición hacia la Industria 4.0."
    ),
    HOME["search_description"]: (
        "Cluster4Smart: formación en línea gratuita para gestores de clústeres sobre la "
        "Industria 4.0 y los proyectos europeos que parten de ella."
    ),
    "A single slogan": "Un único lema",
    "Spreading good managerial practices to accelerate the digitalisation of industry.": (
        "Difundir buenas prácticas de gestión para acelerar la digitalización de la industria."
    ),
    "about": "acerca-de",
    "About the project": "Acerca del proyecto",
    PAGES[0]["intro"]: (
        "Creatividad, innovación, competitividad y nuevos modelos de negocio basados en "
        "tecnologías digitales: todo clúster debe tenerlos en cuenta para entender las "
        "necesidades de sus miembros y definir una estrategia que responda a ellas."
    ),
    (
        "Launched in September 2017, the European Cluster4Smart project led by SCS set out to "
        "give any cluster leader, network of companies and their stakeholders a real online "
        "training course (MOOC) to improve their managerial practices and support their members "
        "in their transition to Industry 4.0."
    ): (
        "Iniciado en septiembre de 2017, el proyecto europeo Cluster4Smart, liderado por SCS, se "
        "propuso ofrecer a cualquier responsable de clúster, red de empresas y a sus partes "
        "interesadas un verdadero curso de formación en línea (MOOC) para mejorar sus prácticas "
        "de gestión y acompañar a sus miembros en su transición hacia la Industria 4.0."
    ),
    (
        "During the project, which ended in May 2020, SCS drew on its experience in digital "
        "technologies, communication and project management."
    ): (
        "Durante el proyecto, que terminó en mayo de 2020, SCS aprovechó su experiencia en "
        "tecnologías digitales, comunicación y gestión de proyectos."
    ),
    "What came next": "Lo que vino después",
    (
        "The results of Cluster4Smart have already served as the basis for two new European "
        "projects, BRILLIANT and the BSR Cluster Manager Education project, and have paved the "
        "way for continuous improvement of training for cluster managers."
    ): (
        "Los resultados de Cluster4Smart ya han servido de base para dos nuevos proyectos "
        "europeos, BRILLIANT y el proyecto BSR Cluster Manager Education, y han abierto el camino "
        "a la mejora continua de la formación de los gestores de clústeres."
    ),
    "contact": "contacto",
    "Contact": "Contacto",
    "Questions about the project, its results or its training resources?": (
        "¿Preguntas sobre el proyecto, sus resultados o sus recursos de formación?"
    ),
    "privacy": "privacidad",
    "Privacy": "Privacidad",
    "How this site treats personal data.": "Cómo trata este sitio los datos personales.",
    (
        "Reading this site sets no cookie and loads nothing from other sites. The server keeps "
        "technical logs (address, time and page requested) for security, for no longer than "
        "needed."
    ): (
        "Leer este sitio no instala ninguna cookie ni carga nada de otros sitios. El servidor "
        "guarda registros técnicos (dirección, hora y página solicitada) por seguridad, no más "
        "tiempo del necesario."
    ),
    (
        "Editors who log in get a session cookie, which ends when they log out. Ask the "
        "coordinator to see or delete any personal data held about you."
    ): (
        "Los editores que inician sesión reciben una cookie de sesión, que termina al cerrarla. "
        "Pida al coordinador consultar o borrar los datos personales que se guarden sobre usted."
    ),
    "accessibility": "accesibilidad",
    "Accessibility statement": "Declaración de accesibilidad",
    "We want everyone to be able to use this site.": (
        "Queremos que todo el mundo pueda usar este sitio."
    ),
    (
        "The site aims to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA. "
        "Every page works with a keyboard and without JavaScript, images carry text alternatives "
        "and the text keeps its contrast."
    ): (
        "El sitio aspira a cumplir las Pautas de Accesibilidad para el Contenido Web (WCAG) 2.1 "
        "en el nivel AA. Todas las páginas funcionan con teclado y sin JavaScript, las imágenes "
        "tienen texto alternativo y el texto mantiene su contraste."
    ),
    (
        "If something stops you from using the site, tell the coordinator and we will fix it or "
        "give you the content in another form."
    ): (
        "Si algo le impide usar el sitio, dígaselo al coordinador y lo corregiremos o le daremos "
        "el contenido en otro formato."
    ),
    "legal-notice": "aviso-legal",
    "Legal notice": "Aviso legal",
    "Who publishes this site.": "Quién publica este sitio.",
    (
        "This site is published by the Cluster4Smart consortium, coordinated by SCS "
        "(France). The texts may be reused with acknowledgement of the source."
    ): (
        "Este sitio lo publica el consorcio Cluster4Smart, coordinado por SCS "
        "(Francia). Los textos pueden reutilizarse citando la fuente."
    ),
    STATEMENT: (
        "El proyecto Cluster4Smart ha recibido financiación del programa Erasmus+ de la Unión "
        f"Europea en virtud del acuerdo de subvención n.º {GRANT}"
    ),
    DISCLAIMER: (
        "El apoyo de la Comisión Europea a la elaboración de este sitio no implica la aceptación "
        "de sus contenidos, que es responsabilidad exclusiva de los autores. Por tanto, la "
        "Comisión no es responsable del uso que pueda hacerse de la información aquí difundida."
    ),
    "Erasmus+": "Erasmus+",
}

HU = {
    "Cluster4Smart": "Cluster4Smart",
    "home": "kezdolap",
    "Better-managed clusters for Industry 4.0": "Jobban irányított klaszterek az Ipar 4.0-ért",
    HOME["intro"]: (
        "A Cluster4Smart az SCS által vezetett európai Erasmus+ projekt volt, amely ingyenes "
        "online tanfolyamot (MOOC) hozott létre, hogy segítse a klasztermenedzsereket vezetési "
        "gyakorlatuk fejlesztésében és tagjaik támogatásában az Ipar 4.0-ra való átállásban."
    ),
    HOME["search_description"]: (
        "Cluster4Smart: ingyenes online képzés klasztermenedzsereknek az Ipar 4.0-ról, és az "
        "erre épülő európai projektek."
    ),
    "A single slogan": "Egyetlen jelmondat",
    "Spreading good managerial practices to accelerate the digitalisation of industry.": (
        "A jó vezetési gyakorlatok terjesztése az ipar digitalizációjának felgyorsításáért."
    ),
    "about": "a-projektrol",
    "About the project": "A projektről",
    PAGES[0]["intro"]: (
        "Kreativitás, innováció, versenyképesség és digitális technológiákra épülő új üzleti "
        "modellek: minden klaszternek figyelembe kell vennie ezeket, hogy megértse tagjai "
        "igényeit, és ezekhez illő stratégiát alakítson ki."
    ),
    (
        "Launched in September 2017, the European Cluster4Smart project led by SCS set out to "
        "give any cluster leader, network of companies and their stakeholders a real online "
        "training course (MOOC) to improve their managerial practices and support their members "
        "in their transition to Industry 4.0."
    ): (
        "A 2017 szeptemberében indult, az SCS által vezetett európai Cluster4Smart projekt célja "
        "az volt, hogy minden klasztervezető, vállalati hálózat és érintettjeik valódi online "
        "képzést (MOOC) kapjanak vezetési gyakorlatuk fejlesztéséhez és tagjaik Ipar 4.0-ra való "
        "átállásának támogatásához."
    ),
    (
        "During the project, which ended in May 2020, SCS drew on its experience in digital "
        "technologies, communication and project management."
    ): (
        "A 2020 májusában lezárult projekt során az SCS a digitális technológiák, a kommunikáció "
        "és a projektmenedzsment terén szerzett tapasztalatára támaszkodott."
    ),
    "What came next": "Ami ezután következett",
    (
        "The results of Cluster4Smart have already served as the basis for two new European "
        "projects, BRILLIANT and the BSR Cluster Manager Education project, and have paved the "
        "way for continuous improvement of training for cluster managers."
    ): (
        "A Cluster4Smart eredményei már két új európai projekt, a BRILLIANT és a BSR Cluster "
        "Manager Education projekt alapjául szolgáltak, és utat nyitottak a klasztermenedzserek "
        "képzésének folyamatos fejlesztéséhez."
    ),
    "contact": "kapcsolat",
    "Contact": "Kapcsolat",
    "Questions about the project, its results or its training resources?": (
        "Kérdése van a projektről, eredményeiről vagy képzési anyagairól?"
    ),
    "privacy": "adatvedelem",
    "Privacy": "Adatvédelem",
    "How this site treats personal data.": "Hogyan kezeli ez az oldal a személyes adatokat.",
    (
        "Reading this site sets no cookie and loads nothing from other sites. The server keeps "
        "technical logs (address, time and page requested) for security, for no longer than "
        "needed."
    ): (
        "Az oldal olvasása nem helyez el sütit, és semmit sem tölt be más oldalakról. A szerver "
        "biztonsági célból technikai naplót vezet (cím, időpont és kért oldal), csak a "
        "szükséges ideig."
    ),
    (
        "Editors who log in get a session cookie, which ends when they log out. Ask the "
        "coordinator to see or delete any personal data held about you."
    ): (
        "A bejelentkező szerkesztők munkamenet-sütit kapnak, amely kijelentkezéskor megszűnik. "
        "A koordinátortól kérheti az Önről tárolt személyes adatok megtekintését vagy törlését."
    ),
    "accessibility": "akadalymentesseg",
    "Accessibility statement": "Akadálymentességi nyilatkozat",
    "We want everyone to be able to use this site.": (
        "Szeretnénk, ha mindenki használhatná ezt az oldalt."
    ),
    (
        "The site aims to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA. "
        "Every page works with a keyboard and without JavaScript, images carry text alternatives "
        "and the text keeps its contrast."
    ): (
        "Az oldal célja, hogy megfeleljen a webes tartalmak akadálymentességi irányelvei (WCAG) "
        "2.1 AA szintjének. Minden oldal használható billentyűzettel és JavaScript nélkül, a "
        "képeknek van szöveges megfelelője, és a szöveg kontrasztja megmarad."
    ),
    (
        "If something stops you from using the site, tell the coordinator and we will fix it or "
        "give you the content in another form."
    ): (
        "Ha valami akadályozza az oldal használatában, jelezze a koordinátornak, és kijavítjuk, "
        "vagy más formában adjuk át a tartalmat."
    ),
    "legal-notice": "impresszum",
    "Legal notice": "Impresszum",
    "Who publishes this site.": "Ki teszi közzé ezt az oldalt.",
    (
        "This site is published by the Cluster4Smart consortium, coordinated by SCS "
        "(France). The texts may be reused with acknowledgement of the source."
    ): (
        "Az oldalt a Cluster4Smart konzorcium teszi közzé, amelyet az SCS koordinál "
        "(Franciaország). A szövegek a forrás megjelölésével újra "
        "felhasználhatók."
    ),
    STATEMENT: (
        "A Cluster4Smart projekt az Európai Unió Erasmus+ programjából részesült támogatásban, "
        f"a(z) {GRANT} számú támogatási megállapodás keretében"
    ),
    DISCLAIMER: (
        "Az Európai Bizottság támogatása e honlap elkészítéséhez nem jelenti a tartalom "
        "jóváhagyását, amely kizárólag a szerzők nézeteit tükrözi, és a Bizottság nem tehető "
        "felelőssé az abban foglalt információk bármilyen felhasználásáért."
    ),
    "Erasmus+": "Erasmus+",
}

CATALOGUES = {
    code: {**strings, **legal_demo.CATALOGUES[code]}
    for code, strings in {"fr": FR, "es": ES, "hu": HU}.items()
}


def seed(demo):
    home = demo.home
    if home.title != HOME["title"]:
        for field, value in HOME.items():
            setattr(home, field, value)
        home.body = HOME_BODY
        home.hero_image = demo.image(
            "Cluster4Smart hero",
            alt="Abstract network of connected circles",
            credit="Cluster4Smart",
        )
        home.save_revision().publish()
        demo.log("  set up the English home page")
    demo.site.site_name = "Cluster4Smart"
    demo.site.save()
    demo.apply_base_url()
    demo.translate(home, CATALOGUES)

    pages = {}
    for spec in PAGES:
        fields = {key: value for key, value in spec.items() if key != "slug"}
        page = demo.page(home, StandardPage, spec["slug"], **fields)
        demo.translate(page, CATALOGUES)
        pages[spec["slug"]] = page
    contact_demo.seed(demo, home, CATALOGUES, title="Contact", intro=CONTACT_INTRO)
    # The footer's legal pages (home/legal), unless editors have chosen them already.
    legal = LegalPages.for_site(demo.site)
    if legal.privacy_notice_id is None:
        legal.privacy_notice = pages["privacy"]
        legal.legal_notice = pages["legal-notice"]
        legal.accessibility_statement = pages["accessibility"]
        legal.save()

    statement = FundingStatement.objects.filter(
        name="Cluster4Smart – Erasmus+", locale=demo.source_locale
    ).first()
    if statement is None:
        statement = FundingStatement.objects.create(
            name="Cluster4Smart – Erasmus+",
            programme="Erasmus+",
            grant_agreement_number=GRANT,
            statement=f"<p>{STATEMENT}</p>",
            disclaimer=DISCLAIMER,
            locale=demo.source_locale,
        )
        demo.created += 1
        demo.log("  created the funding statement")
    demo.translate(statement, CATALOGUES)
    site_settings = SiteSettings.for_site(demo.site)
    if site_settings.funding_statement_id is None:
        site_settings.funding_statement = statement
        site_settings.save()

    demo.user("admin", DEMO_PASSWORD, superuser=True, role="Administrator")
    demo.user("editor", DEMO_PASSWORD, groups=["Editors"], role="Editor")
    demo.user("moderator", DEMO_PASSWORD, groups=["Moderators"], role="Moderator")
