from ninja import Router, Schema

from . import selectors

router = Router(tags=["taxonomy"])


class CategoryOut(Schema):
    slug: str
    name_de: str
    name_en: str
    colour: str
    icon: str


class SDGOut(Schema):
    number: int
    name_de: str
    name_en: str
    colour: str


@router.get("/categories", response=list[CategoryOut], summary="The curated categories")
def list_categories(request):
    return list(selectors.categories())


@router.get("/sdgs", response=list[SDGOut], summary="The 17 Sustainable Development Goals")
def list_sdgs(request):
    return list(selectors.sdgs())
