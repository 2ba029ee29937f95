"""Roles and what each may do: the spec's permission table, checked in one place."""

import enum

from .errors import PermissionDenied

ADMIN, LEADER, OFFICER, VIEWER = "quan-tri", "lanh-dao", "chuyen-vien", "xem"
ROLES = {
    ADMIN: "Quản trị",
    LEADER: "Lãnh đạo",
    OFFICER: "Chuyên viên",
    VIEWER: "Chỉ xem",
}


class Action(enum.Enum):
    BROWSE = "xem và tìm kiếm hồ sơ"
    EDIT = "thêm, sửa, xóa hoặc nhập hồ sơ"
    EXPORT = "xuất, in hoặc lập báo cáo có dữ liệu cá nhân"
    REPORT_FIGURES = "xem số liệu báo cáo"
    REPORT_ISSUE = "phát hành báo cáo, công văn hoặc thông báo (lấy số văn bản)"
    BACKUP = "sao lưu hoặc kiểm tra bản sao lưu"
    RESTORE = "khôi phục từ bản sao lưu"
    MANAGE_USERS = "quản lý người dùng"
    SETTINGS = "xem và thay đổi thiết lập"
    PASSWD_OTHERS = "đổi mật khẩu người khác"
    PASSWD_OWN = "đổi mật khẩu của mình"
    AUDIT = "xem và kiểm tra nhật ký"
    HAND_OVER = "bàn giao việc của cán bộ"


_EVERYONE = frozenset(ROLES)
_WORKERS = frozenset({ADMIN, LEADER, OFFICER})
ALLOWED: dict[Action, frozenset[str]] = {
    Action.BROWSE: _EVERYONE,
    Action.EDIT: _WORKERS,
    Action.EXPORT: _WORKERS,
    Action.REPORT_FIGURES: _EVERYONE,
    Action.REPORT_ISSUE: frozenset({ADMIN, LEADER}),
    Action.BACKUP: _WORKERS,
    Action.RESTORE: frozenset({ADMIN}),
    Action.MANAGE_USERS: frozenset({ADMIN}),
    Action.SETTINGS: frozenset({ADMIN}),
    Action.PASSWD_OTHERS: frozenset({ADMIN}),
    Action.PASSWD_OWN: _EVERYONE,
    Action.AUDIT: frozenset({ADMIN, LEADER}),
    Action.HAND_OVER: frozenset({ADMIN, LEADER}),
}


def allows(role: str, action: Action) -> bool:
    return role in ALLOWED[action]


def roles_allowed(action: Action) -> list[str]:
    """The names of the roles that may do `action`, in the table's order ("Quản trị", "Lãnh đạo", …)."""
    return [name for role, name in ROLES.items() if role in ALLOWED[action]]


def summary() -> list[str]:
    """A line per role, from the one that may do least: what it may do, said as «như <the role before>,
    thêm: …» when it may do all that one may."""
    lines: list[str] = []
    before: tuple[str, list[Action]] | None = None
    for role in sorted(ROLES, key=lambda role: sum(allows(role, action) for action in Action)):
        own = [action for action in Action if allows(role, action)]
        if before is not None and set(before[1]) <= set(own):
            added = "; ".join(action.value for action in own if action not in before[1])
            lines.append(f"{ROLES[role]}: như {ROLES[before[0]]}, thêm: {added}.")
        else:
            lines.append(f"{ROLES[role]}: {'; '.join(action.value for action in own)}.")
        before = role, own
    return lines


def refusal(asked_for: str) -> PermissionDenied:
    """The refusal of what the user asked for (`asked_for`: "xem thiết lập"), named as such: the
    permission it needs covers more ("xem và thay đổi thiết lập")."""
    return PermissionDenied(f"Vai trò của bạn không được phép {asked_for}.")
