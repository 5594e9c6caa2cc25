import factory
from django.utils import timezone

from .models import Consent, Digest, DigestItem, Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    language = "en"
    status = Subscriber.Status.SUBSCRIBED
    subscribed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Subscriber


class ConsentFactory(factory.django.DjangoModelFactory):
    subscriber = factory.SubFactory(SubscriberFactory)
    requested_at = factory.LazyFunction(timezone.now)
    given_at = factory.LazyFunction(timezone.now)
    language = factory.SelfAttribute("subscriber.language")
    method = Consent.Method.IMPORT
    text_version = "test"
    text = "I want to receive the project's news by e-mail."

    class Meta:
        model = Consent


class DigestFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Digest {n}")

    class Meta:
        model = Digest


class DigestItemFactory(factory.django.DjangoModelFactory):
    digest = factory.SubFactory(DigestFactory)

    class Meta:
        model = DigestItem
