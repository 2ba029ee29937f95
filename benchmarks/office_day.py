"""An office's nine months, for trying the desktop application as an officer does, and for the
README's screenshots: about 260 cadres (some with long names and units) and their relatives,
1,900 slips of 2026 and a few hundred of 2025 — many of them vetting cadres, one cadre named on
18 slips about her husband, mother and parents-in-law, 626 imported with a "Kết quả" but no
"Ngày nhận kết quả" — delegations of cadres, archive requests and complaints naming cadres.

Everything goes in through the importer, as the office's workbooks would; then the office concludes
the vetting cases whose replies are all in, through the service the conclusion form uses — so what
is left open waits for the police or for the officer. Deterministic.

    python benchmarks/office_day.py FOLDER     # FOLDER/bvct.db, user quantri (see PASSWORD)
"""

import argparse
import datetime as dt
import sys
from pathlib import Path

import synthetic
from sqlalchemy import select

from bvct_desktop.core import gazetteer, importing, keyfile, recipients, schema, vault
from bvct_desktop.core.database import Database
from bvct_desktop.core.kinds import KINDS
from bvct_desktop.core.personfile import cases
from bvct_desktop.io.xlsx_reader import Sheet

ADMIN, PASSWORD = "quantri", "Thu-nghiem-van-phong-2026"
TODAY = dt.datetime(2026, 9, 30, 8, 30)
YEAR_START, NINE_MONTHS_END = dt.date(2026, 1, 1), dt.date(2026, 9, 30)
LONG_NAMES = ("Nguyễn Thị Thanh Hương Bích Ngọc", "Tôn Nữ Hoàng Phương Thảo Nguyên", "Công Tằng Tôn Nữ Diệu Huyền")
LONG_UNITS = ("Ban Quản lý các khu công nghiệp và khu kinh tế tỉnh Lâm Đồng",
              "Trung tâm Phục vụ hành chính công và Chuyển đổi số tỉnh Lâm Đồng",
              "Đảng ủy các cơ quan Đảng, Mặt trận Tổ quốc và các đoàn thể tỉnh")
# relations of slips issued for the vetting of a cadre, with the cadre's gender deciding the spouse's side
FAMILY = {"Nam": ("Cha", "Mẹ", "Vợ", "Cha vợ", "Mẹ vợ", "Con", "Anh/chị/em"),
          "Nữ": ("Cha", "Mẹ", "Chồng", "Cha chồng", "Mẹ chồng", "Con", "Anh/chị/em")}
NO_REPLY_DATE = 626
# a conclusion: a few days to a few weeks after the last reply (one kept without its day: a month after its slip)
CONCLUDED_AFTER_DAYS, UNDATED_REPLY_DAYS = (3, 24), 30
RESULTS = synthetic.weighted({(cases.RESULTS[0], None): 90, (cases.RESULTS[1], None): 3, (
    cases.RESULTS[2], "Không bố trí vào vị trí có yêu cầu cao về tiêu chuẩn chính trị theo Quy định 58-QĐ/TW"): 7})
SIGNERS = ("Nguyễn Văn Hòa", "Trần Thị Minh Thu")
OWN_PROVINCE, NEIGHBOUR = "Lâm Đồng", "Đắk Lắk"


def cadres(pick: synthetic.Picker) -> list[dict]:
    found = list(synthetic.iter_cadres(257, seed=13))
    for index, name in enumerate(LONG_NAMES):
        found.append({**found[index], "full_name": name, "gender": "Nữ", "cccd": None,
                      "unit": LONG_UNITS[index], "position": "Phó Trưởng ban Thường trực"})
    names = [c["full_name"] for c in found]
    for cadre in found:
        if pick.chance(0.2):
            cadre["unit"] = pick.one(LONG_UNITS + ("Sở Y tế", "Bệnh viện Đa khoa tỉnh"))
        cadre["unique"] = names.count(cadre["full_name"]) == 1
    return found


class Families:
    """Each cadre's relatives, made once: every slip and the relatives list name the same people."""

    def __init__(self, pick: synthetic.Picker):
        self.pick = pick
        self.people = synthetic.People(pick)
        self.known: dict[tuple[str, str], dict] = {}

    def relative(self, cadre: dict, relation: str) -> dict:
        key = (cadre["full_name"] + cadre["birth_date"], relation)
        if key not in self.known:
            self.known[key] = synthetic._slip_subject(self.people, relation)
        return self.known[key]


