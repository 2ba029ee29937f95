"""Builds the place-name file the program ships (resources/places/places-v1.json.gz) from the data
of pinned, hash-checked source wheels: administrative units before and after 01/7/2025 and the
commune-level mapping between them, for the whole country.

    python tools/places/build.py fetch    # the pinned wheels into tools/places/.sources (pip, hashes checked)
    python tools/places/build.py build    # writes the data file and prints the cross-check
    python tools/places/build.py check    # exit 1 when the shipped file is not what `build` writes

- `vietnamadminunits` (MIT): the 63-province units (province, district, commune), the 34-province
  units and the mapping old → new, with the communes divided among several new ones. Its data is
  read from the wheel (`data/dataset.db`, `data/converter_2025.json`); its code is not used.
- `vietnam-provinces` (GPL; read here, nothing of it is shipped but spellings): the GSO lists, to
  cross-check names and codes. 2025.10.1 holds the 34-province list (codes of the June 2025 draft:
  where they differ, the dataset agrees with Công văn 1027/CTK-CSCL), 0.6.0 the 63-province list of
  01/2025, whose spellings that differ from the dataset's ("Xà Phìn" / "Sà Phìn") are kept as
  other names of the same unit.
- overrides.toml: where the dataset disagrees with the resolution of the National Assembly
  Standing Committee, the resolution wins; each override names its resolution and clause.

Names are stored cleaned by the program's own text rule (core.text.clean), so the file changes
when that rule does; tests/core/test_places_data.py checks the shipped file is what this writes.
To refresh: raise the pins below (version and sha256 from the registry), run fetch, build, read
the cross-check, review overrides.toml, run the tests.
"""

import argparse
import gzip
import hashlib
import io
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bvct_desktop.core.gazetteer import place_key  # noqa: E402
from bvct_desktop.core.text import clean  # noqa: E402

FORMAT = 1
OUTPUT = ROOT / "resources" / "places" / f"places-v{FORMAT}.json.gz"
NOTICE = ROOT / "resources" / "places" / "LICENSE-vietnamadminunits.txt"
OVERRIDES = Path(__file__).with_name("overrides.toml")
SOURCES_DIR = Path(__file__).with_name(".sources")
EFFECTIVE = "2025-07-01"

# name, version, sha256 of the wheel
DATASET = ("vietnamadminunits", "1.0.4", "737ee3662e877290386c1c45ed4d71f2e5fae34ab6fb9c64bfb4cb74b216ea35")
GSO_NEW = ("vietnam-provinces", "2025.10.1", "1693dece496b1e04e2b637a3dd79a87a22666e13c91c51cf06dc27e482987f57")
GSO_OLD = ("vietnam-provinces", "0.6.0", "4b5772870efdcb7c58a64fbdc0e0c9ce497e67017a0c189dff99582ddadb7815")
SOURCES = (DATASET, GSO_NEW, GSO_OLD)


class SourceMissing(Exception):
    """A pinned wheel is not in the sources folder (run `fetch`)."""


def wheel_path(source: tuple[str, str, str], folder: Path = SOURCES_DIR) -> Path:
    name, version, sha256 = source
    path = folder / f"{name.replace('-', '_')}-{version}-py3-none-any.whl"
    if not path.exists():
        raise SourceMissing(f"{path.name} is not in {folder} (python tools/places/build.py fetch)")
    if hashlib.sha256(path.read_bytes()).hexdigest() != sha256:
        raise SourceMissing(f"{path.name} in {folder} does not have the pinned sha256 {sha256}")
    return path


def fetch(folder: Path = SOURCES_DIR) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for source in SOURCES:
        name, version, sha256 = source
        try:
            wheel_path(source, folder)
            continue
        except SourceMissing:
            pass
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as pins:
            pins.write(f"{name}=={version} --hash=sha256:{sha256}\n")
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                        "--require-hashes", "-r", pins.name, "-d", str(folder)], check=True)
        Path(pins.name).unlink()
        wheel_path(source, folder)


# ---------------------------------------------------------------- reading the sources

