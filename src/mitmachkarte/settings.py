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


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and os.environ.get("MITMACHKARTE_REQUIRE_SECRET_KEY") == "1":
        raise RuntimeError("SECRET_KEY must be set in production")
    # Development fallback only; production sets SECRET_KEY (checked by `check --deploy`).
    SECRET_KEY = "insecure-dev-key-change-me"  # noqa: S105
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
    "mitmachkarte.moderation",
    "simple_history",
    "mitmachkarte.stewardship",
    "mitmachkarte.opendata",
    "mitmachkarte.interop",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
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

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'mitmachkarte.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the writer work at once; it is stored in the file, so `migrate`
    # sets it once (core.apps) instead of every new connection contending for it.
    # IMMEDIATE avoids "database is locked" on lock upgrades inside write transactions.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
    DATABASES["default"].setdefault("TEST", {})["NAME"] = ":memory:"

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
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
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

# Read-only API responses: cached per data version (see core/api_cache.py).
API_CACHE_VERSIONS = {
    "/api/v1/initiatives": "initiatives",
    "/api/v1/map": "initiatives",
}
API_CACHE_SECONDS = int(os.environ.get("API_CACHE_SECONDS", "600"))
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", "60"))
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "mitmachkarte",
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    )
}

SITE_NAME = os.environ.get("SITE_NAME", "Mitmachkarte")

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

# Absolute links in e-mails and calendar UIDs (tasks have no request to build them from).
# Support exchange: neighbour municipalities for matching lie within this radius.
SUPPORT_NEIGHBOUR_RADIUS_KM = float(os.environ.get("SUPPORT_NEIGHBOUR_RADIUS_KM", "25"))
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# E-mail: printed to the console when DEBUG (tests use locmem), SMTP otherwise.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or (
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend"
)
# Reverse proxies in front of the app whose X-Forwarded-For hop to trust for rate limits.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# "postcode" stays offline (postcode-area centres); "nominatim" asks OpenStreetMap first.
GEOCODER = os.environ.get("GEOCODER", "postcode")
if GEOCODER not in {"postcode", "nominatim"}:
    raise RuntimeError("GEOCODER must be 'postcode' or 'nominatim'")
GEOCODER_DOMAIN = os.environ.get("GEOCODER_DOMAIN", "nominatim.openstreetmap.org")
GEOCODER_USER_AGENT = os.environ.get(
    "GEOCODER_USER_AGENT", "Mitmachkarte (https://github.com/mitmachkarte; set GEOCODER_USER_AGENT)"
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
# Subscriptions: the privacy page linked from the consent text, and an optional address for
# mailto: unsubscribing in List-Unsubscribe (whoever reads it must act on those mails).
PRIVACY_URL = os.environ.get("PRIVACY_URL", "/datenschutz/")
SUBSCRIPTIONS_UNSUBSCRIBE_MAILTO = os.environ.get("SUBSCRIPTIONS_UNSUBSCRIBE_MAILTO", "")

# Background tasks (django-tasks). With DEBUG off they wait in the database queue of
# django-tasks-db for `mitmachkarte db_worker`; `make demo` (DEBUG) runs them at once.
# The test suite chooses the immediate backend itself (tests/conftest.py).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND") or (
    "django_tasks.backends.immediate.ImmediateBackend"
    if DEBUG
    else "django_tasks_db.DatabaseBackend"
)
TASKS = {"default": {"BACKEND": TASKS_BACKEND}}

# Periodic jobs: `mitmachkarte scheduler` runs each command at its time (Europe/Berlin):
# every N minutes, hourly at a minute, daily at hour:minute, weekly on a weekday (0 = Monday).
SCHEDULED_JOBS = [
    {"name": "event_tasks", "command": "run_event_tasks --inline", "minute": 5},
    {"name": "group_tasks", "command": "run_group_tasks --inline", "minute": 10},
    {"name": "subscription_mails", "command": "send_subscription_mails", "minute": 15},
    {
        "name": "subscription_digests",
        "command": "send_subscription_mails --weekly",
        "weekday": 0,
        "hour": 7,
        "minute": 0,
    },
    {
        "name": "freshness_reminders",
        "command": "send_freshness_reminders --inline",
        "hour": 8,
        "minute": 0,
    },
    {"name": "need_reminders", "command": "send_need_reminders", "hour": 8, "minute": 15},
    {"name": "survey_reminders", "command": "send_survey_reminders", "hour": 8, "minute": 30},
    {"name": "task_queue_upkeep", "command": "mail_queue --recover-stale --prune", "every": 10},
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Open data (opendata/): publisher and DCAT-AP.de identifiers of the catalogue.
OPENDATA_PUBLISHER_NAME = os.environ.get("OPENDATA_PUBLISHER_NAME", SITE_NAME)
OPENDATA_PUBLISHER_URL = os.environ.get("OPENDATA_PUBLISHER_URL", SITE_URL + "/")
OPENDATA_CONTACT_EMAIL = os.environ.get("OPENDATA_CONTACT_EMAIL", "")  # an office, not a person
OPENDATA_CONTRIBUTOR_ID = os.environ.get(
    "OPENDATA_CONTRIBUTOR_ID", "http://dcat-ap.de/def/contributors/openNRW"
)
OPENDATA_GEOCODING_LEVEL_URI = os.environ.get(
    "OPENDATA_GEOCODING_LEVEL_URI", "http://dcat-ap.de/def/politicalGeocoding/Level/state"
)
OPENDATA_GEOCODING_URI = os.environ.get(
    "OPENDATA_GEOCODING_URI", "http://dcat-ap.de/def/politicalGeocoding/stateKey/05"
)
# Imports (interop/): files above this size are refused before reading.
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", str(50 * 1024 * 1024)))
