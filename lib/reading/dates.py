"""Years: the year a report is written in, the year a quantity is stated for, and whether a four-digit
code is a year. Rules in data/rules/dates.json."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lib import config
from lib.core import rulefiles
from lib.core.chars import CN_DIGITS, chinese_number

#: A four-digit number followed by 年 (the range is checked apart: dates.json's first_year, last_year).
RE_YEAR_WORD = re.compile(r"(?<!\d)(\d{4})年")


@dataclass(frozen=True)
class DateRules:
    first_year: int
    last_year: int
    span_marks: str
    period_openers: tuple[str, ...]
    re_dates: tuple[re.Pattern, ...]  # how a date is written, each with groups y, m, d
    anniversaries: tuple[tuple[re.Pattern, int], ...]  # (N周年 pattern with group n, base year)
    publication_labels: tuple[str, ...] = ()  # 发布日期: a dated line with one of these is the report's date
    #: 力争到2020年: a year after one of these is a goal's, not the report's
    target_marks: tuple[str, ...] = ()
    #: (pattern, year) of national campaigns and meetings: 党史学习教育 dates a report 2021 or later
    campaigns: tuple[tuple[re.Pattern, int], ...] = ()
    #: a year's review (召开2020年度…述职会): held after that year, so the report is from the next year or later
    reviews: tuple[re.Pattern, ...] = ()

    def is_year(self, value: int) -> bool:
        return self.first_year <= value <= self.last_year


def load_rules() -> DateRules:
    return rulefiles.compiled(compile_rules, config.rule_file("dates.json"))


def compile_rules(content: bytes | None) -> DateRules:
    spec = rulefiles.json_rules(content, name="dates.json")
    return DateRules(
        first_year=int(spec["first_year"]),
        last_year=int(spec["last_year"]),
        span_marks=spec["span_marks"],
        period_openers=rulefiles.longest_first(spec["period_openers"]),
        re_dates=tuple(rulefiles.compile_pattern(p, name="dates.json") for p in spec["date_patterns"]),
        anniversaries=tuple(
            (rulefiles.compile_pattern(a["re"], name="dates.json"), int(a["base"]))
            for a in spec["anniversaries"]
        ),
        publication_labels=tuple(spec.get("publication_labels", [])),
        target_marks=tuple(spec.get("target_marks", [])),
        campaigns=tuple(
            (rulefiles.compile_pattern(c["re"], name="dates.json"), int(c["year"]))
            for c in spec.get("campaigns", [])
        ),
        reviews=tuple(rulefiles.compile_pattern(p, name="dates.json") for p in spec.get("reviews", [])),
    )


def article_year(text: str, *, date_rules: DateRules | None = None) -> int | None:
    """The year a report is written in, when its page gives no date: the latest year it names (not the end
    of a span like 2022—2024, nor a goal's year: 力争到2020年), the year of an anniversary it celebrates
    (建党101周年 → 2022), or at least the year of the latest national campaign it names (党史学习教育 → 2021)
    or the year after one it reviews (召开2020年度综合目标考核表彰大会 → 2021)."""
    r = date_rules or load_rules()
    years = [base + _count(m.group("n")) for pattern, base in r.anniversaries for m in pattern.finditer(text)]
    years += [year for pattern, year in r.campaigns if pattern.search(text)]
    years += [int(m.group("y")) + 1 for pattern in r.reviews for m in pattern.finditer(text)]
    years += [
        int(m.group(1))
        for m in RE_YEAR_WORD.finditer(text)
        if r.is_year(int(m.group(1)))
        and not _ends_a_span(text, m.start(), r)
        and not text.endswith(r.target_marks, 0, m.start())  # 力争到2020年: a goal's year
    ]
    return max(years) if years else None


def _count(n: str) -> int:
    """An anniversary's number, in digits or Chinese numerals (一百零一, 百)."""
    return int(n) if n.isdigit() else int(chinese_number(n) or 0)


def _ends_a_span(text: str, at: int, r: DateRules) -> bool:
    """Whether the year at `at` ends a span of years (2022—2024, 2018年至2025年), not a figure's date after a
    verb (从2018年的89个激增至2025年的167个)."""
    return at >= 2 and text[at - 1] in r.span_marks and (text[at - 2] == "年" or text[at - 2].isdigit())


def stated_years(text: str, *, date_rules: DateRules | None = None) -> list[tuple[int, int]]:
    """(offset, year) of each year a sentence states something for, in order: 2025年 counts, 2019年以来
    and 2020年起 (which open a period) do not."""
    r = date_rules or load_rules()
    return [
        (m.start(), int(m.group(1)))
        for m in RE_YEAR_WORD.finditer(text)
        if r.is_year(int(m.group(1))) and not text.startswith(r.period_openers, m.end())
    ]


def written_dates(line: str, *, date_rules: DateRules | None = None) -> list[str]:
    """The plausible dates written in a line, as YYYY-MM-DD, in order."""
    r = date_rules or load_rules()
    found = []
    for pattern in r.re_dates:
        for m in pattern.finditer(line):
            year, month, day = (_date_number(m.group(g)) for g in ("y", "m", "d"))
            if r.is_year(year) and 1 <= month <= 12 and 1 <= day <= 31:
                found.append((m.start(), f"{year:04d}-{month:02d}-{day:02d}"))
    return [d for _, d in sorted(found)]


def _date_number(text: str) -> int:
    """A date's year, month or day as written: 2023, 〇五; 二〇二三 (a digit each), 十二, 二十六."""
    if text.isdigit():
        return int(text)
    if len(text) == 4:  # a year, one Chinese digit each
        return int("".join(str(CN_DIGITS.get(ch, 0)) for ch in text))
    return int(chinese_number(text) or 0)


def is_year_code(code: str, *, date_rules: DateRules | None = None) -> bool:
    """Whether a four-digit code reads as a year (2025), not a numbered programme (1145)."""
    return len(code) == 4 and code.isdigit() and (date_rules or load_rules()).is_year(int(code))