def _read_dataset(folder: Path) -> tuple[list[dict], list[dict], dict]:
    with zipfile.ZipFile(wheel_path(DATASET, folder)) as wheel, tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "dataset.db"
        database.write_bytes(wheel.read("vietnamadminunits/data/dataset.db"))
        converter = json.loads(wheel.read("vietnamadminunits/data/converter_2025.json"))
        connection = sqlite3.connect(database)
        connection.row_factory = sqlite3.Row
        old = [dict(row) for row in connection.execute(
            "SELECT province, provinceCode, provinceKey, district, districtCode, districtKey, ward, wardCode, wardKey "
            "FROM admin_units_legacy")]
        new = [dict(row) for row in connection.execute(
            "SELECT province, provinceCode, provinceKey, ward, wardCode, wardKey FROM admin_units")]
        connection.close()
    return old, new, converter


def _read_gso(source: tuple[str, str, str], folder: Path) -> list[dict]:
    with zipfile.ZipFile(wheel_path(source, folder)) as wheel:
        return json.loads(wheel.read("vietnam_provinces/data/nested-divisions.json"))


def notice(folder: Path = SOURCES_DIR) -> bytes:
    """The notice shipped beside the data file: where it comes from, and the dataset's licence."""
    with zipfile.ZipFile(wheel_path(DATASET, folder)) as wheel:
        licence = wheel.read(next(name for name in wheel.namelist() if name.endswith("licenses/LICENSE")))
    header = (f"{OUTPUT.name}: đơn vị hành chính Việt Nam trước và sau ngày 01/7/2025 và bảng chuyển đổi giữa\n"
              f"chúng, trích từ dữ liệu của gói {DATASET[0]} {DATASET[1]} (PyPI), giấy phép MIT\n"
              f"(nguyên văn dưới đây); đối chiếu tên và mã với danh mục của Cục Thống kê (gói {GSO_NEW[0]}\n"
              f"{GSO_NEW[1]} và {GSO_OLD[1]}); điều chỉnh theo nghị quyết của Ủy ban Thường vụ Quốc hội\n"
              f"ghi trong tệp.\n"
              f"Administrative units of Viet Nam before and after 1 July 2025, derived from the data of\n"
              f"{DATASET[0]} {DATASET[1]}, under the MIT licence below.\n\n")
    return header.encode("utf-8") + licence


# ---------------------------------------------------------------- the mapping

def _name(raw: str) -> str:
    """A unit's name by the program's text rule, its type written as in the official lists ("Thị xã")."""
    return re.sub(r"^(Thành|Thị|Đặc) (Phố|Xã|Trấn|Khu) ", lambda match: f"{match[1]} {match[2].lower()} ", clean(raw))


def _old_key(row: dict) -> str:
    return f"{row['provinceKey']}_{row['districtKey']}_{row['wardKey'] or ''}"




def _by_order(items):
    return sorted(items, key=lambda item: (item[0], item[1]))


