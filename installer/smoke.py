"""Smoke test of a built bundle, run as an officer would run it, with no network:

`python -m installer.smoke dist/bvct-desktop` (also the last step of `python -m installer.build`,
and of the Windows workflow with bvct.exe). Every run of the bundle happens

- with networking disabled for the process (`unshare -n`, as root or in a user namespace) where
  the system has it, and traced with strace where strace exists: any IPv4/IPv6/packet socket or
  connect is a failure (Qt's local D-Bus and X11 sockets are Unix sockets and allowed);
- with its own home, data and log folders, and (on Linux) no system fonts at all, so only the
  bundled fonts can draw the text;
- failing on a non-zero exit, a traceback or a bootloader error on either stream, a missing
  bundled file, an entry in the program's error log, a PDF font that is not embedded, or a GUI
  that does not reach its first window in the bundled font.

Needs, besides the bundle: openpyxl and pypdf (to write the workbook and read the PDFs back),
both installed with the program; poppler's pdffonts/pdftotext are used where present.
"""

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ADMIN, PASSWORD = "quantri", "Kiem-tra-sau-cai-dat-2026"
TIMEOUT_S = 180
WINDOWS = sys.platform == "win32"
FAILURE_MARKS = ("Traceback (most recent call last)", "[PYI-", "Thiếu tệp đi kèm", "Lỗi không lường trước",
                 "Could not load the Qt platform plugin", "QFont::", "Cannot find font", "qt.qpa.fonts")
NETWORK_FAMILIES = ("AF_INET", "AF_INET6", "AF_PACKET")
CADRES = [  # Vietnamese names, a partial birth date, a CCCD that Excel would strip of its leading 0
    ["Nguyễn Văn Hùng", "12/03/1965", "Nam", "060065001234", "Phú Thủy, Phan Thiết", "Giám đốc", "Sở Nội vụ"],
    ["Trần Thị Ánh", "1970", "Nữ", None, "Mũi Né", "Phó Giám đốc", "Sở Tài chính"],
    ["Lê Hoàng Đức", dt.date(1980, 7, 1), "Nam", "060080004321", "La Gi", "Trưởng phòng", "Sở Nội vụ"],
]
CADRE_HEADERS = ["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Quê quán", "Chức vụ", "Đơn vị công tác"]
SLIP_HEADERS = ["Số phiếu", "Ngày phát hành", "Họ và tên người được xác minh", "Ngày sinh", "Quê quán", "Quan hệ",
                "Mục đích xác minh", "Nơi nhận phiếu"]
SLIPS = [["12/PXM", dt.date(2025, 3, 4), "Nguyễn Văn Hùng", "12/03/1965", "Phú Thủy, Phan Thiết", "Bản thân",
          "Bổ nhiệm", "Cục A93B – Bộ Công an"],
         ["13/PXM", "05/03/2025", "Phạm Thị Lụa", "1948", "Hàm Tiến", "Mẹ", "Kết nạp Đảng",
          "Phòng PV27 – Công an tỉnh Bình Thuận"]]


class SmokeFailure(Exception):
    pass


class Notes(list):
    """What ran and what was seen; printed as it comes when `echo` (a long build shows progress)."""

    def __init__(self, echo: bool = False):
        super().__init__()
        self.echo = echo

    def append(self, note: str) -> None:
        super().append(note)
        if self.echo:
            print(note, flush=True)


def profile_log() -> list[Path]:
    """Windows: the program finds its folders through the shell, not the environment, so its error
    log is the real profile's; the smoke test checks that it does not grow."""
    if not WINDOWS:
        return []
    import platformdirs

    log = Path(platformdirs.user_log_dir("BVCT Desktop", appauthor=False)) / "bvct.log"
    return [log] if log.exists() else []


