"""What a user's name may be, on a file as on the office server, where it is the PostgreSQL login
role's name (which PostgreSQL would cut at 63 bytes): so a name made on one is valid on the other.

- `checked`: a name typed for a new account, as it is stored (NFC, without the spaces around it),
  or the rule it breaks.
- `check_login_role`: what a name already stored must be to become a login role (a file's users
  moving to the server), as stored — a name from before this rule keeps its spelling.
- `check_free`: a new name is no existing one's, nor differs from one only by letter case or
  Unicode form («Lanhdao» beside «lanhdao»).
- `as_stored`: the account a name typed at login means; `unknown`: what to say when none is.
- `alike`: two names one person's under the rule of `check_free`.
"""

import unicodedata
from collections.abc import Collection, Iterable

from .errors import InputError
from .keyfile import RECOVERY_SLOT

MAX_BYTES = 63
_EXAMPLE = "Nguyễn Thị Hồng Nhung"
# names PostgreSQL keeps for itself: CREATE ROLE refuses them
_SERVER_RESERVED = ("public", "none")
_SERVER_PREFIX = "pg_"


def checked(name: str) -> str:
    """`name` as stored: NFC, stripped; InputError naming the rule it breaks."""
    name = unicodedata.normalize("NFC", name).strip()
    if name == RECOVERY_SLOT:
        raise InputError(f"Tên «{name}» dành cho khóa khôi phục; chọn tên khác.")
    check_login_role(name)
    return name


def check_login_role(name: str) -> None:
    if not name:
        raise InputError("Tên người dùng không được để trống.")
    for position, character in enumerate(name, 1):
        if not character.isprintable():
            raise InputError("Tên người dùng không được có ký tự xuống dòng, tab, ký tự điều khiển hay ký tự vô "
                             f"hình (ký tự thứ {position} là U+{ord(character):04X}).")
    size = len(name.encode("utf-8"))
    if size > MAX_BYTES:
        raise InputError(f"Tên người dùng dài {size} byte, quá giới hạn {MAX_BYTES} byte ({MAX_BYTES} chữ không dấu; "
                         f"mỗi chữ có dấu tính 2–3 byte, như «{_EXAMPLE}» là {len(_EXAMPLE.encode('utf-8'))} byte). "
                         "Hãy đặt tên ngắn hơn.")
    folded = name.casefold()
    if folded in _SERVER_RESERVED or folded.startswith(_SERVER_PREFIX):
        raise InputError(f"Tên «{name}» là tên dành riêng của máy chủ PostgreSQL (tên «public», «none» hay bắt đầu "
                         f"bằng «{_SERVER_PREFIX}»); chọn tên khác.")


def check_free(name: str, existing: Iterable[str]) -> None:
    """Refuses `name` (as `checked` gave it) when one of the `existing` names is it, or differs from
    it only by letter case or Unicode form."""
    for other in existing:
        if unicodedata.normalize("NFC", other) == name:
            raise InputError(f"Người dùng «{other}» đã có.")
        if alike(other, name):
            raise InputError(f"Đã có người dùng «{other}»; «{name}» chỉ khác ở chữ hoa/thường nên dễ nhầm khi đăng "
                             "nhập. Chọn tên khác.")


def alike(name: str, other: str) -> bool:
    """Whether the names differ at most by letter case or Unicode form."""
    return _key(name) == _key(other)


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def as_stored(typed: str, known: Collection[str]) -> str:
    """The account a name typed at login means: the one of that spelling, else the name as `checked`
    stores it (a keyboard typing combining marks, a space typed around it)."""
    return typed if typed in known else unicodedata.normalize("NFC", typed).strip()


def unknown(name: str, known: Iterable[str]) -> str:
    """What to say of a name no account has: the account it differs from only by letter case, if any
    (names are told apart by case, as PostgreSQL's roles are)."""
    similar = sorted(other for other in known if alike(other, name))
    if similar:
        return f"Không có người dùng «{name}»; tên phân biệt chữ hoa, chữ thường: có phải «{similar[0]}»?"
    return f"Không có người dùng «{name}»."
