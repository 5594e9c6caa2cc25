"""Demo content of the news app: a news index in every language, three categories and the
Cluster4Smart story in seven articles (the seed article is the main one), 2018–2021, all
translated into French, Spanish and Hungarian."""

import datetime

from news.models import NewsCategory, NewsIndexPage, NewsPage, NewsPageAuthor

ORDER = 40

INDEX = {
    "title": "News",
    "intro": "News from the Cluster4Smart project and the projects that build on it.",
}

CATEGORIES = [
    ("Projects", "projects", "The project’s life and the European projects that follow it."),
    ("Training", "training", "Training for cluster managers: the MOOC and its sessions."),
    ("Results", "results", "What the project produced and where to find it."),
]

AUTHOR = ("SCS communication team", "Project coordinator")

MAIN_SLUG = "cluster4smart-paves-the-way-for-new-projects"

ARTICLES = [
    {
        "slug": "clusters-and-industry-4-0",
        "date": datetime.date(2018, 2, 12),
        "categories": ["projects"],
        "tags": ["industry-4-0", "cluster-management"],
        "title": "Helping clusters through the transition to Industry 4.0",
        "intro": (
            "Cluster4Smart, a European project led by SCS, is building an online course for "
            "cluster managers."
        ),
        "body": [
            (
                "paragraph",
                "<p>Creativity, innovation, competitiveness and new business models based on "
                "digital technologies: every cluster must take them into account to understand "
                "the needs of its members.</p>"
                "<p>Launched in September 2017, Cluster4Smart gives cluster leaders, networks of "
                "companies and their stakeholders a real online training course to improve "
                "their managerial practices.</p>",
            )
        ],
    },
    {
        "slug": "training-sessions-for-cluster-managers",
        "date": datetime.date(2019, 4, 8),
        "categories": ["training"],
        "tags": ["training-session", "cluster-management"],
        "title": "Training sessions for cluster managers",
        "intro": "Cluster managers tried out the Cluster4Smart training content in sessions.",
        "body": [
            (
                "paragraph",
                "<p>The sessions follow the project’s single slogan: spreading good managerial "
                "practices to accelerate the digitalisation of industry.</p>",
            )
        ],
    },
    {
        "slug": "training-resources-online",
        "date": datetime.date(2019, 11, 18),
        "categories": ["training", "results"],
        "tags": ["mooc"],
        "title": "The Cluster4Smart training resources are online",
        "intro": "The MOOC for cluster managers is available on the Cluster4Smart platform.",
        "body": [
            (
                "paragraph",
                "<p>The course helps cluster managers support their members in their "
                "transition to Industry 4.0.</p>",
            )
        ],
    },
    {
        "slug": "cluster4smart-comes-to-an-end",
        "date": datetime.date(2020, 5, 29),
        "categories": ["projects"],
        "tags": ["erasmus-plus"],
        "title": "The Cluster4Smart project comes to an end",
        "intro": "The European project ended at the end of May 2020; its resources remain online.",
        "body": [
            (
                "paragraph",
                "<p>During the project, SCS drew on its experience in digital technologies, "
                "communication and project management.</p>",
            )
        ],
    },
    {
        "slug": MAIN_SLUG,
        "date": datetime.date(2020, 6, 15),
        "categories": ["projects", "results"],
        "tags": ["mooc", "industry-4-0", "erasmus-plus"],
        "title": "European project Cluster4Smart paves the way for new projects",
        "intro": "Allow clusters to optimise their skills within the framework of Industry 4.0.",
        "caption": "Example of a Cluster4Smart training session",
        "body": [
            (
                "paragraph",
                "<p>Creativity, innovation, competitiveness, new business models based on "
                "digital technologies: all points that each cluster must take into account in "
                "order to understand the needs of its members and establish a strategy in line "
                "with their needs.</p>"
                "<p>Launched in September 2017, the European Cluster4Smart project led by SCS "
                "aims to provide any cluster leader, network of companies and their "
                "stakeholders with a real online training course (MOOC) to help them improve "
                "their managerial practices and support their members in their transition to "
                "Industry 4.0.</p>"
                "<p>During the Cluster4Smart process, which ended at the end of May 2020, SCS "
                "was able to use its experience in digital technologies, but also in terms of "
                "communication and project management.</p>"
                "<p>All of these training resources are available on the Cluster4Smart "
                "platform.</p>",
            ),
            ("heading", {"text": "A single slogan", "level": "h2"}),
            (
                "paragraph",
                "<p>Spreading good managerial practices to accelerate the digitalisation of "
                "industry!</p>"
                "<p>The results of the Cluster4Smart project have already served as a basis "
                "for the development of two new European projects and have paved the way for "
                "continuous improvement in the offer of upgrading training content for cluster "
                "managers.</p>",
            ),
            ("heading", {"text": "The BRILLIANT project", "level": "h2"}),
            (
                "paragraph",
                "<p>BRILLIANT is a European Strategic Cluster Partnership for Excellence "
                "(ESCP-4x) co-funded by the COSME programme to facilitate cross-sector "
                "networking and co-learning among industrial clusters representing smart "
                "lighting, furniture and building value chains, aiming at the "
                "professionalisation of specialised and customised business support services "
                "to SMEs.</p>"
                "<p>BRILLIANT is one of the 13 ESCP-4x projects which together implement the "
                "ClusterXchange programme, a new pilot programme to support short-term "
                "exchanges to better connect Europe’s industrial ecosystems.</p>",
            ),
            ("heading", {"text": "The Cluster Manager Education project", "level": "h2"}),
            (
                "paragraph",
                "<p>The new Erasmus+ BSR Cluster Manager Education project aims at developing "
                "and providing a set of key training modules for cluster managers. The training "
                "modules are scheduled for the period September 2020 to November 2021 and will "
                "provide training for 20 cluster managers from the Baltic Sea countries.</p>",
            ),
        ],
    },
    {
        "slug": "brilliant-cluster-partnership",
        "date": datetime.date(2020, 9, 7),
        "categories": ["projects"],
        "tags": ["brilliant", "cosme"],
        "title": "BRILLIANT: a cluster partnership in the ClusterXchange programme",
        "intro": (
            "BRILLIANT, co-funded by the COSME programme, builds on the results of Cluster4Smart."
        ),
        "body": [
            (
                "paragraph",
                "<p>BRILLIANT connects industrial clusters of the smart lighting, furniture and "
                "building value chains, to professionalise business support services to "
                "SMEs.</p>",
            )
        ],
    },
    {
        "slug": "cluster-manager-education-modules",
        "date": datetime.date(2021, 11, 22),
        "categories": ["training"],
        "tags": ["erasmus-plus", "cluster-management"],
        "title": "Training modules for Baltic Sea cluster managers",
        "intro": (
            "The BSR Cluster Manager Education project planned its training modules from "
            "September 2020 to November 2021."
        ),
        "body": [
            (
                "paragraph",
                "<p>The modules were planned for 20 cluster managers from the Baltic Sea "
                "countries.</p>",
            )
        ],
    },
]

