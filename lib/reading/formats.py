"""Extracting article text from a file by its extension (.txt/.md/.html/.docx/.pdf) and dropping the
web-page clutter (menus, breadcrumbs, share buttons) listed in data/rules/web_clutter.json."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from lib.core.chars import RE_CJK, clean_controls, squash_spaces
from lib.core.errors import ReadError
from lib.reading import pages
from lib.reading.decode import RE_NEWLINE, decode_bytes

#: Extensions extract_text understands.
SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
#: Largest total unzipped size of a .docx (guards against zip bombs).
DOCX_MAX_UNZIPPED = 256 * 1024 * 1024

#: HTML elements that start a new line; headings become Markdown `#` lines.
HTML_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
HTML_BLOCKS = (
    *HTML_HEADINGS,
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "figure",
    "figcaption",
    "address",
    "hr",
    "center",
)
#: Marks a block boundary while the HTML text is collected (a private-use character).
BLOCK_MARK = "\ue000"

RE_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
RE_HEADING_STYLE = re.compile(r"(?:heading|标题)\s*(\d)", re.IGNORECASE)


def extract_text(data: bytes, *, name: str) -> str:
    """The article text of a file, chosen by its extension; web clutter lines dropped.

    HTML and Word headings become Markdown `#` lines and paragraphs are separated by blank lines."""
    suffix = Path(name).suffix.lower()
    if suffix in (".txt", ".md"):
        text = decode_bytes(data, name=name)
    elif suffix in (".html", ".htm"):
        text = _html_text(decode_bytes(data, name=name))
    elif suffix == ".docx":
        text = _docx_text(data, name=name)
    elif suffix == ".pdf":
        text = _pdf_text(data, name=name)
    else:
        raise ReadError(
            name, f"不支持的文件类型“{suffix or '无扩展名'}”（支持 {' '.join(SUPPORTED_SUFFIXES)}）"
        )
    text = strip_web_clutter(clean_controls(text)).strip()
    if not text:
        raise ReadError(name, "没有可读取的文字")
    return text


def _html_text(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for selector in pages.load_rules().selectors:
        for tag in soup.select(selector):
            tag.decompose()
    title = soup.title.get_text() if soup.title and not soup.find("h1") else ""
    if soup.title:
        soup.title.decompose()
    lines = [squash_spaces(part) for part in _block_text(soup).split(BLOCK_MARK)]
    if squash_spaces(title):
        lines.insert(0, "# " + squash_spaces(title))
    return "\n\n".join(line for line in lines if line.strip("# "))


def _block_text(root) -> str:
    """The text of an HTML tree with BLOCK_MARK around every block and at every <br>, and a Markdown
    prefix before every heading. Walked with an explicit stack and without touching the tree, so it is
    linear in the page however flat or deep (inserting marks into the tree costs a scan of the siblings
    or of the depth per block: 20,000 paragraphs took minutes)."""
    from bs4 import NavigableString
    from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

    skipped = (Comment, Declaration, Doctype, ProcessingInstruction)
    out: list[str] = []
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            out.append(BLOCK_MARK)
        elif isinstance(node, NavigableString):
            if not isinstance(node, skipped):
                out.append(str(node))
        elif node.name == "br":
            out.append(BLOCK_MARK)
        else:
            if node.name in HTML_BLOCKS:
                out.append(BLOCK_MARK + ("#" * int(node.name[1]) + " " if node.name in HTML_HEADINGS else ""))
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
    return "".join(out)


def _docx_text(data: bytes, *, name: str) -> str:
    import docx
    from docx.table import Table

    _check_docx_zip(data, name=name)
    try:
        document = docx.Document(io.BytesIO(data))
        # a paragraph's style looked up by its id once per document (item.style searches the styles part
        # for every paragraph: milliseconds each)
        style_names = {style.style_id: style.name or "" for style in document.styles}
        lines = []
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                lines.extend(
                    squash_spaces(" ".join(dict.fromkeys(c.text for c in row.cells))) for row in item.rows
                )
            else:
                style = style_names.get(item._p.style or "", "")
                lines.append(_heading_prefix(style) + squash_spaces(item.text))
    except Exception as err:  # python-docx/lxml raise many kinds of error on a damaged document
        raise ReadError(name, f"Word 文档已损坏，无法读取（{type(err).__name__}）") from None
    return "\n\n".join(line for line in lines if line.strip("# "))


def _check_docx_zip(data: bytes, *, name: str) -> None:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadError(name, "这是旧版 Word（.doc）文件，请在 Word 中另存为 .docx 后再添加")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise ReadError(name, "不是有效的 Word 文档（.docx 应是 zip 格式）") from None
    if "word/document.xml" not in {m.filename for m in members}:
        raise ReadError(
            name, "不是 Word 文档：压缩包里没有 word/document.xml（可能是改了扩展名的其他压缩文件）"
        )
    if sum(m.file_size for m in members) > DOCX_MAX_UNZIPPED:
        raise ReadError(name, "Word 文档解压后过大")
    _check_unzipped(data, name=name)


def _check_unzipped(data: bytes, *, name: str) -> None:
    """Decompresses every member in 1 MB steps before python-docx reads any: an archive whose content is
    not what its directory says (a member declared 50 KB that holds 1 GB makes `zipfile.read` inflate it
    all at once) or that holds more than the limit is refused before it costs any memory."""
    total = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.infolist():
                with archive.open(member) as fh:
                    while chunk := fh.read(1 << 20):
                        total += len(chunk)
                        if total > DOCX_MAX_UNZIPPED:
                            raise ReadError(name, "Word 文档解压后过大")
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError, NotImplementedError):
        raise ReadError(name, "Word 文档已损坏：压缩包的内容与它的目录不符") from None


def _heading_prefix(style: str) -> str:
    if style.lower() in ("title", "标题"):
        return "# "
    match = RE_HEADING_STYLE.fullmatch(style.strip())
    return "#" * int(match.group(1)) + " " if match and match.group(1) != "0" else ""


def _pdf_text(data: bytes, *, name: str) -> str:
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings print raw bytes of a damaged file
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError(name, "PDF 已加密，无法读取")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except Exception as err:  # pypdf raises many kinds of error on a damaged file
        raise ReadError(name, f"不是有效的 PDF 文件，无法读取（{type(err).__name__}）") from None
    text = RE_NEWLINE.sub("\n", "\n\n".join(pages))
    if not RE_CJK.search(text) and not RE_LATIN_WORD.search(text):
        raise ReadError(name, "无法读取文字层（可能是扫描件）")
    return text


# --- web clutter ----------------------------------------------------------------------------------


def strip_web_clutter(text: str) -> str:
    """The text without web-page clutter lines (menus, breadcrumbs, counters, share and print buttons,
    prev/next links, editor credits, WeChat chrome); date and source lines stay for the reader, which
    takes the publication date from them (lib.reading.pages)."""
    return pages.strip_clutter(text)
