"""The build's own checks: the import log names no module the program needs, no Qt module the
program does not use is in the bundle, and the Windows icon and version resource are well formed."""

import struct
import sys

import pytest

from installer import build, windows_metadata

WARN = """\
missing module named msvcrt - imported by subprocess (optional), bvct_desktop.core.files (delayed, conditional)
missing module named nt - imported by os (delayed, conditional, optional)
missing module named xlsxwriter - imported by bvct_desktop.io.xlsx_writer (top-level), openpyxl (optional)
excluded module named PySide6.QtNetwork - imported by PySide6 (delayed, conditional, optional)
"""


def test_a_module_the_program_imports_at_top_level_and_the_bundle_lacks_fails_the_build(tmp_path):
    log = tmp_path / "warn-bvct.txt"
    log.write_text(WARN, encoding="utf-8")
    assert build.missing_program_imports(log) == ["xlsxwriter (imported by bvct_desktop.io.xlsx_writer)"]


def test_unused_qt_modules_in_the_bundle_are_found(tmp_path):
    internal = tmp_path / "_internal" / "PySide6"
    (internal / "Qt" / "lib").mkdir(parents=True)
    for name in ("QtCore.abi3.so", "QtNetwork.abi3.so", "QtWidgets.pyd", "Qt/lib/libQt6Gui.so.6",
                 "Qt/lib/libQt6Qml.so.6", "Qt/lib/Qt6Network.dll"):
        (internal / name).write_bytes(b"")
    assert build.unwanted_files(tmp_path) == ["_internal/PySide6/Qt/lib/Qt6Network.dll",
                                              "_internal/PySide6/Qt/lib/libQt6Qml.so.6",
                                              "_internal/PySide6/QtNetwork.abi3.so"]


@pytest.mark.parametrize(("version", "numbers"), [("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)),
                                                  ("2.0.1rc1", (2, 0, 1, 0)), ("3.4.5.6.7", (3, 4, 5, 6))])
def test_windows_version_numbers(version, numbers):
    assert windows_metadata.version_numbers(version) == numbers


def test_the_icon_file_holds_every_size_as_png():
    pngs = [(size, b"\x89PNG" + bytes([size % 256]) * size) for size in windows_metadata.ICON_SIZES]
    data = windows_metadata.ico_bytes(pngs)
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(pngs))
    for index, (size, png) in enumerate(pngs):
        width, height, _c, _r, _planes, bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        assert width == height == (0 if size == 256 else size) and bits == 32
        assert data[offset:offset + length] == png


@pytest.mark.skipif(sys.platform != "win32", reason="PyInstaller's version resource module loads on Windows only "
                                                    "(the Windows workflow runs these tests)")
def test_the_version_resource_is_vietnamese_and_names_the_program():
    text = str(windows_metadata.version_info("0.1.0", "bvct-desktop"))
    assert "filevers=(0, 1, 0, 0)" in text and "042A04B0" in text
    assert "BVCT Desktop" in text and "bvct-desktop.exe" in text
