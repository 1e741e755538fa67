"""Reading user files: decoding bytes, extracting text from .txt/.md/.html/.docx/.pdf, dropping web-page
clutter, and Traditional → Simplified conversion for analysis.

Every failure is a `ReadError(name, reason)` whose message names the file and says why in Chinese.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from lib import config
from lib.text import CJK, RE_CJK

WEB_CLUTTER_FILE = config.RULES_DIR / "web_clutter.json"

#: Extensions extract_text understands.
SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")

#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
#: Tried (strictly) when the bytes are not UTF-8; the most plausible result wins.
LEGACY_CODECS = ("gb18030", "big5", "utf-16-le", "utf-16-be")
#: Share of plausible characters a legacy decoding needs (real text ≥ 0.95, mojibake ≈ 0.5–0.6).
MIN_PLAUSIBLE = 0.8
#: Characters scored for plausibility (a prefix is enough and keeps 20 MB files fast).
PLAUSIBILITY_SAMPLE = 20_000
#: Share of control bytes above which bytes count as binary.
MAX_CONTROL_SHARE = 0.01
#: Largest total unzipped size of a .docx (guards against zip bombs).
DOCX_MAX_UNZIPPED = 256 * 1024 * 1024

#: HTML elements that start a new line; headings become Markdown `#` lines.
HTML_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
HTML_BLOCKS = (*HTML_HEADINGS, "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th",
               "blockquote", "pre", "section", "article", "main", "figure", "figcaption", "address", "hr", "center")
#: Marks a block boundary while the HTML text is collected (a private-use character).
BLOCK_MARK = "\ue000"

RE_NEWLINE = re.compile(r"\r\n?")
RE_BAD_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
RE_BAD_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: Non-ideograph characters found in ordinary Chinese text: ASCII, Latin-1, punctuation, symbols, full-width forms.
RE_PLAIN = re.compile(
    r"[\t\n\f\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u2100-\u218f\u2190-\u21ff\u2460-\u24ff"
    r"\u2500-\u27bf\u3000-\u303f\ufe30-\ufe4f\uff00-\uffef]"
)
RE_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
RE_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n){2,}")
RE_SPACES = re.compile(r"\s+")
RE_HEADING_STYLE = re.compile(r"(?:heading|标题)\s*(\d)", re.IGNORECASE)
RE_UNSAFE_NAME_CHAR = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


class ReadError(Exception):
    """A file that cannot be read as an article: `str(err)` is `文件 <name>：<reason>`."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(name, reason)
        self.name = name
        self.reason = reason

    def __str__(self) -> str:
        return f"文件 {display_name(self.name)}：{self.reason}"


def display_name(name: str, *, limit: int = 80) -> str:
    """A file name safe to show: control, bidi-override and surrogate characters escaped, length capped."""
    shown = RE_UNSAFE_NAME_CHAR.sub(lambda m: f"\\x{ord(m.group()):02x}", name)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


# --- decoding -------------------------------------------------------------------------------------


def decode_bytes(data: bytes, *, name: str) -> str:
    """Decodes a text file: UTF-8 (with or without BOM), UTF-16/32 with BOM, BOM-less UTF-16, GB18030/GBK, Big5.

    Newlines become "\\n". Raises ReadError for empty, binary or undecodable bytes."""
    if not data.strip():
        raise ReadError(name, "空文件")
    text = _decode_with_bom(data, name=name)
    if text is None:
        text = _decode_utf8(data)
    if text is None:
        text = _decode_legacy(data, name=name)
    if not text.strip():
        raise ReadError(name, "空文件")
    return RE_NEWLINE.sub("\n", text)


def _decode_with_bom(data: bytes, *, name: str) -> str | None:
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise ReadError(name, f"无法识别的文本编码（文件开头标明 {codec.upper()}，内容却不符）") from None
            if _control_share(text) > MAX_CONTROL_SHARE:
                raise ReadError(name, "二进制文件（不是文本）")
            return text.removeprefix("\ufeff")
    return None


def _decode_utf8(data: bytes) -> str | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if _control_share(text) <= MAX_CONTROL_SHARE else None


def _decode_legacy(data: bytes, *, name: str) -> str:
    scored = []
    for codec in LEGACY_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        scored.append((_plausibility(text), text))
    best = max(scored, key=lambda pair: pair[0], default=(0.0, ""))
    if best[0] >= MIN_PLAUSIBLE:
        return best[1]
    if b"\x00" in data or len(RE_BAD_CONTROL_BYTES.findall(data)) > MAX_CONTROL_SHARE * len(data):
        raise ReadError(name, "二进制文件（不是文本）")
    raise ReadError(name, "无法识别的文本编码（请另存为 UTF-8 文本）")


def _control_share(text: str) -> float:
    return len(RE_BAD_CONTROL.findall(text)) / max(1, len(text))


def _plausibility(text: str) -> float:
    """Share of characters usual in Chinese text: plain ASCII/punctuation or a common hanzi (GB2312 or Big5)."""
    sample = text[:PLAUSIBILITY_SAMPLE]
    common = _common_hanzi()
    good = sum(1 for c in sample if c in common or RE_PLAIN.match(c))
    return good / max(1, len(sample))


