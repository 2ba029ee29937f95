"""Reading a PDF back the way an officer's tools do: poppler's pdftotext, pdffonts and pdfinfo.

CI needs the Debian package poppler-utils.
"""

import shutil
import subprocess
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
