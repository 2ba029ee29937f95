"""What a restore changes for the people who log in. The backup's key slots replace the current
ones: an account locked or added since the backup, a password changed since and a recovery key
replaced since are back as they were. Said from the two key files, before and restored, so nothing
about the accounts changes unseen."""

from .keyfile import RECOVERY_SLOT, KeyFile

HEADING = "Tài khoản trở về như lúc sao lưu:"
RECOVERY_BACK = ("Khóa khôi phục trở về khóa lúc sao lưu; khóa khôi phục cấp sau thời điểm ấy không mở được cơ sở "
                 "dữ liệu này: giữ tờ ghi khóa khôi phục cũ.")
PASSWORDS_OF_THE_BACKUP = ("Mật khẩu là mật khẩu trong bản sao lưu (bản sao lưu của cơ sở dữ liệu khác với cơ sở dữ "
                           "liệu trước khi khôi phục): mỗi người đăng nhập bằng mật khẩu ấy.")


def changes(before: KeyFile | None, restored: KeyFile) -> list[str]:
    """What differs for the people who log in, one line each; none when `before` is None (a new PC,
    or a key file that could not be read)."""
    if before is None:
        return []
    had, has = _accounts(before), _accounts(restored)
    told = [f"«{name}» đăng nhập lại được (tài khoản đã khóa hoặc chưa có trước khi khôi phục): khóa lại nếu "
            "người ấy không còn được dùng." for name in sorted(has - had)]
    told += [f"«{name}» không còn đăng nhập được (tài khoản tạo hoặc mở lại sau thời điểm sao lưu): thêm hoặc mở "
             "lại nếu còn cần." for name in sorted(had - has)]
    if before.db_id != restored.db_id:  # slots are sealed to their database: none of them can match
        told.append(PASSWORDS_OF_THE_BACKUP)
    else:
        told += [f"«{name}»: mật khẩu trở về mật khẩu lúc sao lưu; người ấy đăng nhập bằng mật khẩu cũ rồi đổi lại."
                 for name in sorted(had & has) if before.slots[name] != restored.slots[name]]
    if before.slots.get(RECOVERY_SLOT) != restored.slots.get(RECOVERY_SLOT):
        told.append(RECOVERY_BACK)
    return told


def _accounts(keys: KeyFile) -> set[str]:
    return {name for name in keys.slots if name != RECOVERY_SLOT}


def told(changed: list[str]) -> str:
    """The lines of `changes` under their heading, as the officer reads them; empty when none."""
    return "\n".join([HEADING, *(f"  – {line}" for line in changed)]) if changed else ""
