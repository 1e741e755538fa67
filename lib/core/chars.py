"""Character classes and sentence splitting, compiled once and shared by every stage."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

import ahocorasick_rs

from lib.core.rulefiles import alternation

#: One CJK ideograph (basic block plus extension A and compatibility ideographs).
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
RE_CJK = re.compile(f"[{CJK}]")
#: The run of CJK ideographs that ends a text (the words right before a zone suffix).
RE_CJK_RUN_END = re.compile(f"[{CJK}]+$")
#: Sentence-final punctuation; a closing quote or bracket right after it stays with the sentence.
RE_SENTENCE = re.compile(r"[^。！？!?；;…]*(?:[。！？!?；;]+|…+|$)[”’」』）)]*")
#: Runs of whitespace.
RE_SPACES = re.compile(r"\s+")
#: Page and line breaks of other tools (form feed from PDF-to-text, vertical tab, NEL, line and
#: paragraph separators): read as line breaks.
RE_BREAK_CONTROL = re.compile(r"[\f\v\x85\u2028\u2029]")
#: Every other C0/C1 control character but tab and newline: never part of a report's text, and one
#: of them in a cell makes a spreadsheet file invalid.
RE_STRAY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def has_cjk(text: str) -> bool:
    return bool(RE_CJK.search(text or ""))


def split_sentences(text: str) -> list[str]:
    """Splits a paragraph into sentences at 。！？； (keeping closing quotes with their sentence).

    >>> split_sentences("他说：“好。”然后走了。")
    ['他说：“好。”', '然后走了。']
    """
    return list(_sentences(text or ""))


@lru_cache(maxsize=32)
def _sentences(text: str) -> tuple[str, ...]:
    """A paragraph's sentences, split once for the several rules that read them (initiatives, their
    parts, metrics, entities): the last few paragraphs, one report's, are kept."""
    out = [m.group(0).strip() for m in RE_SENTENCE.finditer(text)]
    return tuple(s for s in out if s)


def clean_controls(text: str) -> str:
    """Text without control characters: page breaks as newlines, carriage returns as newlines, the rest
    (NUL, escape, C1 …) removed. Every reader passes its text through this."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return RE_STRAY_CONTROL.sub("", RE_BREAK_CONTROL.sub("\n", text))


def squash_spaces(text: str) -> str:
    """Whitespace runs as one space, ends stripped."""
    return RE_SPACES.sub(" ", text or "").strip()


def char_pairs(text: str) -> set[str]:
    """The pairs of adjacent Chinese characters in a text (punctuation and Latin left out): how much two
    short Chinese texts share, without segmenting them."""
    chars = "".join(RE_CJK.findall(text))
    return {chars[i : i + 2] for i in range(len(chars) - 1)}


#: Latin letters and digits: a `bounded` word of `find_longest` that begins or ends with one does not
#: match inside a longer run of them.
ASCII_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def find_longest(text: str, words: Iterable[str], *, bounded: bool = False) -> list[tuple[int, int]]:
    """The spans of the words in the text, leftmost first and at each place the longest, never overlapping:
    what `re.finditer` of an alternation of the escaped words, longest first, finds (with `bounded`, each
    word that begins or ends with a Latin letter or digit behind `(?<![A-Za-z0-9])` or before
    `(?![A-Za-z0-9])`: 1145 not in 11450), without compiling a pattern for each set of words. No word may
    be empty."""
    longest: dict[int, int] = {}  # start → the end of the longest word found there
    for word in words:
        if not word:
            raise ValueError("find_longest: an empty word matches everywhere")
        size, at = len(word), text.find(word)
        check_before = bounded and word[0] in ASCII_ALNUM
        check_after = bounded and word[-1] in ASCII_ALNUM
        while at >= 0:
            end = at + size
            if (
                not (
                    (check_before and at and text[at - 1] in ASCII_ALNUM)
                    or (check_after and end < len(text) and text[end] in ASCII_ALNUM)
                )
                and longest.get(at, 0) < end
            ):
                longest[at] = end
            at = text.find(word, at + 1)
    spans, pos = [], 0
    for start in sorted(longest):
        if start >= pos:
            spans.append((start, longest[start]))
            pos = longest[start]
    return spans


def last_clause(text: str, marks: str) -> str:
    """The text after the last of the marks, all of it when none occurs: `re.split(f"[{marks}]", text)[-1]`
    without splitting the whole text."""
    return text[max(map(text.rfind, marks)) + 1 :]


@cache
def any_word(words: tuple[str, ...], *, ending_within: int | None = None) -> re.Pattern[str]:
    """A pattern whose `search` finds whether one of the words occurs in a text (one attempt where a loop
    would try each word): their literal alternation; with `ending_within`, an occurrence that ends at most
    that many characters before the text's end. Never matches when there are no words."""
    alternatives = alternation(words)
    near_end = "" if ending_within is None else f"(?=.{{0,{ending_within}}}\\Z)"
    return re.compile(f"(?:{alternatives}){near_end}", re.DOTALL)


