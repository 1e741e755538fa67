"""The lexicon data files: domain terms, stopwords, keyword settings, and the user's additions.

Everything lives in plain files under `LEXICON_DIR` (see each file's header comment):
domain_terms.txt and user_terms.txt (words the segmenter keeps whole), stopwords.txt and
user_stopwords.txt (words that never count as keywords), keywords.json (keyword settings),
and enterprises.txt (known enterprise names, owned by lib/entities.py, read here as extra
words). The app edits only the user_* files, atomically (temporary file + os.replace).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import threading
import time
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from lib.config import LEXICON_DIR

DOMAIN_TERMS = "domain_terms.txt"
USER_TERMS = "user_terms.txt"
STOPWORDS = "stopwords.txt"
USER_STOPWORDS = "user_stopwords.txt"
ENTERPRISES = "enterprises.txt"
KEYWORDS = "keywords.json"

#: Files whose words the segmenter adds to its dictionary.
TERM_FILES = (DOMAIN_TERMS, USER_TERMS, ENTERPRISES)
#: Every file keyword extraction depends on (the segmenter's and the filters').
LEXICON_FILES = (*TERM_FILES, STOPWORDS, USER_STOPWORDS, KEYWORDS)

#: Longest entry accepted from a user (an enterprise's full name fits).
MAX_ENTRY_CHARS = 40
#: Separators between the names on one line of enterprises.txt (“短名, 短名 = 全称”).
RE_NAME_SEPARATORS = re.compile(r"[=\t|,，、;；]")
#: Characters an entry may not contain: line breaks, tabs and other control characters.
RE_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

#: How long a `lexicon_signature` is trusted without looking at the files again.
RECHECK_SECONDS = 0.5

_WRITE_LOCK = threading.Lock()
#: Bumped by every edit this process makes, so that its own edits are seen at once.
_generation = 0
_recent: dict[tuple, tuple[int, float, tuple]] = {}


def lexicon_path(name: str) -> Path:
    return LEXICON_DIR / name


def read_entries(path: Path) -> list[str]:
    """The entries of a one-entry-per-line file, in order, without duplicates; comment lines
    (starting with #) and blank lines skipped; only the first tab-separated field of a line
    counts. A missing file has no entries."""
    return list(dict.fromkeys(line.split("\t")[0].strip() for line in _content_lines(path)))


def read_enterprise_names(path: Path | None = None) -> list[str]:
    """Every short and full name in enterprises.txt, read defensively: a line may hold several
    names separated by =, commas, tabs or |; names that would not pass `validate_entry` are skipped."""
    lines = _content_lines(path or lexicon_path(ENTERPRISES))
    names = _valid_entries(name for line in lines for name in RE_NAME_SEPARATORS.split(line))
    return [n for n in names if len(n) >= 2]


def load_terms() -> list[str]:
    """Every word the segmenter must keep whole: domain terms, the user's terms, enterprise names."""
    terms = read_entries(lexicon_path(DOMAIN_TERMS)) + read_entries(lexicon_path(USER_TERMS))
    return _valid_entries(terms + read_enterprise_names())


def load_stopwords() -> frozenset[str]:
    return frozenset(read_entries(lexicon_path(STOPWORDS)) + read_entries(lexicon_path(USER_STOPWORDS)))


def load_keywords_config() -> dict[str, Any]:
    """keywords.json without its _about/_help keys."""
    config = json.loads(lexicon_path(KEYWORDS).read_text(encoding="utf-8"))
    return {k: v for k, v in config.items() if not k.startswith("_")}


def lexicon_signature(names: tuple[str, ...] = LEXICON_FILES) -> tuple:
    """A cheap stand-in for the files' content (path, inode, size, mtime), for in-process caches
    that ask on every call: the files are stat'ed again after an edit through this module at
    once, and otherwise at most every RECHECK_SECONDS (a hand edit shows within that time)."""
    key = (str(LEXICON_DIR), names)
    generation, checked, signature = _recent.get(key, (-1, 0.0, ()))
    now = time.monotonic()
    if generation != _generation or now - checked >= RECHECK_SECONDS:
        signature = tuple(_stat(path) for path in _path_strings(*key))
        _recent[key] = (_generation, now, signature)
    return signature


def _stat(path: str) -> tuple:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return (path, None)
    return (path, st.st_ino, st.st_size, st.st_mtime_ns)


@lru_cache(maxsize=8)
def _path_strings(directory: str, names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(os.path.join(directory, name) for name in names)


def lexicon_fingerprint() -> str:
    """SHA-256 of the lexicon files' names and content: a cache key that changes when any edit does."""
    digest = hashlib.sha256()
    for name in LEXICON_FILES:
        path = lexicon_path(name)
        digest.update(name.encode() + b"\0")
        digest.update(path.read_bytes() if path.exists() else b"<missing>")
        digest.update(b"\0")
    return digest.hexdigest()


def validate_entry(text: str) -> str:
    """The entry as it will be stored (stripped), or ValueError saying what is wrong with it."""
    if not isinstance(text, str):
        raise ValueError("词条必须是文字")
    entry = text.strip()
    if not entry:
        raise ValueError("词条为空")
    if RE_CONTROL.search(entry):
        raise ValueError("词条只能是一行，不能含制表符或控制字符")
    if len(entry) > MAX_ENTRY_CHARS:
        raise ValueError(f"词条最多 {MAX_ENTRY_CHARS} 个字符")
    if entry.startswith("#"):
        raise ValueError("词条不能以 # 开头（# 表示注释）")
    if not any(ch.isalnum() for ch in entry):
        raise ValueError("词条必须含有汉字、字母或数字")
    return entry


def add_term(term: str) -> bool:
    """Adds a term to user_terms.txt; False when it was already a term (nothing changed)."""
    return _add_entry(term, USER_TERMS, (DOMAIN_TERMS,))


def remove_term(term: str) -> bool:
    """Removes a term from user_terms.txt; False when it was not there (domain_terms.txt is
    edited by hand only)."""
    return _remove_entry(term, USER_TERMS)


def add_stopword(word: str) -> bool:
    """Adds a word to user_stopwords.txt; False when it was already a stopword."""
    return _add_entry(word, USER_STOPWORDS, (STOPWORDS,))


def remove_stopword(word: str) -> bool:
    """Removes a word from user_stopwords.txt; False when it was not there."""
    return _remove_entry(word, USER_STOPWORDS)


def _add_entry(text: str, name: str, also_in: tuple[str, ...]) -> bool:
    entry = validate_entry(text)
    with _WRITE_LOCK:
        path = lexicon_path(name)
        if any(entry in read_entries(lexicon_path(n)) for n in (name, *also_in)):
            return False
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current and not current.endswith("\n"):
            current += "\n"
        _write_atomic(path, current + entry + "\n")
        return True


def _remove_entry(text: str, name: str) -> bool:
    entry = validate_entry(text)
    with _WRITE_LOCK:
        path = lexicon_path(name)
        if not path.exists():
            return False
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [line for line in lines if line.split("\t")[0].strip() != entry]
        if len(kept) == len(lines):
            return False
        _write_atomic(path, "".join(kept))
        return True


def _valid_entries(entries: Iterable[str]) -> list[str]:
    """The entries that pass `validate_entry`, stripped, without duplicates (a hand-edited file
    may hold anything)."""
    valid = []
    for entry in entries:
        try:
            valid.append(validate_entry(entry))
        except ValueError:
            continue
    return list(dict.fromkeys(valid))


def _content_lines(path: Path) -> list[str]:
    """The non-comment, non-blank lines of a file, stripped; none when the file is missing."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return []
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def _write_atomic(path: Path, text: str) -> None:
    global _generation
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        _generation += 1
