"""Demo events: only those the seed article and the facts file state, nothing invented.

- The Cluster4Smart launch webinar of 25 May 2020 (facts file: "launch webinar on 25 May
  2020"). Its time, link and languages are not stated: it is an all-day (date-only) online
  event without a link, which the model allows for past events.
- The BSR Cluster Manager Education training modules, "scheduled for the period September 2020
  to November 2021" (seed article), "two physical meetings of one and a half days each,
  online during the pandemic" (facts file): an all-day hybrid training from the first day of
  September 2020 to the last of November 2021, without venue, link or languages.

Called from news/demo.py after the news (the projects exist by then, from training/demo.py)."""

import datetime

from home.models import ProjectPage

from .models import EventIndexPage, EventPage

INDEX = {
    "title": "Events",
    "intro": (
        "Webinars, training sessions and meetings of Cluster4Smart and the projects that build "
        "on it."
    ),
}

EVENTS = [
    {
        "slug": "cluster4smart-launch-webinar",
        "project": "cluster4smart",
        "title": "Cluster4Smart launch webinar",
        "intro": "The webinar that launched the Cluster4Smart online course (MOOC) on 25 May 2020.",
        "event_type": "webinar",
        "attendance_mode": "online",
        "start": datetime.date(2020, 5, 25),
        "end": datetime.date(2020, 5, 25),
    },
    {
        "slug": "bsr-cluster-manager-education-training-modules",
        "project": "bsr-cluster-manager-education",
        "title": "BSR Cluster Manager Education training modules",
        "intro": (
            "Training modules for cluster managers from the Baltic Sea countries, scheduled from "
            "September 2020 to November 2021: two physical meetings of one and a half days each, "
            "held online during the pandemic."
        ),
        "event_type": "training",
        "attendance_mode": "hybrid",
        "start": datetime.date(2020, 9, 1),
        "end": datetime.date(2021, 11, 30),
    },
]

FR = {
    "Events": "Événements",
    "events": "evenements",
    INDEX["intro"]: (
        "Webinaires, sessions de formation et réunions de Cluster4Smart et des projets qui en "
        "sont issus."
    ),
    EVENTS[0]["title"]: "Webinaire de lancement de Cluster4Smart",
    EVENTS[0]["slug"]: "webinaire-de-lancement-cluster4smart",
    EVENTS[0]["intro"]: (
        "Le webinaire qui a lancé le cours en ligne (MOOC) de Cluster4Smart le 25 mai 2020."
    ),
    EVENTS[1]["title"]: "Modules de formation de BSR Cluster Manager Education",
    EVENTS[1]["slug"]: "modules-de-formation-bsr-cluster-manager-education",
    EVENTS[1]["intro"]: (
        "Des modules de formation pour des managers de clusters des pays de la mer Baltique, "
        "prévus de septembre 2020 à novembre 2021 : deux réunions physiques d’un jour et demi "
        "chacune, tenues en ligne pendant la pandémie."
    ),
}

ES = {
    "Events": "Eventos",
    "events": "eventos",
    INDEX["intro"]: (
        "Seminarios web, sesiones de formación y reuniones de Cluster4Smart y de los proyectos "
        "que continúan su labor."
    ),
    EVENTS[0]["title"]: "Seminario web de lanzamiento de Cluster4Smart",
    EVENTS[0]["slug"]: "seminario-web-de-lanzamiento-cluster4smart",
    EVENTS[0]["intro"]: (
        "El seminario web que lanzó el curso en línea (MOOC) de Cluster4Smart el 25 de mayo "
        "de 2020."
    ),
    EVENTS[1]["title"]: "Módulos de formación de BSR Cluster Manager Education",
    EVENTS[1]["slug"]: "modulos-de-formacion-bsr-cluster-manager-education",
    EVENTS[1]["intro"]: (
        "Módulos de formación para gestores de clústeres de los países del mar Báltico, "
        "previstos de septiembre de 2020 a noviembre de 2021: dos reuniones presenciales de "
        "un día y medio cada una, celebradas en línea durante la pandemia."
    ),
}

HU = {
    "Events": "Események",
    "events": "esemenyek",
    INDEX["intro"]: (
        "A Cluster4Smart és az arra épülő projektek webináriumai, képzései és találkozói."
    ),
    EVENTS[0]["title"]: "A Cluster4Smart indító webináriuma",
    EVENTS[0]["slug"]: "cluster4smart-indito-webinarium",
    EVENTS[0]["intro"]: (
        "A webinárium, amely 2020. május 25-én elindította a Cluster4Smart online kurzusát (MOOC)."
    ),
    EVENTS[1]["title"]: "A BSR Cluster Manager Education képzési moduljai",
    EVENTS[1]["slug"]: "bsr-cluster-manager-education-kepzesi-modulok",
    EVENTS[1]["intro"]: (
        "Képzési modulok a Balti-tenger menti országok klasztermenedzsereinek, 2020 "
        "szeptemberétől 2021 novemberéig: két, egyenként másfél napos személyes találkozó, "
        "amelyeket a járvány idején online tartottak."
    ),
}

CATALOGUES = {"fr": FR, "es": ES, "hu": HU}


def midnight(day):
    return datetime.datetime.combine(day, datetime.time(0), tzinfo=datetime.UTC)


def seed(demo):
    index = demo.page(demo.home, EventIndexPage, "events", show_in_menus=True, **INDEX)
    demo.translate(index, CATALOGUES)
    for spec in EVENTS:
        project = ProjectPage.objects.filter(
            slug=spec["project"], locale=demo.source_locale
        ).first()
        if project is None:
            demo.log(f"  no project “{spec['project']}” for the event {spec['title']}")
        page = demo.page(
            index,
            EventPage,
            spec["slug"],
            title=spec["title"],
            intro=spec["intro"],
            event_type=spec["event_type"],
            attendance_mode=spec["attendance_mode"],
            all_day=True,
            time_zone="",
            start=midnight(spec["start"]),
            end=midnight(spec["end"]),
            project=project,
        )
        demo.translate(page, CATALOGUES)
