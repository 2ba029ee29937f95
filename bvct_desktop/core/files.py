"""Writing files so that a failure never leaves half a file, and locking files between processes."""

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import BvctError, InputError


@contextlib.contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """A temporary path beside `target`; renamed over it only when the block succeeds."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise InputError(f"Thư mục «{folder}» không tồn tại.") from None
    except PermissionError:
        raise InputError(f"Không có quyền ghi vào thư mục «{folder}».") from None
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise _os_error(error, target) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _os_error(error: OSError, target: Path) -> BvctError:
    import errno

    if error.errno == errno.ENOSPC:
        return InputError(f"Ổ đĩa đã đầy, không ghi được «{target}». Không có tệp nào bị ghi dở.")
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EROFS):
        return InputError(f"Không có quyền ghi «{target}».")
    return BvctError(f"Không ghi được «{target}» ({error.strerror}).")


@contextlib.contextmanager
def locked(lock_path: Path) -> Iterator[None]:
    """An exclusive lock between processes, held for the block (waits for other holders)."""
    with open(lock_path, "a+b") as handle:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            while True:
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                    break
                except OSError:
                    continue
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
