"""The place before a zone's suffix, read word by word from the end (lib.extract.zones): place words (a
place, or a word tagged as a name that jieba's dictionary does not list as a person's name), then, for a
suffix that allows one, a descriptive word between a known place and the suffix (新县|先进制造业|开发区); for
another suffix, one short name of the zone's own after a city or county (湘潭|天易|经开区)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lib.core.chars import CJK, RE_CJK_RUN_END
from lib.extract.entity_rules import dictionary_entry
from lib.extract.named_parks import park_rules
from lib.extract.places import join_split_places, locate
from lib.text import segment

if TYPE_CHECKING:
    from lib.extract.zones import Gazetteer, Suffix

#: A place, then another in brackets, right before a zone's name: 厦门(集美), 襄阳（宜城）.
RE_BRACKETED_PLACE = re.compile(f"(?P<outer>[{CJK}]{{2,6}})[(（](?P<inner>[{CJK}]{{2,5}})[)）]$")


def run_before(text: str, end: int, gz: Gazetteer) -> str:
    """The Chinese characters right before `end`, as many as a place and a descriptive word may take; a
    county in brackets after its city is read without them (厦门(集美)机械 → 厦门集美机械)."""
    run, bracket = _run_and_bracket(text, end, gz)
    if run is None:
        return ""
    return bracket["outer"] + bracket["inner"] + run.group(0) if bracket else run.group(0)


def _run_and_bracket(text: str, end: int, gz: Gazetteer) -> tuple[re.Match | None, re.Match | None]:
    """The run of Chinese characters right before `end` (within what a place and a descriptive word may
    take), and a place in brackets right before that run (or right before `end` when there is no run)."""
    window = text[max(0, end - gz.max_place_chars - gz.max_descriptor_chars) : end]
    run = RE_CJK_RUN_END.search(window)
    bracket = RE_BRACKETED_PLACE.search(window, 0, run.start() if run else len(window))
    return run, bracket if bracket and gz.places.is_place(bracket["inner"]) else None


#: A zone's owner before its place in brackets (中德（沈阳）, 力合科创(佛山)): at most this many characters.
OWNER_MAX_CHARS = 4
#: Function words before an owner (由|数字（福建）安溪产业园): the owner starts after them.
OWNER_BOUNDARY_TAGS = ("p", "c", "u", "d", "r", "m", "q", "x", "w")


def zone_words(text: str, end: int, suffix: Suffix, gz: Gazetteer) -> tuple[str, list[str]]:
    """(name, place words) of the zone whose suffix starts at `end`: the words `place_words` reads, and the
    name they make before the suffix; for a zone named for an owner that is no place, with its place in
    brackets (中德（沈阳）高端装备制造产业园, 中韩（盐城）产业园), that name as written and the words from the
    bracketed place on."""
    words = place_words(run_before(text, end, gz), suffix, gz)
    run, bracket = _run_and_bracket(text, end, gz)
    owner = _owner(bracket["outer"], gz) if bracket else ""
    if not owner:
        return "".join(words), words
    written = owner + bracket.string[bracket.end("outer") : bracket.end()]  # 中德（沈阳）
    if run is None:  # 中韩（盐城）|产业园: nothing between the bracket and the suffix
        return written, [bracket["inner"]]
    own = list(words)
    while own and not "".join(own).startswith(bracket["inner"]):
        own = own[1:]
    rest = "".join(own)[len(bracket["inner"]) :]
    return (written + rest, own) if own else ("".join(words), words)


def _owner(outer: str, gz: Gazetteer) -> str:
    """The owner a zone is named for in the characters before a bracketed place (the run of Chinese
    characters there): all of them when they are short and start with no function word (中德, 力合科创),
    else the words after a function word (由|数字); "" when a place is among them (厦门(集美): a city and
    its district) or a verb is (来到力合科创: where the name starts is unknown)."""
    tagged = segment.tag(outer)
    if any(gz.places.is_place(w) for w, _ in tagged):
        return ""
    if len(outer) <= OWNER_MAX_CHARS and not tagged[0][1].startswith(OWNER_BOUNDARY_TAGS):
        return outer
    owner = ""
    for word, tag in reversed(tagged):
        if tag.startswith(OWNER_BOUNDARY_TAGS):
            break
        if tag.startswith("v") or len(owner) + len(word) > OWNER_MAX_CHARS:
            return ""
        owner = word + owner
    return owner if len(owner) >= 2 else ""


def place_words(run: str, suffix: Suffix, gz: Gazetteer) -> list[str]:
    """The words of the place name that ends the run (and of a descriptive word after it when the
    suffix allows one and a known place precedes it), in text order."""
    tagged = _join_directions(join_split_places(segment.tag(run), gz.places), gz) if run else []
    words = _walk(tagged, lambda w, t: _is_place_word(w, t, gz), gz.max_place_chars)
    first = _first_place(words, gz) or 0  # 热烈祝贺|武汉市
    tags = dict(tagged) if first else {}  # most runs start with their place: no lookup wanted
    while first and len(words[first - 1]) <= gz.area_max_chars and tags.get(words[first - 1]) in gz.area_tags:
        first -= 1  # 临港|松江科技城: a short place name the divisions do not list is part of the name
    words = words[first:]
    if words and (
        len("".join(words)) >= 2 or _first_place(words, gz) is not None
    ):  # 西航|港: 港 alone no place
        return _city_before(tagged[: len(tagged) - len(words)], words, gz) + words
    if not suffix.descriptive and suffix.canonical in gz.own_name_suffixes:
        return _own_name_after_place(tagged, gz)
    described = _walk(tagged, lambda w, t: _is_descriptor_word(w, t, gz), gz.max_descriptor_chars)
    place = _walk(tagged[: -len(described)], lambda w, t: _is_place_word(w, t, gz), gz.max_place_chars)
    named = [w for w in place if gz.places.is_place(w)]  # 山东省数字经济产业园: a province's title, no zone
    found = described and named and not all(map(gz.places.only_province, named))
    return [*place, *described] if found else []


def _join_directions(tagged: list[tuple[str, str]], gz: Gazetteer) -> list[tuple[str, str]]:
    """A direction the segmenter cut off a place (常州|西|太湖 科技产业园, `direction_words`) joined to it: 西太湖 is
    the zone's own name, not 安庆's 太湖."""
    out: list[tuple[str, str]] = []
    for word, tag in tagged:
        if out and out[-1][0] in gz.direction_words and out[-1][1] == "f" and gz.places.is_place(word):
            out[-1] = (out[-1][0] + word, tag)
        else:
            out.append((word, tag))
    return out


def _city_before(tagged: list[tuple[str, str]], words: list[str], gz: Gazetteer) -> list[str]:
    """A place and a descriptive word right before the place words (十堰|生态|滨江 新区), when the place is in
    another province than the place words: 滨江 is then a word of the zone's own name, not 杭州's 滨江; []
    otherwise."""
    if len(tagged) < 2 or not gz.places.is_place(tagged[-2][0]):
        return []
    (city, _), (word, tag) = tagged[-2:]
    if not _is_descriptor_word(word, tag, gz) or len(word) > gz.max_descriptor_chars:
        return []
    here, there = locate([city], gz.places)[0], locate(words, gz.places)[0]
    return [city, word] if here and there and here != there else []


#: Tags of a word that is no part of a zone's own name cut in two by the segmenter (大|碶, 中|北, 西航|港).
OWN_NAME_STOP_TAGS = ("v", "p", "c", "u", "d", "r", "m", "q", "w", "y", "e")


def _own_name_after_place(tagged: list[tuple[str, str]], gz: Gazetteer) -> list[str]:
    """A city or county, then one short name of the zone's own (湘潭|天易|经开区; or its characters cut in two
    words: 双流区|西航|港|经济开发区, 北仑区|大|碶|工业园区): the words of both; [] when the last word is no such
    name (湘潭|推进|经开区, 苏州|工业|园区) or no city or county precedes it."""
    for n in (1, 2):
        if len(tagged) <= n:
            return []
        parts = tagged[-n:]
        name = "".join(w for w, _ in parts)
        if n == 1:
            fits = parts[0][1] in gz.own_name_tags
        else:  # two words: neither a verb nor a function word, nor a place of its own
            fits = not any(t.startswith(OWN_NAME_STOP_TAGS) or gz.places.is_place(w) for w, t in parts)
        if not (fits and 2 <= len(name) <= gz.own_name_max_chars) or blocked(name, gz):
            continue
        if any(w in park_rules().generic_words for w, _ in parts) or name in park_rules().generic_words:
            return []
        place = _walk(tagged[:-n], lambda w, t: _is_place_word(w, t, gz), gz.max_place_chars)
        first = _first_place(place, gz)  # 黄华来|盐城: what stands before the place is another phrase
        if first is None or not gz.places.is_place(place[-1]) or gz.places.only_province(place[-1]):
            return []
        return [*place[first:], name]
    return []


def _first_place(words: list[str], gz: Gazetteer) -> int | None:
    """Where the first place the divisions list stands among the words, or None."""
    return next((i for i, w in enumerate(words) if gz.places.is_place(w)), None)


def _walk(tagged: list[tuple[str, str]], ok, limit: int) -> list[str]:
    """The longest run of words at the end of `tagged` that satisfy ok(word, tag), within limit chars."""
    out: list[str] = []
    size = 0
    for word, tag in reversed(tagged):
        if not ok(word, tag) or size + len(word) > limit:
            break
        out.append(word)
        size += len(word)
    return out[::-1]


def blocked(word: str, gz: Gazetteer) -> bool:
    return word.startswith(gz.not_place)


def _is_descriptor_word(word: str, tag: str, gz: Gazetteer) -> bool:
    """A word describing a zone after its place (智能制造; 智慧, tagged as a name), never a place (五华|科技)."""
    if blocked(word, gz) or gz.places.is_place(word) or word in gz.not_descriptors:
        return False
    if tag in gz.descriptor_tags or word in gz.descriptor_verbs:  # 智能|制造: an industry
        return True
    listed = dictionary_entry(word)
    return bool(listed and listed[1] in gz.listed_name_tags)


def _is_place_word(word: str, tag: str, gz: Gazetteer) -> bool:
    """A word of a place name: a place, or tagged as a name, unless the dictionary itself lists the word as a
    person's name (jieba's dictionary tags 弘扬, 文明, 智慧 nr: 弘扬开发区精神 names no zone)."""
    if blocked(word, gz):
        return False
    if gz.places.is_place(word) or word in gz.place_tails:
        return True
    listed = dictionary_entry(word)
    return tag in gz.place_tags and not (listed and listed[1] in gz.listed_name_tags)
