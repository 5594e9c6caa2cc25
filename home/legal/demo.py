"""Demo texts of the legal pages added for the newsletter and the contact form, with their
French, Spanish and Hungarian translations (keyed by the English source, like home/demo.py).
They are templates, and say so: the coordinator, the data controller, completes and checks
them. Nothing here goes beyond the seed facts (the coordinator is SCS, France)."""

TEMPLATE_NOTE = (
    "This text is a template shipped with the demo content: the coordinator must check and "
    "complete it before the site is published."
)
CONTROLLER = (
    "The data controller is the project coordinator, SCS, France. Write to "
    "the coordinator through the contact form of this site."
)
FORMS = (
    "The contact form sets one cookie, which protects the form against forged submissions; "
    "no other page sets any. Messages sent with the form are used only to answer them and are "
    "deleted after 180 days."
)
NEWSLETTER = (
    "If you subscribe to the newsletter, your address, your language and the record of your "
    "consent are kept until you unsubscribe. Every newsletter has a link to unsubscribe in one "
    "click; the record of the consent and of its withdrawal is kept as proof, without your "
    "address if you ask for it to be erased."
)
RIGHTS = (
    "You may ask to see, correct or erase the personal data held about you, withdraw your "
    "consent or object to its use, by writing to the coordinator. You may also complain to your "
    "data protection authority."
)
KNOWN_ISSUES = (
    "No accessibility audit has been made yet, so this statement does not list what is known "
    "not to meet the standard. The coordinator completes this part after an audit."
)

PRIVACY_PARAGRAPHS = [TEMPLATE_NOTE, CONTROLLER, FORMS, NEWSLETTER, RIGHTS]
ACCESSIBILITY_PARAGRAPHS = [TEMPLATE_NOTE, KNOWN_ISSUES]
LEGAL_NOTICE_PARAGRAPHS = [TEMPLATE_NOTE]


def html(paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


FR = {
    TEMPLATE_NOTE: (
        "Ce texte est un modèle fourni avec le contenu de démonstration : le coordinateur doit "
        "le vérifier et le compléter avant la mise en ligne du site."
    ),
    CONTROLLER: (
        "Le responsable du traitement est le coordinateur du projet, SCS, "
        "France. Écrivez au coordinateur au moyen du formulaire de contact de ce site."
    ),
    FORMS: (
        "Le formulaire de contact dépose un cookie, qui protège le formulaire contre les envois "
        "falsifiés ; aucune autre page n’en dépose. Les messages envoyés avec le formulaire "
        "servent uniquement à y répondre et sont supprimés après 180 jours."
    ),
    NEWSLETTER: (
        "Si vous vous abonnez à la lettre d’information, votre adresse, votre langue et la trace "
        "de votre consentement sont conservées jusqu’à votre désinscription. Chaque lettre "
        "contient un lien de désinscription en un clic ; la trace du consentement et de son "
        "retrait est conservée comme preuve, sans votre adresse si vous en demandez "
        "l’effacement."
    ),
    RIGHTS: (
        "Vous pouvez demander à consulter, rectifier ou effacer les données personnelles vous "
        "concernant, retirer votre consentement ou vous opposer à leur utilisation, en écrivant "
        "au coordinateur. Vous pouvez aussi adresser une réclamation à votre autorité de "
        "protection des données."
    ),
    KNOWN_ISSUES: (
        "Aucun audit d’accessibilité n’a encore été réalisé : cette déclaration ne recense donc "
        "pas ce qui n’est pas conforme à la norme. Le coordinateur complète cette partie après "
        "un audit."
    ),
}

ES = {
    TEMPLATE_NOTE: (
        "Este texto es una plantilla incluida en el contenido de demostración: el coordinador "
        "debe revisarlo y completarlo antes de publicar el sitio."
    ),
    CONTROLLER: (
        "El responsable del tratamiento es el coordinador del proyecto, SCS, "
        "Francia. Escriba al coordinador mediante el formulario de contacto de este sitio."
    ),
    FORMS: (
        "El formulario de contacto instala una cookie, que protege el formulario contra envíos "
        "falsificados; ninguna otra página instala ninguna. Los mensajes enviados con el "
        "formulario solo se usan para responderlos y se eliminan a los 180 días."
    ),
    NEWSLETTER: (
        "Si se suscribe al boletín, su dirección, su idioma y el registro de su consentimiento "
        "se conservan hasta que se dé de baja. Cada boletín tiene un enlace para darse de baja "
        "con un clic; el registro del consentimiento y de su retirada se conserva como prueba, "
        "sin su dirección si pide que se borre."
    ),
    RIGHTS: (
        "Puede pedir acceder a sus datos personales, rectificarlos o borrarlos, retirar su "
        "consentimiento u oponerse a su uso, escribiendo al coordinador. También puede "
        "presentar una reclamación ante su autoridad de protección de datos."
    ),
    KNOWN_ISSUES: (
        "Todavía no se ha hecho ninguna auditoría de accesibilidad, por lo que esta declaración "
        "no enumera lo que se sabe que no cumple la norma. El coordinador completa esta parte "
        "después de una auditoría."
    ),
}

HU = {
    TEMPLATE_NOTE: (
        "Ez a szöveg a bemutató tartalommal érkező sablon: a koordinátornak ellenőriznie és "
        "ki kell egészítenie az oldal közzététele előtt."
    ),
    CONTROLLER: (
        "Az adatkezelő a projekt koordinátora, az SCS (Franciaország). A "
        "koordinátornak az oldal kapcsolatfelvételi űrlapján írhat."
    ),
    FORMS: (
        "A kapcsolatfelvételi űrlap egy sütit helyez el, amely az űrlapot a hamisított "
        "beküldésektől védi; más oldal nem helyez el sütit. Az űrlapon küldött üzeneteket csak "
        "a megválaszolásukra használjuk, és 180 nap után töröljük."
    ),
    NEWSLETTER: (
        "Ha feliratkozik a hírlevélre, a címét, a nyelvét és a hozzájárulása nyilvántartását a "
        "leiratkozásáig őrizzük. Minden hírlevélben van egy kattintással leiratkozó hivatkozás; "
        "a hozzájárulás és visszavonása nyilvántartását bizonyítékként megőrizzük, a címe "
        "nélkül, ha kéri annak törlését."
    ),
    RIGHTS: (
        "Kérheti a személyes adataihoz való hozzáférést, azok helyesbítését vagy törlését, "
        "visszavonhatja hozzájárulását, vagy tiltakozhat a felhasználásuk ellen, ha ír a "
        "koordinátornak. Panaszt tehet az adatvédelmi hatóságánál is."
    ),
    KNOWN_ISSUES: (
        "Akadálymentességi vizsgálat még nem készült, ezért ez a nyilatkozat nem sorolja fel, "
        "mi nem felel meg ismerten a szabványnak. A koordinátor egy vizsgálat után egészíti ki "
        "ezt a részt."
    ),
}

CATALOGUES = {"fr": FR, "es": ES, "hu": HU}