FR = {
    "News": "Actualités",
    "news": "actualites",
    INDEX["intro"]: "Les actualités du projet Cluster4Smart et des projets qui en sont issus.",
    "Projects": "Projets",
    "projects": "projets",
    CATEGORIES[0][2]: "La vie du projet et les projets européens qui lui font suite.",
    "Training": "Formation",
    "training": "formation",
    CATEGORIES[1][2]: "La formation des managers de clusters : le MOOC et ses sessions.",
    "Results": "Résultats",
    "results": "resultats",
    CATEGORIES[2][2]: "Ce que le projet a produit et où le trouver.",
    "SCS communication team": "Équipe communication de SCS",
    "Project coordinator": "Coordinateur du projet",
    # 2018
    "clusters-and-industry-4-0": "les-clusters-et-l-industrie-4-0",
    "Helping clusters through the transition to Industry 4.0": (
        "Accompagner les clusters dans la transition vers l’industrie 4.0"
    ),
    ARTICLES[0]["intro"]: (
        "Cluster4Smart, projet européen piloté par SCS, construit une formation en ligne pour "
        "les managers de clusters."
    ),
    (
        "Creativity, innovation, competitiveness and new business models based on digital "
        "technologies: every cluster must take them into account to understand the needs of "
        "its members."
    ): (
        "Créativité, innovation, compétitivité et nouveaux modèles d’affaires fondés sur les "
        "technologies numériques : chaque cluster doit les prendre en compte pour comprendre les "
        "besoins de ses membres."
    ),
    (
        "Launched in September 2017, Cluster4Smart gives cluster leaders, networks of companies "
        "and their stakeholders a real online training course to improve their managerial "
        "practices."
    ): (
        "Lancé en septembre 2017, Cluster4Smart offre aux responsables de clusters, aux réseaux "
        "d’entreprises et à leurs parties prenantes une véritable formation en ligne pour "
        "améliorer leurs pratiques managériales."
    ),
    # 2019 sessions
    "training-sessions-for-cluster-managers": "sessions-de-formation-pour-managers-de-clusters",
    "Training sessions for cluster managers": "Des sessions de formation pour les managers de "
    "clusters",
    ARTICLES[1]["intro"]: (
        "Des managers de clusters ont testé les contenus de formation de Cluster4Smart lors de "
        "sessions."
    ),
    (
        "The sessions follow the project’s single slogan: spreading good managerial practices to "
        "accelerate the digitalisation of industry."
    ): (
        "Les sessions suivent le slogan unique du projet : diffuser les bonnes pratiques "
        "managériales pour accélérer la digitalisation de l’industrie."
    ),
    # 2019 resources
    "training-resources-online": "ressources-de-formation-en-ligne",
    "The Cluster4Smart training resources are online": (
        "Les ressources de formation de Cluster4Smart sont en ligne"
    ),
    ARTICLES[2]["intro"]: (
        "Le MOOC destiné aux managers de clusters est disponible sur la plateforme Cluster4Smart."
    ),
    (
        "The course helps cluster managers support their members in their transition to "
        "Industry 4.0."
    ): (
        "La formation aide les managers de clusters à accompagner leurs membres dans leur "
        "transition vers l’industrie 4.0."
    ),
    # 2020 end
    "cluster4smart-comes-to-an-end": "fin-du-projet-cluster4smart",
    "The Cluster4Smart project comes to an end": "Le projet Cluster4Smart s’achève",
    ARTICLES[3]["intro"]: (
        "Le projet européen s’est terminé fin mai 2020 ; ses ressources restent en ligne."
    ),
    (
        "During the project, SCS drew on its experience in digital technologies, communication "
        "and project management."
    ): (
        "Pendant le projet, SCS s’est appuyé sur son expérience des technologies numériques, de "
        "la communication et de la gestion de projet."
    ),
    # main article
    MAIN_SLUG: "cluster4smart-ouvre-la-voie-a-de-nouveaux-projets",
    "European project Cluster4Smart paves the way for new projects": (
        "Le projet européen Cluster4Smart ouvre la voie à de nouveaux projets"
    ),
    ARTICLES[4]["intro"]: (
        "Permettre aux clusters d’optimiser leurs compétences dans le cadre de l’industrie 4.0."
    ),
    "Example of a Cluster4Smart training session": "Exemple de session de formation Cluster4Smart",
    (
        "Creativity, innovation, competitiveness, new business models based on digital "
        "technologies: all points that each cluster must take into account in order to "
        "understand the needs of its members and establish a strategy in line with their needs."
    ): (
        "Créativité, innovation, compétitivité, nouveaux modèles d’affaires fondés sur les "
        "technologies numériques : autant de points que chaque cluster doit prendre en compte "
        "pour comprendre les besoins de ses membres et définir une stratégie qui y réponde."
    ),
    (
        "Launched in September 2017, the European Cluster4Smart project led by SCS aims to "
        "provide any cluster leader, network of companies and their stakeholders with a real "
        "online training course (MOOC) to help them improve their managerial practices and "
        "support their members in their transition to Industry 4.0."
    ): (
        "Lancé en septembre 2017, le projet européen Cluster4Smart piloté par SCS vise à offrir "
        "à tout responsable de cluster, réseau d’entreprises et à leurs parties prenantes une "
        "véritable formation en ligne (MOOC) pour les aider à améliorer leurs pratiques "
        "managériales et à accompagner leurs membres dans leur transition vers l’industrie 4.0."
    ),
    (
        "During the Cluster4Smart process, which ended at the end of May 2020, SCS was able to "
        "use its experience in digital technologies, but also in terms of communication and "
        "project management."
    ): (
        "Au cours du projet Cluster4Smart, qui s’est achevé fin mai 2020, SCS a pu mettre à "
        "profit son expérience des technologies numériques, mais aussi de la communication et "
        "de la gestion de projet."
    ),
    "All of these training resources are available on the Cluster4Smart platform.": (
        "Toutes ces ressources de formation sont disponibles sur la plateforme Cluster4Smart."
    ),
    "A single slogan": "Un seul slogan",
    "Spreading good managerial practices to accelerate the digitalisation of industry!": (
        "Diffuser les bonnes pratiques managériales pour accélérer la digitalisation de "
        "l’industrie !"
    ),
    (
        "The results of the Cluster4Smart project have already served as a basis for the "
        "development of two new European projects and have paved the way for continuous "
        "improvement in the offer of upgrading training content for cluster managers."
    ): (
        "Les résultats du projet Cluster4Smart ont déjà servi de base à l’élaboration de deux "
        "nouveaux projets européens et ont ouvert la voie à l’amélioration continue de l’offre "
        "de formation de mise à niveau destinée aux managers de clusters."
    ),
    "The BRILLIANT project": "Le projet BRILLIANT",
    (
        "BRILLIANT is a European Strategic Cluster Partnership for Excellence (ESCP-4x) "
        "co-funded by the COSME programme to facilitate cross-sector networking and co-learning "
        "among industrial clusters representing smart lighting, furniture and building value "
        "chains, aiming at the professionalisation of specialised and customised business "
        "support services to SMEs."
    ): (
        "BRILLIANT est un partenariat stratégique européen de clusters pour l’excellence "
        "(ESCP-4x) cofinancé par le programme COSME pour faciliter la mise en réseau et "
        "l’apprentissage mutuel intersectoriels entre clusters industriels des chaînes de valeur "
        "de l’éclairage intelligent, du meuble et du bâtiment, en vue de professionnaliser des "
        "services d’accompagnement spécialisés et sur mesure pour les PME."
    ),
    (
        "BRILLIANT is one of the 13 ESCP-4x projects which together implement the ClusterXchange "
        "programme, a new pilot programme to support short-term exchanges to better connect "
        "Europe’s industrial ecosystems."
    ): (
        "BRILLIANT est l’un des 13 projets ESCP-4x qui mettent en œuvre ensemble le programme "
        "ClusterXchange, un nouveau programme pilote de soutien aux échanges de courte durée "
        "pour mieux relier les écosystèmes industriels européens."
    ),
    "The Cluster Manager Education project": "Le projet Cluster Manager Education",
    (
        "The new Erasmus+ BSR Cluster Manager Education project aims at developing and "
        "providing a set of key training modules for cluster managers. The training modules are "
        "scheduled for the period September 2020 to November 2021 and will provide training for "
        "20 cluster managers from the Baltic Sea countries."
    ): (
        "Le nouveau projet Erasmus+ BSR Cluster Manager Education vise à développer et proposer "
        "un ensemble de modules de formation clés pour les managers de clusters. Les modules "
        "sont prévus de septembre 2020 à novembre 2021 et formeront 20 managers de clusters des "
        "pays de la mer Baltique."
    ),
    # BRILLIANT
    "brilliant-cluster-partnership": "brilliant-partenariat-de-clusters",
    "BRILLIANT: a cluster partnership in the ClusterXchange programme": (
        "BRILLIANT : un partenariat de clusters du programme ClusterXchange"
    ),
    ARTICLES[5]["intro"]: (
        "BRILLIANT, cofinancé par le programme COSME, s’appuie sur les résultats de Cluster4Smart."
    ),
    (
        "BRILLIANT connects industrial clusters of the smart lighting, furniture and building "
        "value chains, to professionalise business support services to SMEs."
    ): (
        "BRILLIANT relie des clusters industriels des chaînes de valeur de l’éclairage "
        "intelligent, du meuble et du bâtiment, pour professionnaliser les services "
        "d’accompagnement des PME."
    ),
    # 2021
    "cluster-manager-education-modules": "modules-cluster-manager-education",
    "Training modules for Baltic Sea cluster managers": (
        "Des modules de formation pour les managers de clusters de la mer Baltique"
    ),
    ARTICLES[6]["intro"]: (
        "Le projet BSR Cluster Manager Education a programmé ses modules de formation de "
        "septembre 2020 à novembre 2021."
    ),
    "The modules were planned for 20 cluster managers from the Baltic Sea countries.": (
        "Les modules étaient prévus pour 20 managers de clusters des pays de la mer Baltique."
    ),
}

