"""`python -m installer.build` (or `installer/build`): builds the one-folder bundle for the platform
it runs on, checks what went in against the bundle's own import log, packs it, and smoke-tests
the built bundle with no network (installer/smoke.py). Exit 0 only when all of it passed.

    dist/bvct-desktop/                              the bundle (bvct-desktop, bvct, _internal/)
    dist/bvct-desktop-VERSION-linux-x86_64.tar.gz   the Linux bundle to copy (Windows: the installer)
    dist/SHA256SUMS.txt                             its SHA-256, to check on the office PC
    build/pyinstaller/bvct/warn-bvct.txt            PyInstaller's log of modules it could not find

Needs the build tools: pip install -e ".[build]".
"""

import argparse
import hashlib
import platform
import re
import subprocess
import sys
import tarfile
import time
from pathlib import Path

from . import bundle_contents, smoke

ROOT = bundle_contents.ROOT
SPEC = ROOT / "installer" / "bvct.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE_NAME = "bvct-desktop"
SIZE_TARGET_MB = 250
# Qt libraries of modules the program does not use: their presence means the exclusions failed.
UNWANTED_QT = re.compile(r"Qt6?(Network|Qml|Quick|WebEngine|Multimedia|Pdf|3D|Designer|Sql|Test|Bluetooth|Positioning)",
                         re.IGNORECASE)
MISSING = re.compile(r"^missing module named (\S+) - imported by (.*)$")


class BuildFailure(Exception):
    pass


def run_pyinstaller(dist: Path, work: Path) -> None:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        raise BuildFailure("PyInstaller failed")


def missing_program_imports(warn_file: Path) -> list[str]:
    """Modules that a module of the program imports unconditionally and PyInstaller did not find."""
    problems = []
    for line in warn_file.read_text(encoding="utf-8").splitlines():
        found = MISSING.match(line)
        if not found:
            continue
        importers = re.findall(r"([\w.]+) \(([^)]*)\)", found.group(2))
        problems += [f"{found.group(1)} (imported by {module})" for module, how in importers
                     if module.startswith("bvct_desktop") and how == "top-level"]
    return problems


def unwanted_files(bundle: Path) -> list[str]:
    """Files of Qt modules the program does not use, and PySide6 bindings beyond the used ones."""
    used = bundle_contents.qt_modules_imported()
    found = []
    for path in (bundle / "_internal").rglob("*"):
        name = path.name
        binding = re.match(r"(Qt\w+)\.(abi3\.so|pyd)$", name)
        if (binding and binding.group(1) not in used) or (path.is_file() and UNWANTED_QT.search(name)):
            found.append(path.relative_to(bundle).as_posix())
    return sorted(found)


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def archive_name(version: str) -> str:
    system = {"Linux": "linux", "Windows": "windows", "Darwin": "macos"}.get(platform.system(), platform.system())
    return f"{BUNDLE_NAME}-{version}-{system}-{platform.machine().lower()}"


def pack(bundle: Path, version: str) -> Path:
    """A .tar.gz keeping the bundle's symbolic links and permissions (a zip would copy the links)."""
    target = bundle.parent / f"{archive_name(version)}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=archive_name(version))
    # Copied with the archive: the officer compares it before unpacking (README).
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    (bundle.parent / "SHA256SUMS.txt").write_text(f"{digest}  {target.name}\n", encoding="ascii")
    return target


def build(dist: Path = DIST, work: Path = WORK, with_smoke: bool = True, with_archive: bool = True,
          echo: bool = False) -> list[str]:
    from bvct_desktop import __version__

    started = time.perf_counter()
    run_pyinstaller(dist, work)
    bundle = dist / BUNDLE_NAME
    notes = smoke.Notes(echo)
    notes.append(f"built {bundle} in {time.perf_counter() - started:.0f} s")
    missing = missing_program_imports(work / "bvct" / "warn-bvct.txt")
    if missing:
        raise BuildFailure("the program imports modules that are not in the bundle: " + ", ".join(missing))
    unwanted = unwanted_files(bundle)
    if unwanted:
        raise BuildFailure("Qt modules the program does not use are in the bundle: " + ", ".join(unwanted[:20]))
    notes.append(f"import log: no missing module of the program; Qt modules: "
                 f"{', '.join(sorted(bundle_contents.qt_modules_imported()))} and nothing else")
    size = folder_size(bundle) / 1e6
    notes.append(f"bundle size unpacked: {size:.0f} MB (target ≤ {SIZE_TARGET_MB} MB)")
    if size > SIZE_TARGET_MB:
        raise BuildFailure(f"the bundle is {size:.0f} MB, over {SIZE_TARGET_MB} MB")
    if with_archive:
        archive = pack(bundle, __version__)
        notes.append(f"archive: {archive.name}, {archive.stat().st_size / 1e6:.0f} MB")
    if with_smoke:
        notes += smoke_notes(bundle, echo)
    return notes


def smoke_notes(bundle: Path, echo: bool) -> list[str]:
    import tempfile

    with tempfile.TemporaryDirectory(prefix="bvct-smoke-") as work:
        try:
            return smoke.smoke(bundle, Path(work), echo)
        except smoke.SmokeFailure as failure:
            raise BuildFailure(f"smoke test failed: {failure}") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=DIST, help="where the bundle goes (default: dist/)")
    parser.add_argument("--no-smoke", action="store_true", help="build only (the smoke test is the point: "
                                                                 "use only when it runs separately)")
    parser.add_argument("--no-archive", action="store_true", help="do not pack the bundle into a .tar.gz")
    args = parser.parse_args(argv)
    try:
        build(args.dist.resolve(), WORK, not args.no_smoke, not args.no_archive, echo=True)
    except BuildFailure as failure:
        print(f"BUILD FAILED: {failure}", file=sys.stderr)
        return 1
    print("bundle built" + ("" if args.no_smoke else " and smoke-tested"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
