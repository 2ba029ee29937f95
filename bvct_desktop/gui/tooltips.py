"""A tooltip telling what someone typed shows it as typed: Qt takes a tooltip for rich text when its
first line looks like markup (a summary typed «<b>Gấp</b> …» showed bold, «<img src=…>» a broken
image), so such a tooltip goes to Qt as HTML keeping every character, space and line."""

import html

from ..core import long_text


def typed_tip(text: str, more: str = long_text.OPEN_RECORD) -> str:
    """`text` as a tooltip shows it character for character, in `long_text.tip`'s lines (not wrapped
    again: they are already inside the screen); "" (no tooltip) for no text."""
    if not text:
        return ""
    return f'<p style="white-space:pre">{html.escape(long_text.tip(text, more), quote=False)}</p>'