def slips(pick: synthetic.Picker, staff: list[dict], families: Families) -> list[dict]:
    """Slips of 2025 and of 2026 up to today; many vet a cadre through a relative."""
    found = list(synthetic.iter_slips(300, seed=21, first=dt.date(2025, 3, 1), last=dt.date(2025, 12, 20)))
    found += list(synthetic.iter_slips(1_620, seed=22, first=YEAR_START, last=NINE_MONTHS_END))
    vetted = [c for c in staff if c["unique"]]
    her = next(c for c in staff if c["full_name"] == LONG_NAMES[0])
    hers = set(range(400, 1_920, 84)[:18])  # 18 slips for her appointment and planning, through the year
    for index, slip in enumerate(found):
        cadre = her if index in hers else pick.one(vetted) if pick.chance(0.45) else None
        if cadre is None:
            continue
        relation = pick.one(FAMILY[cadre["gender"]][:5] if cadre is her else FAMILY[cadre["gender"]])
        slip.update(families.relative(cadre, relation), relation=relation, vetted_name=cadre["full_name"],
                    purpose=pick.one(("Bổ nhiệm", "Quy hoạch", "Bầu cử", "Đi nước ngoài")))
    _as_of_today(found, "result_on", "result")
    for slip in found:
        if slip["issued_on"] >= gazetteer.MERGED_ON:  # the generator's former provinces moved on
            slip["recipient"] = _police_now(slip["recipient"])
    with_result = [s for s in found if s["result_on"] is not None and s["issued_on"].year == 2026]
    for slip in with_result[:NO_REPLY_DATE]:
        slip["result_on"] = None  # the office's old sheet kept the result and lost the date
    return found


def _as_of_today(records: list[dict], received: str, *with_it: str) -> list[dict]:
    """The records as they stood on the office's day: what the generator dates after it (a reply, a
    report, a resolution) has not come yet, nor what it brought (`with_it`)."""
    for record in records:
        if record[received] is not None and record[received] > NINE_MONTHS_END:
            record.update(dict.fromkeys((received, *with_it)))
    return records


def _province_now(province: str) -> str:
    """A province as the office writes it since the merger ("Gia Lai", "TP Hồ Chí Minh" for "Bình Định")."""
    now = gazetteer.province_now(province)
    if now is None:
        return province
    name = now.removeprefix("Tỉnh ").removeprefix("Thành phố ")
    return "TP Hồ Chí Minh" if name == "Hồ Chí Minh" else name


def _police_now(recipient: str) -> str:
    """A slip's recipient since the merger: a former province's police are those of the province it joined."""
    now = gazetteer.province_now(recipient)
    return recipient if now is None else f"Phòng PV01 – Công an {now.replace('Tỉnh ', 'tỉnh ', 1)}"


def archive_requests() -> list[dict]:
    """Requests of the nine months, to and from provinces as they are called since the merger; the former
    Đắk Nông's archive is the office's own now, so its requests go to the neighbour instead."""
    found = list(synthetic.iter_archive_requests(140, seed=51, first=dt.date(2025, 10, 1), last=NINE_MONTHS_END))
    for request in found:
        province = _province_now(request["province"])
        request["province"] = NEIGHBOUR if province == OWN_PROVINCE else province
    return _as_of_today(found, "answered_on", "result")


def relatives(pick: synthetic.Picker, staff: list[dict], families: Families) -> list[dict]:
    rows = []
    for cadre in staff[1::3]:
        for relation in pick.rng.sample(FAMILY[cadre["gender"]][:5], pick.rng.randint(2, 4)):
            relative = families.relative(cadre, relation)
            rows.append({"cadre_name": cadre["full_name"], "cadre_birth_date": cadre["birth_date"],
                         "relation": relation, "full_name": relative["full_name"],
                         "birth_date": relative["birth_date"], "home_town": relative["home_town"],
                         "residence": relative["residence"], "occupation": pick.one(("Hưu trí", "Nội trợ",
                                                                                       "Làm nông", "Giáo viên"))})
    return rows


def delegations(pick: synthetic.Picker, staff: list[dict]) -> list[dict]:
    rows = []
    for index, trip in enumerate(synthetic.iter_delegations(320, seed=31, first=dt.date(2025, 11, 1),
                                                            last=dt.date(2026, 9, 10))):
        cadre = staff[(index * 7) % len(staff)]
        rows.append({**trip, "full_name": cadre["full_name"], "birth_date": cadre["birth_date"],
                     "home_town": cadre["home_town"], "cccd": cadre["cccd"], "unit": cadre["unit"]})
    return _as_of_today(_distinct_members(rows), "report_received_on")


def _distinct_members(rows: list[dict]) -> list[dict]:
    seen, kept = set(), []
    for row in rows:
        key = (row["decision_no"], row["decision_on"], row["full_name"], row["birth_date"])
        if key not in seen:
            seen.add(key)
            kept.append(row)
    return kept


