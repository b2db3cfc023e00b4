from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from .api import api
from .core import accessibility, health
from .interop.api import kvm_api

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("healthz/ready", health.ready, name="healthz-ready"),
    path("barrierefreiheit/", accessibility.statement, name="accessibility"),
    path("", include("mitmachkarte.opendata.urls")),  # before the API: /api/v1/export/…
    path("api/kvm/", kvm_api.urls),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("konto/", include("mitmachkarte.dashboard.urls")),
    path("konto/", include("mitmachkarte.organisations.urls")),
    path("", include("mitmachkarte.stewardship.urls")),
    path("konto/", include("allauth.urls")),
    path("", include("mitmachkarte.municipalities.urls")),
    path("", include("mitmachkarte.initiatives.urls")),
    path("", include("mitmachkarte.events.urls")),
    path("", include("mitmachkarte.groups.urls")),
    path("", include("mitmachkarte.sdgreport.urls")),
    path("", include("mitmachkarte.strategy.urls_measure")),
    path("", include("mitmachkarte.strategy.urls")),
    path("", include("mitmachkarte.embed.urls")),
    path("", include("mitmachkarte.subscriptions.urls")),
    path("", include("mitmachkarte.surveys.urls")),
    path("", include("mitmachkarte.support.urls")),
    path("", include("mitmachkarte.moderation.urls")),
]

handler400 = "mitmachkarte.core.errors.bad_request"
handler403 = "mitmachkarte.core.errors.permission_denied"
handler404 = "mitmachkarte.core.errors.page_not_found"
# django-allauth renders its own 429s through this one (Retry-After from RATE_LIMITS).
handler429 = "mitmachkarte.core.errors.too_many_requests"
handler500 = "mitmachkarte.core.errors.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
