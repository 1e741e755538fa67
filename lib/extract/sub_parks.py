"""Parks inside a listed zone, written right after its name: 中关村丰台园, 西咸新区空港新城, 光谷南大健康产业园.

A report about one of a zone's parks names the park with its zone before it and is about the park; a
report about the zone names the zone on its own far more often. `lib.extract.zones.find_mentions` counts
each such name as a zone of its own, in its zone's province and city; `sub_park_after` reads the park's own
name before one of `sub_park_suffixes` of zones.json: 2 to `sub_park_max_name_chars` characters, no verb or
function word (`sub_park_stop_tags`), not only generic words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lib import config
from lib.core import rulefiles
from lib.core.chars import CJK
from lib.extract.named_parks import park_rules
from lib.text import segment


@dataclass(frozen=True)
class SubParkRules:
    re_name: re.Pattern | None  # a short name and a suffix, at the start of what it is matched against
    suffix_type: dict[str, str]
    stop_tags: tuple[str, ...]  # a word tagged so (a verb, 的, 和 …) does not name a park


def sub_park_rules() -> SubParkRules:
    return rulefiles.compiled(_compile, config.rule_file("zones.json"))


def _compile(content: bytes | None) -> SubParkRules:
    spec = rulefiles.json_rules(content, name="zones.json")
    types = {s["suffix"]: s["type"] for s in spec.get("sub_park_suffixes", [])}
    most = int(spec.get("sub_park_max_name_chars", 4))
    pattern = f"(?P<name>[{CJK}]{{2,{most}}}?)(?P<suffix>{rulefiles.alternation(types)})" if types else None
    return SubParkRules(
        re_name=re.compile(pattern) if pattern else None,
        suffix_type=types,
        stop_tags=tuple(spec.get("sub_park_stop_tags", ["v"])),
    )


def sub_park_after(text: str, end: int) -> tuple[str, str] | None:
    """The park named right at `end` (after a listed zone's name) and its type: ('丰台园', '产业园') of
    中关村|丰台园; None when the characters there name no park (中关村|打造科技园, 中关村|数字产业园)."""
    rules = sub_park_rules()
    m = rules.re_name.match(text, end) if rules.re_name else None
    if m is None:
        return None
    tagged = segment.tag(m["name"])
    if any(tag.startswith(rules.stop_tags) for _, tag in tagged):
        return None
    if all(word in park_rules().generic_words for word, _ in tagged):
        return None  # 数字产业园: generic words (park_generic_words) name no park of their own
    return m.group(0), rules.suffix_type[m["suffix"]]
