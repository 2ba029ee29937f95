"""What every start of the program does first, the command line's and the desktop's alike."""

import sys

from . import errorlog, paths

PR_SET_DUMPABLE, PR_GET_DUMPABLE = 4, 3
SEM_FAILCRITICALERRORS, SEM_NOGPFAULTERRORBOX = 0x0001, 0x0002
WER_FAULT_REPORTING_FLAG_NOHEAP = 1


def harden_process() -> None:
    """No dump of this process may carry the raw database key out of it.

    Linux: no core file (RLIMIT_CORE 0) and not dumpable (PR_SET_DUMPABLE 0, which also keeps
    other processes of the same user from attaching a debugger or reading its memory).
    Windows: no crash dialog, and Windows Error Reporting leaves the heap — where the key
    lives — out of any report it makes. (An administrator who configures full local dumps for
    every program overrides this; see the README's known limits.)
    """
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        kernel32.SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)
        try:
            kernel32.WerSetFlags(WER_FAULT_REPORTING_FLAG_NOHEAP)
        except AttributeError:  # no Windows Error Reporting API (very old Windows)
            pass
        return
    import resource

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def undo_cut_restore(db_option: str | None) -> str | None:
    """Puts back the database file that a restore killed halfway had moved aside, before anything looks
    for it; returns what the officer is told then (never fatal: a failure is told, not raised)."""
    from .core import pair_swap
    from .core.address import is_server_url

    try:
        choice = paths.chosen(db_option)
        if choice and is_server_url(choice.text):
            return None
        return pair_swap.undo_cut(paths.database_from(db_option))
    except Exception as error:  # noqa: BLE001 - a check must never stop the program starting
        errorlog.log_unexpected(error)
        return None


def prepare(db_option: str | None) -> None:
    """Removes what killed backups and restores left around the database, and killed exports where
    they were going; notes from now on where each export is written (never fatal)."""
    from .core import files, leftovers
    from .core.address import is_server_url

    try:
        notes = paths.data_folder() / leftovers.OUTPUT_NOTES
        files.note_outputs_in(notes)
        leftovers.sweep_outputs(notes)
        choice = paths.chosen(db_option)
        if choice and is_server_url(choice.text):
            leftovers.sweep_temporary()  # the server keeps its own files; a backup sweeps its own folder
            return
        leftovers.sweep(paths.database_from(db_option))
    except Exception as error:  # noqa: BLE001 - a cleanup must never stop the program starting
        errorlog.log_unexpected(error)
