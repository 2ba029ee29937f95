"""Writing files so that a failure never leaves half a file, and locking files between processes.

Temporary files live beside what they become (never in the system's temporary folder) and
carry the writing process's id in their name (`.NAME.p<pid>-<random>.tmp`): a later start
removes those of a process that no longer runs (`sweep`), and leaves those still being written.
"""

import contextlib
import datetime as dt
import errno
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from . import crashpoints, kept_files
from .errors import DISK_FULL, FREE_SPACE, BvctError, DiskFullError, InputError, os_reason

TEMP_SUFFIX = ".tmp"
OWNER_ONLY = 0o600
# A leftover without a process id (written before ids were kept) is removed once this old.
UNTAGGED_AGE = dt.timedelta(days=1)
_TAGGED = re.compile(r"\.p(\d+)-[^.]+\.tmp")
# The databases this process works on, each with its own files (own_files.of): no file written
# for the officer goes over one of those.
_guarded: list[tuple[Path, list[Path]]] = []
# The files this process read a secret from (a password file): none is written over either.
_secrets: list[Path] = []
# Where `output` notes the folder it stages a file in while it writes it (set at start:
# `note_outputs_in`), so that the next start finds what a killed write left there (leftovers).
_notes: list[Path] = []


def temporary_beside(target: Path) -> Path:
    """A new empty file in `target`'s folder, named after it and this process."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.p{os.getpid()}-", suffix=TEMP_SUFFIX, dir=folder)
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(f"Thư mục «{folder}» không tồn tại.") from None
    except PermissionError as error:
        if _write_protected(error):
            raise os_error(error, target) from None
        raise InputError(f"Không có quyền ghi vào thư mục «{folder}».") from None
    except OSError as error:
        raise os_error(error, target) from None
    os.close(fd)
    return Path(name)


def check_target(target: Path, suffix: str) -> None:
    """InputError unless the file `target` the officer chose ends in `suffix` and `check_folder` passes."""
    if Path(target).suffix.lower() != suffix:
        raise InputError(f"Tệp «{Path(target).name}» phải có đuôi {suffix}.")
    check_folder(target)


def check_folder(target: Path) -> None:
    """InputError unless `target` is not a folder nor a file of a database this process works on,
    the folder it goes into exists and a file can be made there (tried with the temporary file that
    writing it will make first), and the file already there, if any, can be replaced."""
    _check_name(target)
    temporary_beside(target).unlink()
    _check_replaceable(target)


def _check_replaceable(target: Path) -> None:
    """Tried by opening the file for writing, without changing it: a file a program holds open on
    Windows (Word, Excel, a PDF reader), or a read-only one, cannot be, nor replaced."""
    try:
        os.close(os.open(target, os.O_WRONLY | getattr(os, "O_BINARY", 0)))
    except FileNotFoundError:
        pass
    except OSError as error:
        raise os_error(error, target) from None


def _check_name(target: Path) -> None:
    if Path(target).is_dir():
        raise InputError(f"«{target}» là một thư mục, không phải tệp: hãy chọn tên tệp khác.")
    for database, own in _guarded:
        refuse_own(target, database, own)
    refuse_kept(target)


def guard(database: Path, own: list[Path]) -> None:
    """From now on, `check_folder` refuses the files `own` of `database` (until `release`)."""
    _guarded.append((Path(database), own))


def release(database: Path) -> None:
    """Ends one `guard` of `database`."""
    for entry in _guarded:
        if entry[0] == Path(database):
            _guarded.remove(entry)
            return


def refuse_own(target: Path, database: Path, own: list[Path]) -> None:
    """InputError when `target` is one of the files `own` of `database`, however named."""
    for file in own:
        if same_file(target, file):
            which = "" if file.name == Path(database).name else f" ({file.name})"
            _refuse(target, f"tệp của chính cơ sở dữ liệu «{Path(database).name}»{which}")


def refuse_kept(target: Path, allowed: str | None = None) -> None:
    """InputError when `target` is a file a database keeps, any database's (`kept_files.kind`; but
    the kind `allowed`), or a file this process read a secret from (`keep_secret`)."""
    if any(same_file(target, secret) for secret in _secrets):
        _refuse(target, "tệp mật khẩu vừa đọc")
    found = kept_files.kind(target)
    if found is not None and found != allowed:
        _refuse(target, found)


def _refuse(target: Path, what: str) -> None:
    raise InputError(f"Không ghi vào «{target}»: đó là {what}; ghi đè sẽ làm mất dữ liệu. Hãy chọn tên tệp khác.")


def keep_secret(path: Path) -> None:
    """From now on (until `forget_secrets`), no file written for the officer goes over `path`, a file
    a secret was read from."""
    _secrets.append(Path(path))


def forget_secrets() -> None:
    _secrets.clear()


def same_file(one: Path, other: Path) -> bool:
    """Whether the two paths name one file: the same file on disk when both exist, else the same
    path once links are followed (and letter case ignored where the system ignores it)."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return _spelled(one) == _spelled(other)


def _spelled(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def new_owner_only(target: Path) -> None:
    """Creates the empty file `target` that only its owner may read and write (as `temporary_beside`
    makes every file written through it); FileExistsError when there is one."""
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), OWNER_ONLY))


def make_owner_only(path: Path) -> None:
    """From now on only the owner of the file `path` may read and write it, where the system lets
    this process say so (POSIX, a file of its user's)."""
    if os.name == "posix":
        with contextlib.suppress(OSError):
            os.chmod(path, OWNER_ONLY)


