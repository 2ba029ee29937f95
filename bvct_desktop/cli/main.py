"""`bvct`: a thin face over the core services. It parses, asks for credentials, prints."""

import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from .. import errorlog, startup
from ..core import files
from ..core.errors import BvctError, DiskFullError, InputError
from ..io import sheet_process
from . import hints
from . import parser as cli_parser

# Each adds its commands (argparse sub-parsers with a `handler`), in the order `bvct --help` lists
# them: (module, registrar, the command words it adds). A command's module — and what it needs —
# is imported only when that command runs, so `bvct --version` and `bvct template` start at once.
REGISTRARS = [
    ("administration", "register_init", ("init",)),
    ("workbooks", "register", ("template", "import", "export")),
    ("report", "register", ("report",)),
    ("administration", "register", ("settings", "users")),
    ("desktop", "register", ("gui",)),
    ("documents", "register", ("print",)),
    ("outgoing", "register", ("documents",)),
    ("safety", "register", ("backup", "verify", "restore", "audit")),
    ("places", "register", ("places",)),
    ("server", "register", ("migrate-to-server", "upgrade")),
]


def run() -> None:
    startup.harden_process()
    sheet_process.serve_if_child(sys.argv)  # the frozen program, started to read a workbook
    leave(main(sys.argv[1:]))


def leave(code: int) -> NoReturn:
    """Ends the process with `code` once its output is out, without tearing down the objects it
    holds one by one: the operating system takes the memory back at once. After an import of
    100,000 slips that teardown took 0.3–0.6 s (hundreds of thousands of objects freed, then two
    hundred memory arenas given back), for nothing: a command closes its files and its database
    itself, and nothing of ours waits for the interpreter's end (mypy ends the same way)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # a program started without a console has none
                stream.flush()
        except (OSError, ValueError):  # the reader went away (`bvct … | head`), or the stream is closed
            pass
    os._exit(code)


def main(argv: Sequence[str]) -> int:
    """Runs one command; returns the exit status of the spec."""
    user_option = None
    try:
        _utf8_streams()
        args = cli_parser.build(registrars(cli_parser.command_word(argv))).parse_args(list(argv))
        if args.version:
            print(cli_parser.version_text())
            return 0
        if not args.command:
            raise InputError("Thiếu lệnh. Xem: bvct --help")
        if hasattr(args, "begin"):  # what a command starts before anything else (import: reading its sheet)
            args.begin(args)
        user_option = args.user
        return _run(args)
    except SystemExit as done:  # --help
        return done.code if isinstance(done.code, int) else 0
    except BvctError as error:
        if isinstance(error, DiskFullError):  # a scheduled backup's officer reads it in the log
            errorlog.log_failure(cli_parser.command_word(argv), error.message)
        from . import credentials  # only for the restore command a damage message prints

        print(hints.told(error, credentials.given_user(user_option)), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("Đã hủy.", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader of our output went away (`bvct … | head`): nothing to tell
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:  # noqa: BLE001 - the last line of defence: no traceback for people
        where = errorlog.log_unexpected(error)
        print(f"Lỗi không lường trước; chi tiết (không có dữ liệu hồ sơ) đã ghi vào: {where}", file=sys.stderr)
        return 1
    finally:
        files.forget_secrets()  # its password files are this command's


def _run(args) -> int:
    """The command's handler; one that opens a database says so when a write of its waits for another's."""
    if not getattr(args, "database", True):  # `template` and `places` open none
        return args.handler(args) or 0
    from ..core.database import waits_told_to  # only here: `bvct template` starts without the database's modules

    _tell(startup.undo_cut_restore(args.db))
    startup.prepare(args.db)
    with waits_told_to(_tell):
        return args.handler(args) or 0


def _tell(message: str | None) -> None:
    if message:
        print(message, file=sys.stderr)


def registrars(command: str | None) -> list[Callable]:
    """The registrars of `command`'s module; none when no command is named; all of them for a word
    that is no command (and for `bvct --help`), so that the parser lists and checks every command."""
    if command is None:
        return []
    wanted = [(module, name) for module, name, words in REGISTRARS if command in words]
    if not wanted:
        wanted = [(module, name) for module, name, _ in REGISTRARS]
    return [getattr(importlib.import_module(f".{module}", __package__), name) for module, name in wanted]


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


if __name__ == "__main__":  # `python -m bvct_desktop.cli.main …`, as a script may start the command
    run()
