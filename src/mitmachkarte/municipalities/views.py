from django.core.paginator import Paginator
from django.shortcuts import render

from .selectors import municipalities_with_counts


def municipality_list(request):
    q = request.GET.get("q", "").strip()[:100]
    show_all = request.GET.get("alle") == "1"
    qs = municipalities_with_counts(q=q, only_active=not (show_all or q))
    page = Paginator(qs, 60).get_page(request.GET.get("page"))
    return render(request, "municipalities/list.html", {"page": page, "q": q, "show_all": show_all})