@cache
def proper_suffix(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern whose `fullmatch` finds whether a text ends with one of the words and is longer than it:
    `any(text.endswith(w) and len(text) > len(w) for w in words)`."""
    return re.compile(f"(?s:.+)(?:{alternation(words)})")


def word_automaton(values: dict[str, object]) -> WordAutomaton | None:
    """An Aho-Corasick automaton of the words, each found with its value; None when there are no words."""
    return WordAutomaton(values) if values else None


class WordAutomaton:
    """Words found in a text, each with its value: an Aho-Corasick automaton in Rust (ahocorasick_rs, its
    contiguous NFA: as fast here as its DFA, without the DFA's 30 MB), 5–12 times faster on Chinese text
    than pyahocorasick's, whose states look their next character up among their children one by one (the
    start state of the places' names has over a thousand). Built once per rule file's content, before the
    build's workers are forked."""

    def __init__(self, values: dict[str, object]) -> None:
        self.words, self.values = list(values), list(values.values())
        self._longest = ahocorasick_rs.AhoCorasick(
            self.words,
            matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST,
            implementation=ahocorasick_rs.Implementation.ContiguousNFA,
        )
        self._every: ahocorasick_rs.AhoCorasick | None = None  # made when first asked for

    def __len__(self) -> int:
        return len(self.words)

    def iter_long(self, text: str) -> list[tuple[int, object]]:
        """(end index, value) of the leftmost-longest occurrences, never overlapping: what `re.finditer` of
        an alternation of the words, longest first, finds (the end index is the last character's)."""
        values = self.values
        return [(end - 1, values[i]) for i, _, end in self._longest.find_matches_as_indexes(text)]

    def iter(self, text: str) -> list[tuple[int, object]]:
        """(end index, value) of every occurrence of every word, overlapping ones included, by end."""
        if self._every is None:
            self._every = ahocorasick_rs.AhoCorasick(
                self.words, implementation=ahocorasick_rs.Implementation.ContiguousNFA
            )
        values = self.values
        return [
            (end - 1, values[i]) for i, _, end in self._every.find_matches_as_indexes(text, overlapping=True)
        ]


#: Chinese numerals: digits, tens and the large units.
CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_TENS = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10_000, "亿": 100_000_000}


def chinese_number(num: str) -> float | None:
    """三千 → 3000, 两百 → 200, 十五 → 15, 一百零一 → 101, 一亿二千万 → 120000000; None for a run that is no
    number (一二三, a list of digits) or holds other characters."""
    total, section, digit = 0, 0, None
    for ch in num:
        if ch in CN_DIGITS:
            if digit is not None and digit != 0:
                return None  # 一二三: a list of digits, not a number
            digit = CN_DIGITS[ch]
        elif ch in CN_TENS:
            section += (1 if digit is None else digit) * CN_TENS[ch]
            digit = None
        elif ch == "万":
            total += (section + (digit or 0)) * CN_BIG["万"]
            section, digit = 0, None
        elif ch == "亿":
            total = (total + section + (digit or 0)) * CN_BIG["亿"]
            section, digit = 0, None
        else:
            return None
    value = total + section + (digit or 0)
    return float(value) if value else None
