"""The offline wheelhouse: every wheel needed to install BVCT Desktop (and, apart, its test tools)
on a PC with no network, for Windows x64 or Linux x86-64 and the pinned Python.

    python -m installer.wheelhouse --platform windows      # or linux; both: --platform all
    python -m installer.wheelhouse --update-locks          # resolve installer/locks/*.txt anew

Dependencies are resolved for the *target* platform by uv (`--python-platform`), not for the
machine that builds: `pip download --platform` from Linux evaluates environment markers for Linux
and silently leaves out Windows-only dependencies. The resolution is kept in lock files with
hashes (installer/locks/, reviewed like code); the wheels are then downloaded with pip, checked
against those hashes and against the target's wheel tags, and a source-only dependency fails the
build loudly — an office PC must never compile anything.

    dist/wheelhouse/bvct-desktop-VERSION-windows-x64/
        wheels/              the program's wheel and every dependency's
        requirements.txt     name==version and the sha256 of exactly the wheel here
        install.bat          python -m venv + pip install --no-index --require-hashes
        test-wheels/, requirements-test.txt, install-test-tools.bat   the test tools, apart
        HUONG-DAN.txt
"""

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import Requirement
from packaging.tags import Tag, compatible_tags, cpython_tags
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOCKS = ROOT / "installer" / "locks"
TEMPLATES = ROOT / "installer" / "wheelhouse_scripts"
DIST = ROOT / "dist" / "wheelhouse"
PYTHON = "3.11"


@dataclass(frozen=True)
class Target:
    name: str  # windows, linux
    label: str  # in folder names
    uv_platform: str  # uv pip compile --python-platform
    pip_platforms: tuple[str, ...]  # pip download --platform
    marker_env: dict  # environment markers of the target, for checking the locks
    scripts: tuple[str, str]  # program install script, test tools install script

    def tags(self) -> set[Tag]:
        """Wheel tags that pip on the target accepts for CPython 3.11."""
        version = tuple(int(part) for part in PYTHON.split("."))
        platforms = list(self.pip_platforms)
        return {*cpython_tags(version, abis=[f"cp{version[0]}{version[1]}"], platforms=platforms),
                *compatible_tags(version, f"cp{version[0]}{version[1]}", platforms=platforms)}


def _manylinux(up_to: int) -> tuple[str, ...]:
    """manylinux_2_UP_TO down to 2_17 (and its old name manylinux2014): what glibc ≥ 2.UP_TO runs."""
    return (*(f"manylinux_2_{minor}_x86_64" for minor in range(up_to, 16, -1)), "manylinux2014_x86_64")


# PySide6 6.11 wheels need glibc 2.34 (Debian 12, Ubuntu 22.04 and later have it).
TARGETS = {
    "windows": Target("windows", "windows-x64", "x86_64-pc-windows-msvc", ("win_amd64",),
                      {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
                       "platform_machine": "AMD64"}, ("install.bat", "install-test-tools.bat")),
    "linux": Target("linux", "linux-x86_64", "x86_64-manylinux_2_34", _manylinux(34),
                    {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix",
                     "platform_machine": "x86_64"}, ("install.sh", "install-test-tools.sh")),
}


class WheelhouseError(Exception):
    pass


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    hashes: tuple[str, ...]

    def line(self, hashes: tuple[str, ...] | None = None) -> str:
        hashes = hashes or self.hashes
        return " \\\n".join([f"{self.name}=={self.version}", *(f"    --hash=sha256:{h}" for h in hashes)])


def parse_lock(text: str) -> list[Pin]:
    """The pins of a requirements file with hashes as uv writes it (comments and `via` lines skipped)."""
    pins, current = [], None
    for raw in text.replace("\\\n", " ").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        name, _, version = parts[0].partition("==")
        if not version:
            raise WheelhouseError(f"not pinned with ==: {parts[0]}")
        hashes = tuple(part.removeprefix("--hash=sha256:") for part in parts[1:] if part.startswith("--hash=sha256:"))
        current = Pin(str(canonicalize_name(name)), version, hashes)
        pins.append(current)
    return pins


