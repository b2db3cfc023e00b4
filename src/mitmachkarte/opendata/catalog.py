"""DCAT-AP.de catalogue metadata (JSON-LD) describing the exports, for open-data portals.

Licences use the DCAT-AP.de licence vocabulary (http://dcat-ap.de/def/licenses/…), formats the
EU file-type authority table, themes the EU data-theme table. Per-entry licences are modelled
as two distributions per format: the complete set (ODbL, because it may contain ODbL entries;
CC0 entries are compatible with it) and the CC0-only subset (`?licence=cc0`).
"""

from django.conf import settings
from django.urls import reverse

EU = "http://publications.europa.eu/resource/authority/"
DCATDE_LICENCES = {
    "odbl": "http://dcat-ap.de/def/licenses/odbl",
    "cc0": "http://dcat-ap.de/def/licenses/cc-zero",
}
FORMATS = {
    # key: (title suffix, EU file type, IANA media type, URL name)
    "csv": ("CSV", "CSV", "text/csv", "api:export_initiatives_csv"),
    "geojson": ("GeoJSON", "GEOJSON", "application/geo+json", "api:export_initiatives_geojson"),
    "jsonld": (
        "JSON-LD (schema.org)",
        "JSON_LD",
        "application/ld+json",
        "api:export_initiatives_jsonld",
    ),
}

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "dcatde": "http://dcat-ap.de/def/dcatde/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _ref(uri: str) -> dict:
    return {"@id": uri}


def _date(value) -> dict | None:
    if value is None:
        return None
    return {"@type": "xsd:dateTime", "@value": value.isoformat()}


def _publisher() -> dict:
    return {
        "@id": settings.OPENDATA_PUBLISHER_URL,
        "@type": "foaf:Agent",
        "foaf:name": settings.OPENDATA_PUBLISHER_NAME,
        "foaf:homepage": _ref(settings.OPENDATA_PUBLISHER_URL),
    }


def _contact_point(doc_url: str) -> dict:
    contact = {
        "@type": "vcard:Organization",
        "vcard:fn": settings.OPENDATA_PUBLISHER_NAME,
        "vcard:hasURL": _ref(doc_url),
    }
    if settings.OPENDATA_CONTACT_EMAIL:  # the operator's office address, never a person's
        contact["vcard:hasEmail"] = _ref(f"mailto:{settings.OPENDATA_CONTACT_EMAIL}")
    return contact


def _distribution(key: str, *, licence: str, site: str, doc_url: str, modified) -> dict:
    title, file_type, media_type, url_name = FORMATS[key]
    url = site + reverse(url_name) + ("?licence=cc0" if licence == "cc0" else "")
    subset = "nur CC0-Einträge" if licence == "cc0" else "alle Einträge"
    distribution = {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": f"Initiativen als {title} ({subset})",
        "dcat:accessURL": _ref(url),
        "dcat:downloadURL": _ref(url),
        "dct:format": _ref(f"{EU}file-type/{file_type}"),
        "dcat:mediaType": _ref(f"https://www.iana.org/assignments/media-types/{media_type}"),
        "dct:license": _ref(DCATDE_LICENCES[licence]),
        "foaf:page": _ref(doc_url),
        "dct:modified": _date(modified),
    }
    if licence == "odbl":  # attribution required by ODbL
        distribution["dcatde:licenseAttributionByText"] = (
            f"{settings.OPENDATA_PUBLISHER_NAME} ({settings.SITE_URL}), ODbL 1.0"
        )
    return distribution


def _dataset(
    *,
    ident: str,
    title: str,
    description: str,
    keywords: list[str],
    themes,
    distributions: list[dict],
    site: str,
    doc_url: str,
    modified,
) -> dict:
    return {
        "@id": f"{doc_url}#{ident}",
        "@type": "dcat:Dataset",
        "dct:identifier": f"{site}/opendata/{ident}",
        "dct:title": title,
        "dct:description": description,
        "dcat:keyword": keywords,
        "dcat:theme": [_ref(f"{EU}data-theme/{t}") for t in themes],
        "dct:publisher": _publisher(),
        "dcat:contactPoint": _contact_point(doc_url),
        "dcatde:contributorID": _ref(settings.OPENDATA_CONTRIBUTOR_ID),
        "dcatde:politicalGeocodingLevelURI": _ref(settings.OPENDATA_GEOCODING_LEVEL_URI),
        "dcatde:politicalGeocodingURI": _ref(settings.OPENDATA_GEOCODING_URI),
        "dct:accrualPeriodicity": _ref(f"{EU}frequency/CONT"),
        "dct:language": _ref(f"{EU}language/DEU"),
        "dcat:landingPage": _ref(doc_url),
        "dct:modified": _date(modified),
        "dcat:distribution": distributions,
    }