def build_data(folder: Path = SOURCES_DIR, report=print) -> dict:
    old_rows, new_rows, converter = _read_dataset(folder)

    new_provinces = _by_order({(row["provinceCode"], _name(row["province"])) for row in new_rows})
    new_province_index = {code: index for index, (code, _) in enumerate(new_provinces)}
    new_units = _by_order((row["wardCode"], _name(row["ward"]), new_province_index[row["provinceCode"]])
                          for row in new_rows)
    new_unit_index = {code: index for index, (code, _, _) in enumerate(new_units)}
    new_code_by_key = {(row["provinceKey"], row["wardKey"]): row["wardCode"] for row in new_rows}
    new_province_code_by_key = {row["provinceKey"]: row["provinceCode"] for row in new_rows}

    old_provinces = _by_order({(row["provinceCode"], _name(row["province"]), row["provinceKey"]) for row in old_rows})
    old_province_index = {code: index for index, (code, _, _) in enumerate(old_provinces)}
    successor_province = {old: new for new, olds in converter["DICT_PROVINCE"].items() for old in olds}
    old_districts = _by_order({(row["districtCode"], _name(row["district"]), row["provinceCode"]) for row in old_rows})
    old_district_index = {code: index for index, (code, _, _) in enumerate(old_districts)}

    successors: dict[str, list[str]] = {}  # old key → new unit codes, the dataset's default first
    for province_key, units in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_key, olds in units.items():
            for old in olds:
                successors.setdefault(old, []).append(new_code_by_key[(province_key, new_key)])
    for province_key, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            parts = sorted(parts, key=lambda part: not part["isDefaultNewWard"])
            successors.setdefault(old, []).extend(new_code_by_key[(province_key, part["newWardKey"])]
                                                  for part in parts)

    overrides = _apply_overrides(old_rows, new_rows, successors, report)

    units, district_successors = [], {}
    for row in sorted((row for row in old_rows if row["ward"]), key=lambda row: row["wardCode"]):
        units.append([row["wardCode"], _name(row["ward"]), old_district_index[row["districtCode"]],
                      [new_unit_index[code] for code in successors[_old_key(row)]]])
    for row in old_rows:
        if not row["ward"]:  # island districts without communes (Côn Đảo, Bạch Long Vĩ, …)
            district_successors[row["districtCode"]] = [new_unit_index[code] for code in successors[_old_key(row)]]
    _check_complete(units, district_successors, new_units)

    aliases = _gso_old_spellings(units, folder, report)
    for unit in units:
        if unit[0] in aliases:
            unit.append(aliases[unit[0]])
    provinces_other_names = _other_names(old_provinces)
    _cross_check_new(new_units, new_provinces, folder, report)

    data = {
        "format": FORMAT,
        "effective": EFFECTIVE,
        "sources": {name: version for name, version, _ in SOURCES if name == DATASET[0]}
        | {"vietnam-provinces (GSO lists, cross-check)": f"{GSO_NEW[1]}, {GSO_OLD[1]}"},
        "overrides": overrides,
        # [code, name]
        "new_provinces": [list(row) for row in new_provinces],
        # [code, name, new province]
        "new_units": [list(row) for row in new_units],
        # [code, name, new province it went into, other names?]
        "old_provinces": [[code, name, new_province_index[new_province_code_by_key[successor_province[key]]]]
                          + ([provinces_other_names[code]] if code in provinces_other_names else [])
                          for code, name, key in old_provinces],
        # [code, name, old province, new units (only for a district without communes)]
        "old_districts": [[code, name, old_province_index[province]]
                          + ([district_successors[code]] if code in district_successors else [])
                          for code, name, province in old_districts],
        # [code, name, old district, new units (several when divided; the dataset's main one first), other spellings?]
        "old_units": units,
    }
    report(f"{len(new_provinces)} tỉnh/thành mới, {len(new_units)} đơn vị cấp xã mới; "
           f"{len(old_provinces)} tỉnh/thành cũ, {len(old_districts)} huyện cũ, {len(units)} đơn vị cấp xã cũ "
           f"({sum(len(unit[3]) > 1 for unit in units)} bị chia), {len(overrides)} điều chỉnh theo nghị quyết, "
           f"{sum(len(unit) > 4 for unit in units)} đơn vị có tên viết khác")
    return data


def _corrections() -> dict:
    return tomllib.loads(OVERRIDES.read_text(encoding="utf-8"))


def _apply_overrides(old_rows: list[dict], new_rows: list[dict], successors: dict[str, list[str]], report) -> list:
    """overrides.toml: the new units an old one went into, as the resolution says."""
    listed = _corrections()["override"]
    applied = []
    for override in listed:
        province, district, unit = (_name(override[key]) for key in ("tinh_cu", "huyen_cu", "xa_cu"))
        old = [row for row in old_rows if (_name(row["province"]), _name(row["district"]), _name(row["ward"] or ""))
               == (province, district, unit)]
        if len(old) != 1:
            raise SystemExit(f"overrides.toml: {unit}, {district}, {province} is not one unit of the dataset")
        new_province = _name(override["tinh_moi"])
        codes = []
        for name in override["thanh"]:
            found = [row["wardCode"] for row in new_rows
                     if _name(row["province"]) == new_province and _name(row["ward"]) == _name(name)]
            if len(found) != 1:
                raise SystemExit(f"overrides.toml: {name}, {new_province} is not one unit of the dataset")
            codes += found
        key = _old_key(old[0])
        if successors[key] == codes:
            raise SystemExit(f"overrides.toml: the dataset now agrees for {unit}, {district}: remove the override")
        report(f"điều chỉnh: {unit}, {district}, {province}: {successors[key]} → {codes} ({override['can_cu']})")
        successors[key] = codes
        applied.append([old[0]["wardCode"], codes, override["can_cu"]])
    return applied


