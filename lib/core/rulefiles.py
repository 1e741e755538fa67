"""Reading rule and lexicon files, by their content.

Every rule, gazetteer and word list is a data file under `data/` (or the user's lexicon under the
library). A module compiles its files once into a frozen value with `compiled(build, *paths)`: the value
is keyed by the files' *content*, so an edit made while the app runs is used by the very next call (and
by the build that the edit's new cache key triggers), and an unchanged file is never compiled twice.
There is one parser per file format: `json_rules` for JSON rule files, `entries` for one-entry-per-line
word lists, `enterprise_lines` for enterprises.txt.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import re._constants as sre
import re._parser as sre_parse
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from lib.core.errors import RuleFileError

T = TypeVar("T")

#: Compiled values kept (a few per rule module; old versions fall out).
MAX_COMPILED = 64
_compiled: OrderedDict[tuple, Any] = OrderedDict()
_lock = threading.Lock()

#: Separators between the names on one line of enterprises.txt: `短名, 短名 = 全称`.
RE_NAME_SEPARATORS = re.compile(r"[,，、;；|\t]")


_local = threading.local()
#: The last version read of each file, by path: (stat signature, (bytes, digest)).
_seen: dict[str, tuple[tuple, tuple[bytes, bytes]]] = {}


def read_bytes(path: Path) -> bytes | None:
    """A file's bytes; None when it does not exist."""
    return _content(path)[0]


