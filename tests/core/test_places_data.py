"""The shipped place-name file: whole and consistent (always), and exactly what
tools/places/build.py writes from the pinned source wheels (when they are at hand)."""

import gzip
import importlib.util
import json
import os
import tomllib
from pathlib import Path

import pytest

from bvct_desktop.core import gazetteer
from bvct_desktop.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]


def _build_script():
    spec = importlib.util.spec_from_file_location("places_build", ROOT / "tools" / "places" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def data() -> dict:
    return json.loads(gzip.decompress(resource_path(gazetteer.DATA).read_bytes()))


def test_the_file_holds_the_whole_country_on_both_sides_of_the_date(data):
    assert data["format"] == 1 and data["effective"] == "2025-07-01"
    assert (len(data["old_provinces"]), len(data["old_districts"]), len(data["old_units"])) == (63, 696, 10035)
    assert (len(data["new_provinces"]), len(data["new_units"])) == (34, 3321)
    new_types = [name.split(" ")[0] for _, name, _ in data["new_units"]]
    assert [new_types.count(kind) for kind in ("Phường", "Xã", "Đặc")] == [687, 2621, 13]


def test_every_former_unit_went_somewhere_and_every_new_unit_came_from_somewhere(data):
    new_units = range(len(data["new_units"]))
    reached = set()
    for _, _, district, went_into, *_ in data["old_units"]:
        assert 0 <= district < len(data["old_districts"]) and went_into
        assert set(went_into) <= set(new_units)
        reached.update(went_into)
    islands = [row for row in data["old_districts"] if len(row) == 4]  # no communes: Côn Đảo, Lý Sơn, …
    assert len(islands) == 5
    reached.update(index for row in islands for index in row[3])
    assert reached == set(new_units)
    assert {row[2] for row in data["old_provinces"]} == set(range(34))


def test_the_merged_province_of_lam_dong(data):
    places = gazetteer.load()
    (lam_dong,) = [unit for unit in places.lookup("tỉnh Lâm Đồng") if unit.new]
    assert {unit.short for unit in lam_dong.predecessors} == {"Lâm Đồng", "Đắk Nông", "Bình Thuận"}
    units = [unit for unit in places.units if unit.new and unit.parent is lam_dong]
    assert len(units) == 124  # Nghị quyết 1671/NQ-UBTVQH15: 103 xã, 20 phường, 1 đặc khu
    assert sorted(unit.type_word for unit in units).count("phuong") == 20
    (binh_thuan,) = [unit for unit in places.lookup("tỉnh Bình Thuận") if not unit.new]
    communes = [unit for district in binh_thuan.children for unit in district.children]
    assert len(binh_thuan.children) == 10 and len(communes) == 121  # brief §5.5
    assert len({new for unit in communes for new in unit.current}) == 45  # 8 phường, 36 xã, 1 đặc khu


def test_the_resolution_wins_where_the_dataset_disagrees(data):
    listed = tomllib.loads((ROOT / "tools" / "places" / "overrides.toml").read_text(encoding="utf-8"))
    assert len(data["overrides"]) == len(listed["override"]) == 3
    places = gazetteer.load()
    for entry in listed["override"]:
        (unit,) = places.lookup(f"{entry['xa_cu']}, {entry['huyen_cu']}, {entry['tinh_cu']}")
        assert [new.name for new in unit.current] == entry["thanh"]


def test_the_licence_notice_ships_beside_the_data():
    notice = resource_path("places/LICENSE-vietnamadminunits.txt").read_text(encoding="utf-8")
    assert "vietnamadminunits 1.0.4" in notice and "MIT License" in notice
    assert "Permission is hereby granted, free of charge" in notice
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["setuptools"]["data-files"]["share/bvct-desktop/places"] == ["resources/places/*"]


def test_the_shipped_file_is_what_the_script_writes_from_the_pinned_sources():
    build = _build_script()
    folder = Path(os.environ.get("BVCT_PLACES_SOURCES", build.SOURCES_DIR))
    try:
        text, notice = build.render(build.build_data(folder, report=lambda _: None)), build.notice(folder)
    except build.SourceMissing as missing:
        pytest.skip(f"the pinned source wheels are not at hand ({missing}); "
                    "python tools/places/build.py fetch brings them (CI does)")
    assert gzip.decompress(resource_path(gazetteer.DATA).read_bytes()) == text
    assert resource_path("places/LICENSE-vietnamadminunits.txt").read_bytes() == notice
