"""Organisations: enterprises, universities and institutes named in a report.

A run of Chinese characters ending in a legal or institutional suffix (…有限公司, …集团, …大学, …研究院)
is a name. Its left edge is the first place name (苏州…) or what follows the last word that never occurs
inside a name (的, 高新区, 打造 …). Short names come from （以下简称“X”）, from the gazetteer, or from
removing place, suffix and business words. Rules in data/rules/entities.json.
"""

from __future__ import annotations

import re

from lib.core import rulefiles
from lib.core.chars import CJK
from lib.extract.entity_rules import (
    ENTERPRISE,
    INSTITUTION,
    MAX_RUN,
    Enterprise,
    EntityDraft,
    EntityRules,
    dictionary_entry,
)

#: How far left of its suffix an organisation name can start: MAX_RUN name characters of at most
#: ten characters each (a bracketed place).
MAX_NAME_REACH = MAX_RUN * 10
#: The role a frame gives an organisation (以中科可控为链主龙头): the whole run of ideographs after it.
RE_FRAMED_ROLE = re.compile(f"([{CJK}]{{2,8}})(?![{CJK}])")
RE_BRACKETED = re.compile(f"[（(][{CJK}]{{1,8}}[）)]")


def last_end(pattern: re.Pattern, text: str) -> int:
    """End of the last match of pattern in text, 0 if none."""
    end = 0
    for m in pattern.finditer(text):
        end = m.end()
    return end


def _trim_org(run: str, head_end: int, suffix: str, rules: EntityRules, *, institution: bool) -> str:
    """Finds where an organisation name starts inside the run of characters that ends with it."""
    if not institution:
        known = next((e.full for e in rules.enterprises if e.full and run.endswith(e.full)), None)
        if known:
            return known
    body_end = head_end - len(suffix)
    cut = max(last_end(rules.re_left_cut, run[:body_end]), last_end(rules.re_org_left_cut, run[:body_end]))
    run, head_end, body_end = run[cut:], head_end - cut, body_end - cut
    if institution:
        for start in range(0, head_end - len(suffix) - 1):
            if dictionary_entry(run[start:head_end]):
                return run[start:]
    place = rules.re_place.search(run, 0, body_end)
    if place:
        return run[place.start() :]
    return run[last_end(rules.re_org_soft_cut, run[:body_end]) :]


def _core(name: str, rules: EntityRules) -> str:
    """The name without bracketed places, leading places and legal suffix: 丘钛微电子科技."""
    core = RE_BRACKETED.sub("", name)
    core = rules.re_place_prefix.sub("", core) or core
    for suffix in rules.enterprise_suffixes:
        if core.endswith(suffix):
            return core[: -len(suffix)]
    return core


def derived_forms(name: str, rules: EntityRules) -> list[str]:
    """Short forms of an enterprise name, longest first: 丘钛微电子科技, 丘钛微电子, 丘钛."""
    form = _core(name, rules)
    forms = [form]
    while True:
        word = next((w for w in rules.industry_words if form.endswith(w) and len(form) - len(w) >= 2), None)
        if word is None or form[: -len(word)] in rules.industry_words:
            return [f for f in forms if f != name]
        form = form[: -len(word)]
        forms.append(form)


def _only_industry_words(core: str, rules: EntityRules) -> bool:
    while core:
        word = next((w for w in rules.industry_words if core.endswith(w)), None)
        if word is None:
            return False
        core = core[: -len(word)]
    return True


def _valid_org(name: str, suffix: str, rules: EntityRules) -> bool:
    """An enterprise needs a core of two characters besides place and suffix that is not only
    business words (科技集团) or generic (跨国集团); an institution two besides its suffix."""
    if suffix in rules.institution_suffixes:
        return len(name) - len(suffix) >= 2
    core = rules.re_place_prefix.sub("", _core(name, rules))
    if len(core) < 2 or _only_industry_words(core, rules):
        return False
    head = derived_forms(core, rules)[-1:] or [core]
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


def _org_matches(text: str, rules: EntityRules):
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


def _gazetteer_entry(name: str, rules: EntityRules) -> Enterprise | None:
    for e in rules.enterprises:
        if name == e.full or any(a in name for a in e.aliases):
            return e
    return None


def find_orgs(paragraphs: list[str], rules: EntityRules) -> dict[str, EntityDraft]:
    """Organisations keyed by gazetteer entry or written name, with every surface they go by."""
    orgs: dict[str, EntityDraft] = {}
    for text in paragraphs:
        for name, start, kind in _org_matches(text, rules):
            entry = _gazetteer_entry(name, rules) if kind == ENTERPRISE else None
            key = entry.canonical if entry else name
            ent = orgs.get(key)
            if ent is None:
                ent = orgs[key] = EntityDraft(name=name, type=kind, gazetteer=entry)
            elif not ent.name_in_text:
                ent.name, ent.name_in_text = name, True
            ent.surfaces.append(name)
            short = rules.re_short_name.match(text, start + len(name))
            if short and ent.short_name is None:
                ent.short_name = short.group("short")
                ent.surfaces.append(ent.short_name)
            if kind == ENTERPRISE:
                ent.surfaces.extend(f for f in derived_forms(name, rules) if len(f) >= 3)
        for m in rules.re_alias.finditer(text):
            entry = next(e for e in rules.enterprises if m.group(0) in (*e.aliases, e.full))
            if entry.canonical not in orgs:
                orgs[entry.canonical] = EntityDraft(
                    name=entry.canonical,
                    type=ENTERPRISE,
                    gazetteer=entry,
                    name_in_text=m.group(0) == entry.canonical,
                )
    for ent in orgs.values():
        known = (ent.gazetteer.full, *ent.gazetteer.aliases) if ent.gazetteer else ()
        ent.surfaces = list(dict.fromkeys(s for s in (ent.name, *ent.surfaces, *known) if s))
    return orgs


def org_role(ent: EntityDraft, paragraphs: list[str], rules: EntityRules) -> str | None:
    """The role an organisation is given by a frame such as 以中科可控为链主龙头."""
    for before, after in rules.org_role_frames:
        for surface in rulefiles.longest_first(ent.surfaces):
            frame = before + surface + after
            for text in paragraphs:
                at = text.find(frame)
                while at >= 0:
                    m = RE_FRAMED_ROLE.match(text, at + len(frame))
                    if m:
                        return m.group(1)
                    at = text.find(frame, at + 1)
    return None
