"""The JSON API under /api/v1/: one DocumentedAPI mounting each app's router (its error
answers and their schema: core/openapi.py)."""

from mitmachkarte.core.openapi import DocumentedAPI
from mitmachkarte.events.api import router as events_router
from mitmachkarte.initiatives.api import router as initiatives_router
from mitmachkarte.initiatives.map_api import router as map_router
from mitmachkarte.municipalities.api import router as municipalities_router
from mitmachkarte.opendata.api import router as opendata_router
from mitmachkarte.support.api import router as support_router
from mitmachkarte.taxonomy.api import router as taxonomy_router

api = DocumentedAPI(
    title="Mitmachkarte API",
    version="1",
    description="Citizen sustainability initiatives and their municipalities. "
    "Published data only; no personal contact data.",
    urls_namespace="api",
)
api.add_router("", initiatives_router)
api.add_router("", map_router)
api.add_router("", taxonomy_router)
api.add_router("", municipalities_router)
api.add_router("", events_router)
api.add_router("", support_router)
api.add_router("", opendata_router)
