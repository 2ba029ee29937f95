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


def save(target: Path, write: Write, password: str | None = None) -> None:
    """`write` puts the package into the path or stream it is given."""
    with atomic_output(Path(target)) as temp:
        if password is None:
            write(temp)
            return
        from msoffcrypto.format.ooxml import OOXMLFile

        plain = io.BytesIO()
        write(plain)
        plain.seek(0)
        with open(temp, "wb") as sink:
            OOXMLFile(plain).encrypt(password, sink)