def lock_path(target: Target, test_tools: bool = False) -> Path:
    return LOCKS / f"{'test-' if test_tools else ''}{target.name}-py{PYTHON.replace('.', '')}.txt"


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def requirements_for(target: Target, test_tools: bool = False) -> list[Requirement]:
    """The program's (or the [test] extra's) direct requirements that apply on the target."""
    listed = project()["optional-dependencies"]["test"] if test_tools else project()["dependencies"]
    environment = {**target.marker_env, "python_version": PYTHON, "python_full_version": f"{PYTHON}.0",
                   "implementation_name": "cpython", "platform_python_implementation": "CPython"}
    return [req for req in map(Requirement, listed) if req.marker is None or req.marker.evaluate(environment)]


def stale_pins(target: Target, test_tools: bool = False) -> list[str]:
    """Direct requirements of pyproject.toml that the lock does not satisfy (an out-of-date lock)."""
    path = lock_path(target, test_tools)
    if not path.exists():
        return [f"{path.name} is missing"]
    pins = {pin.name: pin.version for pin in parse_lock(path.read_text(encoding="utf-8"))}
    if test_tools:
        pins |= {pin.name: pin.version for pin in parse_lock(lock_path(target).read_text(encoding="utf-8"))}
    problems = []
    for req in requirements_for(target, test_tools):
        pinned = pins.get(str(canonicalize_name(req.name)))
        if pinned is None or not req.specifier.contains(pinned, prereleases=True):
            problems.append(f"{req} (lock: {pinned or 'absent'})")
    return problems


def uv(*args: str) -> None:
    command = [sys.executable, "-m", "uv", *args]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise WheelhouseError(f"uv {' '.join(args[:3])} failed:\n{done.stderr[-4000:]}")


def update_locks(target: Target) -> None:
    """Resolves for the target with uv, wheels only (a dependency without a wheel fails here)."""
    common = ["--python-version", PYTHON, "--python-platform", target.uv_platform, "--only-binary", ":all:",
              "--generate-hashes", "--quiet", "--no-header"]
    program = lock_path(target)
    LOCKS.mkdir(parents=True, exist_ok=True)
    uv("pip", "compile", "pyproject.toml", *common, "-o", str(program))
    with tempfile.TemporaryDirectory() as work:
        wanted = Path(work) / "test-tools.in"
        wanted.write_text("\n".join(project()["optional-dependencies"]["test"]) + "\n", encoding="utf-8")
        together = Path(work) / "test-tools.txt"
        uv("pip", "compile", str(wanted), "-c", str(program), *common, "-o", str(together))
        in_program = {pin.name for pin in parse_lock(program.read_text(encoding="utf-8"))}
        only_tests = [pin for pin in parse_lock(together.read_text(encoding="utf-8")) if pin.name not in in_program]
    header = (f"# Test tools for {target.label}, Python {PYTHON}, beside {program.name}; written by "
              "python -m installer.wheelhouse --update-locks\n")
    lock_path(target, True).write_text(header + "\n".join(pin.line() for pin in only_tests) + "\n", encoding="utf-8")
    program.write_text(f"# BVCT Desktop's dependencies for {target.label}, Python {PYTHON}; written by "
                       f"python -m installer.wheelhouse --update-locks\n" + program.read_text(encoding="utf-8"),
                       encoding="utf-8")


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def isolated_pip_env() -> dict:
    """No pip configuration of this machine (extra indexes, find-links, constraints) takes part."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull
    return env


def download(target: Target, pins: list[Pin], folder: Path) -> dict[str, Path]:
    """Each pin's wheel for the target, hash-checked; name → file. Fails on any pin without one."""
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        wanted = Path(work) / "requirements.txt"
        wanted.write_text("\n".join(pin.line() for pin in pins) + "\n", encoding="utf-8")
        platforms = [arg for platform in target.pip_platforms for arg in ("--platform", platform)]
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", *platforms,
                   "--python-version", PYTHON, "--implementation", "cp", "--abi", "cp311", "--abi", "abi3",
                   "--abi", "none", "--require-hashes", "--progress-bar", "off", "-d", str(folder), "-r", str(wanted)]
        done = subprocess.run(command, capture_output=True, text=True, env=isolated_pip_env())
    if done.returncode != 0:
        raise WheelhouseError(f"no wheel for {target.label} (no source builds on an office PC):\n"
                              f"{done.stderr[-4000:]}")
    return wheels_for(target, pins, folder)


