"""Numbers as Vietnamese writes them: a dot groups thousands ("1.921"), a comma marks the decimals
("12,5"). Format the number, never the sentence around it: a file name or a version in the
sentence would change too ("sao-luu-thu.bvctbak" → "sao-luu-thu,bvctbak")."""


def grouped(value: int) -> str:
    """1921 → "1.921"."""
    return f"{value:,}".replace(",", ".")


def decimal(value: float, places: int = 1) -> str:
    """12.5 → "12,5"; 1234.5 → "1.234,5"."""
    return f"{value:,.{places}f}".translate(str.maketrans(",.", ".,"))


def megabytes(size: int) -> str:
    """A file's size in bytes, as the officer reads it: 300000 → "0,3 MB"."""
    return f"{decimal(size / 1_048_576)} MB"
