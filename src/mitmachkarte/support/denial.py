"""A refused action gets a page that says why (Django's bare 403 page says nothing)."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import render


def explain_denial(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as exc:
            return render(request, "support/forbidden.html", {"reason": str(exc)}, status=403)

    return wrapper
