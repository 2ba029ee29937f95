"""What makes a password acceptable, with the reason in Vietnamese when it is not."""

from .errors import InputError
from .text import fold

MIN_LENGTH = 10
_COMMON = {
    "1234567890", "0123456789", "12345678910", "123456789a", "1234567890a", "qwertyuiop",
    "password123", "password1234", "matkhau123", "matkhau1234", "admin12345", "admin123456",
    "abc1234567", "abcd123456", "1111111111", "0000000000", "1q2w3e4r5t", "qwerty1234",
    "iloveyou123", "anhyeuem123", "123456789abc", "zxcvbnm123", "aaaaaaaaaa", "passw0rd123",
    "quantri123", "quantri1234", "bvct123456", "bantochuc1", "tinhuy12345",
}


def check(user: str, password: str) -> None:
    """Raises InputError saying why `password` is refused."""
    if len(password) < MIN_LENGTH:
        raise InputError(f"Mật khẩu phải có ít nhất {MIN_LENGTH} ký tự.")
    folded = fold(password)
    if folded == fold(user) or fold(user) and fold(user) in folded and len(folded) - len(fold(user)) < 4:
        raise InputError("Mật khẩu không được là tên người dùng hoặc gần giống tên người dùng.")
    if folded in _COMMON or len(set(folded)) <= 2:
        raise InputError("Mật khẩu quá phổ biến, dễ đoán; hãy chọn mật khẩu khác.")
