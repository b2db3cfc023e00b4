"""Error responses for 400, 403, 404, 429, 500 and 503, wherever they arise.

- under the API prefixes (`/api/`): JSON `{"detail": …}`;
- under the frameable prefixes (`/embed/`): a bare page any site may frame, as the embed;
- elsewhere: a page in the site's layout and language.

500 and 503 are rendered without a request context, so they never touch the session, the
user or the database (which may be what failed). A 500 caused by an unreachable or hung
database becomes a 503 with Retry-After (see core.dbfaults).
"""

import sys

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .context_processors import site
from .dbfaults import is_database_fault, retry_after_seconds
from .framing import make_frameable

TITLES = {
    400: gettext_lazy("Bad request"),
    403: gettext_lazy("Access denied"),
    404: gettext_lazy("Page not found"),
    429: gettext_lazy("Too many requests"),
    500: gettext_lazy("Something went wrong"),
    503: gettext_lazy("Temporarily unavailable"),
}
MESSAGES = {
    400: gettext_lazy("The request could not be understood. Please check the address."),
    403: gettext_lazy("You may not open this page."),
    404: gettext_lazy(
        "This page does not exist (any more). It may have moved, or the address has a typo."
    ),
    429: gettext_lazy(
        "You sent many requests in a short time. Please wait a moment and try again."
    ),
    500: gettext_lazy("An error occurred on our side. Please try again later."),
    503: gettext_lazy(
        "The site cannot answer right now (maintenance or a disturbance). "
        "Please try again in a few minutes."
    ),
}


def _under(request, setting: str) -> bool:
    return any(request.path.startswith(p) for p in getattr(settings, setting, ()))


def _embed_language(request):
    """The embed's `lang` parameter, so a frame shows its error in the frame's language."""
    code = (request.GET.get("lang") or "")[:2].lower()
    return code if code in dict(settings.LANGUAGES) else None


def error_response(
    request, status: int, message=None, *, retry_after: int | None = None
) -> HttpResponse:
    """The error answer for `request`: JSON, a frameable page or a site page."""
    message = str(message or MESSAGES[status])
    if _under(request, "ERROR_JSON_PREFIXES"):
        response = JsonResponse({"detail": message}, status=status)
    else:
        context = {
            "status": status,
            "title": TITLES[status],
            "message": message,
            "retry_after": retry_after,
            "retry_minutes": -(-retry_after // 60) if retry_after else None,
        }
        if _under(request, "ERROR_FRAMEABLE_PREFIXES"):
            with translation.override(_embed_language(request) or translation.get_language()):
                body = loader.render_to_string("errors/embed.html", context)
            response = make_frameable(HttpResponse(body, status=status))
        elif status >= 500:
            context.update(site(request))
            body = loader.render_to_string("errors/page_minimal.html", context)
            response = HttpResponse(body, status=status)
        else:
            body = loader.render_to_string("errors/page.html", context, request=request)
            response = HttpResponse(body, status=status)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    if status >= 500:
        response["Cache-Control"] = "no-store"
    return response


def bad_request(request, exception=None):
    return error_response(request, 400)


def permission_denied(request, exception=None):
    if type(exception).__name__ == "Ratelimited":  # django-ratelimit's PermissionDenied
        return too_many_requests(request, exception)
    # PermissionDenied raised by services carries a message meant for the visitor.
    message = str(exception) if exception is not None and exception.args else None
    return error_response(request, 403, message)


def csrf_failure(request, reason: str = ""):
    return error_response(
        request,
        403,
        _("The form had expired or came from elsewhere. Please reload the page and try again."),
    )


def page_not_found(request, exception=None):
    return error_response(request, 404)


# django-allauth answers its own limits through ROOT_URLCONF.handler429 (this function); its
# URL names → the actions of settings.RATE_LIMITS whose window tells when to try again.
ALLAUTH_ACTIONS_OF_URL = {
    "account_signup": ("signup", "confirm_email"),
    "account_login": ("login", "login_failed"),
    "account_reset_password": ("reset_password",),
    "account_reset_password_from_key": ("reset_password_from_key",),
    "account_email": ("confirm_email",),
    "account_email_verification_sent": ("confirm_email",),
    "account_confirm_email": ("confirm_email",),
}


def _allauth_window(request) -> int:
    """The longest window among the limits of the allauth view that refused (60 s if unknown)."""
    match = getattr(request, "resolver_match", None)
    actions = ALLAUTH_ACTIONS_OF_URL.get(getattr(match, "url_name", None), ())
    limits = getattr(settings, "RATE_LIMITS", {})
    windows = [
        rate.seconds
        for action in actions
        for rate in limits.get(action, {}).values()
        if rate is not None
    ]
    return max(windows, default=60)


def too_many_requests(request, exception=None, *, retry_after: int | None = None):
    return error_response(request, 429, retry_after=retry_after or _allauth_window(request))


def service_unavailable(request):
    return error_response(request, 503, retry_after=retry_after_seconds())


def server_error(request):
    if is_database_fault(sys.exc_info()[1]):
        return service_unavailable(request)
    return error_response(request, 500)
