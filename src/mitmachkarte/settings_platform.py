"""The platform's own settings (Django's are in settings.py, which imports these), read
from environment variables with safe defaults (see the README's configuration table)."""

import os

from mitmachkarte.core import rates

SITE_NAME = os.environ.get("SITE_NAME", "Mitmachkarte")

# Absolute links in e-mails and calendar UIDs (tasks have no request to build them from).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Support exchange: neighbour municipalities for matching lie within this radius.
SUPPORT_NEIGHBOUR_RADIUS_KM = float(os.environ.get("SUPPORT_NEIGHBOUR_RADIUS_KM", "25"))

# Reverse proxies in front of the app whose X-Forwarded-For hop to trust for rate limits.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

# Abuse limits of anonymous forms, per client IP ("ip") and per target: "email" (normalised),
# "date" (of an event), "entry", "campaign", "event". Counted in CACHES["default"]
# (core/ratelimit.py). RATE_LIMITS="register.email=3/h,contact.ip=off" overrides (README).
RATE_LIMIT_DEFAULTS = {
    "register": {"ip": "20/h", "email": "5/h", "date": "200/h"},
    "campaign": {"ip": "5/h", "email": "10/d", "campaign": "100/d"},
    "propose": {"ip": "10/h", "email": "10/d"},
    "report": {"ip": "5/h", "email": "5/d", "entry": "20/d"},
    "contact": {"ip": "5/h", "email": "10/d", "entry": "20/d"},
    "subscribe": {"ip": "10/h", "email": "3/h"},
    "feedback": {"ip": "5/h", "email": "5/d"},  # the accessibility statement's form
    "lookup": {"ip": "60/10m", "email": "30/h"},  # duplicate checks, address look-ups
    "organiser_link": {"ip": "5/h", "event": "3/d"},  # "send me a new organiser link"
    "report_pdf": {"ip": "30/h"},  # the strategy report as PDF: about a second of CPU each
    # django-allauth's own actions (ACCOUNT_RATE_LIMITS); "email" is the address typed.
    "signup": {"ip": "10/h"},
    "confirm_email": {"email": "3/h"},  # confirmation mails, also on sign-up with a known one
    "login": {"ip": "30/m"},
    "login_failed": {"ip": "10/m", "email": "5/5m"},
    "reset_password": {"ip": "10/h", "email": "3/h"},
    "reset_password_from_key": {"ip": "20/m"},
}
try:
    RATE_LIMITS = rates.build(RATE_LIMIT_DEFAULTS, os.environ.get("RATE_LIMITS", ""))
except ValueError as error:
    raise RuntimeError(f"RATE_LIMITS: {error}") from None
ACCOUNT_RATE_LIMITS = rates.allauth_rates(RATE_LIMITS)

# The accessibility statement (/barrierefreiheit/) names the enforcement body of the
# operator's state (BITV 2.0): the default is North Rhine-Westphalia's.
ACCESSIBILITY_ENFORCEMENT_BODY = os.environ.get(
    "ACCESSIBILITY_ENFORCEMENT_BODY",
    "Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen",
)
ACCESSIBILITY_ENFORCEMENT_URL = os.environ.get(
    "ACCESSIBILITY_ENFORCEMENT_URL",
    "https://www.mags.nrw/ombudsstelle-barrierefreie-informationstechnik",
)
ACCESSIBILITY_REVIEWED = os.environ.get("ACCESSIBILITY_REVIEWED", "2026-11-30")

# "postcode" stays offline (postcode-area centres); "nominatim" asks OpenStreetMap first.
GEOCODER = os.environ.get("GEOCODER", "postcode")
if GEOCODER not in {"postcode", "nominatim"}:
    raise RuntimeError("GEOCODER must be 'postcode' or 'nominatim'")
GEOCODER_DOMAIN = os.environ.get("GEOCODER_DOMAIN", "nominatim.openstreetmap.org")
GEOCODER_USER_AGENT = os.environ.get(
    "GEOCODER_USER_AGENT", "Mitmachkarte (https://github.com/mitmachkarte; set GEOCODER_USER_AGENT)"
)

# Events: an organiser link works until this many days after the event's last date (or after
# its renewal, if later); the organiser can ask for a new one on the event page.
ORGANISER_LINK_DAYS = int(os.environ.get("ORGANISER_LINK_DAYS", "90"))
# Subscriptions: the privacy page linked from the consent text, and an optional address for
# mailto: unsubscribing in List-Unsubscribe (whoever reads it must act on those mails).
PRIVACY_URL = os.environ.get("PRIVACY_URL", "/datenschutz/")
SUBSCRIPTIONS_UNSUBSCRIBE_MAILTO = os.environ.get("SUBSCRIPTIONS_UNSUBSCRIBE_MAILTO", "")

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
    # The query planner's statistics (SQLite keeps none by itself; core/.../analyze_database).
    {"name": "database_statistics", "command": "analyze_database", "hour": 3, "minute": 30},
]

# GET /healthz (core/health.py): the oldest runnable task and the scheduler's last run may
# be this old (seconds) before the check fails; 0 reports without judging.
HEALTH_TASK_MAX_AGE = int(os.environ.get("HEALTH_TASK_MAX_AGE", "900"))
HEALTH_SCHEDULER_MAX_AGE = int(os.environ.get("HEALTH_SCHEDULER_MAX_AGE", "0"))
# A task worker not seen for this many seconds counts as gone (/healthz; its tasks requeue).
TASK_WORKER_SILENCE = int(os.environ.get("TASK_WORKER_SILENCE", "60"))

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