def complaints(pick: synthetic.Picker, staff: list[dict]) -> list[dict]:
    found = list(synthetic.iter_complaints(90, seed=41, first=dt.date(2025, 10, 1), last=NINE_MONTHS_END))
    for complaint in found:
        if complaint["subject_name"] and pick.chance(0.5):
            complaint["subject_name"] = pick.one(staff)["full_name"]
    return _as_of_today(found, "resolved_on", "result")


def conclude(db: Database, pick: synthetic.Picker) -> None:
    """Concludes each vetting case whose slips all have their replies, by the office's day."""
    case_rows, slip_rows = schema.vetting_cases, schema.slips
    replied: dict[int, dt.date | None] = {}  # case → the day its last reply came (None: one still awaited)
    with db.read() as connection:
        for case_id, issued_on, result_on, result in connection.execute(
                select(case_rows.c.id, slip_rows.c.issued_on, slip_rows.c.result_on, slip_rows.c.result)
                .select_from(case_rows.join(slip_rows)).order_by(case_rows.c.id)):
            came = result_on or (issued_on + dt.timedelta(days=UNDATED_REPLY_DAYS) if result else None)
            last = replied.get(case_id, dt.date.min)
            replied[case_id] = None if last is None or came is None else max(last, came)
    concluded = sorted((last_reply + dt.timedelta(days=pick.rng.randint(*CONCLUDED_AFTER_DAYS)), case_id)
                       for case_id, last_reply in replied.items() if last_reply is not None)
    numbers: dict[int, int] = {}  # the office's notices are numbered by year, in date order
    for concluded_on, case_id in (found for found in concluded if found[0] <= NINE_MONTHS_END):
        numbers[concluded_on.year] = numbers.get(concluded_on.year, 0) + 1
        result, limit = pick.weighted(RESULTS)
        cases.record_conclusion(db, case_id, {"conclusion_no": f"{numbers[concluded_on.year]:02d}-TB/BTCTU",
                                              "concluded_on": f"{concluded_on:%d/%m/%Y}", "signer": pick.one(SIGNERS),
                                              "result": result, "limit_note": limit})


def sheet(kind_name: str, records: list[dict]) -> Sheet:
    fields = KINDS[kind_name].fields
    rows = [[spec.header for spec in fields]]
    rows += [[spec.to_cell(record.get(spec.key)) for spec in fields] for record in records]
    return Sheet.of_rows(Path(f"{kind_name}.xlsx"), rows)


def build(folder: Path, kdf: keyfile.KdfParams | None = None) -> Database:
    """The office database in `folder` (made anew), unlocked as ADMIN on TODAY's clock."""
    path = folder / "bvct.db"
    for suffix in ("", "-wal", "-shm", ".keys"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    clock = lambda: TODAY  # noqa: E731 - the office's day, fixed
    vault.create(path, ADMIN, PASSWORD, clock=clock, **({"kdf": kdf} if kdf else {}))
    db = vault.unlock(path, ADMIN, PASSWORD, clock)
    pick = synthetic.Picker(5)
    staff = cadres(pick)
    families = Families(pick)
    her = next(c for c in staff if c["full_name"] == LONG_NAMES[0])
    listed = relatives(pick, staff, families) + [  # on her list; her slips tell of her father and mother too
        {"cadre_name": her["full_name"], "cadre_birth_date": her["birth_date"], "relation": relation,
         **{key: families.relative(her, relation)[key] for key in ("full_name", "birth_date", "home_town")}}
        for relation in ("Chồng", "Mẹ chồng")]
    for kind_name, records in (("cadres", staff), ("relatives", listed),
                               ("slips", slips(pick, staff, families)), ("delegations", delegations(pick, staff)),
                               ("archive-requests", archive_requests()),
                               ("complaints", complaints(pick, staff))):
        result = importing.import_sheet(db, KINDS[kind_name], sheet(kind_name, records))
        if not result.ok:
            raise SystemExit(f"{kind_name}: " + "; ".join(str(p) for p in result.problems[:5]))
    conclude(db, pick)
    for unit in recipients.list_recipients(db):  # what the office set aside after the merger
        if KINDS["slips"].field("recipient").now_said(unit.name):
            recipients.set_recipient_active(db, unit.id, False)
    return db


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tạo cơ sở dữ liệu thử: chín tháng công việc của phòng.")
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    build(args.folder, keyfile.KdfParams(1, 1024, 1)).close()
    print(f"{args.folder / 'bvct.db'} — người dùng {ADMIN}, mật khẩu {PASSWORD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
