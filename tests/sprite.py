"""The page's inline SVG sprite, for tests that check a marker names one of its symbols."""

from pathlib import Path

import mitmachkarte

SPRITE = Path(mitmachkarte.__file__).parent / "core/templates/core/_icons.svg"


def sprite_text() -> str:
    return SPRITE.read_text(encoding="utf-8")
