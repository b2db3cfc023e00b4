"""Settings, read from environment variables with safe defaults (see README)."""

import contextlib
import operator
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
# var/ holds the SQLite file and collected static files; MITMACHKARTE_VAR_DIR moves it.
VAR_DIR = Path(os.environ.get("MITMACHKARTE_VAR_DIR", Path.cwd() / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# The platform's own settings: site name and URL, abuse limits, geocoding, links, jobs,
# health thresholds, open data and imports.
from .settings_platform import *  # noqa: E402, F403

DEBUG = env_bool("DEBUG", False)
# Signs every link in mails (confirmations, claims, organiser and survey links). With DEBUG
# off a strong key is required: the system check mitmachkarte.E001 fails every management
# command and wsgi.py refuses to serve (core/checks.py). Only DEBUG has a fallback.
DEV_SECRET_KEY = "insecure-dev-key-change-me"  # noqa: S105
SECRET_KEY = os.environ.get("SECRET_KEY", "") or (DEV_SECRET_KEY if DEBUG else "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",  # imports each app's rules.py (core.permissions)
    "django_htmx",
    "ninja",
    "mitmachkarte.core",
    "mitmachkarte.taxonomy",
    "mitmachkarte.municipalities",
    "mitmachkarte.initiatives",
    "mitmachkarte.embed",
    "django_tasks",
    "django_tasks_db",
    "mitmachkarte.events",
    "allauth",
    "allauth.account",
    "mitmachkarte.organisations",
    "mitmachkarte.subscriptions",
    "mitmachkarte.surveys",
    "mitmachkarte.support",
    "mitmachkarte.groups",
    "mitmachkarte.sdgreport",
    "mitmachkarte.strategy",
    "mitmachkarte.moderation",
    "simple_history",
    "mitmachkarte.stewardship",
    "mitmachkarte.opendata",
    "mitmachkarte.interop",
    "mitmachkarte.dashboard",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses pages and API answers (after the API cache, which stores them plain; its
    # ETags become weak, and If-None-Match compares weakly, so 304s keep working). Below
    # WhiteNoise, which serves static files pre-compressed. BREACH: see docs/operations.md.
    "mitmachkarte.core.compression.CompressionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Attributes history versions saved in a request (admin, moderation) to the signed-in user.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "mitmachkarte.core.ratelimit.RateLimitMiddleware",
    "mitmachkarte.core.api_cache.ApiCacheMiddleware",
]

ROOT_URLCONF = "mitmachkarte.urls"
WSGI_APPLICATION = "mitmachkarte.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "mitmachkarte.core.context_processors.site",
                "mitmachkarte.organisations.context_processors.roles",
            ],
        },
    },
]

# Database faults (core/dbfaults.py): a database that is down or hangs answers 503 within
# seconds instead of holding the workers. Commands (migrations, imports, the task worker;
# marked by cli.py) run long statements by design and get their own statement timeout.
_IN_COMMAND = os.environ.get("MITMACHKARTE_PROCESS") == "command"
DATABASE_CONNECT_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
DATABASE_STATEMENT_TIMEOUT = float(
    os.environ.get("DATABASE_COMMAND_STATEMENT_TIMEOUT", "0")
    if _IN_COMMAND
    else os.environ.get("DATABASE_STATEMENT_TIMEOUT", "5")
)
DATABASE_BUSY_TIMEOUT = float(os.environ.get("DATABASE_BUSY_TIMEOUT", "5"))
DATABASE_RETRY_AFTER = int(os.environ.get("DATABASE_RETRY_AFTER", "5"))
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'mitmachkarte.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        # A persistent connection the database dropped is noticed before the request uses it.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the writer work at once; it is stored in the file, so `migrate`
    # sets it once (core.apps) instead of every new connection contending for it.
    # IMMEDIATE avoids "database is locked" on lock upgrades inside write transactions;
    # a writer waits at most DATABASE_BUSY_TIMEOUT for the lock, then gets a 503.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": DATABASE_BUSY_TIMEOUT,
        "init_command": "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
    DATABASES["default"].setdefault("TEST", {})["NAME"] = ":memory:"
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend, failing fast for a few seconds after a failed connection attempt.
    DATABASES["default"]["ENGINE"] = "mitmachkarte.core.pgbackend"
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options.setdefault("connect_timeout", DATABASE_CONNECT_TIMEOUT)
    # A database host that vanished (sent data never acknowledged) fails an open connection
    # too, instead of waiting for the kernel's retransmissions (~15 minutes).
    _options.setdefault("tcp_user_timeout", 10_000)
    if DATABASE_STATEMENT_TIMEOUT > 0:
        _options["options"] = (
            _options.get("options", "")
            + f" -c statement_timeout={int(DATABASE_STATEMENT_TIMEOUT * 1000)}"
        ).strip()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Web addresses typed without a scheme are https (Django 6 behaviour).
FORMS_URLFIELD_ASSUME_HTTPS = True