ES = {
    "News": "Noticias",
    "news": "noticias",
    INDEX["intro"]: "Noticias del proyecto Cluster4Smart y de los proyectos que parten de él.",
    "Projects": "Proyectos",
    "projects": "proyectos",
    CATEGORIES[0][2]: "La vida del proyecto y los proyectos europeos que le dan continuidad.",
    "Training": "Formación",
    "training": "formacion",
    CATEGORIES[1][2]: "Formación para gestores de clústeres: el MOOC y sus sesiones.",
    "Results": "Resultados",
    "results": "resultados",
    CATEGORIES[2][2]: "Lo que produjo el proyecto y dónde encontrarlo.",
    "SCS communication team": "Equipo de comunicación de SCS",
    "Project coordinator": "Coordinador del proyecto",
    "clusters-and-industry-4-0": "los-clusteres-y-la-industria-4-0",
    "Helping clusters through the transition to Industry 4.0": (
        "Acompañar a los clústeres en la transición a la industria 4.0"
    ),
    ARTICLES[0]["intro"]: (
        "Cluster4Smart, un proyecto europeo dirigido por SCS, está creando un curso en línea "
        "para gestores de clústeres."
    ),
    (
        "Creativity, innovation, competitiveness and new business models based on digital "
        "technologies: every cluster must take them into account to understand the needs of "
        "its members."
    ): (
        "Creatividad, innovación, competitividad y nuevos modelos de negocio basados en las "
        "tecnologías digitales: todo clúster debe tenerlos en cuenta para entender las "
        "necesidades de sus miembros."
    ),
    (
        "Launched in September 2017, Cluster4Smart gives cluster leaders, networks of companies "
        "and their stakeholders a real online training course to improve their managerial "
        "practices."
    ): (
        "Iniciado en septiembre de 2017, Cluster4Smart ofrece a los responsables de clústeres, "
        "a las redes de empresas y a sus partes interesadas un verdadero curso en línea para "
        "mejorar sus prácticas de gestión."
    ),
    "training-sessions-for-cluster-managers": "sesiones-de-formacion-para-gestores-de-clusteres",
    "Training sessions for cluster managers": "Sesiones de formación para gestores de clústeres",
    ARTICLES[1]["intro"]: (
        "Gestores de clústeres probaron en sesiones los contenidos formativos de Cluster4Smart."
    ),
    (
        "The sessions follow the project’s single slogan: spreading good managerial practices to "
        "accelerate the digitalisation of industry."
    ): (
        "Las sesiones siguen el único lema del proyecto: difundir las buenas prácticas de "
        "gestión para acelerar la digitalización de la industria."
    ),
    "training-resources-online": "recursos-de-formacion-en-linea",
    "The Cluster4Smart training resources are online": (
        "Los recursos de formación de Cluster4Smart ya están en línea"
    ),
    ARTICLES[2]["intro"]: (
        "El MOOC para gestores de clústeres está disponible en la plataforma Cluster4Smart."
    ),
    (
        "The course helps cluster managers support their members in their transition to "
        "Industry 4.0."
    ): (
        "El curso ayuda a los gestores de clústeres a acompañar a sus miembros en la transición "
        "a la industria 4.0."
    ),
    "cluster4smart-comes-to-an-end": "concluye-el-proyecto-cluster4smart",
    "The Cluster4Smart project comes to an end": "Concluye el proyecto Cluster4Smart",
    ARTICLES[3]["intro"]: (
        "El proyecto europeo terminó a finales de mayo de 2020; sus recursos siguen en línea."
    ),
    (
        "During the project, SCS drew on its experience in digital technologies, communication "
        "and project management."
    ): (
        "Durante el proyecto, SCS se apoyó en su experiencia en tecnologías digitales, "
        "comunicación y gestión de proyectos."
    ),
    MAIN_SLUG: "cluster4smart-abre-el-camino-a-nuevos-proyectos",
    "European project Cluster4Smart paves the way for new projects": (
        "El proyecto europeo Cluster4Smart abre el camino a nuevos proyectos"
    ),
    ARTICLES[4]["intro"]: (
        "Permitir a los clústeres optimizar sus competencias en el marco de la industria 4.0."
    ),
    "Example of a Cluster4Smart training session": (
        "Ejemplo de una sesión de formación de Cluster4Smart"
    ),
    (
        "Creativity, innovation, competitiveness, new business models based on digital "
        "technologies: all points that each cluster must take into account in order to "
        "understand the needs of its members and establish a strategy in line with their needs."
    ): (
        "Creatividad, innovación, competitividad, nuevos modelos de negocio basados en las "
        "tecnologías digitales: todos ellos son aspectos que cada clúster debe tener en cuenta "
        "para entender las necesidades de sus miembros y definir una estrategia acorde con ellas."
    ),
    (
        "Launched in September 2017, the European Cluster4Smart project led by SCS aims to "
        "provide any cluster leader, network of companies and their stakeholders with a real "
        "online training course (MOOC) to help them improve their managerial practices and "
        "support their members in their transition to Industry 4.0."
    ): (
        "Iniciado en septiembre de 2017, el proyecto europeo Cluster4Smart, dirigido por SCS, "
        "pretende ofrecer a cualquier responsable de clúster, red de empresas y sus partes "
        "interesadas un verdadero curso en línea (MOOC) que les ayude a mejorar sus prácticas de "
        "gestión y a acompañar a sus miembros en la transición a la industria 4.0."
    ),
    (
        "During the Cluster4Smart process, which ended at the end of May 2020, SCS was able to "
        "use its experience in digital technologies, but also in terms of communication and "
        "project management."
    ): (
        "Durante el proyecto Cluster4Smart, que terminó a finales de mayo de 2020, SCS pudo "
        "aprovechar su experiencia en tecnologías digitales, pero también en comunicación y "
        "gestión de proyectos."
    ),
    "All of these training resources are available on the Cluster4Smart platform.": (
        "Todos estos recursos de formación están disponibles en la plataforma Cluster4Smart."
    ),
    "A single slogan": "Un único lema",
    "Spreading good managerial practices to accelerate the digitalisation of industry!": (
        "¡Difundir las buenas prácticas de gestión para acelerar la digitalización de la industria!"
    ),
    (
        "The results of the Cluster4Smart project have already served as a basis for the "
        "development of two new European projects and have paved the way for continuous "
        "improvement in the offer of upgrading training content for cluster managers."
    ): (
        "Los resultados del proyecto Cluster4Smart ya han servido de base para dos nuevos "
        "proyectos europeos y han abierto el camino a la mejora continua de la oferta de "
        "formación de actualización para gestores de clústeres."
    ),
    "The BRILLIANT project": "El proyecto BRILLIANT",
    (
        "BRILLIANT is a European Strategic Cluster Partnership for Excellence (ESCP-4x) "
        "co-funded by the COSME programme to facilitate cross-sector networking and co-learning "
        "among industrial clusters representing smart lighting, furniture and building value "
        "chains, aiming at the professionalisation of specialised and customised business "
        "support services to SMEs."
    ): (
        "BRILLIANT es una Asociación Estratégica Europea de Clústeres para la Excelencia "
        "(ESCP-4x) cofinanciada por el programa COSME para facilitar el trabajo en red y el "
        "aprendizaje mutuo intersectorial entre clústeres industriales de las cadenas de valor "
        "de la iluminación inteligente, el mueble y la construcción, con el objetivo de "
        "profesionalizar servicios de apoyo empresarial especializados y a medida para las "
        "pymes."
    ),
    (
        "BRILLIANT is one of the 13 ESCP-4x projects which together implement the ClusterXchange "
        "programme, a new pilot programme to support short-term exchanges to better connect "
        "Europe’s industrial ecosystems."
    ): (
        "BRILLIANT es uno de los 13 proyectos ESCP-4x que aplican conjuntamente el programa "
        "ClusterXchange, un nuevo programa piloto de apoyo a intercambios de corta duración para "
        "conectar mejor los ecosistemas industriales de Europa."
    ),
    "The Cluster Manager Education project": "El proyecto Cluster Manager Education",
    (
        "The new Erasmus+ BSR Cluster Manager Education project aims at developing and "
        "providing a set of key training modules for cluster managers. The training modules are "
        "scheduled for the period September 2020 to November 2021 and will provide training for "
        "20 cluster managers from the Baltic Sea countries."
    ): (
        "El nuevo proyecto Erasmus+ BSR Cluster Manager Education tiene como objetivo "
        "desarrollar y ofrecer un conjunto de módulos de formación clave para gestores de "
        "clústeres. Los módulos están previstos de septiembre de 2020 a noviembre de 2021 y "
        "formarán a 20 gestores de clústeres de los países del mar Báltico."
    ),
    "brilliant-cluster-partnership": "brilliant-asociacion-de-clusteres",
    "BRILLIANT: a cluster partnership in the ClusterXchange programme": (
        "BRILLIANT: una asociación de clústeres del programa ClusterXchange"
    ),
    ARTICLES[5]["intro"]: (
        "BRILLIANT, cofinanciado por el programa COSME, se basa en los resultados de Cluster4Smart."
    ),
    (
        "BRILLIANT connects industrial clusters of the smart lighting, furniture and building "
        "value chains, to professionalise business support services to SMEs."
    ): (
        "BRILLIANT conecta clústeres industriales de las cadenas de valor de la iluminación "
        "inteligente, el mueble y la construcción para profesionalizar los servicios de apoyo "
        "a las pymes."
    ),
    "cluster-manager-education-modules": "modulos-cluster-manager-education",
    "Training modules for Baltic Sea cluster managers": (
        "Módulos de formación para gestores de clústeres del mar Báltico"
    ),
    ARTICLES[6]["intro"]: (
        "El proyecto BSR Cluster Manager Education programó sus módulos de formación de "
        "septiembre de 2020 a noviembre de 2021."
    ),
    "The modules were planned for 20 cluster managers from the Baltic Sea countries.": (
        "Los módulos estaban previstos para 20 gestores de clústeres de los países del mar Báltico."
    ),
}

