from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import selectors
from .rules import is_network_team, municipalities_moderated_by


@require_GET
@login_required
def my_organisations(request):
    return render(
        request,
        "organisations/mine.html",
        {
            "memberships": selectors.memberships_of(request.user),
            "is_network_team": is_network_team(request.user),
            "moderated": municipalities_moderated_by(request.user),
        },
    )
