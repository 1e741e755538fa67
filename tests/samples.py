"""Sample files shared by the tests: a real article's text, and .docx/.pdf/.zip files built in memory."""

from __future__ import annotations

import io
import zipfile
from functools import cache

import docx
from pypdf import PdfWriter

from lib import config


@cache
def real_texts() -> tuple[str, ...]:
    """The text of every shipped article and every evaluation report (real reports, for checks that a
    speed-up drops nothing a rule would find in them)."""
    folders = (config.DATA_DIR / "articles", config.DATA_DIR / "eval" / "reports")
    paths = sorted(p for folder in folders for p in folder.iterdir() if p.suffix in (".txt", ".md"))
    return tuple(p.read_text(encoding="utf-8") for p in paths)


# Repaired text of corpus article 001 (column-join spaces removed, curly quotes).
TITLE = "昆山高新区“链”出科创发展红色动能"
PARA_1 = (
    "昆山高新区在工业和信息化部近日公布的2024年国家高新区综合评价结果中位列第31名，实现“八连升”；"
    "在2024中小城市高质量发展交流会发布的《2024年度全国综合实力千强镇》榜单中，昆山高新区（玉山镇）蝉联第一。"
)
HEADING = "党组织建到“链”上"
PARA_2 = (
    "电子信息产业是昆山高新区重点培育的产业方向。目前该高新区聚集苏州清越光电科技股份有限公司等数千家企业。"
)
ARTICLE = f"# {TITLE}\n\n{PARA_1}\n\n#### {HEADING}\n\n{PARA_2}\n"
#: Only ideographs: BOM-less UTF-16 of this has no NUL byte to give the byte order away.
PURE_HANZI = "党建引领发展昆山高新区聚焦产业链建强组织链"


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds `lines` (Identity-H font with a ToUnicode map, no embedded font)."""
    chars = sorted({c for line in lines for c in line})
    pairs = "\n".join(f"<{ord(c):04X}> <{ord(c):04X}>" for c in chars)
    to_unicode = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
        "1 begincodespacerange <0000> <FFFF> endcodespacerange "
        f"{len(chars)} beginbfchar\n{pairs}\nendbfchar endcmap end end"
    ).encode()
    shows = " ".join(f"0 -20 Td <{''.join(f'{ord(c):04X}' for c in line)}> Tj" for line in lines)
    content = f"BT /F1 12 Tf 72 760 Td {shows} ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Song /Encoding /Identity-H /DescendantFonts [6 0 R] "
        b"/ToUnicode 7 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Song "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(to_unicode), to_unicode),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def make_docx(blocks: list[str], *, table: list[list[str]] = ()) -> bytes:
    """A Word document: "# x" is a Title paragraph, "#### x" a Heading 4, anything else a body paragraph."""
    document = docx.Document()
    for block in blocks:
        marks, _, heading = block.partition(" ")
        if set(marks) == {"#"}:
            document.add_heading(heading, 0 if marks == "#" else len(marks))
        else:
            document.add_paragraph(block)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