HU = {
    "News": "Hírek",
    "news": "hirek",
    INDEX["intro"]: "Hírek a Cluster4Smart projektről és az arra épülő projektekről.",
    "Projects": "Projektek",
    "projects": "projektek",
    CATEGORIES[0][2]: "A projekt élete és az azt követő európai projektek.",
    "Training": "Képzés",
    "training": "kepzes",
    CATEGORIES[1][2]: "Képzés klasztermenedzsereknek: a MOOC és foglalkozásai.",
    "Results": "Eredmények",
    "results": "eredmenyek",
    CATEGORIES[2][2]: "Amit a projekt létrehozott, és ahol megtalálható.",
    "SCS communication team": "Az SCS kommunikációs csapata",
    "Project coordinator": "Projektkoordinátor",
    "clusters-and-industry-4-0": "klaszterek-es-az-ipar-4-0",
    "Helping clusters through the transition to Industry 4.0": (
        "A klaszterek támogatása az Ipar 4.0-ra való átállásban"
    ),
    ARTICLES[0]["intro"]: (
        "Az SCS által vezetett európai Cluster4Smart projekt online tanfolyamot készít "
        "klasztermenedzsereknek."
    ),
    (
        "Creativity, innovation, competitiveness and new business models based on digital "
        "technologies: every cluster must take them into account to understand the needs of "
        "its members."
    ): (
        "Kreativitás, innováció, versenyképesség és digitális technológiákra épülő új üzleti "
        "modellek: minden klaszternek figyelembe kell vennie ezeket, hogy megértse tagjai "
        "igényeit."
    ),
    (
        "Launched in September 2017, Cluster4Smart gives cluster leaders, networks of companies "
        "and their stakeholders a real online training course to improve their managerial "
        "practices."
    ): (
        "A 2017 szeptemberében indult Cluster4Smart valódi online képzést kínál "
        "klasztervezetőknek, vállalati hálózatoknak és érintettjeiknek vezetési gyakorlatuk "
        "fejlesztéséhez."
    ),
    "training-sessions-for-cluster-managers": "kepzesek-klasztermenedzsereknek",
    "Training sessions for cluster managers": "Képzési alkalmak klasztermenedzsereknek",
    ARTICLES[1]["intro"]: (
        "Klasztermenedzserek képzési alkalmakon próbálták ki a Cluster4Smart tananyagait."
    ),
    (
        "The sessions follow the project’s single slogan: spreading good managerial practices to "
        "accelerate the digitalisation of industry."
    ): (
        "A képzések a projekt egyetlen jelmondatát követik: a jó vezetési gyakorlatok "
        "terjesztése az ipar digitalizációjának felgyorsításáért."
    ),
    "training-resources-online": "online-kepzesi-anyagok",
    "The Cluster4Smart training resources are online": (
        "Elérhetők a Cluster4Smart képzési anyagai"
    ),
    ARTICLES[2]["intro"]: (
        "A klasztermenedzsereknek szóló MOOC a Cluster4Smart platformon érhető el."
    ),
    (
        "The course helps cluster managers support their members in their transition to "
        "Industry 4.0."
    ): (
        "A tanfolyam segít a klasztermenedzsereknek tagjaik támogatásában az Ipar 4.0-ra való "
        "átállás során."
    ),
    "cluster4smart-comes-to-an-end": "lezarult-a-cluster4smart-projekt",
    "The Cluster4Smart project comes to an end": "Lezárult a Cluster4Smart projekt",
    ARTICLES[3]["intro"]: (
        "Az európai projekt 2020 május végén zárult; anyagai továbbra is elérhetők online."
    ),
    (
        "During the project, SCS drew on its experience in digital technologies, communication "
        "and project management."
    ): (
        "A projekt során az SCS a digitális technológiák, a kommunikáció és a "
        "projektmenedzsment terén szerzett tapasztalatára támaszkodott."
    ),
    MAIN_SLUG: "a-cluster4smart-utat-nyit-uj-projekteknek",
    "European project Cluster4Smart paves the way for new projects": (
        "Az európai Cluster4Smart projekt utat nyit új projekteknek"
    ),
    ARTICLES[4]["intro"]: (
        "Hogy a klaszterek optimalizálhassák kompetenciáikat az Ipar 4.0 keretében."
    ),
    "Example of a Cluster4Smart training session": "Egy Cluster4Smart képzési alkalom",
    (
        "Creativity, innovation, competitiveness, new business models based on digital "
        "technologies: all points that each cluster must take into account in order to "
        "understand the needs of its members and establish a strategy in line with their needs."
    ): (
        "Kreativitás, innováció, versenyképesség, digitális technológiákra épülő új üzleti "
        "modellek: mind olyan szempont, amelyet minden klaszternek figyelembe kell vennie, hogy "
        "megértse tagjai igényeit, és ezekhez illő stratégiát alakítson ki."
    ),
    (
        "Launched in September 2017, the European Cluster4Smart project led by SCS aims to "
        "provide any cluster leader, network of companies and their stakeholders with a real "
        "online training course (MOOC) to help them improve their managerial practices and "
        "support their members in their transition to Industry 4.0."
    ): (
        "A 2017 szeptemberében indult, az SCS által vezetett európai Cluster4Smart projekt célja, "
        "hogy minden klasztervezető, vállalati hálózat és érintettjeik valódi online képzést "
        "(MOOC) kapjanak, amely segít vezetési gyakorlatuk fejlesztésében és tagjaik Ipar "
        "4.0-ra való átállásának támogatásában."
    ),
    (
        "During the Cluster4Smart process, which ended at the end of May 2020, SCS was able to "
        "use its experience in digital technologies, but also in terms of communication and "
        "project management."
    ): (
        "A 2020 május végén lezárult Cluster4Smart projekt során az SCS a digitális "
        "technológiák, valamint a kommunikáció és a projektmenedzsment terén szerzett "
        "tapasztalatát is hasznosíthatta."
    ),
    "All of these training resources are available on the Cluster4Smart platform.": (
        "Mindezek a képzési anyagok elérhetők a Cluster4Smart platformon."
    ),
    "A single slogan": "Egyetlen jelmondat",
    "Spreading good managerial practices to accelerate the digitalisation of industry!": (
        "A jó vezetési gyakorlatok terjesztése az ipar digitalizációjának felgyorsításáért!"
    ),
    (
        "The results of the Cluster4Smart project have already served as a basis for the "
        "development of two new European projects and have paved the way for continuous "
        "improvement in the offer of upgrading training content for cluster managers."
    ): (
        "A Cluster4Smart projekt eredményei már két új európai projekt kidolgozásának alapjául "
        "szolgáltak, és utat nyitottak a klasztermenedzsereknek szóló továbbképzési kínálat "
        "folyamatos fejlesztéséhez."
    ),
    "The BRILLIANT project": "A BRILLIANT projekt",
    (
        "BRILLIANT is a European Strategic Cluster Partnership for Excellence (ESCP-4x) "
        "co-funded by the COSME programme to facilitate cross-sector networking and co-learning "
        "among industrial clusters representing smart lighting, furniture and building value "
        "chains, aiming at the professionalisation of specialised and customised business "
        "support services to SMEs."
    ): (
        "A BRILLIANT a COSME program által társfinanszírozott európai stratégiai klaszter-"
        "partnerség a kiválóságért (ESCP-4x), amely az intelligens világítás, a bútoripar és az "
        "építőipar értékláncait képviselő ipari klaszterek ágazatközi kapcsolatépítését és "
        "kölcsönös tanulását segíti, a kkv-knak nyújtott szakosodott és személyre szabott "
        "üzletfejlesztési szolgáltatások professzionalizálása érdekében."
    ),
    (
        "BRILLIANT is one of the 13 ESCP-4x projects which together implement the ClusterXchange "
        "programme, a new pilot programme to support short-term exchanges to better connect "
        "Europe’s industrial ecosystems."
    ): (
        "A BRILLIANT egyike annak a 13 ESCP-4x projektnek, amelyek együtt valósítják meg a "
        "ClusterXchange programot, a rövid távú cserék támogatására indított új kísérleti "
        "programot, amely jobban összekapcsolja Európa ipari ökoszisztémáit."
    ),
    "The Cluster Manager Education project": "A Cluster Manager Education projekt",
    (
        "The new Erasmus+ BSR Cluster Manager Education project aims at developing and "
        "providing a set of key training modules for cluster managers. The training modules are "
        "scheduled for the period September 2020 to November 2021 and will provide training for "
        "20 cluster managers from the Baltic Sea countries."
    ): (
        "Az új Erasmus+ BSR Cluster Manager Education projekt célja kulcsfontosságú képzési "
        "modulok kidolgozása és biztosítása klasztermenedzsereknek. A modulokat 2020 "
        "szeptemberétől 2021 novemberéig tervezik, és 20 klasztermenedzsert képeznek a "
        "Balti-tenger menti országokból."
    ),
    "brilliant-cluster-partnership": "brilliant-klaszterpartnerseg",
    "BRILLIANT: a cluster partnership in the ClusterXchange programme": (
        "BRILLIANT: klaszterpartnerség a ClusterXchange programban"
    ),
    ARTICLES[5]["intro"]: (
        "A COSME program által társfinanszírozott BRILLIANT a Cluster4Smart eredményeire épít."
    ),
    (
        "BRILLIANT connects industrial clusters of the smart lighting, furniture and building "
        "value chains, to professionalise business support services to SMEs."
    ): (
        "A BRILLIANT az intelligens világítás, a bútoripar és az építőipar értékláncainak ipari "
        "klasztereit kapcsolja össze, hogy professzionalizálja a kkv-knak nyújtott "
        "üzletfejlesztési szolgáltatásokat."
    ),
    "cluster-manager-education-modules": "cluster-manager-education-modulok",
    "Training modules for Baltic Sea cluster managers": (
        "Képzési modulok Balti-tenger menti klasztermenedzsereknek"
    ),
    ARTICLES[6]["intro"]: (
        "A BSR Cluster Manager Education projekt 2020 szeptemberétől 2021 novemberéig tervezte "
        "képzési moduljait."
    ),
    "The modules were planned for 20 cluster managers from the Baltic Sea countries.": (
        "A modulokat 20, Balti-tenger menti országokból származó klasztermenedzsernek szánták."
    ),
}

