"""Themes: tags a paragraph or sentence with themes from the taxonomy in `data/rules/themes.json`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lib import config
from lib.core import rulefiles


@dataclass(frozen=True)
class Taxonomy:
    themes: dict[str, tuple[str, ...]]
    max_themes: int
    min_hits: int
    #: (theme, keyword) pairs by the keyword's first two characters, and the keywords shorter
    #: than two: a text is searched only for the keywords whose opening pair it contains.
    by_opening: dict[str, tuple[tuple[str, str], ...]] = field(init=False, repr=False, compare=False)
    short: tuple[tuple[str, str], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_opening: dict[str, list[tuple[str, str]]] = {}
        for name, words in self.themes.items():
            for w in words:
                if len(w) >= 2:
                    by_opening.setdefault(w[:2], []).append((name, w))
        short = tuple((name, w) for name, words in self.themes.items() for w in words if len(w) < 2)
        object.__setattr__(self, "by_opening", {k: tuple(v) for k, v in by_opening.items()})
        object.__setattr__(self, "short", short)

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
    openings = {text[i : i + 2] for i in range(len(text) - 1)}
    for opening in openings & tx.by_opening.keys():
        for name, word in tx.by_opening[opening]:
            counts[name] += text.count(word)
    for name, word in tx.short:
        counts[name] += text.count(word)
    return Counter({name: n for name, n in counts.items() if n})


def tag_themes(text: str, *, taxonomy: Taxonomy | None = None) -> list[str]:
    """The themes of a text, strongest first: at most `max_themes`, each with at least `min_hits` hits.

    Ties keep the taxonomy's order, so the result is stable."""
    tx = taxonomy or load_taxonomy()
    hits = theme_hits(text, taxonomy=tx)
    order = {name: i for i, name in enumerate(tx.themes)}
    ranked = sorted((n for n in hits if hits[n] >= tx.min_hits), key=lambda n: (-hits[n], order[n]))
    return ranked[: tx.max_themes]
