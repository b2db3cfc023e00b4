"""NRW's five Regierungsbezirke, derived from a municipality's AGS (digits 1–3).

The code calls them *regions* because the glossary's "district" is the Kreis (5 digits).
"""

from django.utils.translation import gettext_lazy as _

REGIONS = {
    "051": "Düsseldorf",
    "053": "Köln",
    "055": "Münster",
    "057": "Detmold",
    "059": "Arnsberg",
}
REGION_LABEL = _("administrative region (Regierungsbezirk)")


def region_of(ags: str | None) -> str:
    """The three-digit region code of an NRW AGS, or "" (other states, unknown keys)."""
    code = (ags or "")[:3]
    return code if code in REGIONS else ""


def region_name(code: str) -> str:
    return REGIONS.get(code, "")
