"""Entities: the enterprises, universities/institutes and people one article names, and author lines.

Rules live in `data/rules/entities.json`, known enterprises in `data/lexicon/enterprises.txt`.
- Enterprises and institutions: a run of Chinese characters ending in a legal or institutional
  suffix (…有限公司, …集团, …大学, …研究院). Its left edge is the first place name (苏州…) or
  what follows the last word that never occurs inside a name (的, 高新区, 打造 …). Short names
  come from （以下简称“X”）, from the gazetteer, or from removing place, suffix and business words.
- People: a family name plus one or two characters, accepted only with a cue: a role word right
  before it (董事长贾继明, “外卖诗人”王计兵), or a speech verb right after it at a sentence start or
  after a quote (”王磊说), or right after an organisation name with a cue (…研究所马瑜婷当选).
  Precision comes before recall: a name with no cue is not a person. Common dictionary words
  (jieba's dictionary) are not names (骑手党员服… is not a person).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jieba

from lib import config
from lib.text import CJK, split_sentences

ENTITIES_FILE = config.RULES_DIR / "entities.json"
ENTERPRISES_FILE = config.LEXICON_DIR / "enterprises.txt"

ENTERPRISE, INSTITUTION, PERSON = "enterprise", "institution", "person"
#: Where a person's name was spotted: after a role word, as a speaker, right after an organisation.
ROLE, SPEAKER, AFTER_ORG = "role", "speaker", "after_org"

#: One character of an organisation name: an ideograph, or a bracketed place such as （苏州）.
NAME_CHAR = f"(?:[{CJK}]|[（(][{CJK}]{{1,8}}[）)])"
#: Longest stretch read left of a suffix or a role word (keeps long unpunctuated text linear).
MAX_RUN = 40
#: How far left of its suffix an organisation name can start: MAX_RUN name characters of at most
#: ten characters each (a bracketed place).
MAX_NAME_REACH = MAX_RUN * 10
#: The role a frame gives an organisation (以中科可控为链主龙头): the whole run of ideographs after it.
RE_FRAMED_ROLE = re.compile(f"([{CJK}]{{2,8}})(?![{CJK}])")
RE_BRACKETED = re.compile(f"[（(][{CJK}]{{1,8}}[）)]")
RE_ALL_CJK = re.compile(f"[{CJK}]+")
#: What a role may contain left of its role word (昆山市委、昆山高新区党工委书记、管委会主任).
RE_ROLE_CHAR = re.compile(f"[{CJK}、]")
#: Punctuation that may follow a person's name.
NAME_END_PUNCT = "，,。、；;：:！!？?）)（(“”「」 \u3000"
#: A name in a byline: two to four ideographs, or a transcribed name with a middle dot (买买提·艾力).
RE_PERSON_NAME = re.compile(f"[{CJK}]{{2,4}}|[{CJK}]{{1,6}}·[{CJK}]{{1,6}}")
RE_CLAUSE_PUNCT = re.compile(r"[，。；！？,;!?]")
#: A line longer than this is body text, not a byline.
BYLINE_MAX = 60

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
class Rules:
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
    byline_roles: tuple[str, ...]
    byline_markers: str


@dataclass
class _Entity:
    name: str
    type: str
    short_name: str | None = None
    role: str | None = None
    surfaces: list[str] = field(default_factory=list)
    gazetteer: Enterprise | None = None
    name_in_text: bool = True


def _longest_first(words) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=len, reverse=True))


def _alternation(words) -> str:
    words = _longest_first(words)
    return "|".join(map(re.escape, words)) if words else "(?!)"


def read_enterprises(path: Path = ENTERPRISES_FILE) -> tuple[Enterprise, ...]:
    """Parses the gazetteer: `简称[, 简称…] [= 全称]` per line, `#` comments."""
    out: list[Enterprise] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        left, _, full = line.partition("=")
        aliases = tuple(a.strip() for a in re.split(r"[,，、]", left) if a.strip())
        if aliases:
            out.append(Enterprise(aliases=aliases, full=full.strip() or None))
    return tuple(out)


@lru_cache(maxsize=4)
def load_rules(path: Path = ENTITIES_FILE, enterprises_path: Path = ENTERPRISES_FILE) -> Rules:
    spec = json.loads(Path(path).read_text(encoding="utf-8"))
    enterprises = read_enterprises(enterprises_path)
    not_before = "".join(spec.get("suffix_not_before", [])) or "\x00"
    inst = f"(?:{_alternation(spec['institution_suffixes'])})(?![{re.escape(not_before)}])"
    places = _alternation(spec["places"])
    surnames = _longest_first(spec["surnames"])
    surname_alt = _alternation(surnames)
    markers = _alternation(spec["short_name_markers"])
    aliases = [a for e in enterprises for a in (*e.aliases, e.full) if a]
    enterprise_suffix = f"(?:{_alternation(spec['enterprise_suffixes'])})"
    return Rules(
        re_enterprise=re.compile(f"{NAME_CHAR}{{1,{MAX_RUN}}}?{enterprise_suffix}"),
        re_institution=re.compile(
            f"(?P<head>{NAME_CHAR}{{1,{MAX_RUN}}}?{inst})(?P<sub>[{CJK}]{{0,10}}?{inst})?"
        ),
        re_enterprise_suffix=re.compile(enterprise_suffix),
        re_institution_suffix=re.compile(inst),
        re_place=re.compile(f"(?<![（(])(?:{places})"),
        re_place_prefix=re.compile(f"^(?:(?:{places})(?:{_alternation(spec['place_suffixes'])})?)+"),
        re_left_cut=re.compile(_alternation(spec["left_cut_words"])),
        re_org_left_cut=re.compile(_alternation(spec["org_left_cut_words"])),
        re_org_soft_cut=re.compile(_alternation(spec["org_soft_cut_words"])),
        re_short_name=re.compile(
            f"\\s*[（(【\\[]\\s*(?:{markers})(?:为|為)?\\s*[:：]?\\s*[“\"「『‘']?"
            f"(?P<short>[^”\"」』’'）)】\\]，,。；;\\s]{{1,15}}?)[”\"」』’']?\\s*[）)】\\]]"
        ),
        re_alias=re.compile(_alternation(aliases)),
        re_role=re.compile(f"(?:{_alternation(spec['role_words'])})”?(?={surname_alt})"),
        re_speaker=re.compile(f"(?:^|(?<=[”」。！？；!?;]))(?={surname_alt})"),
        enterprise_suffixes=_longest_first(spec["enterprise_suffixes"]),
        institution_suffixes=_longest_first(spec["institution_suffixes"]),
        generic_cores=frozenset(spec.get("generic_org_cores", [])),
        industry_words=_longest_first(spec.get("industry_words", [])),
        org_role_frames=tuple(tuple(f) for f in spec.get("org_role_frames", [])),
        role_words=_longest_first(spec["role_words"]),
        role_prefix_stoplist=_longest_first(spec.get("role_prefix_stoplist", [])),
        surnames=surnames,
        surname_set=frozenset(surnames),
        surname_lengths=tuple(sorted({len(s) for s in surnames}, reverse=True)),
        non_name_chars=frozenset(spec.get("non_name_chars", "")),
        speech_verbs=_longest_first(spec["speech_verbs"]),
        name_cues=_longest_first([*spec["speech_verbs"], *spec.get("name_cues", [])]),
        false_names=frozenset(spec.get("false_names", [])),
        common_word_min_freq=int(spec.get("common_word_min_freq", 50)),
        enterprises=enterprises,
        byline_roles=_longest_first(spec.get("byline_roles", [])),
        byline_markers=spec.get("byline_markers", "▶"),
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


# ---------------------------------------------------------------- organisations


def _last_end(pattern: re.Pattern, text: str) -> int:
    """End of the last match of pattern in text, 0 if none."""
    end = 0
    for m in pattern.finditer(text):
        end = m.end()
    return end


def _trim_org(run: str, head_end: int, suffix: str, rules: Rules, *, institution: bool) -> str:
    """Finds where an organisation name starts inside the run of characters that ends with it."""
    if not institution:
        known = next((e.full for e in rules.enterprises if e.full and run.endswith(e.full)), None)
        if known:
            return known
    body_end = head_end - len(suffix)
    cut = max(_last_end(rules.re_left_cut, run[:body_end]), _last_end(rules.re_org_left_cut, run[:body_end]))
    run, head_end, body_end = run[cut:], head_end - cut, body_end - cut
    if institution:
        for start in range(0, head_end - len(suffix) - 1):
            if dictionary_entry(run[start:head_end]):
                return run[start:]
    place = rules.re_place.search(run, 0, body_end)
    if place:
        return run[place.start() :]
    return run[_last_end(rules.re_org_soft_cut, run[:body_end]) :]


def _core(name: str, rules: Rules) -> str:
    """The name without bracketed places, leading places and legal suffix: 丘钛微电子科技."""
    core = RE_BRACKETED.sub("", name)
    core = rules.re_place_prefix.sub("", core) or core
    for suffix in rules.enterprise_suffixes:
        if core.endswith(suffix):
            return core[: -len(suffix)]
    return core


def _derived_forms(name: str, rules: Rules) -> list[str]:
    """Short forms of an enterprise name, longest first: 丘钛微电子科技, 丘钛微电子, 丘钛."""
    form = _core(name, rules)
    forms = [form]
    while True:
        word = next((w for w in rules.industry_words if form.endswith(w) and len(form) - len(w) >= 2), None)
        if word is None or form[: -len(word)] in rules.industry_words:
            return [f for f in forms if f != name]
        form = form[: -len(word)]
        forms.append(form)


def _only_industry_words(core: str, rules: Rules) -> bool:
    while core:
        word = next((w for w in rules.industry_words if core.endswith(w)), None)
        if word is None:
            return False
        core = core[: -len(word)]
    return True


def _valid_org(name: str, suffix: str, rules: Rules) -> bool:
    """An enterprise needs a core of two characters besides place and suffix that is not only
    business words (科技集团) or generic (跨国集团); an institution two besides its suffix."""
    if suffix in rules.institution_suffixes:
        return len(name) - len(suffix) >= 2
    core = rules.re_place_prefix.sub("", _core(name, rules))
    if len(core) < 2 or _only_industry_words(core, rules):
        return False
    head = _derived_forms(core, rules)[-1:] or [core]
    return not head[0].endswith(tuple(rules.generic_cores))


def _names_ending_in(pattern: re.Pattern, suffix: re.Pattern, text: str):
    """The matches of `pattern.finditer(text)`, for a pattern that matches a name run ending with
    `suffix`: each search starts MAX_NAME_REACH before the next suffix, so text far from any suffix
    (most of it) is never scanned name character by name character."""
    pos = 0
    while found := suffix.search(text, pos + 1):
        m = pattern.search(text, max(pos, found.start() - MAX_NAME_REACH))
        if m is None:
            return
        yield m
        pos = m.end()


def _org_matches(text: str, rules: Rules):
    """Yields (name, start, type) for every enterprise or institution name in one paragraph."""
    for m in _names_ending_in(rules.re_enterprise, rules.re_enterprise_suffix, text):
        suffix = next(s for s in rules.enterprise_suffixes if m.group(0).endswith(s))
        name = _trim_org(m.group(0), len(m.group(0)), suffix, rules, institution=False)
        if _valid_org(name, suffix, rules):
            yield name, m.end() - len(name), ENTERPRISE
    for m in _names_ending_in(rules.re_institution, rules.re_institution_suffix, text):
        head, sub = m.group("head"), m.group("sub")
        cuts = (rules.re_left_cut, rules.re_org_left_cut, rules.re_org_soft_cut)
        run = head + sub if sub and not any(c.search(sub) for c in cuts) else head
        suffix = next(s for s in rules.institution_suffixes if head.endswith(s))
        name = _trim_org(run, len(head), suffix, rules, institution=True)
        last_suffix = next(s for s in rules.institution_suffixes if name.endswith(s))
        if _valid_org(name, last_suffix, rules):
            yield name, m.start() + len(run) - len(name), INSTITUTION


def _gazetteer_entry(name: str, rules: Rules) -> Enterprise | None:
    for e in rules.enterprises:
        if name == e.full or any(a in name for a in e.aliases):
            return e
    return None


def _find_orgs(paragraphs: list[str], rules: Rules) -> dict[str, _Entity]:
    """Organisations keyed by gazetteer entry or written name, with every surface they go by."""
    orgs: dict[str, _Entity] = {}
    for text in paragraphs:
        for name, start, kind in _org_matches(text, rules):
            entry = _gazetteer_entry(name, rules) if kind == ENTERPRISE else None
            key = entry.canonical if entry else name
            ent = orgs.get(key)
            if ent is None:
                ent = orgs[key] = _Entity(name=name, type=kind, gazetteer=entry)
            elif not ent.name_in_text:
                ent.name, ent.name_in_text = name, True
            ent.surfaces.append(name)
            short = rules.re_short_name.match(text, start + len(name))
            if short and ent.short_name is None:
                ent.short_name = short.group("short")
                ent.surfaces.append(ent.short_name)
            if kind == ENTERPRISE:
                ent.surfaces.extend(f for f in _derived_forms(name, rules) if len(f) >= 3)
        for m in rules.re_alias.finditer(text):
            entry = next(e for e in rules.enterprises if m.group(0) in (*e.aliases, e.full))
            if entry.canonical not in orgs:
                orgs[entry.canonical] = _Entity(
                    name=entry.canonical,
                    type=ENTERPRISE,
                    gazetteer=entry,
                    name_in_text=m.group(0) == entry.canonical,
                )
    for ent in orgs.values():
        known = (ent.gazetteer.full, *ent.gazetteer.aliases) if ent.gazetteer else ()
        ent.surfaces = list(dict.fromkeys(s for s in (ent.name, *ent.surfaces, *known) if s))
    return orgs


def _org_role(ent: _Entity, paragraphs: list[str], rules: Rules) -> str | None:
    """The role an organisation is given by a frame such as 以中科可控为链主龙头."""
    for before, after in rules.org_role_frames:
        for surface in _longest_first(ent.surfaces):
            frame = before + surface + after
            for text in paragraphs:
                at = text.find(frame)
                while at >= 0:
                    m = RE_FRAMED_ROLE.match(text, at + len(frame))
                    if m:
                        return m.group(1)
                    at = text.find(frame, at + 1)
    return None


# ---------------------------------------------------------------- people


def _cue_at(text: str, i: int, cues: tuple[str, ...], *, punctuation: bool = True) -> bool:
    if i >= len(text):
        return punctuation
    return (punctuation and text[i] in NAME_END_PUNCT) or text.startswith(cues, i)


def _read_name(
    text: str, i: int, rules: Rules, *, cues: tuple[str, ...] | None = None
) -> tuple[str, bool] | None:
    """Reads a person's name starting at i: (name, confirmed by a cue) or None.

    With `cues`, only a name followed by one of them (speech verbs) is accepted; otherwise a name
    with no cue is read as three characters unless the third cannot be part of a name.
    """
    surname = next((text[i : i + n] for n in rules.surname_lengths if text[i : i + n] in rules.surname_set), None)
    if surname is None:
        return None
    g = i + len(surname)
    given = text[g : g + 2]
    if not given or not RE_ALL_CJK.fullmatch(given[0]) or given[0] in rules.non_name_chars:
        return None
    wanted = cues or rules.name_cues
    third_ok = len(given) == 2 and RE_ALL_CJK.fullmatch(given[1]) and given[1] not in rules.non_name_chars
    if _cue_at(text, g + 1, wanted, punctuation=cues is None):
        name, confirmed = text[i : g + 1], True
    elif third_ok and _cue_at(text, g + 2, wanted, punctuation=cues is None):
        name, confirmed = text[i : g + 2], True
    elif cues is not None:
        return None
    else:
        name, confirmed = text[i : g + 2] if third_ok else text[i : g + 1], False
    return (name, confirmed) if _valid_name(text, i, name, len(surname), rules) else None


def _valid_name(text: str, i: int, name: str, surname_len: int, rules: Rules) -> bool:
    if name in rules.false_names:
        return False
    for word in {name[: surname_len + 1], name} if surname_len == 1 else {name}:
        freq, tag = dictionary_entry(word) or (0, "nr")
        if freq >= rules.common_word_min_freq and not tag.startswith("nr"):
            return False
    return not any(text.startswith(rules.role_words, j) for j in range(i + 1, i + len(name)))


def _role_before(
    text: str, role_start: int, role_end: int, cut_at: int, org_surfaces: tuple[str, ...], rules: Rules
) -> str | None:
    """The role as written before a name: back from the role word to punctuation or an earlier
    person, minus organisation names, left-cut words and prefixes such as 该公司."""
    if text[role_end - 1] == "”":
        opening = text.rfind("“", 0, role_end)
        return text[opening + 1 : role_end - 1] if opening >= 0 else None
    start, limit = role_start, max(cut_at, role_start - MAX_RUN)
    while start > limit and RE_ROLE_CHAR.match(text, start - 1):
        start -= 1
    role = text[start:role_end]
    org = next((s for s in org_surfaces if role.startswith(s) and len(role) > len(s)), "")
    role = role[len(org) :]
    role = role[_last_end(rules.re_left_cut, role[: len(role) - 2]) :]
    prefix = next((p for p in rules.role_prefix_stoplist if role.startswith(p) and len(role) > len(p)), "")
    return role[len(prefix) :].strip("、") or None


def _name_cues(kind: str, rules: Rules) -> tuple[str, ...] | None:
    """Cues a name needs after it: none after a role word, a speech verb after a quote or at a
    sentence start, any name cue right after an organisation (苏州系统医学研究所马瑜婷当选)."""
    return {ROLE: None, SPEAKER: rules.speech_verbs, AFTER_ORG: rules.name_cues}[kind]


def _find_people(paragraphs: list[str], rules: Rules, org_surfaces: tuple[str, ...]) -> dict[str, _Entity]:
    found: list[tuple[str, str | None, bool]] = []  # (name, role, confirmed by a cue)
    re_orgs = re.compile(_alternation(org_surfaces))
    for text in paragraphs:
        org_spans = [m.span() for m in re_orgs.finditer(text)] if org_surfaces else []
        in_org = bytearray(len(text) + 1)
        for a, b in org_spans:
            in_org[a:b] = b"\x01" * (b - a)
        candidates = [(m.end(), ROLE, m.start(), m.end()) for m in rules.re_role.finditer(text)]
        candidates += [(m.start(), SPEAKER, 0, 0) for m in rules.re_speaker.finditer(text)]
        candidates += [(end, AFTER_ORG, 0, 0) for _, end in org_spans]
        last_person_end = 0
        for pos, kind, role_start, role_end in sorted(candidates):
            if pos < last_person_end or in_org[pos]:
                continue
            read = _read_name(text, pos, rules, cues=_name_cues(kind, rules))
            if read is None:
                continue
            name, confirmed = read
            role = (
                _role_before(text, role_start, role_end, last_person_end, org_surfaces, rules)
                if kind == ROLE
                else None
            )
            found.append((name, role, confirmed))
            last_person_end = pos + len(name)
    confirmed_names = {n for n, _, c in found if c}
    people: dict[str, _Entity] = {}
    for name, role, confirmed in found:
        if not confirmed and len(name) == 3 and name[:2] in confirmed_names:
            name = name[:2]
        ent = people.setdefault(name, _Entity(name=name, type=PERSON, surfaces=[name]))
        ent.role = ent.role or role
    return people


# ---------------------------------------------------------------- mentions


def _sentence_at(text: str, pos: int) -> str:
    cursor = 0
    for sentence in split_sentences(text):
        start = text.find(sentence, cursor)
        if start < 0:
            break
        cursor = start + len(sentence)
        if pos < cursor:
            return sentence
    return text.strip()


def extract_entities(paragraphs: list[str], *, rules: Rules | None = None) -> list[dict]:
    """Enterprises, institutions and people of one article (its body paragraphs in order).

    One dict per entity, in order of first mention: name, short_name, type ('enterprise' |
    'institution' | 'person'), role, mentions (times the name or a short name occurs),
    paragraph_index and sentence of the first mention.
    """
    rules = rules or load_rules()
    paragraphs = [p if isinstance(p, str) else "" for p in paragraphs]
    orgs = _find_orgs(paragraphs, rules)
    org_surfaces = _longest_first(s for e in orgs.values() for s in e.surfaces)
    people = _find_people(paragraphs, rules, org_surfaces)
    entities = list(orgs.values()) + [p for p in people.values() if p.name not in org_surfaces]

    owner: dict[str, int] = {}
    for n, ent in enumerate(entities):
        for surface in ent.surfaces:
            owner.setdefault(surface, n)
    counts = [0] * len(entities)
    first: list[tuple[int, int] | None] = [None] * len(entities)
    seen: list[list[str]] = [[] for _ in entities]
    pattern = re.compile(_alternation(owner))
    for pi, text in enumerate(paragraphs):
        for m in pattern.finditer(text):
            n = owner[m.group(0)]
            counts[n] += 1
            first[n] = first[n] or (pi, m.start())
            seen[n].append(m.group(0))

    out = []
    for n, ent in enumerate(entities):
        if not counts[n]:
            continue
        pi, pos = first[n]
        out.append(
            {
                "name": ent.name,
                "short_name": _short_name(ent, seen[n], rules),
                "type": ent.type,
                "role": ent.role if ent.type == PERSON else _org_role(ent, paragraphs, rules),
                "mentions": counts[n],
                "paragraph_index": pi,
                "sentence": _sentence_at(paragraphs[pi], pos),
                "_at": (pi, pos),
            }
        )
    out.sort(key=lambda e: e.pop("_at"))
    return out


def _short_name(ent: _Entity, seen: list[str], rules: Rules) -> str | None:
    """Explicit 简称, else the first other name the article uses, else a derived one."""
    if ent.type == PERSON or ent.short_name:
        return ent.short_name
    used = next((s for s in seen if s != ent.name), None)
    if used or ent.type == INSTITUTION:
        return used
    if ent.gazetteer and ent.gazetteer.aliases[0] != ent.name:
        return ent.gazetteer.aliases[0]
    if not ent.name.endswith(rules.enterprise_suffixes):
        return None
    forms = _derived_forms(ent.name, rules)
    if len(forms) > 1 and len(forms[1]) >= 3:
        return forms[1]
    return forms[0] if forms else None


# ---------------------------------------------------------------- bylines


def extract_bylines(line: str, *, rules: Rules | None = None) -> list[tuple[str, str]]:
    """Parses an author line into (role, name) pairs; role is '' when the line gives none.

    >>> extract_bylines("本报记者 李争粉 特约通讯员 魏志强 沈丹萍")
    [('本报记者', '李争粉'), ('特约通讯员', '魏志强'), ('特约通讯员', '沈丹萍')]
    >>> extract_bylines("▶ 杨 婷")
    [('', '杨婷')]
    """
    rules = rules or load_rules()
    text = (line or "").strip()
    marked = bool(text) and text[0] in rules.byline_markers
    text = text.lstrip(rules.byline_markers + " \t\u3000")
    if not text or len(text) > BYLINE_MAX or RE_CLAUSE_PUNCT.search(text):
        return []
    role, out, has_role = "", [], False
    names: list[str] = []
    for token in text.split():
        found = next((r for r in rules.byline_roles if token.startswith(r)), None)
        if found:
            out.extend((role, n) for n in _join_split_names(names))
            role, names, has_role = found.rstrip("/"), [], True
            token = token[len(found) :].lstrip("/:： ")
        if token:
            names.append(token)
    out.extend((role, n) for n in _join_split_names(names))
    if not (has_role or marked):
        return []
    return [(r, n) for r, n in out if RE_PERSON_NAME.fullmatch(n)]


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