@dataclass
class Bundle:
    folder: Path
    work: Path
    log: Notes = field(default_factory=Notes)
    log_sizes: dict = field(default_factory=lambda: {log: log.stat().st_size for log in profile_log()})

    def program(self, name: str) -> Path:
        return self.folder / (f"{name}.exe" if WINDOWS else name)

    @property
    def env(self) -> dict:
        home = self.work / "home"
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("BVCT_", "PYTHON", "QT_", "XDG_"))}
        env.update(HOME=str(home), USERPROFILE=str(home), APPDATA=str(home / "roaming"),
                   LOCALAPPDATA=str(home / "local"), XDG_DATA_HOME=str(home / "data"),
                   XDG_STATE_HOME=str(home / "state"), XDG_CONFIG_HOME=str(home / "config"),
                   XDG_CACHE_HOME=str(home / "cache"), QT_QPA_PLATFORM="offscreen",
                   BVCT_USER=ADMIN, BVCT_PASSWORD=PASSWORD)
        if not WINDOWS:
            env["FONTCONFIG_FILE"] = str(self._no_system_fonts())
        return env

    def _no_system_fonts(self) -> Path:
        config = self.work / "fonts.conf"
        if not config.exists():
            config.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                              f'<cachedir>{self.work / "fontconfig"}</cachedir></fontconfig>', encoding="utf-8")
        return config

    def run(self, name: str, *args: object, env: dict | None = None, wrapper: list[str] = ()) -> str:
        """Runs one of the bundle's programs offline; returns what it printed, or raises."""
        argv = [str(self.program(name)), *map(str, args)]
        trace = self.work / f"strace-{len(self.log)}.txt"
        command = [*wrapper, *offline_prefix(), *traced(trace), *argv]
        started = time.perf_counter()
        done = subprocess.run(command, env=env or self.env, capture_output=True, text=True, encoding="utf-8",
                              errors="replace", timeout=TIMEOUT_S, cwd=self.work)
        output = done.stdout + done.stderr
        self.log.append(f"$ {' '.join(argv)}  [{time.perf_counter() - started:.2f} s, exit {done.returncode}]")
        if done.returncode != 0:
            raise SmokeFailure(f"{name} {' '.join(map(str, args))}: exit {done.returncode}\n{output[-3000:]}")
        marks = [mark for mark in FAILURE_MARKS if mark in output]
        if marks:
            raise SmokeFailure(f"{name} {' '.join(map(str, args))} printed {marks}:\n{output[-3000:]}")
        network = network_calls(trace)
        if network:
            raise SmokeFailure(f"{name} {' '.join(map(str, args))} tried the network:\n" + "\n".join(network[:10]))
        errors = [log for log in [*(self.work / "home").rglob("bvct.log"), *profile_log()]
                  if log.stat().st_size > self.log_sizes.get(log, 0)]
        if errors:
            raise SmokeFailure(f"the program logged an unexpected error:\n{errors[0].read_text(encoding='utf-8')}")
        return output


def offline_prefix() -> list[str]:
    """`unshare -n` (as root) or `unshare -rn` (a user namespace) when the system allows it."""
    if WINDOWS or not shutil.which("unshare"):
        return []
    for prefix in (["unshare", "-n"], ["unshare", "-rn"]):
        if subprocess.run([*prefix, "true"], capture_output=True).returncode == 0:
            return prefix
    return []


def traced(log: Path) -> list[str]:
    if WINDOWS or not shutil.which("strace"):
        return []
    return ["strace", "-f", "-qq", "--seccomp-bpf", "-e", "trace=socket,connect,sendto,sendmsg", "-o", str(log)]


def network_calls(log: Path) -> list[str]:
    if not log.exists():
        return []
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    log.unlink()
    return [line for line in lines if any(family in line for family in NETWORK_FAMILIES)]


