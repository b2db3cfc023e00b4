"""The query parameters of an embed, parsed forgivingly, and the snippets that carry them.

A webmaster's typo must never give a blank frame on a town hall's website: every bad or
unknown parameter is dropped with a `Notice` the widget shows, and defaults apply.
"""

import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.conf import settings
from django.utils import translation
from django.utils.html import escape
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mitmachkarte.core.geo import BBox
from mitmachkarte.core.params import parse_bool, parse_int, parse_leniently, parse_point
from mitmachkarte.initiatives.filters import FilterError, InitiativeFilter, parse_filter
from mitmachkarte.municipalities.models import Municipality

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"
DEFAULT_HEIGHT = 400  # map height in CSS pixels
MIN_HEIGHT, MAX_HEIGHT = 200, 1200
MAX_TITLE = 120
MIN_ZOOM, MAX_ZOOM = 1, 18
DEFAULT_CENTER_ZOOM = 13
DEFAULT_COLOUR = "#0b6e4f"
_HEX = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

FILTER_ARGS = {
    "municipality": "kommune",
    "bbox": "bbox",
    "categories": "category",
    "sdgs": "sdg",
    "tag": "tag",
    "q": "q",
}
KNOWN_PARAMS = {
    *FILTER_ARGS.values(),
    "municipality",
    "center",
    "zoom",
    "lang",
    "color",
    "list",
    "search",
    "title",
    "height",
    "page",
}


@dataclass(frozen=True)
class Notice:
    param: str
    message: str


@dataclass(frozen=True)
class EmbedOptions:
    filter: InitiativeFilter = InitiativeFilter()  # never with a municipality: see territory
    municipality: Municipality | None = None
    center: tuple[float, float] | None = None
    zoom: int | None = None
    lang: str = DEFAULT_LANGUAGE
    colour: str = ""
    show_list: bool = True
    show_search: bool = True
    title: str = ""
    height: int = DEFAULT_HEIGHT
    notices: tuple[Notice, ...] = field(default=(), compare=False)

    @property
    def bbox(self) -> BBox | None:
        return self.filter.bbox

    def params(self) -> list[tuple[str, str]]:
        """The canonical, non-default parameters (the municipality by its stable AGS)."""
        flt, out = self.filter, []
        if self.municipality:
            out.append(("kommune", self.municipality.ags or self.municipality.slug))
        if flt.bbox:
            out.append(("bbox", ",".join(_num(v) for v in flt.bbox.as_list())))
        if self.center:
            out.append(("center", f"{_num(self.center[0])},{_num(self.center[1])}"))
            out.append(("zoom", str(self.zoom)))
        out += [("category", c) for c in flt.categories]
        out += [("sdg", str(s)) for s in flt.sdgs]
        out += [(k, v) for k, v in (("tag", flt.tag), ("q", flt.q)) if v]
        if self.lang != DEFAULT_LANGUAGE:
            out.append(("lang", self.lang))
        if self.colour and self.colour != DEFAULT_COLOUR:
            out.append(("color", self.colour))
        if not self.show_list:
            out.append(("list", "0"))
        if not self.show_search:
            out.append(("search", "0"))
        if self.title:
            out.append(("title", self.title))
        if self.height != DEFAULT_HEIGHT:
            out.append(("height", str(self.height)))
        return out

    def query(self, *, only_data: bool = False) -> str:
        params = self.params()
        if only_data:  # what changes the data: the territory, the filters, the language
            keep = {"kommune", "bbox", "category", "sdg", "tag", "q", "lang"}
            params = [(k, v) for k, v in params if k in keep]
        return urlencode(params)