# Accounts (django-allauth): log in with the e-mail address, which must be verified first.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_DISPLAY = operator.attrgetter("email")  # messages name the address
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False  # a mail scanner following the link confirms nothing
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Mitmachkarte] "
ACCOUNT_ADAPTER = "mitmachkarte.core.mail_accounts.AccountAdapter"  # its mails go through core.mail
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
# English dates without the US month-first form (core/formats/en); German: Django's own.
FORMAT_MODULE_PATH = ["mitmachkarte.core.formats"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
# Uploaded pictures of entries (resized copies only). `make demo` serves them with DEBUG; in
# production the web server or a shared volume serves MEDIA_URL (docs/operations.md).
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
# Uploads above this stay on disk while the form is read, not in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# SQLite cannot create its parent folder, and WhiteNoise warns about a missing STATIC_ROOT.
for _dir in (VAR_DIR, STATIC_ROOT):
    with contextlib.suppress(OSError):
        _dir.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "mitmachkarte.core.storage.StaticStorage"
            if env_bool("STATIC_MANIFEST", False)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Leaflet and its plugins come from the XStatic packages on PyPI, never from a CDN.
STATICFILES_DIRS = []
for _prefix, _module in [
    ("leaflet", "xstatic.pkg.leaflet"),
    ("leaflet-markercluster", "xstatic.pkg.leaflet_markercluster"),
    ("leaflet-gesturehandling", "xstatic.pkg.leaflet_gesturehandling"),
]:
    _pkg = __import__(_module, fromlist=["BASE_DIR"])
    STATICFILES_DIRS.append((_prefix, _pkg.BASE_DIR))
WHITENOISE_USE_FINDERS = DEBUG

TILE_URL = os.environ.get("TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
TILE_ATTRIBUTION = os.environ.get(
    "TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-Mitwirkende',
)
# Credit required by the licence of the shipped municipality data (dl-de/by-2-0).
MUNICIPALITY_DATA_CREDIT = (
    '&copy; <a href="https://www.bkg.bund.de">GeoBasis-DE / BKG 2021</a> (Daten verändert)'
)

# Read-only API responses: cached per data version (see core/api_cache.py), keyed by the
# parameters each endpoint reads (core/api_cache.py), newest answer per key, also served
# while the database is down. Bodies above API_CACHE_MAX_BODY are not stored.
_INITIATIVE_FILTERS = {
    "q": "text",
    "bbox": "text",
    "category": "set",
    "sdg": "set",
    "municipality": "lower",
    "tag": "lower",
    "near": "text",
    "radius": "text",
}
# Path (ending in "/": every path below it) → (data version, {parameter: kind}); the kinds
# are described in core/response_cache.py. tests/core check them against the API schema.
API_CACHE_ENDPOINTS = {
    "/api/v1/initiatives": (
        "initiatives",
        {**_INITIATIVE_FILTERS, "limit": "int", "offset": "int"},
    ),
    "/api/v1/initiatives.geojson": ("initiatives", {**_INITIATIVE_FILTERS, "limit": "int"}),
    "/api/v1/initiatives/": ("initiatives", {}),
    "/api/v1/map": ("initiatives", {**_INITIATIVE_FILTERS, "zoom": "int"}),
}
API_CACHE_SECONDS = int(os.environ.get("API_CACHE_SECONDS", "86400"))
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", "60"))
API_CACHE_MAX_BODY = int(os.environ.get("API_CACHE_MAX_BODY", str(1024 * 1024)))
REDIS_URL = os.environ.get("REDIS_URL", "")
# "default" holds state every worker and host must share (rate-limit counters, allauth's
# limits, geocoding results): Redis, or else a database table (core.cache), never process
# memory. "responses" holds rebuildable API answers: Redis too, or else bounded per worker.
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "mitmachkarte",
        }
        if REDIS_URL
        else {
            "BACKEND": "mitmachkarte.core.cache.DatabaseCache",
            "LOCATION": "mitmachkarte_cache",  # core.CacheEntry, created by `migrate`
            # Culling deletes arbitrary keys (counters too): keep it rare.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    ),
    # Response bodies (API answers, the embed's stale copies): bounded per worker when in
    # process memory (MAX_ENTRIES × API_CACHE_MAX_BODY at most).
    "responses": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "mitmachkarte-responses",
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "responses",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("RESPONSE_CACHE_MAX_ENTRIES", "200"))},
        }
    ),
}

# Error answers (core/errors.py): JSON under these prefixes, a frameable page without site
# chrome under those.
ERROR_JSON_PREFIXES = ["/api/"]
ERROR_FRAMEABLE_PREFIXES = ["/embed/"]
CSRF_FAILURE_VIEW = "mitmachkarte.core.errors.csrf_failure"

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_HTTPS_PROXY") else None
)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)

# E-mail: printed to the console when DEBUG (tests use locmem), SMTP otherwise.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or (
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend"
)

EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds an SMTP connect or reply may take before the attempt fails (and is retried later).
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Mitmachkarte <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MANAGERS = [("Moderation", a) for a in env_list("MODERATION_EMAILS")]

# Background tasks (django-tasks). With DEBUG off they wait in the database queue of
# django-tasks-db for `mitmachkarte db_worker`; `make demo` (DEBUG) runs them at once.
# The test suite chooses the immediate backend itself (tests/conftest.py).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND") or (
    "django_tasks.backends.immediate.ImmediateBackend"
    if DEBUG
    else "django_tasks_db.DatabaseBackend"
)
TASKS = {"default": {"BACKEND": TASKS_BACKEND}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
