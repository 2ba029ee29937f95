"""Workbooks built byte by byte, as an attacker would: a cell at XFD1048576, a shared-string
table that lies about its size, a million rows, a hidden first sheet."""

import zipfile
from collections.abc import Iterable
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TYPES = '''<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
{sheets}{shared}</Types>'''
SHEET_TYPE = ('<Override PartName="/xl/worksheets/sheet{n}.xml" '
              'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
SHARED_TYPE = ('<Override PartName="/xl/sharedStrings.xml" '
               'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
ROOT_RELS = '''<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="xl/workbook.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
</Relationships>'''


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def sheet_xml(rows: Iterable[str], dimension: str | None = None, merged: Iterable[str] = ()) -> Iterable[bytes]:
    """A worksheet part from row elements given as XML text, and its merged areas ("A2:A4"), streamed."""
    yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'.encode()
    if dimension:
        yield f'<dimension ref="{dimension}"/>'.encode()
    yield b"<sheetData>"
    for row in rows:
        yield row.encode("utf-8")
    yield b"</sheetData>"
    for area in merged:
        yield f'<mergeCell ref="{area}"/>'.encode()
    yield b"</worksheet>"


def write(path: Path, sheets: list[tuple[str, str, Iterable[bytes]]], shared: bytes | None = None) -> Path:
    """`sheets`: (name, state, XML pieces) in workbook order."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", TYPES.format(
            sheets="".join(SHEET_TYPE.format(n=n) for n in range(1, len(sheets) + 1)),
            shared=SHARED_TYPE if shared else ""))
        archive.writestr("_rels/.rels", ROOT_RELS)
        entries = "".join(f'<sheet name="{name}" sheetId="{n}" state="{state}" r:id="rId{n}"/>'
                          for n, (name, state, _) in enumerate(sheets, start=1))
        archive.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" '
                                            f'xmlns:r="{RELS}"><sheets>{entries}</sheets></workbook>')
        rels = "".join(f'<Relationship Id="rId{n}" Type="{RELS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                       for n in range(1, len(sheets) + 1))
        if shared:
            rels += f'<Relationship Id="rIdS" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>'
            archive.writestr("xl/sharedStrings.xml", shared)
        archive.writestr("xl/_rels/workbook.xml.rels",
                         '<?xml version="1.0" encoding="UTF-8"?><Relationships '
                         f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        for n, (_, _, pieces) in enumerate(sheets, start=1):
            with archive.open(f"xl/worksheets/sheet{n}.xml", "w", force_zip64=True) as member:
                for piece in pieces:
                    member.write(piece)
    return path


def header_row(headers: list[str]) -> str:
    return '<row r="1">' + "".join(inline(f"{chr(65 + i)}1", text) for i, text in enumerate(headers)) + "</row>"


def far_cell(path: Path, dimension: str | None = "A1:XFD1048576") -> Path:
    """The attack's 2 KB workbook: a header, and one cell at XFD1048576."""
    rows = [header_row(["Họ và tên", "Ngày sinh"]), '<row r="1048576">' + inline("XFD1048576", "x") + "</row>"]
    return write(path, [("Cán bộ", "visible", sheet_xml(rows, dimension))])


def lying_shared_strings(path: Path) -> Path:
    """A shared-string table that claims four billion entries (the reader reserves room for them)."""
    shared = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="4000000000" '
              'uniqueCount="4000000000"><si><t>Họ và tên</t></si></sst>').encode()
    rows = ['<row r="1"><c r="A1" t="s"><v>0</v></c></row>']
    return write(path, [("Cán bộ", "visible", sheet_xml(rows))], shared)


def million_rows(path: Path, rows: int = 1_048_576) -> Path:
    """A header and a junk cell on every row down to Excel's last."""
    body = (f'<row r="{n}">' + inline(f"A{n}", "x") + "</row>" for n in range(2, rows + 1))
    return write(path, [("Cán bộ", "visible", sheet_xml([header_row(["Họ và tên", "Ngày sinh"]), *body]))])


def merged_far_down(path: Path, areas: int = 1) -> Path:
    """Two rows of a register, one cell merged down to Excel's last row, and `areas` - 1 more areas."""
    rows = [header_row(["Họ và tên", "Đơn vị"]),
            '<row r="2">' + inline("A2", "Trần Thị Ánh") + inline("B2", "Sở Tư pháp") + "</row>",
            '<row r="3">' + inline("A3", "Võ Minh Hòa") + "</row>"]
    merged = ["B2:B1048576", *(f"A{row}:A{row + 1}" for row in range(4, 2 * areas + 2, 2))]
    return write(path, [("Cán bộ", "visible", sheet_xml(rows, merged=merged))])
