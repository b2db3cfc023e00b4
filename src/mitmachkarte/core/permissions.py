"""Who may do what: one registry of named permissions, asked the same way everywhere.

Each app states its rules in its `rules.py` as django-rules predicates and registers them
here with `add_perm("app.action", predicate, message)`; the message says why a refusal
happened (the 403 page and service errors show it). Views, the API, services, templates
(`{% has_perm %}` in the `permissions` tag library) and the header ask by name:

- `has_perm(user, "app.action", obj)` → bool;
- `require_perm(user, "app.action", obj)` raises `PermissionDenied(message)`, which
  `core.errors` turns into a 403 page or JSON answer ("nothing was changed");
- `@permission_required("app.action")` on a view: anonymous visitors go to the login page,
  others need the permission. Views whose rule needs an object call `require_perm` as soon
  as they have loaded it.

The registry is django-rules' own, asked directly rather than through `user.has_perm`:
Django's superuser shortcut would let an admin account past every rule in the front end
while the services, which check the same predicates, refuse it. A superuser is an operator
of the admin, not a role of the platform.
"""

from functools import wraps

import rules
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

_MESSAGES: dict[str, str] = {}


def add_perm(name: str, predicate, message) -> None:
    """Register `predicate` as permission `name`; `message` explains a refusal."""
    rules.add_perm(name, predicate)
    _MESSAGES[name] = message


def has_perm(user, name: str, obj=None) -> bool:
    if not rules.perm_exists(name):
        raise KeyError(f"Unknown permission {name!r}: is it registered in a rules.py?")
    return rules.has_perm(name, user, obj)


def require_perm(user, name: str, obj=None, *, message=None) -> None:
    """Raise PermissionDenied with the permission's message (or `message`) when refused."""
    if not has_perm(user, name, obj):
        raise PermissionDenied(str(message or _MESSAGES[name]))


def permission_required(name: str, *, message=None):
    """View decorator for a permission that needs no object (a role, not a record)."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            require_perm(request.user, name, message=message)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
