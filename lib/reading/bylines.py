"""Bylines: which lines of a report are author lines, and the authors they name.

Rules in data/rules/bylines.json: the cue words a byline starts with, the markers of a bare-name byline
(▶ 杨 婷) and the role words (本报记者, 特约通讯员 …) that introduce names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lib import config
from lib.core import rulefiles
from lib.core.chars import CJK

#: A name in a byline: two to four ideographs, or a transcribed name with a middle dot (买买提·艾力).
RE_PERSON_NAME = re.compile(f"[{CJK}]{{2,4}}|[{CJK}]{{1,6}}·[{CJK}]{{1,6}}")
RE_CLAUSE_PUNCT = re.compile(r"[，。；！？,;!?]")


@dataclass(frozen=True)
class BylineRules:
    re_line: re.Pattern  # a byline line: an optional marker, then a cue word
    re_named_line: re.Pattern  # a marker and a bare name: ▶ 杨 婷
    re_reporter_line: re.Pattern  # a short line with a reporter word and names: □苏报驻相城区首席记者 袁雪
    roles: tuple[str, ...]  # longest first
    markers: str
    max_chars: int


def load_rules() -> BylineRules:
    return rulefiles.compiled(_compile, config.rule_file("bylines.json"))


def _compile(content: bytes | None) -> BylineRules:
    spec = rulefiles.json_rules(content, name="bylines.json")
    name_markers = re.escape(spec["name_markers"])
    return BylineRules(
        re_line=re.compile(f"^[{name_markers}]?\\s*(?:{rulefiles.alternation(spec['line_cues'])})"),
        re_named_line=re.compile(f"^[{name_markers}]\\s*[{CJK}](?:\\s?[{CJK}]){{1,3}}$"),
        re_reporter_line=re.compile(
            f"^[{name_markers}]?\\s*[^，。；：,;:\\s]{{0,14}}(?:{rulefiles.alternation(spec['reporter_words'])})"
            f"\\s*[{CJK}]{{2,4}}(?:\\s+[{CJK}]{{2,4}})*$"
        ),
        roles=rulefiles.longest_first(spec["roles"]),
        markers=spec["markers"],
        max_chars=int(spec["max_chars"]),
    )


def is_byline(line: str, *, byline_rules: BylineRules | None = None) -> bool:
    """Whether a layout line is an author line (本报记者 李争粉 …, ▶ 杨 婷)."""
    r = byline_rules or load_rules()
    if len(line) > r.max_chars or RE_CLAUSE_PUNCT.search(line):
        return False
    return bool(r.re_line.match(line) or r.re_named_line.match(line) or r.re_reporter_line.match(line))


def extract_bylines(line: str, *, byline_rules: BylineRules | None = None) -> list[tuple[str, str]]:
    """Parses an author line into (role, name) pairs; role is '' when the line gives none.

    >>> extract_bylines("本报记者 李争粉 特约通讯员 魏志强 沈丹萍")
    [('本报记者', '李争粉'), ('特约通讯员', '魏志强'), ('特约通讯员', '沈丹萍')]
    >>> extract_bylines("▶ 杨 婷")
    [('', '杨婷')]
    """
    r = byline_rules or load_rules()
    text = (line or "").strip()
    marked = bool(text) and text[0] in r.markers
    text = text.lstrip(r.markers + " \t\u3000")
    if not text or len(text) > r.max_chars or RE_CLAUSE_PUNCT.search(text):
        return []
    role, out, has_role = "", [], False
    names: list[str] = []
    for token in text.split():
        found = next((x for x in r.roles if token.startswith(x)), None)
        if found:
            out.extend((role, n) for n in _join_split_names(names))
            role, names, has_role = found.rstrip("/"), [], True
            token = token[len(found) :].lstrip("/:： ")
        if token:
            names.append(token)
    out.extend((role, n) for n in _join_split_names(names))
    if not (has_role or marked):
        return []
    return [(x, n) for x, n in out if RE_PERSON_NAME.fullmatch(n)]


def authors(byline: str) -> list[str]:
    """The author names of a byline, in order."""
    return [name for _, name in extract_bylines(byline)] if byline else []


def _join_split_names(tokens: list[str]) -> list[str]:
    """Joins names the layout split into single characters: 杨 婷 -> 杨婷."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if len(tokens[i]) == 1 and i + 1 < len(tokens) and len(tokens[i + 1]) <= 2:
            out.append(tokens[i] + tokens[i + 1])
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return out
