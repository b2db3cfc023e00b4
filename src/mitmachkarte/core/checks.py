"""System checks of production safety, and the same rule for servers that skip checks.

With DEBUG off, a missing, known or weak SECRET_KEY would let anyone forge every signed link
(e-mail confirmations, claims, organiser and survey links): that is an Error, so `migrate`,
`check --deploy` and `runserver` stop, and `refuse_weak_secret_key()` stops wsgi.py (gunicorn
runs no system checks).
"""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

# Django's own threshold for its deploy warning (security.W009).
MIN_LENGTH = 50
MIN_UNIQUE_CHARACTERS = 5
HINT = (
    "Set the environment variable SECRET_KEY to a random value of at least 50 characters, "
    "e.g. from: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
)


def secret_key_problem() -> str | None:
    """What is wrong with SECRET_KEY for production, or None."""
    try:
        key = settings.SECRET_KEY
    except ImproperlyConfigured:  # Django refuses to read an empty key
        key = ""
    if not key:
        return "SECRET_KEY is not set."
    if key == settings.DEV_SECRET_KEY or key.startswith(("django-insecure-", "insecure-")):
        return "SECRET_KEY is a publicly known development key."
    if len(key) < MIN_LENGTH or len(set(key)) < MIN_UNIQUE_CHARACTERS:
        return (
            f"SECRET_KEY is too weak: it needs at least {MIN_LENGTH} characters "
            f"and {MIN_UNIQUE_CHARACTERS} different ones."
        )
    return None


@checks.register(checks.Tags.security)
def check_secret_key(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    if settings.DEBUG:
        return []
    problem = secret_key_problem()
    if problem is None:
        return []
    return [checks.Error(problem, hint=HINT, id="mitmachkarte.E001")]


def refuse_weak_secret_key() -> None:
    """Raise ImproperlyConfigured where check_secret_key would report an error."""
    for error in check_secret_key():
        raise ImproperlyConfigured(f"{error.msg} {error.hint}")
