"""The Karte-von-morgen-compatible API (/api/kvm/…) with its own OpenAPI schema.

Its own API object and schema (/api/kvm/openapi.json) rather than operations of /api/v1/:
the paths, parameters (`bbox` as south,west,north,east) and answers are OpenFairDB's, so a
client written for Karte von morgen keeps working, and its schema reads like OpenFairDB's.
The views (views.py) parse and answer; the operations here describe them.
"""

from ninja import Path, Router, Schema

from mitmachkarte.core.openapi import DocumentedAPI, described, integer
from mitmachkarte.core.openapi import text as free_text
from mitmachkarte.core.params import LAT_LON_BOX_PATTERN
from mitmachkarte.initiatives.filters import MAX_QUERY_LENGTH
from mitmachkarte.taxonomy.reference import CATEGORIES

from . import kvm, views
from .mapping import KVM_COMPANY, KVM_INITIATIVE

router = Router(tags=["Karte von morgen"])
_CATEGORY = "|".join([KVM_INITIATIVE, KVM_COMPANY, *(c[0] for c in CATEGORIES)])
IDS_PATTERN = rf"^[0-9a-fA-F]{{32}}(?:,[0-9a-fA-F]{{32}}){{0,{kvm.MAX_IDS - 1}}}$"


class Ratings(Schema):
    total: float
    diversity: float
    fairness: float
    humanity: float
    renewable: float
    solidarity: float
    transparency: float


class SearchEntry(Schema):
    id: str
    status: str
    lat: float
    lng: float
    title: str
    description: str
    categories: list[str]
    tags: list[str]
    ratings: Ratings


class SearchResult(Schema):
    visible: list[SearchEntry]
    invisible: list[SearchEntry]


class Entry(Schema):
    id: str
    version: int
    created: int
    title: str
    description: str
    lat: float
    lng: float
    street: str
    zip: str
    city: str
    country: str
    state: str
    homepage: str
    categories: list[str]
    tags: list[str]
    ratings: list[str]
    links: list[str]
    license: str


@router.get("/search", response=SearchResult, url_name="search", summary="Search in a box")
def search(
    request,
    bbox: described(
        {
            "type": "string",
            "pattern": LAT_LON_BOX_PATTERN,
            "description": "Two corners as lat1,lng1,lat2,lng2 (south,west,north,east)",
            "example": "50.8,6.8,51.0,7.1",
        },
        str,
    ),
    text: free_text(MAX_QUERY_LENGTH, description="Search text; #hashtags filter by tag") = None,
    categories: described(
        {
            "type": "string",
            "pattern": rf"^(?:{_CATEGORY})(?:,(?:{_CATEGORY}))*$",
            "description": "Comma-separated: KVM's initiative/company ids or our category slugs",
        }
    ) = None,
    tags: free_text(description="Comma-separated tags") = None,
    limit: integer(1, kvm.MAX_LIMIT, default=kvm.DEFAULT_LIMIT) = None,
):
    """Entries in the box (`visible`, by name) and up to five nearest matches outside it."""
    return views.search(request)


@router.get("/entries/{ids}", response=list[Entry], url_name="entries", summary="Entries by id")
def entries(
    request,
    ids: Path[
        described(
            {
                "type": "string",
                "pattern": IDS_PATTERN,
                "description": f"Up to {kvm.MAX_IDS} comma-separated ids of 32 hex digits",
            },
            str,
        )
    ],
):
    """Full entries, without e-mail, telephone or contact name; unknown ids are skipped."""
    return views.entries(request, ids)


kvm_api = DocumentedAPI(
    title="Mitmachkarte: Karte-von-morgen-compatible API",
    version="0",
    description="OpenFairDB's read API (search, entries) over the published initiatives. "
    "No contact data, no ratings.",
    urls_namespace="kvm",
)
kvm_api.add_router("", router)
