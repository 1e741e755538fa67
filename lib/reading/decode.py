"""Decoding a text file's bytes (UTF-8 with or without BOM, UTF-16/32, GB18030, Big5) and converting
Traditional Chinese to Simplified for analysis. Every failure is a `ReadError` naming the file."""

from __future__ import annotations

import re
from functools import cache

from lib.core.chars import clean_controls
from lib.core.errors import ReadError

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

RE_NEWLINE = re.compile(r"\r\n?")
RE_BAD_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
RE_BAD_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: Non-ideograph characters found in ordinary Chinese text: ASCII, Latin-1, punctuation, symbols, full-width forms.
RE_PLAIN = re.compile(
    r"[\t\n\f\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u2100-\u218f\u2190-\u21ff\u2460-\u24ff"
    r"\u2500-\u27bf\u3000-\u303f\ufe30-\ufe4f\uff00-\uffef]"
)


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
    text = clean_controls(RE_NEWLINE.sub("\n", text))
    if not text.strip():
        raise ReadError(name, "空文件")
    return text


def _decode_with_bom(data: bytes, *, name: str) -> str | None:
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise ReadError(
                    name, f"无法识别的文本编码（文件开头标明 {codec.upper()}，内容却不符）"
                ) from None
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
    tables = (
        ("gb2312", range(0xB0, 0xF8), range(0xA1, 0xFF)),
        ("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)]),
    )
    chars = set()
    for codec, leads, trails in tables:
        for lead in leads:
            for trail in trails:
                try:
                    chars.add(bytes((lead, trail)).decode(codec))
                except UnicodeDecodeError:
                    pass
    return frozenset(chars)


# --- Traditional Chinese --------------------------------------------------------------------------


def is_traditional(text: str) -> bool:
    """True when more of the text's hanzi are Traditional-only forms than Simplified-only forms."""
    traditional_only, simplified_only = _script_forms()
    if not text or not traditional_only.search(text):  # most texts: counting is needed only when both occur
        return False
    if not simplified_only.search(text):
        return True
    return len(traditional_only.findall(text)) > len(simplified_only.findall(text))


#: The hanzi `is_traditional` classifies: those of lib.core.chars' CJK blocks.
HANZI_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


@cache
def _script_forms() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One Traditional-only hanzi (one OpenCC changes going to Simplified) and one Simplified-only hanzi
    (changed going to Traditional), as patterns: every hanzi of the blocks classified once per process
    (28,000 characters, 0.05 s), so that a text is two scans in C, not a set of its characters made in
    Python (each a new string: 0.05 ms a report)."""
    to_simp, to_trad = _converter("t2s"), _converter("s2t")
    hanzi = [chr(c) for first, last in HANZI_BLOCKS for c in range(first, last + 1)]
    traditional_only = "".join(c for c in hanzi if to_simp.convert(c) != c)
    simplified_only = "".join(c for c in hanzi if to_trad.convert(c) != c)
    return re.compile(f"[{traditional_only}]"), re.compile(f"[{simplified_only}]")


def to_simplified(text: str) -> str:
    """Traditional → Simplified Chinese (OpenCC t2s); Simplified text comes back unchanged."""
    return _converter("t2s").convert(text or "")


@cache
def _converter(config_name: str):
    import opencc

    return opencc.OpenCC(config_name)
