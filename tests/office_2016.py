"""A realistic office for the 9-month report of 2016: the BVCTNB office of Ban Tổ chức Tỉnh ủy Bình
Thuận, which became part of Tỉnh ủy Lâm Đồng on 01/7/2025 (the settings keep both letterheads).

January to September 2016: 1,712 verification slips sent to Cục A93B – Bộ Công an, Phòng PV27 –
Công an tỉnh Bình Thuận and the records units of other provinces, 12 delegations abroad, archive
research for and asked of other provinces, complaints; and one cadre, Trần Thị Ánh, whose
husband, mother and parents-in-law are known only from the slips of her vetting.

Built from the benchmarks' deterministic generator (benchmarks/synthetic.py) through the import
workbooks, as an office would load its registers; `office_2016(folder)` makes the database once
per test session and copies it for each test.
"""

import datetime as dt
import importlib.util
import shutil
from pathlib import Path

import pytest

from bvct_desktop.cli.main import main
from bvct_desktop.core import keyfile
from tests.conftest import ADMIN, PASSWORD, workbook

FIRST, LAST = dt.date(2016, 1, 1), dt.date(2016, 9, 30)
SLIPS = 1_712
MERGER = dt.date(2025, 7, 1)
SIGNER = "Nguyễn Văn Hòa"
CADRE = "Trần Thị Ánh"
# Before the merger the province's own police units were Bình Thuận's; the generator names the new ones.
RECIPIENTS_2016 = {"Phòng PV01 – Công an tỉnh Lâm Đồng": "Phòng PV27 – Công an tỉnh Bình Thuận",
                   "Phòng PA06 – Công an tỉnh Lâm Đồng": "Phòng PV27 – Công an tỉnh Bình Thuận",
                   "Cục A93 – Bộ Công an": "Cục A93B – Bộ Công an",
                   "Ban Chỉ huy Quân sự tỉnh Lâm Đồng": "Ban Chỉ huy Quân sự tỉnh Bình Thuận"}
SETTINGS = (  # (key, value, first day or None): the letterhead before and after the merger
    ("co_quan_cap_tren", "TỈNH ỦY BÌNH THUẬN", None), ("dia_danh", "Bình Thuận", None),
    ("co_quan_cap_tren", "TỈNH ỦY LÂM ĐỒNG", MERGER), ("dia_danh", "Lâm Đồng", MERGER),
    ("nguoi_ky", SIGNER, None),
)
# Her vetting for appointment (bổ nhiệm): her own slip and those of her family, in March 2016.
FAMILY = (("Bản thân", CADRE, "1970", "Mũi Né"), ("Chồng", "Lê Văn Tài", "1968", "Hàm Tiến, Phan Thiết"),
          ("Mẹ", "Nguyễn Thị Lựu", "1946", "Mũi Né"), ("Cha chồng", "Lê Văn Sáu", "1940", "Hàm Tiến, Phan Thiết"),
          ("Mẹ chồng", "Huỳnh Thị Tám", "1943", "Hàm Tiến, Phan Thiết"))


def synthetic():
    """benchmarks/synthetic.py (not a package: loaded from its file)."""
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "synthetic.py"
    spec = importlib.util.spec_from_file_location("bvct_benchmark_synthetic", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def slip_records() -> list[dict]:
    generate = synthetic()
    slips = [{**slip, "recipient": RECIPIENTS_2016.get(slip["recipient"], slip["recipient"])}
             for slip in generate.iter_slips(SLIPS - len(FAMILY), seed=2016, first=FIRST, last=LAST)]
    start = max(int(slip["number"].split("/")[0]) for slip in slips)
    for offset, (relation, name, born, home_town) in enumerate(FAMILY, start=1):
        slips.append({"number": f"{start + offset}/PXM", "issued_on": LAST - dt.timedelta(days=10 - offset),
                      "full_name": name, "birth_date": born, "home_town": home_town, "relation": relation,
                      "vetted_name": None if relation == "Bản thân" else CADRE, "purpose": "Bổ nhiệm",
                      "recipient": "Phòng PV27 – Công an tỉnh Bình Thuận", "gender": None})
    return slips


def write_workbooks(folder: Path) -> dict[str, Path]:
    generate = synthetic()
    made = {"slips": folder / "phieu-2016.xlsx", "delegations": folder / "doan-ra-2016.xlsx",
            "archive-requests": folder / "tang-thu-2016.xlsx", "complaints": folder / "don-thu-2016.xlsx",
            "cadres": folder / "can-bo-2016.xlsx"}
    generate.write_workbook(made["slips"], "slips", slip_records())
    generate.write_workbook(made["delegations"], "delegations",
                            generate.iter_delegations(57, seed=2016, first=FIRST, last=LAST))
    generate.write_workbook(made["archive-requests"], "archive-requests",
                            generate.iter_archive_requests(46, seed=2016, first=FIRST, last=LAST))
    generate.write_workbook(made["complaints"], "complaints",
                            generate.iter_complaints(23, seed=2016, first=FIRST, last=LAST))
    workbook(made["cadres"], ["Họ và tên", "Ngày sinh", "Giới tính", "Quê quán", "Chức vụ", "Đơn vị công tác",
                              "Diện quản lý"],
             [[CADRE, "1970", "Nữ", "Mũi Né", "Phó Giám đốc", "Sở Tài chính", "Diện Ban Thường vụ Tỉnh ủy quản lý"]])
    return made


def build(folder: Path) -> Path:
    """The 2016 office database in `folder` (bvct.db and its key file), made with `bvct` itself."""
    database = folder / "bvct.db"

    def bvct(*argv) -> None:
        code = main(["--db", str(database), *map(str, argv)])
        assert code == 0, argv

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keyfile, "DEFAULT_KDF", keyfile.KdfParams(1, 1024, 1))
        patch.setenv("BVCT_USER", ADMIN)
        patch.setenv("BVCT_PASSWORD", PASSWORD)
        for name in ("HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
            patch.setenv(name, str(folder / "home"))
        bvct("init", "--admin", ADMIN)
        for key, value, first in SETTINGS:
            bvct("settings", "set", key, value, *(("--from", first.isoformat()) if first else ()))
        made = write_workbooks(folder)
        for kind in ("cadres", "slips", "delegations", "archive-requests", "complaints"):
            bvct("import", kind, made[kind])
    return database


def copy_to(source: Path, folder: Path) -> Path:
    """A copy of the database and its key file in `folder`."""
    target = folder / source.name
    shutil.copy2(source, target)
    shutil.copy2(keyfile.key_path(source), keyfile.key_path(target))
    return target


@pytest.fixture(scope="session")
def built_2016(tmp_path_factory) -> Path:
    """The 2016 office, built once for the session."""
    return build(tmp_path_factory.mktemp("office-2016"))


@pytest.fixture
def office_cli(built_2016, tmp_path, capsys, monkeypatch):
    """`bvct` on a copy of the 2016 office, as its administrator."""
    from tests.conftest import Cli

    return Cli(copy_to(built_2016, tmp_path), capsys, monkeypatch)
