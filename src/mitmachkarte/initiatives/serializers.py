"""Public representations of initiatives (API items, GeoJSON, schema.org JSON-LD).

Only public fields: the contact e-mail is never part of any output; the phone number only
appears on the detail representation.
"""

from django.conf import settings

from .models import Initiative

LICENCE_URLS = {
    "ODbL-1.0": "https://opendatacommons.org/licenses/odbl/1-0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
}


def _municipality(initiative: Initiative) -> dict | None:
    m = initiative.municipality
    if m is None:
        return None
    return {"slug": m.slug, "name": m.name, "ags": m.ags}


def absolute(url: str, base_url: str) -> str:
    """MEDIA_URL may already name another host (a CDN); then it is left as it is."""
    return url if url.startswith(("http://", "https://")) else base_url + url


def image(initiative: Initiative, *, base_url: str = "") -> dict | None:
    """The picture's two sizes as absolute URLs, with its description and credit."""
    return image_of(
        initiative.image.name,
        initiative.image_small.name,
        initiative.image_alt,
        initiative.image_credit,
        base_url=base_url,
    )


def image_of(name: str, small: str, alt: str, credit: str, *, base_url: str = "") -> dict | None:
    """`image` from the stored file names (for rows read without model objects)."""
    if not name:
        return None
    storage = Initiative._meta.get_field("image").storage
    small_storage = Initiative._meta.get_field("image_small").storage
    return {
        "url": absolute(storage.url(name), base_url),
        "small_url": absolute(small_storage.url(small), base_url),
        "alt": alt,
        "credit": credit,
    }


def list_item(initiative: Initiative, *, base_url: str = "") -> dict:
    return {
        "slug": initiative.slug,
        "name": initiative.name,
        "short_description": initiative.short_description,
        "categories": [c.slug for c in initiative.categories.all()],
        "sdgs": [s.number for s in initiative.sdgs.all()],
        "tags": [t.name for t in initiative.tags.all()],
        "city": initiative.city,
        "postcode": initiative.postcode,
        "municipality": _municipality(initiative),
        "latitude": initiative.latitude,
        "longitude": initiative.longitude,
        "website": initiative.website,
        "url": base_url + initiative.get_absolute_url(),
        "updated_at": initiative.updated_at,
        "data_licence": initiative.data_licence,
        "may_be_outdated": initiative.may_be_outdated,
        "image": image(initiative, base_url=base_url),
    }


def detail_item(initiative: Initiative, *, base_url: str = "") -> dict:
    return {
        **list_item(initiative, base_url=base_url),
        "description": initiative.description,
        "street": initiative.street,
        "phone": initiative.contact_phone,
        "social_links": list(initiative.social_links or []),
        "meeting_times": initiative.meeting_times,
        "opening_hours": initiative.opening_hours,
        "how_to_join": initiative.how_to_join,
        "founded_year": initiative.founded_year,
        "last_confirmed_at": initiative.last_confirmed_at,
        "created_at": initiative.created_at,
    }


def geojson_feature(row: dict, *, categories: dict, base_url: str = "") -> dict:
    """A GeoJSON Feature from a light `map_points` row (lon before lat, RFC 7946).

    `categories` maps category ids to Category objects (slug, name, colour, icon).
    """
    category = categories.get(row["category_id"])
    return {
        "type": "Feature",
        "id": row["slug"],
        "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
        "properties": {
            "slug": row["slug"],
            "name": row["name"],
            "short_description": row["short_description"],
            "city": row["city"],
            "category": category.slug if category else None,
            "category_name": category.name if category else "",
            "colour": category.colour if category else "#495057",
            "icon": category.icon if category else "",
            "url": f"{base_url}/initiativen/{row['slug']}/",
        },
    }


def json_ld(initiative: Initiative, *, base_url: str) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": initiative.name,
        "description": initiative.short_description,
        "url": base_url + initiative.get_absolute_url(),
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": initiative.latitude,
            "longitude": initiative.longitude,
        },
        "address": {
            "@type": "PostalAddress",
            "streetAddress": initiative.street,
            "postalCode": initiative.postcode,
            "addressLocality": initiative.city,
            "addressCountry": "DE",
        },
        "keywords": ", ".join(t.name for t in initiative.tags.all()),
        "license": LICENCE_URLS.get(initiative.data_licence, ""),
        "provider": {"@type": "Organization", "name": settings.SITE_NAME},
    }
    picture = image(initiative, base_url=base_url)
    if picture:
        data["image"] = picture["url"]
    if initiative.founded_year:
        data["foundingDate"] = str(initiative.founded_year)
    same_as = [u for u in [initiative.website, *(initiative.social_links or [])] if u]
    if same_as:
        data["sameAs"] = same_as
    if initiative.contact_phone:
        data["telephone"] = initiative.contact_phone
    return data