@cache
def _common_hanzi() -> frozenset[str]:
    """Every hanzi of GB2312 and of Big5's frequent-character block (about 12,000 characters)."""
    tables = (("gb2312", range(0xB0, 0xF8), range(0xA1, 0xFF)),
              ("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)]))
    chars = set()
    for codec, leads, trails in tables:
        for lead in leads:
            for trail in trails:
                try:
                    chars.add(bytes((lead, trail)).decode(codec))
                except UnicodeDecodeError:
                    pass
    return frozenset(chars)


# --- extraction -----------------------------------------------------------------------------------


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
        raise ReadError(name, f"不支持的文件类型“{suffix or '无扩展名'}”（支持 {' '.join(SUPPORTED_SUFFIXES)}）")
    text = strip_web_clutter(text).strip()
    if not text:
        raise ReadError(name, "没有可读取的文字")
    return text


def _html_text(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for selector in _clutter_rules()[1]:
        for tag in soup.select(selector):
            tag.decompose()
    title = soup.title.get_text() if soup.title and not soup.find("h1") else ""
    if soup.title:
        soup.title.decompose()
    for br in soup.find_all("br"):
        br.replace_with(BLOCK_MARK)
    for block in soup.find_all(HTML_BLOCKS):
        if block.name in HTML_HEADINGS:
            block.insert(0, "#" * int(block.name[1]) + " ")
        block.insert_before(BLOCK_MARK)
        block.insert_after(BLOCK_MARK)
    lines = [_squash(part) for part in soup.get_text().split(BLOCK_MARK)]
    if _squash(title):
        lines.insert(0, "# " + _squash(title))
    return "\n\n".join(line for line in lines if line.strip("# "))


def _squash(text: str) -> str:
    return RE_SPACES.sub(" ", text).strip()


def _docx_text(data: bytes, *, name: str) -> str:
    import docx
    from docx.table import Table

    _check_docx_zip(data, name=name)
    try:
        document = docx.Document(io.BytesIO(data))
        lines = []
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                lines.extend(_squash(" ".join(dict.fromkeys(c.text for c in row.cells))) for row in item.rows)
            else:
                lines.append(_heading_prefix(item.style.name if item.style else "") + _squash(item.text))
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
        raise ReadError(name, "不是 Word 文档：压缩包里没有 word/document.xml（可能是改了扩展名的其他压缩文件）")
    if sum(m.file_size for m in members) > DOCX_MAX_UNZIPPED:
        raise ReadError(name, "Word 文档解压后过大")


def _heading_prefix(style: str) -> str:
    if style.lower() in ("title", "标题"):
        return "# "
    match = RE_HEADING_STYLE.fullmatch(style.strip())
    return "#" * int(match.group(1)) + " " if match and match.group(1) != "0" else ""


def _pdf_text(data: bytes, *, name: str) -> str:
    from pypdf import PdfReader

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
    """Drops whole lines that are web-page chrome (menus, breadcrumbs, dates, counters, share and print
    buttons, prev/next links, editor credits, WeChat chrome); patterns in data/rules/web_clutter.json."""
    patterns = _clutter_rules()[0]
    kept = [line for line in text.split("\n") if not any(p.fullmatch(line.strip()) for p in patterns)]
    return RE_BLANK_RUN.sub("\n\n", "\n".join(kept))


@cache
def _clutter_rules() -> tuple[tuple[re.Pattern[str], ...], tuple[str, ...]]:
    rules = json.loads(WEB_CLUTTER_FILE.read_text(encoding="utf-8"))
    patterns = []
    for rule in rules["line_patterns"]:
        try:
            patterns.append(re.compile(rule["re"].replace("{CJK}", CJK)))
        except re.error as err:
            raise ValueError(f"{WEB_CLUTTER_FILE}: bad pattern {rule['re']!r}: {err}") from None
    return tuple(patterns), tuple(rules["html_drop_selectors"])


# --- Traditional Chinese --------------------------------------------------------------------------


def is_traditional(text: str) -> bool:
    """True when more of the text's hanzi are Traditional-only forms than Simplified-only forms."""
    counts = Counter(text or "")
    traditional_only, simplified_only = _script_forms(counts.keys())
    traditional = sum(counts[c] for c in counts.keys() & traditional_only)
    simplified = sum(counts[c] for c in counts.keys() & simplified_only)
    return traditional > simplified


#: Characters `_script_forms` has looked at, and the hanzi among them that OpenCC changes going to
#: Simplified (Traditional-only forms) and going to Traditional (Simplified-only forms).
_CLASSIFIED: set[str] = set()
_TRADITIONAL_ONLY: set[str] = set()
_SIMPLIFIED_ONLY: set[str] = set()


def _script_forms(chars: Iterable[str]) -> tuple[set[str], set[str]]:
    """The Traditional-only and the Simplified-only hanzi among the characters seen so far, `chars`
    included (each character is converted once per process)."""
    new = set(chars) - _CLASSIFIED
    if new:
        to_simp, to_trad = _converter("t2s"), _converter("s2t")
        for c in new:
            if RE_CJK.match(c):
                if to_simp.convert(c) != c:
                    _TRADITIONAL_ONLY.add(c)
                if to_trad.convert(c) != c:
                    _SIMPLIFIED_ONLY.add(c)
        _CLASSIFIED.update(new)
    return _TRADITIONAL_ONLY, _SIMPLIFIED_ONLY


def to_simplified(text: str) -> str:
    """Traditional → Simplified Chinese (OpenCC t2s); Simplified text comes back unchanged."""
    return _converter("t2s").convert(text or "")


@cache
def _converter(config_name: str):
    import opencc

    return opencc.OpenCC(config_name)