def catalog(*, initiatives_modified=None, events_modified=None) -> dict:
    """The whole catalogue as a JSON-LD document with absolute URLs (SITE_URL)."""
    site = settings.SITE_URL
    doc_url = site + reverse("opendata:index")
    initiative_distributions = [
        _distribution(
            key, licence=licence, site=site, doc_url=doc_url, modified=initiatives_modified
        )
        for licence in ("odbl", "cc0")
        for key in FORMATS
    ]
    events_url = site + reverse("api:export_events_jsonld")
    event_distribution = {
        "@id": events_url,
        "@type": "dcat:Distribution",
        "dct:title": "Veranstaltungen als JSON-LD (schema.org)",
        "dcat:accessURL": _ref(events_url),
        "dcat:downloadURL": _ref(events_url),
        "dct:format": _ref(f"{EU}file-type/JSON_LD"),
        "dcat:mediaType": _ref("https://www.iana.org/assignments/media-types/application/ld+json"),
        "dct:license": _ref(DCATDE_LICENCES["odbl"]),
        "dcatde:licenseAttributionByText": (
            f"{settings.OPENDATA_PUBLISHER_NAME} ({settings.SITE_URL}), ODbL 1.0"
        ),
        "foaf:page": _ref(doc_url),
        "dct:modified": _date(events_modified),
    }
    datasets = [
        _dataset(
            ident="initiativen",
            title=f"Initiativen für Nachhaltigkeit ({settings.SITE_NAME})",
            description=(
                "Bürgerschaftliche Initiativen für Nachhaltigkeit (Repair-Cafés, "
                "Foodsharing, Gemeinschaftsgärten, Tauschbörsen, Energiegenossenschaften "
                "…) mit Kategorien, Nachhaltigkeitszielen, Adresse, Koordinaten und "
                "Kommune (AGS). Ohne persönliche Kontaktdaten."
            ),
            keywords=[
                "Nachhaltigkeit",
                "Initiativen",
                "Ehrenamt",
                "SDG",
                "Repair-Café",
                "Foodsharing",
                "Gemeinschaftsgarten",
            ],
            themes=["SOCI", "ENVI"],
            distributions=initiative_distributions,
            site=site,
            doc_url=doc_url,
            modified=initiatives_modified,
        ),
        _dataset(
            ident="veranstaltungen",
            title=f"Veranstaltungen für Nachhaltigkeit ({settings.SITE_NAME})",
            description=(
                "Veröffentlichte Veranstaltungen der Initiativen und Kommunen "
                "(Termine, Ort, Veranstalter). Ohne persönliche Kontaktdaten."
            ),
            keywords=["Nachhaltigkeit", "Veranstaltungen", "Aktionstage"],
            themes=["SOCI", "ENVI"],
            distributions=[event_distribution],
            site=site,
            doc_url=doc_url,
            modified=events_modified,
        ),
    ]
    return _without_none(
        {
            "@context": CONTEXT,
            "@id": f"{doc_url}#catalog",
            "@type": "dcat:Catalog",
            "dct:title": f"{settings.SITE_NAME}: offene Daten",
            "dct:description": (
                "Offene Daten der Plattform: Initiativen und Veranstaltungen für "
                "Nachhaltigkeit, als CSV, GeoJSON und JSON-LD."
            ),
            "dct:publisher": _publisher(),
            "foaf:homepage": _ref(site + "/"),
            "dct:language": _ref(f"{EU}language/DEU"),
            "dct:modified": _date(initiatives_modified),
            "dcat:dataset": datasets,
        }
    )


def _without_none(value):
    """Drop keys whose value is None (e.g. no modification date while nothing is published)."""
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value]
    return value
