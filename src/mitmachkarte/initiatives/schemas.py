from ninja import Schema


class FilterParams(Schema):
    """The filters shared by every initiative endpoint (see filters.parse_filter)."""

    bbox: str | None = None
    q: str | None = None
    category: list[str] = []
    sdg: list[str] = []
    municipality: str | None = None
    tag: str | None = None
    near: str | None = None
    radius: str | None = None
