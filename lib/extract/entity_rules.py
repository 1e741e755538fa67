"""Entity rules: data/rules/entities.json and the enterprise gazetteer data/lexicon/enterprises.txt,
compiled once per content, and the dictionary look-up that tells a common word from a name."""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jieba

from lib import config
from lib.core import rulefiles
from lib.core.chars import CJK

ENTERPRISE, INSTITUTION, PERSON = "enterprise", "institution", "person"

#: One character of an organisation name: an ideograph, or a bracketed place such as （苏州）.
NAME_CHAR = f"(?:[{CJK}]|[（(][{CJK}]{{1,8}}[）)])"
#: Longest stretch read left of a suffix or a role word (keeps long unpunctuated text linear).
MAX_RUN = 40
#: A speaker's name (re_speaker) starts a text or follows one of these: a sentence's end, a closing quote.
SPEAKER_MARKS = "”」。！？；!?;"

jieba.setLogLevel(logging.WARNING)


@dataclass(frozen=True)
class Enterprise:
    """One gazetteer line: short names (the usual one first) and the full name if known."""

    aliases: tuple[str, ...]
    full: str | None

    @property
    def canonical(self) -> str:
        return self.full or self.aliases[0]


@dataclass(frozen=True)
class EntityRules:
    re_enterprise: re.Pattern
    re_institution: re.Pattern
    #: The suffixes alone: an organisation name ends with one, so text without one is skipped.
    re_enterprise_suffix: re.Pattern
    re_institution_suffix: re.Pattern
    re_place: re.Pattern
    re_place_prefix: re.Pattern
    re_left_cut: re.Pattern
    re_org_left_cut: re.Pattern
    re_org_soft_cut: re.Pattern
    re_short_name: re.Pattern
    re_alias: re.Pattern
    re_role: re.Pattern
    re_speaker: re.Pattern
    enterprise_suffixes: tuple[str, ...]
    institution_suffixes: tuple[str, ...]
    generic_cores: frozenset[str]
    industry_words: tuple[str, ...]
    org_role_frames: tuple[tuple[str, str], ...]
    role_words: tuple[str, ...]
    role_prefix_stoplist: tuple[str, ...]
    surnames: tuple[str, ...]
    surname_set: frozenset[str]
    surname_lengths: tuple[int, ...]  # longest first
    non_name_chars: frozenset[str]
    speech_verbs: tuple[str, ...]
    name_cues: tuple[str, ...]
    false_names: frozenset[str]
    common_word_min_freq: int
    enterprises: tuple[Enterprise, ...]


@dataclass
class EntityDraft:
    name: str
    type: str
    short_name: str | None = None
    role: str | None = None
    surfaces: list[str] = field(default_factory=list)
    gazetteer: Enterprise | None = None
    name_in_text: bool = True


def read_enterprises(path: Path | None = None) -> tuple[Enterprise, ...]:
    """The enterprise gazetteer: `简称[, 简称…] [= 全称]` per line, `#` comments (lib.core.rulefiles)."""
    return _enterprises(rulefiles.read_bytes(path or config.lexicon_file("enterprises.txt")))


def _enterprises(content: bytes | None) -> tuple[Enterprise, ...]:
    return tuple(Enterprise(aliases=a, full=f) for a, f in rulefiles.enterprise_lines(content))


def load_rules(path: Path | None = None, enterprises_path: Path | None = None) -> EntityRules:
    """entities.json and enterprises.txt (or other files), compiled once per content."""
    return rulefiles.compiled(
        _compile,
        path or config.rule_file("entities.json"),
        enterprises_path or config.lexicon_file("enterprises.txt"),
    )


