"""Settings shared by every environment. Values that differ per deployment come from the
environment; see the README's configuration table and .env.example."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "portal"


def env_list(name, default=""):
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "news",
    "training",
    "partners",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # production: CSP and Permissions-Policy on every response; 503 when the database is down.
    "home.operations.security.SecurityHeadersMiddleware",
    "home.operations.resilience.DatabaseUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # performance: whole anonymous page responses from the shared cache (home/pagecache/cache.py).
    # After WhiteNoise (static files never reach it), before the session: a hit does no
    # session, authentication or database work.
    "home.pagecache.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # LocaleMiddleware needs the session (for the admin's language choice) and must run before
    # CommonMiddleware so that an unprefixed path is redirected to its language prefix before
    # CommonMiddleware tries to append a slash to it. (Django's, keeping admin 404s as 404s.)
    "home.pages.locale_middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # performance: the request's memo (view restrictions read once) reachable from querysets.
    "home.pages.request_memo.RequestMemoMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # production: answers a locked-out login (django-axes); last, as its documentation asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# Database: DATABASE_URL, an SQLite file beside manage.py by default.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when CACHE_URL or REDIS_URL is set, local memory otherwise.
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Sessions: in the database (shared by every application server) by default; with Redis, read
# through it (cached_db: a session is written to both and read from Redis first, so signing in
# on one server is seen by the others, and a Redis restart or flush signs nobody out).
if CACHE_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. English is the source language; adding one is an entry here plus a catalogue in
# locale/ (see the README). The Locale rows follow this list after every migrate.
LANGUAGE_CODE = "en"
# Each language is named in itself (an autonym), as a language switcher should show it.
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("hu", "Magyar"),
]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"

# Translation is explicit: translations of live pages stay drafts until an editor publishes them.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation (WAGTAILLOCALIZE_MACHINE_TRANSLATOR): see the translation block at the end.

STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Media in S3-compatible object storage (django-storages) when AWS_STORAGE_BUCKET_NAME is set,
# so that every application server reads and writes the same files; static files stay with
# WhiteNoise. See docs/deployment.md ("Object storage").
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
MEDIA_ORIGINS = []  # where media are served from when not from this site (added to the CSP)
if AWS_STORAGE_BUCKET_NAME:
    _endpoint = os.environ.get("AWS_S3_ENDPOINT_URL", "").strip() or None
    _custom_domain = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "").strip() or None
    _protocol = os.environ.get("AWS_S3_URL_PROTOCOL", "https:").strip() or "https:"
    _region = os.environ.get("AWS_S3_REGION_NAME", "").strip() or None
    # Path-style addressing (endpoint/bucket/key) is what MinIO, Ceph and most other
    # S3-compatible servers expect; on AWS itself boto3 chooses.
    _addressing = os.environ.get("AWS_S3_ADDRESSING_STYLE", "").strip() or (
        "path" if _endpoint else None
    )
    STORAGES["default"] = {
        "BACKEND": "home.operations.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": _endpoint,
            "region_name": _region,
            # Unset: boto3's own chain (AWS_SESSION_TOKEN, an instance or task role, ~/.aws).
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "custom_domain": _custom_domain,  # a CDN or the bucket's public host name
            "url_protocol": _protocol,
            "location": os.environ.get("AWS_LOCATION", "").strip("/"),  # key prefix
            "addressing_style": _addressing,
            # Public media URLs are plain (no signature): stable, so that cached pages and a
            # CDN can hold them. Make images public with a bucket policy or AWS_DEFAULT_ACL.
            "querystring_auth": os.environ.get("AWS_QUERYSTRING_AUTH", "false").lower()
            in ("1", "true", "yes", "on"),
            "default_acl": os.environ.get("AWS_DEFAULT_ACL", "").strip() or None,
            # Wagtail expects a new upload with the name of an existing file to get a new name.
            "file_overwrite": False,
            "object_parameters": {
                "CacheControl": os.environ.get("AWS_S3_CACHE_CONTROL", "public, max-age=86400")
            },
        },
    }
    if _custom_domain:
        MEDIA_ORIGINS = [f"{_protocol}//{_custom_domain.split('/')[0]}"]
    elif _endpoint:
        _scheme, _, _host = _endpoint.partition("://")
        _host = _host.split("/")[0]
        if _addressing == "virtual":
            _host = f"{AWS_STORAGE_BUCKET_NAME}.{_host}"
        MEDIA_ORIGINS = [f"{_scheme}://{_host}"]
    else:
        MEDIA_ORIGINS = [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"]
        if _region:
            MEDIA_ORIGINS.append(f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{_region}.amazonaws.com")
    # Documents are streamed through Wagtail's view (never a redirect to the bucket): the
    # view checks collection privacy on every download and sends the upload checks' headers,
    # and document objects can stay private in the bucket (home/operations/storage.py).
    WAGTAILDOCS_SERVE_METHOD = os.environ.get("WAGTAILDOCS_SERVE_METHOD", "serve_view")

# Uploads: Django refuses request bodies above this; Wagtail refuses larger images.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_MODEL = "home.PortalImage"

WAGTAIL_SITE_NAME = "Cluster4Smart"
# The site's public address (scheme, host and port; `make run` serves http://127.0.0.1:8000):
# the admin's links in e-mails and its "view live" links (WAGTAILADMIN_BASE_URL), and the host
# name and port of Wagtail's Site (`seed_demo` applies it; docs/deployment.md). Pages link to
# the site on the address each visitor used. WAGTAILADMIN_BASE_URL, its former name in the
# environment, is still read when SITE_URL is not set.
PORTAL_BASE_URL = (
    os.environ.get("SITE_URL") or os.environ.get("WAGTAILADMIN_BASE_URL") or "http://127.0.0.1:8000"
).rstrip("/")
WAGTAILADMIN_BASE_URL = PORTAL_BASE_URL
# Wagtail's database search backend; on PostgreSQL each language's text search configuration
# (stemming, stop words) indexes that language's content and serves its queries. A language
# missing here gets the configuration named after it if PostgreSQL has one, else "simple".
# After changing this (or adding a language), re-index: `manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "home.search.backend",
        "LANGUAGE_CONFIGS": {"en": "english", "fr": "french", "es": "spanish", "hu": "hungarian"},
    }
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "pptx", "odp", "xlsx", "ods", "txt", "zip"]
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Portal behaviour.
PORTAL_SEARCH_PAGE_SIZE = 10
# URLs per page of each language's sitemap (home.seo.sitemaps; the protocol allows at most 50,000).
PORTAL_SITEMAP_PAGE_SIZE = int(os.environ.get("SITEMAP_PAGE_SIZE", "2000"))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Translation workflow (home.translation.settings, home.translation.machine). Machine translation:
# WAGTAIL_MACHINE_TRANSLATOR = deepl | libretranslate | apertium | dummy | none; unset, DeepL when
# DEEPL_API_KEY is set, else LibreTranslate when LIBRETRANSLATE_URL is set, else the dummy.
from home.translation.settings import machine_translator_setting  # noqa: E402

WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting()
# Publishing a page in the source language creates or syncs its draft translations.
PORTAL_AUTO_TRANSLATION_DRAFTS = os.environ.get("AUTO_TRANSLATION_DRAFTS", "").lower() in (
    "1",
    "true",
    "yes",
    "on",
)

# news: articles per page of a news index, and items per RSS/Atom feed.
NEWS_PAGE_SIZE = int(os.environ.get("NEWS_PAGE_SIZE", "10"))
EVENTS_PAGE_SIZE = 10  # events per listing page (news/events)
NEWS_FEED_SIZE = int(os.environ.get("NEWS_FEED_SIZE", "20"))
# Organisations per page of a partner index, projects per page of a project index.
PARTNERS_PAGE_SIZE = int(os.environ.get("PARTNERS_PAGE_SIZE", "24"))
PROJECTS_PAGE_SIZE = int(os.environ.get("PROJECTS_PAGE_SIZE", "12"))

# partners: django-countries supplies the ISO 3166 country list and its translated names (its
# catalogues are found only when it is an installed app).
INSTALLED_APPS += ["django_countries"]

# production (issue 9): security headers, login throttling, uploads, fault handling. See
# docs/deployment.md for the environment variables.
# Content-Security-Policy: the public pages have no inline script or style; the Wagtail admin
# relies on inline scripts and styles, so it gets a relaxed policy (still same-origin only).
PORTAL_CSP = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "style-src": ["'self'"],
    "script-src": ["'self'"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
PORTAL_CSP_ADMIN = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'self'"],  # the page preview is an iframe inside the editor
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
PORTAL_CSP_RELAXED_PATHS = ["/admin/"]
# Images from the object store (or its CDN), when media are not served by this site.
PORTAL_CSP["img-src"] += MEDIA_ORIGINS
PORTAL_CSP_ADMIN["img-src"] += MEDIA_ORIGINS
PORTAL_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views set SAMEORIGIN themselves

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failures for one account, or from
# one address, signing in is refused with a 429 page for AXES_COOLOFF_MINUTES.
INSTALLED_APPS += ["axes"]
AUTHENTICATION_BACKENDS = [
    "home.operations.security.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_MINUTES", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "home.operations.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "home.operations.security.client_ip"
AXES_VERBOSE = False
PORTAL_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Uploads: documents are checked for size and for content matching their extension.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.operations.security.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.operations.security.ImageForm"  # corrupt images: form errors
PORTAL_DOCUMENT_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_MB", "20")) * 1024 * 1024

# Faults: a down cache is skipped for this long before retrying; the 503 page asks browsers
# to come back after PORTAL_RETRY_AFTER_SECONDS.
PORTAL_CACHE_RETRY_SECONDS = float(os.environ.get("CACHE_RETRY_SECONDS", "5"))
PORTAL_RETRY_AFTER_SECONDS = 30
# The scheduler (manage.py run_scheduler, home/operations/scheduler.py, docs/deployment.md):
# each job runs its management command every `every` seconds (optional "args": a list of
# arguments), exactly once per slot however many scheduler processes and servers run.
PORTAL_SCHEDULE = [
    # Wagtail's scheduled publishing and expiry ("go live" and "expiry" dates of pages).
    {"name": "publish-scheduled", "command": "publish_scheduled", "every": 60},
    # The training resources' broken-links check (the admin's broken links report).
    {"name": "check-links", "command": "check_links", "every": 24 * 3600},
    # Contact form messages older than their form's retention period.
    {"name": "delete-expired-submissions", "command": "delete_expired_submissions", "every": 3600},
    # Newsletter digests queued from the admin.
    {"name": "send-digests", "command": "send_digests", "every": 60},
    # The page cache's content generation copied from the database into the shared cache, in
    # case a change was published while the cache was unreachable (home/pagecache/cache.py).
    {"name": "sync-page-cache", "command": "sync_page_cache", "every": 60},
]
# Training: outbound link checking (manage.py check_links).
LINKCHECK_TIMEOUT = float(os.environ.get("LINKCHECK_TIMEOUT", "10"))  # seconds per request
LINKCHECK_WORKERS = int(os.environ.get("LINKCHECK_WORKERS", "8"))  # concurrent requests
LINKCHECK_BROKEN_AFTER_DAYS = 7  # a resource link failing this long shows visitors a note

# performance (issue 8): the anonymous page cache (home/pagecache/cache.py, docs/benchmarks.md).
# PAGE_CACHE=off disables it (the uncached benchmark); the Cache-Control headers stay.
PORTAL_PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE", "on").lower() not in ("0", "off", "false")
PORTAL_PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "600"))  # server cache
# With Redis, each process also keeps the entries it serves, up to this size (watch.py).
PORTAL_PAGE_CACHE_MEMORY_BYTES = int(os.environ.get("PAGE_CACHE_MEMORY_MB", "32")) * 2**20
PORTAL_PAGE_CACHE_BROWSER_MAX_AGE = int(os.environ.get("PAGE_CACHE_BROWSER_MAX_AGE", "60"))
PORTAL_PAGE_CACHE_CDN_MAX_AGE = int(os.environ.get("PAGE_CACHE_CDN_MAX_AGE", "300"))  # s-maxage
# Rows of the portal's apps that visitors never see, which must not empty the page cache
# (besides Wagtail's revisions, locks and drafts, and the scheduler's jobs): the link check's
# results and the partner set-up's records. (A link failing for LINKCHECK_BROKEN_AFTER_DAYS
# shows its note once the cached pages expire: PORTAL_PAGE_CACHE_TIMEOUT.)
PORTAL_PAGE_CACHE_INTERNAL_MODELS = ["training.LinkCheck", "partners.PartnerAccess"]
# A CDN or caching proxy to purge on publish (Wagtail's front-end cache module): an HTTP PURGE
# endpoint (Varnish, nginx) in FRONTEND_CACHE_PURGE_URL, or Cloudflare with
# CLOUDFLARE_API_TOKEN and CLOUDFLARE_ZONE_ID. Unset: nothing is purged.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_API_TOKEN") and os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
    }
# Purge each URL as given: translated pages have their own slugs, not just another prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS += ["wagtail.contrib.frontend_cache"]

# The admin shows initials instead of loading avatars from a third-party host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Audience (issue 17): newsletter, contact form, spam protection. See docs/audience.md.
# Signed confirmation links expire after this many seconds; digests go out in batches, a
# message failing with a backend error is tried again on later runs up to NEWSLETTER_MAX_ATTEMPTS.
NEWSLETTER_CONFIRM_MAX_AGE = int(os.environ.get("NEWSLETTER_CONFIRM_MAX_AGE", str(3 * 24 * 3600)))
NEWSLETTER_BATCH_SIZE = int(os.environ.get("NEWSLETTER_BATCH_SIZE", "100"))
NEWSLETTER_MAX_ATTEMPTS = 3
# Forms without a third-party service (home/contact/spam.py): a contact form sent sooner than
# this after it was shown is refused; sign-ups and messages per client address and per e-mail
# address within the window, counted in the shared cache.
PORTAL_FORM_MIN_SECONDS = 3
PORTAL_RATE_LIMIT_WINDOW = 3600
PORTAL_RATE_LIMIT_PER_IP = int(os.environ.get("RATE_LIMIT_PER_IP", "10"))
PORTAL_RATE_LIMIT_PER_ADDRESS = 3

# E-mail through a provider's API with django-anymail (optional: pip install
# "cluster-portal[anymail]"): set EMAIL_BACKEND to its backend, e.g.
# anymail.backends.mailgun.EmailBackend, and the provider's settings as ANYMAIL_<NAME>
# environment variables (ANYMAIL_MAILGUN_API_KEY=...). SMTP (EMAIL_HOST...) otherwise.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "").lower() in ("1", "true", "yes", "on")
if EMAIL_BACKEND.startswith("anymail."):
    INSTALLED_APPS += ["anymail"]
    ANYMAIL = {
        name.removeprefix("ANYMAIL_"): value
        for name, value in os.environ.items()
        if name.startswith("ANYMAIL_")
    }
