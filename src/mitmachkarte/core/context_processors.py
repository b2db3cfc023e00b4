from django.conf import settings


def site(request):
    return {
        "SITE_NAME": settings.SITE_NAME,
        "TILE_URL": settings.TILE_URL,
        "TILE_ATTRIBUTION": settings.TILE_ATTRIBUTION,
        "MUNICIPALITY_DATA_CREDIT": settings.MUNICIPALITY_DATA_CREDIT,
    }
