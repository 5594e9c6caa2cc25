import factory
import wagtail_factories

from .models import ContactFormField, ContactFormPage


class ContactFormPageFactory(wagtail_factories.PageFactory):
    title = "Contact"
    intro = "Questions about the project?"
    to_address = "coordinator@example.org"
    from_address = "portal@example.org"
    subject = "Message from the contact form"
    thank_you_text = "<p>Thank you, we will answer soon.</p>"

    class Meta:
        model = ContactFormPage


class ContactFormFieldFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(ContactFormPageFactory)
    label = factory.Sequence(lambda n: f"Field {n}")
    field_type = "singleline"
    required = True

    class Meta:
        model = ContactFormField


def standard_fields(page):
    """Name, e-mail and message: the fields editors usually choose."""
    for order, (label, kind) in enumerate(
        [("Your name", "singleline"), ("Email", "email"), ("Message", "multiline")]
    ):
        ContactFormFieldFactory(page=page, label=label, field_type=kind, sort_order=order)
    page.save_revision().publish()
    return page