CATALOGUES = {"fr": FR, "es": ES, "hu": HU}


def seed(demo):
    home = demo.home
    index = demo.page(home, NewsIndexPage, "news", show_in_menus=True, **INDEX)
    demo.translate(index, CATALOGUES)

    categories = {}
    for name, slug, description in CATEGORIES:
        category = NewsCategory.objects.filter(slug=slug, locale=demo.source_locale).first()
        if category is None:
            category = NewsCategory.objects.create(
                name=name, slug=slug, description=description, locale=demo.source_locale
            )
            demo.created += 1
            demo.log(f"  created news category “{name}”")
        demo.translate(category, CATALOGUES)
        categories[slug] = category

    image = demo.image(
        "Cluster4Smart training session",
        alt="Cluster managers around a table during a training session",
        credit="SCS",
    )
    for spec in ARTICLES:
        existing = index.get_children().filter(slug=spec["slug"]).exists()
        fields = {
            "title": spec["title"],
            "date": spec["date"],
            "intro": spec["intro"],
            "body": spec["body"],
        }
        if spec["slug"] == MAIN_SLUG:
            fields["featured_image"] = image
            fields["featured_image_caption"] = spec["caption"]
        page = demo.page(index, NewsPage, spec["slug"], **fields)
        if not existing:
            page.categories.set([categories[slug] for slug in spec["categories"]])
            page.tags.set(spec["tags"])
            page.authors.add(NewsPageAuthor(name=AUTHOR[0], role=AUTHOR[1]))
            page.save_revision().publish()
        demo.translate(page, CATALOGUES)

    # Events (news/events/demo.py): only those the seed article and the facts file state.
    from news.events import demo as events_demo

    events_demo.seed(demo)