def _content(path: Path) -> tuple[bytes | None, bytes | None]:
    """(bytes or None, digest or None) of a file: as read when the current `pinned()` began, else as on
    disk now (read again whenever its inode, size or times change; a file rewritten atomically always
    changes inode)."""
    pin = getattr(_local, "pin", None)
    key = str(path)
    if pin is not None and key in pin:
        return pin[key]
    try:
        st = os.stat(key)
    except FileNotFoundError:
        found = (None, None)
    else:
        signature = (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        known = _seen.get(key)
        if known is not None and known[0] == signature:
            found = known[1]
        else:
            data = Path(path).read_bytes()
            found = (data, hashlib.blake2b(data, digest_size=16).digest())
            _seen[key] = (signature, found)
    if pin is not None:
        pin[key] = found
    return found


@contextmanager
def pinned() -> Iterator[None]:
    """Within the block (in this thread, and in processes forked from it), each rule file is read once:
    every extractor of a build sees the same version of every file, and a file edited mid-build takes
    effect with the next build (whose cache key the edit changed)."""
    outer = getattr(_local, "pin", None)
    if outer is None:
        _local.pin = {}
    try:
        yield
    finally:
        if outer is None:
            _local.pin = None


def listed(folder: Path, pattern: str) -> list[Path]:
    """The files of a folder that match a glob pattern, sorted: within a pin (a build) the folder is
    listed once, so a rule module may ask for its optional files with every report."""
    pin = getattr(_local, "pin", None)
    key = ("listed", str(folder), pattern)
    if pin is not None and key in pin:
        return pin[key]
    found = sorted(folder.glob(pattern))
    if pin is not None:
        pin[key] = found
    return found


def compiled(build: Callable[..., T], *paths: Path) -> T:
    """`build(*contents)` for the files' current contents (bytes, or None for a missing file), computed
    once per distinct content and reused until a file changes."""
    pin = getattr(_local, "pin", None)
    if pin is not None:  # within a pin the files do not change: the value found first is the value
        value = pin.get((build, paths))
        if value is None:
            value = pin[(build, paths)] = _compiled_now(build, paths)
        return value
    return _compiled_now(build, paths)


def _compiled_now(build: Callable[..., T], paths: tuple[Path, ...]) -> T:
    found = [_content(p) for p in paths]
    key = (build.__module__, build.__qualname__, *(digest for _, digest in found))
    with _lock:
        if key in _compiled:
            _compiled.move_to_end(key)
            return _compiled[key]
    value = build(*(data for data, _ in found))
    with _lock:
        _compiled[key] = value
        while len(_compiled) > MAX_COMPILED:
            _compiled.popitem(last=False)
    return value


class _RepeatedKey(ValueError):
    pass


def _once_each(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object's pairs as a dict; _RepeatedKey when a key is written twice (JSON would keep the
    second value silently, so an edit to the first would do nothing)."""
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _RepeatedKey(key)
        seen[key] = value
    return seen


def json_rules(content: bytes | None, *, name: str) -> dict[str, Any]:
    """A JSON rule file as a dict (RuleFileError naming the file when it is missing or invalid, or names
    a key twice in one object)."""
    if content is None:
        raise RuleFileError(f"找不到规则文件 {name}")
    try:
        data = json.loads(content.decode("utf-8-sig"), object_pairs_hook=_once_each)
    except _RepeatedKey as err:
        raise RuleFileError(f"规则文件 {name} 中的键 “{err}” 写了两次：请删去其中一处") from None
    except (UnicodeDecodeError, ValueError) as err:
        raise RuleFileError(f"规则文件 {name} 不是有效的 JSON：{err}") from None
    if not isinstance(data, dict):
        raise RuleFileError(f"规则文件 {name} 应是一个 JSON 对象")
    return data


def content_lines(content: bytes | None) -> list[str]:
    """The non-comment (#), non-blank lines of a text file, stripped; none for a missing file."""
    if content is None:
        return []
    lines = (line.strip() for line in content.decode("utf-8-sig", errors="replace").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def entries(content: bytes | None) -> list[str]:
    """The entries of a one-entry-per-line file, in order, without duplicates: comments and blank lines
    skipped, only the first tab-separated field counts, a trailing `# comment` is dropped."""
    out = (line.split("\t")[0].split(" #", 1)[0].strip() for line in content_lines(content))
    return list(dict.fromkeys(e for e in out if e))


def enterprise_lines(content: bytes | None) -> list[tuple[tuple[str, ...], str | None]]:
    """enterprises.txt: one enterprise per line, `短名[, 短名…] [= 全称]` → (short names, full name or None)."""
    out = []
    for line in content_lines(content):
        line = line.split("#", 1)[0].strip()
        left, _, full = line.partition("=")
        aliases = tuple(a.strip() for a in RE_NAME_SEPARATORS.split(left) if a.strip())
        if aliases:
            out.append((aliases, full.strip() or None))
    return out


def longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """The words without duplicates, longest first (so an alternation tries 高新技术产业开发区 before 开发区)."""
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, literal, longest first; one that never matches when empty."""
    words = longest_first(words)
    return "|".join(map(re.escape, words)) if words else "(?!)"


#: What an alternation of whole patterns would change: a group referred to by number or name, a flag.
RE_NOT_JOINABLE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(|\(\?[aiLmsux]+\)")


def any_of(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One pattern that matches (fullmatch, match or search) where any of `patterns` does: their
    alternation, each in a group of its own; None when one of them cannot be joined so (a back-reference,
    a global flag) or when there are none. A gate: one attempt where each pattern would be tried."""
    patterns = list(patterns)
    sources = [p.pattern for p in patterns]
    flagged = any(p.flags & ~re.UNICODE for p in patterns)
    if not sources or flagged or any(RE_NOT_JOINABLE.search(s) for s in sources):
        return None
    try:
        return re.compile("|".join(f"(?:{s})" for s in sources))
    except re.error:  # a group name used twice
        return None


@cache
def required_literal(pattern: re.Pattern[str]) -> str:
    """The longest run of literal characters that every match of the pattern contains ("" when none is
    known): a gate, `required_literal(p) in text` before a scan of the text with `p`. Read from the parsed
    pattern: consecutive literals of its mandatory parts (not inside an optional part, an alternation of
    several branches or a lookaround)."""
    if pattern.flags & re.IGNORECASE:
        return ""
    runs = list(_literal_runs(sre_parse.parse(pattern.pattern, pattern.flags)))
    return max(runs, key=len, default="")


def _literal_runs(items) -> Iterator[str]:
    """The runs of consecutive literals of a parsed sequence that every match of it contains."""
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        yield "".join(run)
        run = []
        if op is sre.SUBPATTERN and not av[1] & sre.SRE_FLAG_IGNORECASE:
            yield from _literal_runs(av[3])
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            yield from _literal_runs(av[2])
        elif op is sre.BRANCH and len(av[1]) == 1:
            yield from _literal_runs(av[1][0])
    yield "".join(run)


def gated(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern behind a lookahead for the characters its matches can start with, when they are known
    (`first_chars`): the same matches and groups, but at a position where none of them stands a scan fails
    at once instead of trying every alternative. The pattern itself when they are not known."""
    first = first_chars(pattern)
    if first is None:
        return pattern
    try:
        return re.compile(f"(?=[{first}])(?:{pattern.pattern})", pattern.flags)
    except re.error:  # a global flag written inside the pattern
        return pattern


def first_chars(pattern: re.Pattern[str]) -> str | None:
    """The characters a match of the pattern can start with, as the inside of a character class; None when
    any character may (an empty match, `.`, a negated class, a back-reference …) or case is ignored."""
    if pattern.flags & re.IGNORECASE:
        return None
    found = _first_chars(sre_parse.parse(pattern.pattern, pattern.flags))
    return "".join(dict.fromkeys(found[0])) if found and found[0] and not found[1] else None


def _first_chars(items) -> tuple[list[str], bool] | None:
    """(class items a match of the parsed sequence may start with, whether it may be empty); None: any."""
    out: list[str] = []
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # zero width: the next item starts the match
            continue
        if op is sre.LITERAL:
            return [*out, re.escape(chr(av))], False
        if op is sre.IN:
            members = _class_members(av)
            return None if members is None else ([*out, *members], False)
        if op is sre.SUBPATTERN and not av[1] & sre.SRE_FLAG_IGNORECASE:
            sub = _first_chars(av[3])
        elif op is sre.BRANCH:
            subs = [_first_chars(branch) for branch in av[1]]
            sub = None if None in subs else ([c for s in subs for c in s[0]], any(s[1] for s in subs))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            sub = _first_chars(av[2])
            sub = sub and (sub[0], sub[1] or av[0] == 0)
        else:
            return None
        if sub is None:
            return None
        out += sub[0]
        if not sub[1]:
            return out, False
    return out, True


#: The class escapes a first character may be given by.
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}


def _class_members(av) -> list[str] | None:
    members = []
    for op, value in av:
        if op is sre.LITERAL:
            members.append(re.escape(chr(value)))
        elif op is sre.RANGE:
            members.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif op is sre.CATEGORY and value in _CATEGORIES:
            members.append(_CATEGORIES[value])
        else:  # a negated class
            return None
    return members


def compile_pattern(pattern: str, *, name: str) -> re.Pattern[str]:
    """A pattern from a rule file, or RuleFileError naming the file and the pattern."""
    try:
        return re.compile(pattern)
    except re.error as err:
        raise RuleFileError(f"规则文件 {name} 中的模式 {pattern!r} 无效：{err}") from None
