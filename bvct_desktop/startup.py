"""What every start of the program does first, the command line's and the desktop's alike."""

from . import errorlog, paths


def prepare(db_option: str | None) -> None:
    """Removes what killed backups and restores left around the database (never fatal)."""
    from .core import leftovers

    try:
        leftovers.sweep(paths.database_from(db_option))
    except Exception as error:  # noqa: BLE001 - a cleanup must never stop the program starting
        errorlog.log_unexpected(error)
