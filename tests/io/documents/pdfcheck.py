"""Reading a PDF back the way an officer's tools do: poppler's pdftotext, pdffonts and pdfinfo.

CI needs the Debian package poppler-utils.
"""

import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

BUNDLED = {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"}
A4_POINTS = "595.276 x 841.89 pts (A4)"
A4_LANDSCAPE_POINTS = "841.89 x 595.276 pts (A4)"

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="cần poppler-utils (apt-get)")


def _run(*argv: str) -> str:
    return subprocess.run(argv, check=True, capture_output=True, text=True, encoding="utf-8").stdout


def text(path: Path, first: int | None = None, last: int | None = None, password: str | None = None) -> str:
    """The text in reading order (`-layout` keeps the two header columns on one line)."""
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    secret = ["-upw", password] if password else []
    return _run("pdftotext", "-layout", *pages, *secret, str(path), "-")


def lines(path: Path, **kwargs) -> list[str]:
    return [" ".join(line.split()) for line in text(path, **kwargs).splitlines() if line.strip()]


def fonts(path: Path) -> list[tuple[str, str, str]]:
    """(base name without the subset tag, embedded, subset) for every font the PDF uses."""
    rows = _run("pdffonts", str(path)).splitlines()[2:]
    found = []
    for row in rows:
        parts = row.split()
        name = parts[0].split("+", 1)[-1]
        found.append((name, parts[-5], parts[-4]))
    return found


def info(path: Path) -> dict[str, str]:
    result = {}
    for row in _run("pdfinfo", str(path)).splitlines():
        key, _, value = row.partition(":")
        result[key.strip()] = value.strip()
    return result


def assert_bundled_fonts_only(path: Path) -> None:
    used = fonts(path)
    assert used, "no font in the PDF"
    assert {name for name, _, _ in used} <= BUNDLED
    assert all(embedded == "yes" for _, embedded, _ in used)


def assert_in_order(haystack: list[str], *needles: str) -> None:
    """Each needle occurs (as part of a line) after the previous one."""
    position = 0
    for needle in needles:
        for index in range(position, len(haystack)):
            if needle in haystack[index]:
                position = index + 1
                break
        else:
            raise AssertionError(f"«{needle}» not found after line {position}: {haystack}")


@dataclass(frozen=True)
class Word:
    """A word as poppler places it on the page: points from the page's top-left corner."""

    page: int
    text: str
    x0: float
    top: float
    x1: float
    bottom: float


MM = 72 / 25.4
_WORD = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">|'
                   r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def words(path: Path) -> list[Word]:
    """Every word with its box, as `pdftotext -bbox` reads them, page by page in reading order."""
    found, page = [], 0
    for match in _WORD.finditer(_run("pdftotext", "-bbox", str(path), "-")):
        if match.group(1):
            page += 1
            continue
        x0, top, x1, bottom = (float(match.group(i)) for i in range(3, 7))
        found.append(Word(page, html.unescape(match.group(7)), x0, top, x1, bottom))
    return found


def run(found: list[Word], text: str, page: int | None = None) -> list[Word]:
    """The first run of words reading `text`, on one page (`page`, when given), whatever its line breaks."""
    wanted = text.split()
    for start in range(len(found)):
        words = found[start:start + len(wanted)]
        if [word.text for word in words] == wanted and (page is None or words[0].page == page) \
                and len({word.page for word in words}) == 1:
            return words
    raise AssertionError(f"«{text}» not found" + (f" on page {page}" if page else ""))


def phrase(found: list[Word], text: str, page: int | None = None) -> Word:
    """The box around the first run of words reading `text` (on `page`, when given)."""
    words = run(found, text, page)
    return Word(words[0].page, text, min(w.x0 for w in words), min(w.top for w in words),
                max(w.x1 for w in words), max(w.bottom for w in words))


def cell_lines(found: list[Word], text: str) -> list[str]:
    """The lines of the first left-aligned table cell reading `text`, as printed: each line's words from the cell's
    left edge, as far as they read on in `text` (a cell further right on the same line reads something else)."""
    wanted = text.split()
    lines_at: dict[tuple[int, float], list[Word]] = {}
    for word in found:
        lines_at.setdefault((word.page, word.top), []).append(word)
    order = sorted(lines_at)  # down each page: poppler may read a column's cells before the next line
    for first in (word for word in found if word.text == wanted[0]):
        rest, lines = wanted, []
        for at in order[order.index((first.page, first.top)):]:
            row = sorted((word for word in lines_at[at] if word.x0 > first.x0 - 0.5), key=lambda word: word.x0)
            taken = next((n for n in range(len(row), 0, -1) if [word.text for word in row[:n]] == rest[:n]), 0)
            if not taken or abs(row[0].x0 - first.x0) > 0.5:
                break
            lines.append(" ".join(rest[:taken]))
            rest = rest[taken:]
            if not rest:
                return lines
    raise AssertionError(f"no cell reads «{text}»")


def page_count(path: Path) -> int:
    return int(info(path)["Pages"])


def font_sizes(path: Path, first: int = 1, last: int | None = None) -> dict[float, int]:
    """How many printed characters each font size has, as the PDF itself says (pypdfium2)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    document = pdfium.PdfDocument(str(path))
    sizes: dict[float, int] = {}
    for index in range(first - 1, last or len(document)):
        text = document[index].get_textpage()
        for char in range(text.count_chars()):
            if raw.FPDFText_IsGenerated(text.raw, char) or chr(raw.FPDFText_GetUnicode(text.raw, char)).isspace():
                continue
            size = round(raw.FPDFText_GetFontSize(text.raw, char), 1)
            sizes[size] = sizes.get(size, 0) + 1
    return sizes