def workbook(path: Path, headers: list[str], rows: list[list]) -> Path:
    """A first sheet with `headers` in row 1 and `rows` below."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def pdf_fonts(path: Path) -> dict[str, bool]:
    """Each font the PDF uses → whether its program is embedded (read with pypdf)."""
    from pypdf import PdfReader

    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for font in fonts.values():
            font = font.get_object()
            descendants = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
            for part in descendants:
                descriptor = part.get("/FontDescriptor")
                descriptor = descriptor.get_object() if descriptor else {}
                found[str(part.get("/BaseFont"))] = any(key in descriptor for key in
                                                        ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def check_pdf(path: Path, expected_text: str) -> str:
    fonts = pdf_fonts(path)
    if not fonts or not all(fonts.values()):
        raise SmokeFailure(f"{path.name}: fonts not embedded: {fonts}")
    note = f"{path.name}: {len(fonts)} fonts, all embedded ({', '.join(sorted(fonts))})"
    if shutil.which("pdffonts"):
        table = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = [line.split() for line in table.splitlines()[2:] if line.strip()]
        # columns: name type encoding emb sub uni object ID; "emb" is the 4th column from the right
        if not rows or any(row[-5] != "yes" for row in rows):
            raise SmokeFailure(f"pdffonts {path.name}: a font is not embedded:\n{table}")
        note += "; pdffonts agrees"
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        if expected_text not in text:
            raise SmokeFailure(f"pdftotext {path.name}: «{expected_text}» not found in:\n{text[:1500]}")
        note += f"; pdftotext gives «{expected_text}» back"
    return note


def check_reader_child(bundle: Bundle, program: str, sheet: Path) -> str:
    """The frozen program started as the workbook reader's child, as the desktop application (and
    every program on Windows) starts it: it must read the sheet and hand back the values."""
    import pickle

    from bvct_desktop.io import sheet_process

    argv = [str(bundle.program(program)), sheet_process.CHILD_FLAG, str(sheet), "60"]
    done = subprocess.run([*offline_prefix(), *argv], env=bundle.env, capture_output=True, timeout=TIMEOUT_S,
                          cwd=bundle.work)
    if done.returncode != 0 or not done.stdout:
        raise SmokeFailure(f"{program} as the reader child: exit {done.returncode}\n{done.stderr[-3000:]!r}")
    outcome = pickle.loads(done.stdout)  # noqa: S301 - our own program wrote it
    values = [value for row in outcome[-1] for value in row] if outcome[0] == sheet_process.OK else []
    if CADRES[0][0] not in values:
        raise SmokeFailure(f"{program} as the reader child gave {outcome[0]!r} without «{CADRES[0][0]}»")
    return f"{program} {sheet_process.CHILD_FLAG}: read {len(outcome[-1])} rows"


def check_gui(bundle: Bundle, database: Path, expected_window: str, wrapper: list[str] = (),
              platform: str = "offscreen") -> dict:
    report = bundle.work / f"startup-{expected_window}-{platform}.json"
    env = {**bundle.env, "QT_QPA_PLATFORM": platform}
    bundle.run("bvct-desktop", "--db", database, "--startup-check", report, env=env, wrapper=wrapper)
    if not report.exists():
        raise SmokeFailure(f"bvct-desktop wrote no start-up report ({platform})")
    seen = json.loads(report.read_text(encoding="utf-8"))
    if seen["window"] != expected_window or seen["problems"] or not seen["bundled"]:
        raise SmokeFailure(f"bvct-desktop ({platform}) start-up: {seen}")
    return seen


def smoke(folder: Path, work: Path, echo: bool = False) -> list[str]:
    """Runs every check; returns the log of what ran. Raises SmokeFailure at the first failure."""
    from bvct_desktop import __version__

    bundle = Bundle(folder.resolve(), work.resolve(), Notes(echo))
    notes = bundle.log
    version = bundle.run("bvct", "--version")
    for expected in (f"BVCT Desktop {__version__}", "Bản đóng gói dựng ngày", "SQLCipher 4.", "SQLite 3.", "Qt 6."):
        if expected not in version:
            raise SmokeFailure(f"bvct --version lacks «{expected}»:\n{version}")
    notes.append(version.strip().replace("\n", " | "))

    db = bundle.work / "data" / "bvct.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    bundle.run("bvct", "--db", db, "init", "--admin", ADMIN)
    bundle.run("bvct", "template", "slips", "--out", bundle.work / "mau-phieu.xlsx")
    imported = bundle.run("bvct", "--db", db, "import", "cadres",
                          workbook(bundle.work / "can-bo.xlsx", CADRE_HEADERS, CADRES))
    bundle.run("bvct", "--db", db, "import", "slips", workbook(bundle.work / "phieu.xlsx", SLIP_HEADERS, SLIPS))
    if "3" not in imported:
        raise SmokeFailure(f"the import did not report 3 cadres:\n{imported}")
    for program in ("bvct", "bvct-desktop"):
        notes.append(check_reader_child(bundle, program, bundle.work / "can-bo.xlsx"))
    figures = json.loads(bundle.run("bvct", "--db", db, "report", "--from", "2025-01-01", "--to", "2025-12-31",
                                    "--format", "json", "--out", "-"))
    if figures["slips_issued"] != 2 or figures["slips_by_recipient"].get("Cục A93B – Bộ Công an") != 1:
        raise SmokeFailure(f"wrong report figures: {figures}")
    for fmt in ("pdf", "docx", "xlsx"):
        bundle.run("bvct", "--db", db, "report", "--from", "2025-01-01", "--to", "2025-12-31", "--format", fmt,
                   "--out", bundle.work / f"bao-cao.{fmt}")
    notes.append(check_pdf(bundle.work / "bao-cao.pdf", "BÁO CÁO"))
    bundle.run("bvct", "--db", db, "print", "slips", "--from", "2025-01-01", "--to", "2025-12-31",
               "--out", bundle.work / "phieu.pdf")
    notes.append(check_pdf(bundle.work / "phieu.pdf", "NGUYỄN VĂN HÙNG"))
    bundle.run("bvct", "--db", db, "backup", "--out", bundle.work / "sao-luu.bvctbak")
    bundle.run("bvct", "--db", db, "verify", bundle.work / "sao-luu.bvctbak")

    seen = check_gui(bundle, db, "LoginDialog")
    notes.append(f"GUI offscreen: {seen['window']} «{seen['title']}», font {seen['font_family']}, "
                 f"Qt modules {', '.join(seen['qt_modules'])}")
    check_gui(bundle, bundle.work / "data" / "moi.db", "FirstRunWizard")
    notes.append("GUI offscreen on a new database: FirstRunWizard")
    if not WINDOWS and shutil.which("xvfb-run"):
        seen = check_gui(bundle, db, "LoginDialog", wrapper=["xvfb-run", "-a", "-s", "-screen 0 1366x768x24"],
                         platform="xcb")
        notes.append(f"GUI on X11 (Xvfb 1366×768): {seen['window']}, font {seen['font_family']}")
    notes.append("network: " + (" ".join(offline_prefix()) or "not disabled (no unshare here)") + "; "
                 + ("every run traced with strace, no IPv4/IPv6 socket" if traced(work) else "not traced"))
    return notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the bundle folder (with bvct and bvct-desktop)")
    parser.add_argument("--keep", type=Path, help="keep the files made (reports, PDFs, pictures) in this folder")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="bvct-smoke-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        smoke(args.bundle, work, echo=True)
    except (SmokeFailure, subprocess.TimeoutExpired) as failure:
        print(f"SMOKE TEST FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
