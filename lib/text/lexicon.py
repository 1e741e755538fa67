"""The lexicon: domain terms, stopwords, enterprise names and keyword settings, and the user's additions.

The shipped files under `data/lexicon/` are the read-only base (see each file's header comment):
domain_terms.txt (words the segmenter keeps whole), stopwords.txt (words that never count as keywords),
keywords.json (keyword settings) and enterprises.txt (known enterprise names, parsed by
lib.core.rulefiles for lib.extract.entities too). The user's additions live beside their articles
(`config.user_lexicon_dir()`): user_terms.txt and user_stopwords.txt, written atomically by the app, so an
upgrade of the shipped files never collides with them. Everything is read by content
(lib.core.rulefiles), so an edit takes effect with the next call.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lib import config
from lib.core import rulefiles
from lib.core.storage import write_atomic

DOMAIN_TERMS = "domain_terms.txt"
STOPWORDS = "stopwords.txt"
ENTERPRISES = "enterprises.txt"
KEYWORDS = "keywords.json"
USER_TERMS = "user_terms.txt"
USER_STOPWORDS = "user_stopwords.txt"

#: Longest entry accepted from a user (an enterprise's full name fits).
MAX_ENTRY_CHARS = 40
#: Header of a user file the app creates.
USER_FILE_HEADERS = {
    USER_TERMS: "# 你的领域词：分词时保持完整的词，每行一个；# 开头的行是注释。在“关键词云”页添加或直接编辑。\n",
    USER_STOPWORDS: "# 你的停用词：不作为关键词的词，每行一个；# 开头的行是注释。在“关键词云”页添加或直接编辑。\n",
}

_WRITE_LOCK = threading.Lock()


@dataclass(frozen=True)
class Lexicon:
    terms: tuple[str, ...]  # words the segmenter keeps whole, in file order
    stopwords: frozenset[str]
    settings: dict[str, Any]  # keywords.json without its _about/_help keys


def lexicon_files() -> tuple[Path, ...]:
    """Every file the lexicon is made of, shipped base first, then the user's additions."""
    return (
        config.lexicon_file(DOMAIN_TERMS),
        config.user_lexicon_file(USER_TERMS),
        config.lexicon_file(ENTERPRISES),
        config.lexicon_file(STOPWORDS),
        config.user_lexicon_file(USER_STOPWORDS),
        config.lexicon_file(KEYWORDS),
    )


def load_lexicon() -> Lexicon:
    """The lexicon of the current files, compiled once per content."""
    return rulefiles.compiled(compile_lexicon, *lexicon_files())


def compile_lexicon(
    domain: bytes | None,
    user_terms: bytes | None,
    enterprises: bytes | None,
    stopwords: bytes | None,
    user_stopwords: bytes | None,
    keywords: bytes | None,
) -> Lexicon:
    names = [n for aliases, full in rulefiles.enterprise_lines(enterprises) for n in (*aliases, full) if n]
    terms = valid_entries(
        [
            *rulefiles.entries(domain),
            *rulefiles.entries(user_terms),
            *(n for n in valid_entries(names) if len(n) >= 2),
        ]
    )
    settings = rulefiles.json_rules(keywords, name=KEYWORDS)
    return Lexicon(
        terms=tuple(terms),
        stopwords=frozenset(rulefiles.entries(stopwords) + rulefiles.entries(user_stopwords)),
        settings={k: v for k, v in settings.items() if not k.startswith("_")},
    )


def load_terms() -> list[str]:
    """Every word the segmenter must keep whole: domain terms, the user's terms, enterprise names."""
    return list(load_lexicon().terms)


def load_stopwords() -> frozenset[str]:
    return load_lexicon().stopwords


def load_keywords_config() -> dict[str, Any]:
    """keywords.json without its _about/_help keys."""
    return dict(load_lexicon().settings)


def user_terms() -> list[str]:
    return rulefiles.entries(rulefiles.read_bytes(config.user_lexicon_file(USER_TERMS)))


def user_stopwords() -> list[str]:
    return rulefiles.entries(rulefiles.read_bytes(config.user_lexicon_file(USER_STOPWORDS)))


def validate_entry(text: str) -> str:
    """The entry as it will be stored (stripped), or ValueError saying what is wrong with it."""
    if not isinstance(text, str):
        raise ValueError("词条必须是文字")
    entry = text.strip()
    if not entry:
        raise ValueError("词条为空")
    if any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F or ch in "\u2028\u2029" for ch in entry):
        raise ValueError("词条只能是一行，不能含制表符或控制字符")
    if len(entry) > MAX_ENTRY_CHARS:
        raise ValueError(f"词条最多 {MAX_ENTRY_CHARS} 个字符")
    if entry.startswith("#"):
        raise ValueError("词条不能以 # 开头（# 表示注释）")
    if not any(ch.isalnum() for ch in entry):
        raise ValueError("词条必须含有汉字、字母或数字")
    return entry


def valid_entries(entries: Iterable[str]) -> list[str]:
    """The entries that pass `validate_entry`, stripped, without duplicates (a hand-edited file may hold
    anything)."""
    valid = []
    for entry in entries:
        try:
            valid.append(validate_entry(entry))
        except ValueError:
            continue
    return list(dict.fromkeys(valid))


def add_term(term: str) -> bool:
    """Adds a term to the user's terms; False when it was already a term (nothing changed)."""
    return _add_entry(term, USER_TERMS, config.lexicon_file(DOMAIN_TERMS))


def remove_term(term: str) -> bool:
    """Removes a term from the user's terms; False when it was not there (the shipped domain_terms.txt
    is edited by hand only)."""
    return _remove_entry(term, USER_TERMS)


def add_stopword(word: str) -> bool:
    """Adds a word to the user's stopwords; False when it was already a stopword."""
    return _add_entry(word, USER_STOPWORDS, config.lexicon_file(STOPWORDS))


def remove_stopword(word: str) -> bool:
    """Removes a word from the user's stopwords; False when it was not there."""
    return _remove_entry(word, USER_STOPWORDS)


def _add_entry(text: str, name: str, shipped: Path) -> bool:
    entry = validate_entry(text)
    with _WRITE_LOCK:
        path = config.user_lexicon_file(name)
        current = path.read_text(encoding="utf-8") if path.exists() else USER_FILE_HEADERS[name]
        known = rulefiles.entries(current.encode("utf-8")) + rulefiles.entries(rulefiles.read_bytes(shipped))
        if entry in known:
            return False
        if current and not current.endswith("\n"):
            current += "\n"
        write_atomic(path, current + entry + "\n")
        return True


def _remove_entry(text: str, name: str) -> bool:
    entry = validate_entry(text)
    with _WRITE_LOCK:
        path = config.user_lexicon_file(name)
        if not path.exists():
            return False
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [line for line in lines if line.split("\t")[0].strip() != entry]
        if len(kept) == len(lines):
            return False
        write_atomic(path, "".join(kept))
        return True
