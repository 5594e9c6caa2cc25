"""The demo-content protocol: `manage.py seed_demo` builds a DemoSite and hands it to the
`seed(demo)` function of every installed app's `demo` module, in the order of the modules'
`ORDER` numbers (home first). Each step creates what is missing and leaves what exists alone,
so the command can run any number of times."""

import colorsys
import hashlib
from io import BytesIO
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.models import Locale, Site

from home.pages.localization import translate_object
from home.pages.models import HomePage, PortalImage


class DemoSite:
    """What the demo modules share: locales, the site, helpers that create idempotently, and
    the logins to print at the end."""

    def __init__(self, stdout=None):
        self.stdout = stdout
        self.source_locale = Locale.get_default()
        self.locales = {
            code: Locale.objects.get(language_code=code) for code, _ in settings.LANGUAGES
        }
        self.target_codes = [c for c in self.locales if c != self.source_locale.language_code]
        self.site = Site.objects.get(is_default_site=True)
        self.logins = []
        self.created = 0

    @property
    def home(self):
        return HomePage.objects.get(id=self.site.root_page_id)

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    def page(self, parent, model, slug, **fields):
        """The child of `parent` with this slug, created and published with `fields` if it
        does not exist yet (an existing page is left as editors made it)."""
        existing = parent.get_children().filter(slug=slug).specific().first()
        if existing is not None:
            return existing
        page = model(slug=slug, locale=parent.locale, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        self.log(f"  created {model._meta.verbose_name} “{page.title}” ({page.url_path})")
        return page

    def apply_base_url(self):
        """Give Wagtail's Site the host name and port of the site's configured address
        (settings.PORTAL_BASE_URL, from SITE_URL: by default what `make run` serves), so that
        what Wagtail builds from the Site (sitemaps, the admin's links) points there."""
        address = urlsplit(settings.PORTAL_BASE_URL)
        port = address.port or (443 if address.scheme == "https" else 80)
        if (self.site.hostname, self.site.port) != (address.hostname, port):
            self.site.hostname, self.site.port = address.hostname, port
            self.site.save()
            self.log(f"  site address set to {self.site.root_url} (SITE_URL)")

    def translate(self, instance, catalogues):
        """Translate a page or snippet into every other language through wagtail-localize,
        with `catalogues[code]` mapping each source string to its translation. Existing
        translations are left alone; a string missing from a catalogue is an error."""
        for code in self.target_codes:
            if instance.has_translation(self.locales[code]):
                continue
            translate_object(instance, self.locales[code], catalogues[code])
            self.created += 1
            self.log(f"  translated “{instance}” into {code}")

    def image(self, title, *, alt, credit="", size=(1200, 675), seed=None):
        """A generated illustration (soft shapes on a gradient, deterministic per title)."""
        existing = PortalImage.objects.filter(title=title).first()
        if existing is not None:
            return existing
        digest = hashlib.sha256((seed or title).encode()).digest()
        width, height = size
        hue = digest[0] / 255
        picture = PILImage.new("RGB", size)
        draw = ImageDraw.Draw(picture)
        for y in range(height):
            light = 0.25 + 0.35 * y / height
            r, g, b = colorsys.hls_to_rgb(hue, light, 0.55)
            draw.line([(0, y), (width, y)], fill=(int(r * 255), int(g * 255), int(b * 255)))
        for index in range(6):
            x = digest[index + 1] / 255 * width
            y = digest[index + 7] / 255 * height
            radius = 40 + digest[index + 13] / 255 * height / 3
            r, g, b = colorsys.hls_to_rgb((hue + 0.08 * index) % 1, 0.7, 0.6)
            draw.ellipse(
                [x - radius, y - radius, x + radius, y + radius],
                outline=(int(r * 255), int(g * 255), int(b * 255)),
                width=6,
            )
        buffer = BytesIO()
        picture.save(buffer, format="PNG", optimize=True)
        filename = hashlib.sha1(title.encode()).hexdigest()[:12] + ".png"
        image = PortalImage(title=title, description=alt, credit=credit)
        image.file = ImageFile(buffer, name=filename)
        image.save()
        self.created += 1
        self.log(f"  created image “{title}”")
        return image

    def user(self, username, password, *, groups=(), superuser=False, role=""):
        """A demo login; its password is reset to the demo one on every run, and it is listed
        at the end of the command."""
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        user.is_staff = True
        user.is_superuser = superuser
        user.set_password(password)
        user.save()
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        if created:
            self.created += 1
        self.logins.append((role or username, username, password))
        return user
