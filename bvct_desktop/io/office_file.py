"""Writing an Office Open XML package (xlsx, docx) to its target atomically.

With a password the package is built in memory and encrypted there (ECMA-376 agile
encryption, msoffcrypto-tool) before anything is written: the plaintext never touches a disk.
"""

import io
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ..core.files import atomic_output

Write = Callable[[BinaryIO | Path], None]


def save(target: Path, write: Write, password: str | None = None, in_memory: bool = False) -> None:
    """`write` puts the package into the path or stream it is given. `in_memory` builds a small
    package in memory first, for a writer that leaves its zip file open when the disk fills
    (python-docx's does: its clean-up at exit would then print a traceback)."""
    with atomic_output(Path(target)) as temp:
        if password is None and not in_memory:
            write(temp)
            return
        package = io.BytesIO()
        write(package)
        if password is not None:
            from msoffcrypto.format.ooxml import OOXMLFile

            package.seek(0)
            encrypted = io.BytesIO()
            OOXMLFile(package).encrypt(password, encrypted)
            package = encrypted
        temp.write_bytes(package.getvalue())
