"""The bundled Liberation Serif family (Times New Roman metrics, SIL OFL), registered once.

Never a system font: every PDF embeds these four files (subset), so a page looks the same
on every PC and `pdftotext` gives the Vietnamese text back exactly.
"""

import functools

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ...resources import resource_path

FAMILY = "LiberationSerif"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = (f"{FAMILY}-{style}" for style in ("Regular", "Bold", "Italic", "BoldItalic"))
WORD_FONT = "Times New Roman"  # the name a .docx asks for; Liberation Serif stands in with the same metrics


@functools.cache
def register() -> str:
    """Registers the family with reportlab (idempotent); returns the family name."""
    for name in (REGULAR, BOLD, ITALIC, BOLD_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(resource_path(f"fonts/{name}.ttf"))))
    for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(FAMILY, bold, italic, name)
    return FAMILY


@functools.lru_cache(maxsize=65_536)
def width(text: str, font: str, size: float) -> float:
    """The printed width of `text` in points (cached: forms repeat the same words page after page);
    the family is registered first, whoever measures before any PDF is written."""
    register()
    return pdfmetrics.stringWidth(text, font, size)
