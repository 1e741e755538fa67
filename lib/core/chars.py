"""Character classes and sentence splitting, compiled once and shared by every stage."""

from __future__ import annotations

import re

#: One CJK ideograph (basic block plus extension A and compatibility ideographs).
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
RE_CJK = re.compile(f"[{CJK}]")
#: Sentence-final punctuation; a closing quote or bracket right after it stays with the sentence.
RE_SENTENCE = re.compile(r"[^。！？!?；;…]*(?:[。！？!?；;]+|…+|$)[”’」』）)]*")
#: Runs of whitespace.
RE_SPACES = re.compile(r"\s+")


def has_cjk(text: str) -> bool:
    return bool(RE_CJK.search(text or ""))


def split_sentences(text: str) -> list[str]:
    """Splits a paragraph into sentences at 。！？； (keeping closing quotes with their sentence).

    >>> split_sentences("他说：“好。”然后走了。")
    ['他说：“好。”', '然后走了。']
    """
    out = [m.group(0).strip() for m in RE_SENTENCE.finditer(text or "")]
    return [s for s in out if s]


def squash_spaces(text: str) -> str:
    """Whitespace runs as one space, ends stripped."""
    return RE_SPACES.sub(" ", text or "").strip()
