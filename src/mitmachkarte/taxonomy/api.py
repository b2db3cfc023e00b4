from ninja import Router, Schema

from mitmachkarte.core.openapi import integer

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


class SDGTargetOut(Schema):
    number: str
    goal: int
    name_de: str
    name_en: str

    @staticmethod
    def resolve_goal(obj) -> int:
        return obj.sdg_id


@router.get("/categories", response=list[CategoryOut], summary="The curated categories")
def list_categories(request):
    return list(selectors.categories())


@router.get("/sdgs", response=list[SDGOut], summary="The 17 Sustainable Development Goals")
def list_sdgs(request):
    return list(selectors.sdgs())


@router.get(
    "/sdgs/targets",
    response=list[SDGTargetOut],
    summary="The 169 SDG targets (optionally of one goal: ?goal=1..17)",
)
def list_targets(request, goal: integer(1, 17, description="An SDG number") = None):
    return list(selectors.targets(goal=selectors.goal_param(goal)))
