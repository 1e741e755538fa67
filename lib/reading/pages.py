"""Web-page chrome in a report's text: which lines are page metadata (dates, sources, authors) and which
are clutter (menus, breadcrumbs, counters, buttons), and the publication date the metadata gives.

Rules in data/rules/web_clutter.json (a pattern a line must match entirely, with its kind) and
data/rules/dates.json (how a date is written, which years are plausible).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lib import config
from lib.core import rulefiles
from lib.core.chars import CJK
from lib.reading.bylines import is_byline
from lib.reading.dates import DateRules, written_dates
from lib.reading.dates import load_rules as load_date_rules

META, CLUTTER = "meta", "clutter"
LABEL = "label"  # a disclosure table's label alone on its line (发布机构): its value is on the next line
MAX_VALUE_CHARS = 40  # a label's value is short and no sentence: 经济开发区, 610000123/2021-00010, 主动公开
RE_SENTENCE_MARK = re.compile(r"[。！？；!?;]")
RE_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n){2,}")


@dataclass(frozen=True)
class PageRules:
    patterns: tuple[tuple[re.Pattern[str], str], ...]  # (pattern, kind)
    any_line: re.Pattern[str] | None  # all the patterns in one: a line none of them matches is tried once
    selectors: tuple[str, ...]  # HTML elements dropped before the text is taken
    title_tail: re.Pattern[str] | None  # a site name glued to a headline: …发展-今日精选
    title_column: re.Pattern[str] | None  # a column before a headline: 世界热头条丨…
    title_dropped: re.Pattern[str] | None  # a chapter number before a headline: 第18章 …
    title_labelled: re.Pattern[str] | None  # a repost's headline as metadata: 标题：“…”, 原标题：…
    title_lead_in: re.Pattern[str] | None  # a line that introduces the headline under it: …年轻的心——
    title_name_line: re.Pattern[str] | None = None  # a name alone: 某某区某某中心党委, 某某经济技术开发区


def load_rules() -> PageRules:
    return rulefiles.compiled(_compile, config.rule_file("web_clutter.json"))


def _compile(content: bytes | None) -> PageRules:
    spec = rulefiles.json_rules(content, name="web_clutter.json")
    patterns = tuple(
        (
            rulefiles.compile_pattern(rule["re"].replace("{CJK}", CJK), name="web_clutter.json"),
            rule.get("kind", CLUTTER),
        )
        for rule in spec["line_patterns"]
    )
    return PageRules(
        patterns=patterns,
        any_line=rulefiles.any_of(p for p, _ in patterns),
        selectors=tuple(spec["html_drop_selectors"]),
        title_tail=_title_rule(spec, "title_site_tail"),
        title_column=_title_rule(spec, "title_column_head"),
        title_dropped=_title_rule(spec, "title_dropped_head"),
        title_labelled=_title_rule(spec, "title_labelled"),
        title_lead_in=_title_rule(spec, "title_lead_in"),
        title_name_line=_title_rule(spec, "title_name_line"),
    )


def _title_rule(spec: dict, key: str) -> re.Pattern[str] | None:
    pattern = spec.get(key, {}).get("re")
    return (
        rulefiles.compile_pattern(pattern.replace("{CJK}", CJK), name="web_clutter.json") if pattern else None
    )


def labelled_title(line: str) -> str:
    """The headline a metadata line gives (标题：“…”, 原标题：…), or ""."""
    pattern = load_rules().title_labelled
    m = pattern.fullmatch(line) if pattern else None
    return m["title"] if m else ""


def is_name_line(text: str) -> bool:
    """Whether a heading line is only a name (`title_name_line`: 某某区某某中心党委, 某某经济技术开发区)."""
    pattern = load_rules().title_name_line
    return pattern is not None and pattern.fullmatch(text) is not None


def headline_not_a_name(texts: dict[int, str], at: int) -> int:
    """The headline among heading lines (index → text): `at`, unless its line is only a name and a line
    right above or under it is not; then that line."""
    if not is_name_line(texts[at]):
        return at
    return next((i for i in (at - 1, at + 1) if i in texts and not is_name_line(texts[i])), at)


def split_title(title: str, *, min_chars: int) -> tuple[str, str, str]:
    """(column, headline, site) of a page's title line: a chapter number before it dropped (第18章 …), a
    column set off by a bar taken out (世界热头条丨…), a site name glued to its end taken off (…融合发展-今日
    精选), each only when at least `min_chars` characters of headline are left."""
    rules = load_rules()
    column = ""
    for pattern in (rules.title_dropped, rules.title_column):
        m = pattern.match(title) if pattern else None
        if m and len(title) - m.end() >= min_chars:
            column = m.groupdict().get("column") or column
            title = title[m.end() :]
    m = rules.title_tail.search(title) if rules.title_tail else None
    if m and m.start() >= min_chars:
        return column, title[: m.start()], title[m.start() :].strip(" -_|｜")
    return column, title, ""


def line_kind(line: str, *, page_rules: PageRules | None = None) -> str | None:
    """`meta` (a date, source or author line), `clutter` (menus, breadcrumbs, counters, buttons) or None
    (text of the report, bylines included)."""
    stripped = line.strip()
    if not stripped:
        return None
    rules = page_rules or load_rules()
    if rules.any_line is not None and not rules.any_line.fullmatch(stripped):
        return None  # most lines: one attempt instead of one per pattern, and no byline test
    if is_byline(stripped):  # 本报记者 李争粉 特约通讯员 魏志强 looks like a menu
        return None
    for pattern, kind in rules.patterns:
        if pattern.fullmatch(stripped):
            return kind
    return None


def line_kinds(lines: list[str], *, page_rules: PageRules | None = None) -> list[str | None]:
    """`line_kind` of each line, where a disclosure table's label (发布机构) and the value on the line right
    under it (经济开发区) are clutter, unless the value is metadata itself (生成日期 / 2021-11-23 19:11) or a
    sentence (a label word alone above the body leaves the body alone)."""
    rules = page_rules or load_rules()
    kinds: list[str | None] = []
    after_label = False
    for line in lines:
        kind = line_kind(line, page_rules=rules)
        if (
            after_label
            and kind is None
            and 0 < len(line.strip()) <= MAX_VALUE_CHARS
            and not RE_SENTENCE_MARK.search(line)
        ):
            kind = CLUTTER
        after_label = kind == LABEL
        kinds.append(CLUTTER if kind == LABEL else kind)
    return kinds


def strip_clutter(text: str) -> str:
    """The text without its clutter lines (metadata lines stay: the reader takes the date from them)."""
    lines = text.split("\n")
    kept = [line for line, kind in zip(lines, line_kinds(lines), strict=True) if kind != CLUTTER]
    return RE_BLANK_RUN.sub("\n\n", "\n".join(kept))


def publication_date(lines: Iterable[str], *, date_rules: DateRules | None = None) -> str | None:
    """The first plausible date (YYYY-MM-DD) written in the metadata lines that hold a publication label
    (发布日期: …; dates.json `publication_labels`), else in any of them (a today widget above the report's
    labelled date is not its date); None when there is none."""
    rules = date_rules or load_date_rules()
    lines = list(lines)
    labelled = [line for line in lines if any(label in line for label in rules.publication_labels)]
    for group in (labelled, lines):
        found = next((f[0] for line in group if (f := written_dates(line, date_rules=rules))), None)
        if found:
            return found
    return None