def _other_names(old_provinces: list) -> dict[str, list[str]]:
    """overrides.toml [[ten_khac]]: former names of a province that the dataset does not know."""
    found = {}
    for entry in _corrections().get("ten_khac", []):
        code = [code for code, name, _ in old_provinces if name == _name(entry["tinh_cu"])]
        if len(code) != 1:
            raise SystemExit(f"overrides.toml: {entry['tinh_cu']} is not one former province of the dataset")
        found.setdefault(code[0], []).append(_name(entry["ten"]))
    return found


def _check_complete(units: list, district_successors: dict, new_units: list) -> None:
    reached = {index for unit in units for index in unit[3]} | {i for found in district_successors.values()
                                                                 for i in found}
    if reached != set(range(len(new_units))):
        raise SystemExit(f"{len(new_units) - len(reached)} new units have no predecessor")
    if any(not unit[3] for unit in units):
        raise SystemExit("an old unit has no successor")


def _gso_old_spellings(units: list, folder: Path, report) -> dict[str, list[str]]:
    """The GSO spelling of an old unit, where it is not the dataset's, by code."""
    gso = {f"{ward['code']:05d}": clean(ward["name"]) for province in _read_gso(GSO_OLD, folder)
           for district in province["districts"] for ward in district["wards"]}
    spellings = {}
    for code, name, *_ in units:
        other = gso.get(code)
        if other and place_key(other) != place_key(name):
            spellings[code] = [other]
    missing = sum(code not in gso for code, *_ in units)
    report(f"GSO 01/2025 ({GSO_OLD[0]} {GSO_OLD[1]}): {len(spellings)} tên viết khác, "
           f"{missing} đơn vị lập sau danh mục đó")
    return spellings


def _cross_check_new(new_units: list, new_provinces: list, folder: Path, report) -> None:
    gso = {f"{ward['code']:05d}": (clean(ward["name"]), f"{province['code']:02d}")
           for province in _read_gso(GSO_NEW, folder) for ward in province["wards"]}
    by_name = {(province, place_key(name)): code for code, (name, province) in gso.items()}
    other_code = [(code, name) for code, name, province in new_units
                  if by_name.get((new_provinces[province][0], place_key(name)), code) != code]
    unknown = [name for code, name, province in new_units
               if (new_provinces[province][0], place_key(name)) not in by_name]
    report(f"GSO 2025 ({GSO_NEW[0]} {GSO_NEW[1]}): {len(new_units) - len(unknown)}/{len(new_units)} tên khớp; "
           f"{len(other_code)} mã khác (danh mục dự thảo; bộ dữ liệu theo Công văn 1027/CTK-CSCL)"
           + (f"; không có trong GSO: {', '.join(unknown)}" if unknown else ""))


# ---------------------------------------------------------------- the file

def render(data: dict) -> bytes:
    """JSON with one row per line, so that `zcat | diff` shows what a refresh changed."""
    lines = ["{"]
    items = list(data.items())
    for position, (key, value) in enumerate(items):
        end = "," if position < len(items) - 1 else ""
        if isinstance(value, list):
            rows = [json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in value]
            lines.append(f"{json.dumps(key)}:[")
            lines += [row + ("," if i < len(rows) - 1 else "") for i, row in enumerate(rows)]
            lines.append("]" + end)
        else:
            lines.append(f"{json.dumps(key)}:{json.dumps(value, ensure_ascii=False)}{end}")
    lines.append("}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def compress(text: bytes) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0, filename="") as archive:
        archive.write(text)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("fetch", "build", "check"))
    parser.add_argument("--sources", type=Path, default=SOURCES_DIR, help="folder of the pinned wheels")
    args = parser.parse_args(argv)
    if args.action == "fetch":
        fetch(args.sources)
        return 0
    text, licence = render(build_data(args.sources)), notice(args.sources)
    if args.action == "check":
        same = (OUTPUT.exists() and gzip.decompress(OUTPUT.read_bytes()) == text
                and NOTICE.exists() and NOTICE.read_bytes() == licence)
        print("đúng với dữ liệu nguồn" if same else f"{OUTPUT.parent} khác với dữ liệu nguồn: chạy build")
        return 0 if same else 1
    OUTPUT.write_bytes(compress(text))
    NOTICE.write_bytes(licence)
    print(f"{OUTPUT.relative_to(ROOT)}: {OUTPUT.stat().st_size:,} byte ({len(text):,} khi giải nén)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