def _num(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _notice(param: str, message) -> Notice:
    return Notice(param, message)


def parse_lang(raw: str | None) -> tuple[str, Notice | None]:
    value = (raw or "").strip().lower()
    if not value:
        return DEFAULT_LANGUAGE, None
    if value[:2] in LANGUAGES and len(value) in (2, 5):  # "en", "en-GB"
        return value[:2], None
    return DEFAULT_LANGUAGE, _notice("lang", _("use “de” or “en”"))


def parse_colour(raw: str) -> str:
    match = _HEX.match(raw.strip())
    if not match:
        raise ValueError
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return "#" + digits.lower()


def ink_for(colour: str) -> str:
    """Black or white text on the colour, whichever has the higher contrast (WCAG)."""

    def channel(hex2: str) -> float:
        c = int(hex2, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#000000" if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else "#ffffff"


def _flag(get, name: str, notices: list) -> bool:
    try:
        return parse_bool(name, get(name), default=True)
    except FilterError:
        notices.append(_notice(name, _("use 1 or 0")))
        return True


def _filter(data, notices: list) -> InitiativeFilter:
    raw = {
        "municipality": data.get("kommune") or data.get("municipality"),
        "bbox": data.get("bbox"),
        "categories": data.getlist("category"),
        "sdgs": data.getlist("sdg"),
        "tag": data.get("tag"),
        "q": data.get("q"),
    }
    flt, errors = parse_leniently(parse_filter, raw, FILTER_ARGS)
    notices += [_notice(FILTER_ARGS.get(e.param, e.param), e.message) for e in errors]
    return flt


def _whole_number(get, name: str, low: int, high: int, message, notices: list) -> int | None:
    """The number, or None (with a notice) when it is not one from low to high."""
    raw = (get(name) or "").strip().lower()
    if name == "height":
        raw = raw.removesuffix("px")
    try:
        return parse_int(name, raw, min_value=low, max_value=high)
    except FilterError:
        notices.append(_notice(name, format_lazy(message, low=low, high=high)))
        return None


def _view(get, notices: list) -> tuple[tuple[float, float] | None, int | None]:
    raw_center, raw_zoom = (get("center") or "").strip(), (get("zoom") or "").strip()
    if not raw_center:
        if raw_zoom:
            notices.append(_notice("zoom", _("only used together with “center”")))
        return None, None
    try:
        center = parse_point("center", raw_center)
    except FilterError:
        notices.append(_notice("center", _("expected “latitude,longitude” in degrees")))
        return None, None
    zoom = _whole_number(
        get, "zoom", MIN_ZOOM, MAX_ZOOM, _("expected a whole number from {low} to {high}"), notices
    )
    return center, zoom or DEFAULT_CENTER_ZOOM


def _height(get, notices: list) -> int:
    height = _whole_number(
        get, "height", MIN_HEIGHT, MAX_HEIGHT, _("expected pixels from {low} to {high}"), notices
    )
    return height or DEFAULT_HEIGHT


def parse_options(data, *, lang: str | None = None, strict_names: bool = True) -> EmbedOptions:
    """Options from a QueryDict. Never raises for user input; problems become notices."""
    notices: list[Notice] = []
    get = data.get
    if lang is None:
        lang, problem = parse_lang(get("lang"))
        notices += [problem] if problem else []
    if strict_names:
        for name in data:
            if name not in KNOWN_PARAMS:
                notices.append(_notice(name[:40], _("unknown parameter")))
    flt = _filter(data, notices)
    center, zoom = _view(get, notices)
    colour = ""
    if (get("color") or "").strip():
        try:
            colour = parse_colour(get("color"))
        except ValueError:
            notices.append(_notice("color", _("expected a hex colour such as #0b6e4f")))
    title = _CONTROL.sub("", get("title") or "").strip()
    if len(title) > MAX_TITLE:
        title = title[:MAX_TITLE].rstrip() + "…"
        notices.append(_notice("title", format_lazy(_("shortened to {n} characters"), n=MAX_TITLE)))
    return EmbedOptions(
        filter=replace(flt, municipality=None),
        municipality=flt.municipality,
        center=center,
        zoom=zoom,
        lang=lang,
        colour=colour,
        show_list=_flag(get, "list", notices),
        show_search=_flag(get, "search", notices),
        title=title,
        height=_height(get, notices),
        notices=tuple(notices),
    )


def frame_height(options: EmbedOptions) -> int:
    """A sensible fixed iframe height for the plain snippet (the script form resizes)."""
    height = options.height + 40
    if options.title:
        height += 44
    if options.show_search:
        height += 56
    if options.show_list:
        height += 320
    return height


def frame_title(options: EmbedOptions) -> str:
    """The iframe's accessible name, in the embed's language."""
    if options.title:
        return options.title
    with translation.override(options.lang):
        if options.municipality:
            return gettext("%(site)s: initiatives in %(name)s") % {
                "site": settings.SITE_NAME,
                "name": options.municipality.name,
            }
        return gettext("%(site)s: initiatives for sustainability") % {"site": settings.SITE_NAME}


def iframe_snippet(options: EmbedOptions, *, base_url: str) -> str:
    query = options.query()
    src = f"{base_url}/embed/" + (f"?{query}" if query else "")
    return (
        f'<iframe src="{escape(src)}" title="{escape(frame_title(options))}" '
        f'loading="lazy" width="100%" height="{frame_height(options)}" '
        f'style="border:0;max-width:100%"></iframe>'
    )


def script_snippet(options: EmbedOptions, *, base_url: str) -> str:
    merged: dict[str, str] = {}
    for key, value in options.params():
        merged[key] = f"{merged[key]},{value}" if key in merged else value
    attrs = "".join(f' data-{key}="{escape(value)}"' for key, value in merged.items())
    return f'<script src="{escape(base_url)}/embed/embed.js"{attrs} async></script>'
