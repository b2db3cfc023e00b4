from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from mitmachkarte.core.params import FilterError, parse_int, reject_nul

from .selectors import SUGGESTIONS_AT_MOST, municipalities_with_counts, suggest_municipalities

MAX_SUGGEST_QUERY = 100


def municipality_list(request):
    q = request.GET.get("q", "").strip()[:100]
    show_all = request.GET.get("alle") == "1"
    qs = municipalities_with_counts(q=q, only_active=not (show_all or q))
    page = Paginator(qs, 60).get_page(request.GET.get("page"))
    return render(request, "municipalities/list.html", {"page": page, "q": q, "show_all": show_all})


@require_safe
def suggest(request):
    """Suggestions for the municipality picker (forms.MunicipalityInput): JSON
    `{"items": [{"value", "label", "name", "ags", "initiative_count"}]}`."""
    raw_q, raw_limit = request.GET.get("q", ""), request.GET.get("limit")
    try:
        reject_nul({"q": raw_q, "limit": raw_limit})
        if len(raw_q) > MAX_SUGGEST_QUERY:
            raise FilterError("q", f"at most {MAX_SUGGEST_QUERY} characters")
        limit = parse_int("limit", raw_limit, min_value=1, max_value=SUGGESTIONS_AT_MOST)
    except FilterError as exc:
        return JsonResponse({"error": str(exc), "param": exc.param}, status=exc.status)
    found = suggest_municipalities(raw_q, limit=limit or 10)
    response = JsonResponse(
        {
            "items": [
                {
                    "value": s.value,
                    "label": _label(s),
                    "name": s.name,
                    "ags": s.ags,
                    "initiative_count": s.initiative_count,
                }
                for s in found
            ]
        }
    )
    patch_cache_control(response, public=True, max_age=300)
    return response


def _label(s) -> str:
    count = ngettext("%(n)d initiative", "%(n)d initiatives", s.initiative_count) % {
        "n": s.initiative_count
    }
    place = s.district if s.district and s.district != s.name else ""
    return f"{place} · {count}" if place else count
