"""Writing an Office Open XML package (xlsx, docx) to its target atomically.

With a password the package is built in memory and encrypted there (ECMA-376 agile
encryption, msoffcrypto-tool) before anything is written: the plaintext never touches a disk.
A package stamped with its document's date is the same bytes each time it is written (an issued
document printed again is identical, not only alike).
"""

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ..core.files import output

Write = Callable[[BinaryIO | Path], None]


def dated(on: dt.date) -> dt.datetime:
    """The time a document of day `on` carries in its properties and parts: 08:00 that day."""
    return dt.datetime.combine(on, dt.time(8, 0))


def save(target: Path, write: Write, password: str | None = None, in_memory: bool = False,
         stamp: dt.datetime | None = None) -> None:
    """`write` puts the package into the path or stream it is given. `in_memory` builds a small
    package in memory first, for a writer that leaves its zip file open when the disk fills
    (python-docx's does: its clean-up at exit would then print a traceback). `stamp`: the time
    every part of the package carries, instead of the moment it was written."""
    with output(Path(target)) as temp:
        if password is None and not in_memory and stamp is None:
            write(temp)
            return
        package = io.BytesIO()
        write(package)
        if stamp is not None:
            package = _stamped(package, stamp)
        if password is not None:
            from msoffcrypto.format.ooxml import OOXMLFile

            package.seek(0)
            encrypted = io.BytesIO()
            OOXMLFile(package).encrypt(password, encrypted)
            package = encrypted
        temp.write_bytes(package.getvalue())


def _stamped(package: io.BytesIO, stamp: dt.datetime) -> io.BytesIO:
    """The package with every part dated `stamp`, in the same order and compression."""
    stamped = io.BytesIO()
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(stamped, "w") as target:
        for part in source.infolist():
            info = zipfile.ZipInfo(part.filename, date_time=stamp.timetuple()[:6])
            info.compress_type, info.external_attr = part.compress_type, part.external_attr
            target.writestr(info, source.read(part))
    return stamped
