"""“Mein Bereich” (/konto/): one start page per person with what their roles allow."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from mitmachkarte.organisations import selectors as organisation_selectors

from .sections import sections_for


@require_GET
@login_required
def home(request):
    sections = sections_for(request.user)
    return render(
        request,
        "dashboard/home.html",
        {
            "memberships": organisation_selectors.memberships_of(request.user),
            "sections": sections,
            "waiting": sum(item.count for section in sections for item in section.items),
        },
    )
