"""What Windows shows about the executables: the version resource (Properties → Details, and
what antivirus and SmartScreen read) and the icon, drawn from resources/icons/app.svg.

`python -m installer.windows_metadata OUT.ico` writes the icon (a Qt process of its own, offscreen).
"""

import os
import re
import struct
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "app.svg"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
PRODUCT = "BVCT Desktop"
COMPANY = "Phòng Bảo vệ chính trị nội bộ – Ban Tổ chức Tỉnh ủy"
DESCRIPTIONS = {"bvct-desktop": "BVCT Desktop – ứng dụng quản lý công tác bảo vệ chính trị nội bộ",
                "bvct": "BVCT Desktop – dòng lệnh"}


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """"0.1.0" → (0, 1, 0, 0); anything after the numbers (e.g. "rc1") is left out."""
    numbers = [int(found.group()) if (found := re.match(r"\d+", part)) else 0 for part in version.split(".")[:4]]
    return tuple((numbers + [0, 0, 0, 0])[:4])


def version_info(version: str, name: str):
    from PyInstaller.utils.win32 import versioninfo as vi

    numbers = version_numbers(version)
    strings = [
        vi.StringStruct("CompanyName", COMPANY),
        vi.StringStruct("FileDescription", DESCRIPTIONS[name]),
        vi.StringStruct("FileVersion", version),
        vi.StringStruct("InternalName", name),
        vi.StringStruct("OriginalFilename", f"{name}.exe"),
        vi.StringStruct("ProductName", PRODUCT),
        vi.StringStruct("ProductVersion", version),
    ]
    # 0x042A: Vietnamese; 1200: Unicode.
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[vi.StringFileInfo([vi.StringTable("042A04B0", strings)]), vi.VarFileInfo([vi.VarStruct("Translation",
                                                                                                     [0x042A, 1200])])],
    )


def icon_file(folder: Path) -> str:
    """Renders app.svg into `folder`/app.ico (every size Windows asks for) and returns its path."""
    target = folder / "app.ico"
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "installer.windows_metadata", str(target)], cwd=ROOT, check=True)
    return str(target)


def ico_bytes(pngs: list[tuple[int, bytes]]) -> bytes:
    """An .ico holding PNG images (Windows Vista and later read PNG entries) of the given sizes."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in pngs:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(images))
        images += png
    return header + entries + images


def _render(target: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QIcon

    app = QGuiApplication([])  # noqa: F841 - pixmaps need the application
    icon = QIcon(str(SVG))
    pngs = []
    for size in ICON_SIZES:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not icon.pixmap(size, size).toImage().save(buffer, "PNG"):
            raise SystemExit(f"could not render {SVG} at {size} px")
        pngs.append((size, bytes(data)))
    target.write_bytes(ico_bytes(pngs))


if __name__ == "__main__":
    _render(Path(sys.argv[1]))