def _compile(content: bytes | None, enterprise_content: bytes | None) -> EntityRules:
    spec = rulefiles.json_rules(content, name="entities.json")
    enterprises = _enterprises(enterprise_content)
    not_before = "".join(spec.get("suffix_not_before", [])) or "\x00"
    inst = f"(?:{rulefiles.alternation(spec['institution_suffixes'])})(?![{re.escape(not_before)}])"
    places = rulefiles.alternation(spec["places"])
    surnames = rulefiles.longest_first(spec["surnames"])
    surname_alt = rulefiles.alternation(surnames)
    markers = rulefiles.alternation(spec["short_name_markers"])
    aliases = [a for e in enterprises for a in (*e.aliases, e.full) if a]
    enterprise_suffix = f"(?:{rulefiles.alternation(spec['enterprise_suffixes'])})"
    return EntityRules(
        re_enterprise=re.compile(f"{NAME_CHAR}{{1,{MAX_RUN}}}?{enterprise_suffix}"),
        re_institution=re.compile(
            f"(?P<head>{NAME_CHAR}{{1,{MAX_RUN}}}?{inst})(?P<sub>[{CJK}]{{0,10}}?{inst})?"
        ),
        re_enterprise_suffix=re.compile(enterprise_suffix),
        re_institution_suffix=re.compile(inst),
        re_place=re.compile(f"(?<![（(])(?:{places})"),
        re_place_prefix=re.compile(f"^(?:(?:{places})(?:{rulefiles.alternation(spec['place_suffixes'])})?)+"),
        re_left_cut=re.compile(rulefiles.alternation(spec["left_cut_words"])),
        re_org_left_cut=re.compile(rulefiles.alternation(spec["org_left_cut_words"])),
        re_org_soft_cut=re.compile(rulefiles.alternation(spec["org_soft_cut_words"])),
        re_short_name=re.compile(
            f"\\s*[（(【\\[]\\s*(?:{markers})(?:为|為)?\\s*[:：]?\\s*[“\"「『‘']?"
            f"(?P<short>[^”\"」』’'）)】\\]，,。；;\\s]{{1,15}}?)[”\"」』’']?\\s*[）)】\\]]"
        ),
        re_alias=re.compile(rulefiles.alternation(aliases)),
        re_role=re.compile(f"(?:{rulefiles.alternation(spec['role_words'])})”?(?={surname_alt})"),
        re_speaker=re.compile(f"(?:^|(?<=[{SPEAKER_MARKS}]))(?={surname_alt})"),
        enterprise_suffixes=rulefiles.longest_first(spec["enterprise_suffixes"]),
        institution_suffixes=rulefiles.longest_first(spec["institution_suffixes"]),
        generic_cores=frozenset(spec.get("generic_org_cores", [])),
        industry_words=rulefiles.longest_first(spec.get("industry_words", [])),
        org_role_frames=tuple(tuple(f) for f in spec.get("org_role_frames", [])),
        role_words=rulefiles.longest_first(spec["role_words"]),
        role_prefix_stoplist=rulefiles.longest_first(spec.get("role_prefix_stoplist", [])),
        surnames=surnames,
        surname_set=frozenset(surnames),
        surname_lengths=tuple(sorted({len(s) for s in surnames}, reverse=True)),
        non_name_chars=frozenset(spec.get("non_name_chars", "")),
        speech_verbs=rulefiles.longest_first(spec["speech_verbs"]),
        name_cues=rulefiles.longest_first([*spec["speech_verbs"], *spec.get("name_cues", [])]),
        false_names=frozenset(spec.get("false_names", [])),
        common_word_min_freq=int(spec.get("common_word_min_freq", 50)),
        enterprises=enterprises,
    )


def dictionary_entry(word: str) -> tuple[int, str] | None:
    """(frequency, part of speech) of a word of 2-6 characters in jieba's dictionary; None for
    any other string.

    Looked up in the tables jieba builds from its dictionary file anyway (the default tokenizer's
    frequencies, jieba.posseg's tags, which lib.metrics uses too) rather than in a copy of the file.
    Nothing in ZoneLens adds words to jieba at run time (lib.segment has its own rjieba), so these
    are the file's words.
    """
    freq, tags = _jieba_tables()
    tag = tags.get(word)
    if tag is None or not 2 <= len(word) <= 6:
        return None
    return freq.get(word, 0), tag


@lru_cache(maxsize=1)
def _jieba_tables() -> tuple[dict[str, int], dict[str, str]]:
    import jieba.posseg  # reads the tags at import

    jieba.initialize()
    return jieba.dt.FREQ, jieba.posseg.dt.word_tag_tab


def short_name_uses(text: str, forms: dict[str, tuple[str, ...]]) -> Counter:
    """For each key whose forms end the text right before a short name it defines (某某文创园（下称“园区”）;
    the markers are `short_name_markers`), how many times that short name is used after the definition."""
    uses: Counter = Counter()
    for m in load_rules().re_short_name.finditer(text):
        before = text[: m.start()].rstrip()
        owner = next(
            (key for key, names in forms.items() if before.endswith(tuple(n for n in names if n))), None
        )
        if owner is not None:
            uses[owner] += text.count(m.group("short"), m.end())
    return uses
