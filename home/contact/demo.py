"""The demo's contact form page, with its French, Spanish and Hungarian strings. It sends no
e-mail until an editor sets the address to send messages to (none is known from the seed
facts); messages are stored and listed in the admin meanwhile."""

from .models import ContactFormField, ContactFormPage

SUBJECT = "Message from the Cluster4Smart site"
THANKS = "Thank you for your message. The coordinator will answer you by e-mail."
FIELDS = [("Name", "singleline"), ("E-mail", "email"), ("Message", "multiline")]

FR = {
    SUBJECT: "Message depuis le site Cluster4Smart",
    THANKS: "Merci pour votre message. Le coordinateur vous répondra par courriel.",
    "Name": "Nom",
    "E-mail": "Courriel",
    "Message": "Message",
}
ES = {
    SUBJECT: "Mensaje desde el sitio de Cluster4Smart",
    THANKS: "Gracias por su mensaje. El coordinador le responderá por correo electrónico.",
    "Name": "Nombre",
    "E-mail": "Correo electrónico",
    "Message": "Mensaje",
}
HU = {
    SUBJECT: "Üzenet a Cluster4Smart oldaláról",
    THANKS: "Köszönjük az üzenetét. A koordinátor e-mailben válaszol.",
    "Name": "Név",
    "E-mail": "E-mail-cím",
    "Message": "Üzenet",
}
CATALOGUES = {"fr": FR, "es": ES, "hu": HU}


def seed(demo, home, catalogues, title, intro):
    """The contact form under `home`; `catalogues` hold the base app's strings (title, slug,
    intro), merged with this module's."""
    page = demo.page(
        home,
        ContactFormPage,
        "contact",
        title=title,
        intro=intro,
        show_in_menus=True,
        subject=SUBJECT,
        thank_you_text=f"<p>{THANKS}</p>",
        form_fields=[
            ContactFormField(label=label, field_type=kind, required=True, sort_order=order)
            for order, (label, kind) in enumerate(FIELDS)
        ],
    )
    demo.translate(
        page, {code: {**strings, **CATALOGUES[code]} for code, strings in catalogues.items()}
    )
    return page
