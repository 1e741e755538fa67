"""Themes: tags a paragraph or sentence with themes from the taxonomy in `data/rules/themes.json`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lib import config
from lib.core import rulefiles
from lib.core.chars import WordAutomaton, word_automaton


@dataclass(frozen=True)
class Taxonomy:
    themes: dict[str, tuple[str, ...]]
    max_themes: int
    min_hits: int
    #: Every keyword → the themes it counts for: a text is read once for all of them.
    automaton: WordAutomaton | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        owners: dict[str, list[str]] = {}
        for name, words in self.themes.items():
            for w in words:
                if w:
                    owners.setdefault(w, []).append(name)
        automaton = word_automaton({word: (word, tuple(names)) for word, names in owners.items()})
        object.__setattr__(self, "automaton", automaton)

    @property
    def names(self) -> list[str]:
        return list(self.themes)


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """The taxonomy of data/rules/themes.json (or another file), compiled once per content."""
    return rulefiles.compiled(_compile, path or config.rule_file("themes.json"))


def _compile(content: bytes | None) -> Taxonomy:
    spec = rulefiles.json_rules(content, name="themes.json")
    return Taxonomy(
        themes={name: tuple(words) for name, words in spec["themes"].items()},
        max_themes=int(spec.get("max_themes", 3)),
        min_hits=int(spec.get("min_hits", 1)),
    )


def theme_hits(text: str, *, taxonomy: Taxonomy | None = None) -> Counter:
    """Counts keyword hits per theme (each keyword occurrence counts once)."""
    tx = taxonomy or load_taxonomy()
    counts = dict.fromkeys(tx.themes, 0)
    free_from: dict[str, int] = {}  # keyword → where its next occurrence may start (as str.count, no overlap)
    for end, (word, names) in tx.automaton.iter(text) if tx.automaton is not None and text else ():
        start = end - len(word) + 1
        if start >= free_from.get(word, 0):
            free_from[word] = end + 1
            for name in names:
                counts[name] += 1
    return Counter({name: n for name, n in counts.items() if n})


def tag_themes(text: str, *, taxonomy: Taxonomy | None = None) -> list[str]:
    """The themes of a text, strongest first: at most `max_themes`, each with at least `min_hits` hits.

    Ties keep the taxonomy's order, so the result is stable."""
    tx = taxonomy or load_taxonomy()
    hits = theme_hits(text, taxonomy=tx)
    order = {name: i for i, name in enumerate(tx.themes)}
    ranked = sorted((n for n in hits if hits[n] >= tx.min_hits), key=lambda n: (-hits[n], order[n]))
    return ranked[: tx.max_themes]