def make_folder(target: Path) -> None:
    """`make_parent`, then `check_folder`."""
    make_parent(target)
    check_folder(target)


def make_parent(target: Path) -> None:
    """Creates the folder `target` goes into, with its parents, when missing: a new database's (`init`,
    `restore`). A file standing in its way is told when a file is written there (`temporary_beside`)."""
    folder = Path(target).parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except PermissionError:
        raise InputError(f"Không có quyền tạo thư mục «{folder}».") from None
    except (FileExistsError, NotADirectoryError, FileNotFoundError):
        pass


def temporary_folder(purpose: str) -> tempfile.TemporaryDirectory:
    """A folder in the system's temporary folder for ciphertext only (a backup being checked),
    named after this process so that `sweep` can remove it once the process is gone."""
    return tempfile.TemporaryDirectory(prefix=f"{purpose}-p{os.getpid()}-")


@contextlib.contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """A temporary path beside `target`; renamed over it only when the block succeeds."""
    target = Path(target)
    with staged(target) as temp:
        yield temp
        put(temp, target)


@contextlib.contextmanager
def staged(target: Path) -> Iterator[Path]:
    """A temporary path beside `target` for the block to write and, once whole, `put` in its place;
    removed when still there after the block. An OSError is told as one writing `target`."""
    target = Path(target)
    temp = temporary_beside(target)
    try:
        yield temp
    except OSError as error:
        raise os_error(error, target) from None
    finally:
        temp.unlink(missing_ok=True)


def put(temp: Path, target: Path) -> None:
    """Renames the written file `temp` over `target` for good: its content reaches the disk before the
    rename, and the folder's entry after it, so that a power cut never brings the old file back."""
    flush(temp)
    os.replace(temp, target)
    sync_folder(Path(target).parent)


def flush(path: Path) -> None:
    """The file's content on the disk, not only in the system's cache."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def sync_folder(folder: Path) -> None:
    """The folder's entries on the disk: a rename made in it survives a power cut. POSIX only: Windows
    opens no folder for this; its rename (MoveFileEx) is what the program has there."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


@contextlib.contextmanager
def output(target: Path) -> Iterator[Path]:
    """`atomic_output` for a file the officer chose: never a folder, a file of a database this process
    works on, nor one any database keeps (as `check_folder`; the temporary file tries the folder)."""
    _check_name(target)
    with _noted(Path(target).parent), atomic_output(target) as temp:
        yield temp
        crashpoints.reached("output-written")


def note_outputs_in(notes: Path) -> None:
    """From now on, each file `output` writes is noted in the folder `notes` while it is written."""
    _notes[:] = [Path(notes)]


@contextlib.contextmanager
def _noted(folder: Path) -> Iterator[None]:
    """A note naming `folder` — never the file, whose name may be a person's — under this process's id,
    for the block; an export goes on without it when it cannot be written."""
    note = None
    if _notes:
        with contextlib.suppress(OSError):
            _notes[0].mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix=f"p{os.getpid()}-", suffix=".txt", dir=_notes[0])
            note = Path(name)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(str(Path(folder).resolve()))
    try:
        yield
    finally:
        if note is not None:
            note.unlink(missing_ok=True)


def os_error(error: OSError, target: Path) -> BvctError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError(f"{DISK_FULL}: không ghi được «{target}»; không có tệp nào bị ghi dở. {FREE_SPACE}")
    if _write_protected(error):
        return InputError(f"Không ghi được «{target}»: ổ đĩa chỉ cho đọc (ổ USB hoặc thẻ nhớ có thể đang gạt khóa "
                          "chống ghi). Hãy gạt mở khóa chống ghi rồi làm lại, hoặc chọn ổ khác.")
    if isinstance(error, PermissionError) or error.errno == errno.EACCES:
        if Path(target).is_file():
            return InputError(f"«{target}» đang mở trong chương trình khác hoặc không ghi được (chỉ đọc, không có "
                              "quyền): hãy đóng tệp rồi làm lại, hoặc chọn tên tệp khác.")
        return InputError(f"Không có quyền ghi «{target}».")
    return BvctError(f"Không ghi được «{target}» ({os_reason(error)}).")


ERROR_WRITE_PROTECT = 19  # Windows' own code for a write-protected disk, which Python maps to EACCES


def _write_protected(error: OSError) -> bool:
    return error.errno == errno.EROFS or getattr(error, "winerror", None) == ERROR_WRITE_PROTECT


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


def process_alive(pid: int) -> bool:
    """True while a process with this id runs (an id reused by another process counts as alive)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5  # ERROR_ACCESS_DENIED: it runs, as someone else
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep(folder: Path, pattern: str, now: dt.datetime | None = None) -> list[Path]:
    """Removes the temporary files (or folders) matching `pattern` in `folder` that a killed
    process left behind; returns what was removed. Nothing another running process writes."""
    now = now or dt.datetime.now()
    removed = []
    try:
        candidates = list(Path(folder).glob(pattern))
    except OSError:
        return removed
    for path in candidates:
        tagged = _TAGGED.search(path.name) or re.search(r"-p(\d+)-", path.name)
        try:
            if tagged:
                if process_alive(int(tagged[1])):
                    continue
            elif now - dt.datetime.fromtimestamp(path.stat().st_mtime) < UNTAGGED_AGE:
                continue
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


def nearly_full(path: Path, room: int = 1 << 20) -> bool:
    """True when the disk holding `path` has less than `room` bytes free (1 MiB)."""
    folder = Path(path)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free < room
    except OSError:
        return False
