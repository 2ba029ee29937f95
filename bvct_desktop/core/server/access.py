"""The spec's permission table as the server enforces it: what each group role may do to each table.

Each program role is a group role of the database (`bvct_role`), and every login role (a program
user) is a member of exactly one. A table's access class says which groups may read it and which
may insert, update or delete; nobody but the owner (migrations) may do anything else. Writes the
program makes for the account services (users, key slots) go through SECURITY DEFINER functions
that check the caller themselves (core/server/objects.py), so those tables grant no write at all.
A table not listed here gets no grant: a new table must say who may touch it (a test checks).
"""

from dataclasses import dataclass

from ..permissions import ADMIN, LEADER, OFFICER, ROLES

EVERYONE = tuple(ROLES)
WORKERS = (ADMIN, LEADER, OFFICER)
AUDITORS = (ADMIN, LEADER)


@dataclass(frozen=True)
class Access:
    select: tuple[str, ...] = ()
    insert: tuple[str, ...] = ()
    update: tuple[str, ...] = ()
    delete: tuple[str, ...] = ()
    own_rows: str | None = None  # a column that must name the login (row-level security)
    audited: bool = True  # a write commits only with an audit entry by the same login in its transaction
    why: str = ""

    def grants(self) -> dict[str, list[str]]:
        """Privileges by program role."""
        found: dict[str, list[str]] = {role: [] for role in ROLES}
        for privilege in ("select", "insert", "update", "delete"):
            for role in getattr(self, privilege):
                found[role].append(privilege.upper())
        return found


RECORDS = Access(EVERYONE, WORKERS, WORKERS, why="hồ sơ: mọi vai trò xem; quản trị, lãnh đạo, chuyên viên thêm và sửa "
                 "(xóa là đưa vào thùng rác, tức là sửa)")
MEMBERSHIPS = Access(EVERYONE, WORKERS, WORKERS, WORKERS, why="thành viên đoàn: bỏ một người khỏi đoàn là xóa dòng")
READ_ONLY = Access(EVERYONE, why="mọi vai trò đọc; chỉ chủ sở hữu (nâng cấp cấu trúc) ghi")
COUNTS = Access(EVERYONE, audited=False, why="số lần ghi mỗi bảng: chỉ trigger của máy chủ ghi, theo một thay đổi "
                "đã có nhật ký của chính nó")
SETTINGS = Access(EVERYONE, (ADMIN,), (ADMIN,), (ADMIN,), why="thiết lập: mọi vai trò đọc, chỉ quản trị ghi")
ACCOUNTS = Access(EVERYONE, why="tài khoản: chỉ ghi qua các hàm kiểm tra người gọi (bvct_user_*)")
KEY_SLOTS = Access(why="ngăn khóa: mỗi tài khoản chỉ đọc ngăn của mình (bvct_own_key_slot), bản sao lưu mọi ngăn "
                   "khi chứng minh có khóa cơ sở dữ liệu; chỉ ghi qua các hàm bvct_user_*")
AUDIT = Access(AUDITORS, EVERYONE, audited=False,
               why="nhật ký: mọi vai trò chỉ được THÊM (mắt xích do máy chủ tính); quản trị và lãnh đạo xem; không ai "
               "sửa hay xóa")
NUMBERS = Access(WORKERS, AUDITORS, AUDITORS, why="số văn bản: quản trị và lãnh đạo lấy số; người lập văn bản xem")
OUTGOING = Access(WORKERS, AUDITORS, why="sổ văn bản đi: quản trị và lãnh đạo ghi văn bản phát hành; không ai sửa; "
                  "người lập văn bản xem và in lại")
DOCUMENT_DRAFTS = Access(WORKERS, WORKERS, WORKERS, WORKERS, why="phần báo cáo tự viết: người lập văn bản")
OWN_ROWS = Access(EVERYONE, EVERYONE, EVERYONE, EVERYONE, own_rows="user_name", audited=False,
                  why="tùy chọn hiển thị: mỗi người chỉ dòng của mình (không phải hồ sơ, không ghi nhật ký)")

TABLES: dict[str, Access] = {
    "persons": RECORDS, "cadres": RECORDS, "slips": RECORDS, "delegations": RECORDS,
    "delegation_members": MEMBERSHIPS, "archive_requests": RECORDS, "complaints": RECORDS,
    "relatives": RECORDS, "foreign_elements": RECORDS, "political_notes": RECORDS, "vetting_cases": RECORDS,
    "work_periods": RECORDS, "training_courses": RECORDS, "history_declarations": RECORDS, "rewards": RECORDS,
    "disciplines": RECORDS, "salary_steps": RECORDS, "appraisals": RECORDS,
    "passports": RECORDS, "passport_handovers": RECORDS,
    "vetting_team_members": RECORDS, "vetting_dossier_items": RECORDS, "vetting_minutes": RECORDS,
    "attachments": RECORDS, "attachment_contents": RECORDS,
    "units": RECORDS, "recipients": RECORDS,
    "settings": SETTINGS,
    "meta": READ_ONLY, "alembic_version": READ_ONLY, "change_counts": COUNTS,
    "users": ACCOUNTS, "key_slots": KEY_SLOTS,
    "audit_log": AUDIT,
    "document_numbers": NUMBERS,
    "outgoing_documents": OUTGOING,
    "report_notes": DOCUMENT_DRAFTS,
    "preferences": OWN_ROWS,
}