def wheels_for(target: Target, pins: list[Pin], folder: Path) -> dict[str, Path]:
    """Checks that every pin has exactly one wheel in `folder` that the target can install."""
    found: dict[str, list[Path]] = {}
    accepted = target.tags()
    for wheel in folder.glob("*.whl"):
        name, version, _build, tags = parse_wheel_filename(wheel.name)
        if not tags & accepted:
            raise WheelhouseError(f"{wheel.name} does not install on {target.label}")
        found.setdefault(f"{name}=={version}", []).append(wheel)
    chosen = {}
    for pin in pins:
        wheels = found.get(f"{pin.name}=={Version(pin.version)}", [])
        if len(wheels) != 1:
            raise WheelhouseError(f"{pin.name}=={pin.version}: {len(wheels)} wheels for {target.label} "
                                  f"({', '.join(w.name for w in wheels) or 'none'})")
        if pin.hashes and sha256(wheels[0]) not in pin.hashes:
            raise WheelhouseError(f"{wheels[0].name}: its hash is not the one in the lock")
        chosen[pin.name] = wheels[0]
    return chosen


def program_wheel(folder: Path) -> Path:
    """The program's own wheel (pure Python: the same for every platform)."""
    folder.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(folder), str(ROOT)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise WheelhouseError(f"building the program's wheel failed:\n{done.stderr[-3000:]}")
    return next(folder.glob("bvct_desktop-*.whl"))


def write_lock(path: Path, title: str, wheels: dict[str, Path], pins: list[Pin]) -> None:
    lines = [f"# {title}", "# Exactly the wheels beside this file: install with --no-index --require-hashes.", ""]
    lines += [Pin(pin.name, pin.version, ()).line((sha256(wheels[pin.name]),)) for pin in pins]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def script(name: str, **values: str) -> str:
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return text


def build(target: Target, out: Path = DIST) -> Path:
    from bvct_desktop import __version__

    stale = stale_pins(target) + stale_pins(target, test_tools=True)
    if stale:
        raise WheelhouseError(f"installer/locks is out of date for pyproject.toml ({'; '.join(stale)}): run "
                              "python -m installer.wheelhouse --update-locks")
    house = out / f"bvct-desktop-{__version__}-wheelhouse-{target.label}"
    if house.exists():
        shutil.rmtree(house)
    program_pins = parse_lock(lock_path(target).read_text(encoding="utf-8"))
    test_pins = parse_lock(lock_path(target, True).read_text(encoding="utf-8"))
    wheels = download(target, program_pins, house / "wheels")
    own = program_wheel(house / "wheels")
    wheels["bvct-desktop"] = own
    program_pins.append(Pin("bvct-desktop", __version__, ()))
    title = f"BVCT Desktop {__version__} for {target.label}, Python {PYTHON}"
    write_lock(house / "requirements.txt", title, wheels, program_pins)
    write_lock(house / "requirements-test.txt", f"Test tools of {title}",
               download(target, test_pins, house / "test-wheels"), test_pins)
    install, install_tests = target.scripts
    values = {"VERSION": __version__, "PYTHON": PYTHON}
    for name in (install, install_tests, "HUONG-DAN.txt"):
        text = script(name, **values)
        (house / name).write_bytes(text.replace("\n", "\r\n").encode("utf-8") if name.endswith((".bat", ".txt"))
                                   else text.encode("utf-8"))
        if name.endswith(".sh"):
            (house / name).chmod(0o755)
    return house


def size_mb(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--platform", choices=[*TARGETS, "all"], default="all")
    parser.add_argument("--out", type=Path, default=DIST)
    parser.add_argument("--update-locks", action="store_true", help="resolve the locks anew with uv, then stop")
    args = parser.parse_args(argv)
    targets = list(TARGETS.values()) if args.platform == "all" else [TARGETS[args.platform]]
    try:
        for target in targets:
            if args.update_locks:
                update_locks(target)
                print(f"{lock_path(target).relative_to(ROOT)}, {lock_path(target, True).relative_to(ROOT)} written")
                continue
            house = build(target, args.out)
            print(f"{house}: {size_mb(house / 'wheels'):.0f} MB program wheels, "
                  f"{size_mb(house / 'test-wheels'):.0f} MB test tools")
    except WheelhouseError as failure:
        print(f"WHEELHOUSE FAILED: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
