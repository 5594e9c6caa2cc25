"""Factories for the news app, shared by the tests and the large-site builder."""

import datetime
import zoneinfo

import factory
import wagtail_factories
from wagtail.models import Locale

from .models import EventIndexPage, EventPage, NewsCategory, NewsIndexPage, NewsPage


class NewsCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = NewsCategory


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = "news"
    intro = "News from the project."
    show_in_menus = True

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News article {n}")
    slug = factory.Sequence(lambda n: f"news-article-{n}")
    date = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
    intro = "A short lead for the article."

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if extracted:
            self.categories.set(extracted)
            if create:
                self.save()

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if extracted:
            self.tags.set(extracted)
            if create:
                self.save()


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"
    intro = "Webinars, training sessions and meetings of the projects."
    show_in_menus = True

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """A webinar on a weekday afternoon in Brussels, one hour long, with its access link."""

    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    intro = "A short description of the event."
    event_type = "webinar"
    attendance_mode = "online"
    time_zone = "Europe/Brussels"
    start = factory.Sequence(
        lambda n: (
            datetime.datetime(2030, 1, 7, 14, tzinfo=zoneinfo.ZoneInfo("Europe/Brussels"))
            + datetime.timedelta(days=n)
        )
    )
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=1))
    online_url = "https://meet.example.org/webinar"

    class Meta:
        model = EventPage
