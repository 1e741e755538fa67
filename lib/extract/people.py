"""People: a family name plus one or two characters, accepted only with a cue: a role word right before it
(董事长贾继明, “外卖诗人”王计兵), or a speech verb right after it at a sentence start or after a quote
(”王磊说), or right after an organisation name with a cue (…研究所马瑜婷当选). Precision comes before
recall: a name with no cue is not a person. Common dictionary words (jieba's dictionary) are not names
(骑手党员服… is not a person). Rules in data/rules/entities.json.
"""

from __future__ import annotations

import re

from lib.core.chars import CJK, find_longest
from lib.extract.entity_rules import (
    MAX_RUN,
    PERSON,
    SPEAKER_MARKS,
    EntityDraft,
    EntityRules,
    dictionary_entry,
)
from lib.extract.organisations import last_end

#: Where a person's name was spotted: after a role word, as a speaker, right after an organisation.
ROLE, SPEAKER, AFTER_ORG = "role", "speaker", "after_org"
RE_ALL_CJK = re.compile(f"[{CJK}]+")
#: What a role may contain left of its role word (昆山市委、昆山高新区党工委书记、管委会主任).
RE_ROLE_CHAR = re.compile(f"[{CJK}、]")
#: Where a speaker's name may start, but at the start of a text.
RE_SPEAKER_MARK = re.compile(f"[{re.escape(SPEAKER_MARKS)}]")
#: Punctuation that may follow a person's name.
NAME_END_PUNCT = "，,。、；;：:！!？?）)（(“”「」 \u3000"


def _cue_at(text: str, i: int, cues: tuple[str, ...], *, punctuation: bool = True) -> bool:
    if i >= len(text):
        return punctuation
    return (punctuation and text[i] in NAME_END_PUNCT) or text.startswith(cues, i)


def _read_name(
    text: str, i: int, rules: EntityRules, *, cues: tuple[str, ...] | None = None
) -> tuple[str, bool] | None:
    """Reads a person's name starting at i: (name, confirmed by a cue) or None.

    With `cues`, only a name followed by one of them (speech verbs) is accepted; otherwise a name
    with no cue is read as three characters unless the third cannot be part of a name.
    """
    surname = next(
        (text[i : i + n] for n in rules.surname_lengths if text[i : i + n] in rules.surname_set), None
    )
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


def _valid_name(text: str, i: int, name: str, surname_len: int, rules: EntityRules) -> bool:
    if name in rules.false_names:
        return False
    for word in {name[: surname_len + 1], name} if surname_len == 1 else {name}:
        freq, tag = dictionary_entry(word) or (0, "nr")
        if freq >= rules.common_word_min_freq and not tag.startswith("nr"):
            return False
    return not any(text.startswith(rules.role_words, j) for j in range(i + 1, i + len(name)))


def _role_before(
    text: str, role_start: int, role_end: int, cut_at: int, org_surfaces: tuple[str, ...], rules: EntityRules
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
    role = role[last_end(rules.re_left_cut, role[: len(role) - 2]) :]
    prefix = next((p for p in rules.role_prefix_stoplist if role.startswith(p) and len(role) > len(p)), "")
    return role[len(prefix) :].strip("、") or None


def _name_cues(kind: str, rules: EntityRules) -> tuple[str, ...] | None:
    """Cues a name needs after it: none after a role word, a speech verb after a quote or at a
    sentence start, any name cue right after an organisation (苏州系统医学研究所马瑜婷当选)."""
    return {ROLE: None, SPEAKER: rules.speech_verbs, AFTER_ORG: rules.name_cues}[kind]


def speaker_starts(text: str, rules: EntityRules) -> list[int]:
    """Where `rules.re_speaker` matches (a surname at the start or after a sentence's end or a closing
    quote), tried only there instead of at every character."""
    starts = [0, *(m.end() for m in RE_SPEAKER_MARK.finditer(text))]
    return [at for at in starts if rules.re_speaker.match(text, at)]


def find_people(
    paragraphs: list[str], rules: EntityRules, org_surfaces: tuple[str, ...]
) -> dict[str, EntityDraft]:
    found: list[tuple[str, str | None, bool]] = []  # (name, role, confirmed by a cue)
    for text in paragraphs:
        org_spans = find_longest(text, org_surfaces)
        in_org = bytearray(len(text) + 1)
        for a, b in org_spans:
            in_org[a:b] = b"\x01" * (b - a)
        candidates = [(m.end(), ROLE, m.start(), m.end()) for m in rules.re_role.finditer(text)]
        candidates += [(at, SPEAKER, 0, 0) for at in speaker_starts(text, rules)]
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
    people: dict[str, EntityDraft] = {}
    for name, role, confirmed in found:
        if not confirmed and len(name) == 3 and name[:2] in confirmed_names:
            name = name[:2]
        ent = people.setdefault(name, EntityDraft(name=name, type=PERSON, surfaces=[name]))
        ent.role = ent.role or role
    return people
