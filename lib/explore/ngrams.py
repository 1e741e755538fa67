"""The phrases of tests/reference_words.py (`phrases`) counted on the term index's token ids with NumPy: the same phrases, counts and
paragraphs, in a second or so for 100 MB instead of a pass of Python tuples over every run of words.

A run of k words gets an id at each position where it starts: a 2-word run by its two token ids, a longer
run by the id of its first k-1 words and its last token. As there, a run of k words is
counted only where both of its (k-1)-word runs are frequent (`min_count`), which leaves its count as it
is, since every occurrence of a run has the same shorter runs.

Memory: what is held is the filter's token ids (each paragraph followed by -1, which no run crosses) and
each length's run id at every position, all int32 (about 100 MB for the 6 million tokens of 100 MB of
text); what each length's count makes besides is bounded by SPAN positions at a time."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.explore.term_index import TermIndex, token_chunks

#: Positions whose runs are keyed and looked up at a time.
SPAN = 1 << 18
COLUMNS = ["phrase", "n_words", "count", "paragraphs"]


@dataclass
class Level:
    """The runs of one length: their tokens (one row each), counts, whether frequent, the id of the run
    starting at each position (-1: none counted there), and the ids of their shorter runs."""

    tokens: np.ndarray
    count: np.ndarray
    frequent: np.ndarray
    at: np.ndarray
    prefix: np.ndarray
    suffix: np.ndarray


def phrases_of(index: TermIndex, rows: np.ndarray, *, longest: int = 4, min_count: int = 2, top: int = 50):
    """`phrases` (sizes 2 to `longest`) of the paragraphs at `rows`.

    Only the `top` most frequent phrases are shown, so the longer runs are first counted only where
    their shorter runs are frequent enough to be among them (`_floor`): when that leaves at least `top`
    phrases, they are the `top` the full count would show (every run as frequent as the last of them is
    counted in full); otherwise the runs are counted again down to `min_count`."""
    tokens = runs_of(index, rows)
    pairs = _level(tokens, len(index.terms), 2, None, min_count)
    floor = _floor(pairs, top, min_count)
    levels = _levels(tokens, len(index.terms), longest, pairs, floor)
    shown = _shown(levels, index.terms, top)
    if len(shown) < top and floor > min_count:
        levels = None  # let the first count go before the second is made
        levels = _levels(tokens, len(index.terms), longest, pairs, min_count)
        shown = _shown(levels, index.terms, top)
    if not shown:
        return pd.DataFrame(columns=COLUMNS)
    spread = _spread(levels, tokens, shown)
    return pd.DataFrame(
        [
            {"phrase": phrase, "n_words": k, "count": int(levels[k].count[g]), "paragraphs": spread[k, g]}
            for phrase, k, g in shown
        ]
    )


def _floor(pairs: Level, top: int, min_count: int) -> int:
    """A count the `top` phrases likely reach: that of the 4·top-th most frequent pair of two words."""
    distinct = pairs.count[pairs.tokens[:, 0] != pairs.tokens[:, 1]]
    if len(distinct) < 4 * top:
        return min_count
    return max(min_count, int(np.partition(distinct, len(distinct) - 4 * top)[len(distinct) - 4 * top]))


def runs_of(index: TermIndex, rows: np.ndarray) -> np.ndarray:
    """The rows' token ids end to end (int32), each row followed by -1: no run of words crosses it."""
    lengths = index.starts[rows + 1] - index.starts[rows]
    out = np.full(int(lengths.sum()) + len(rows), -1, dtype=np.int32)
    at = 0
    for n, tokens in token_chunks(index, rows):
        out[np.arange(len(tokens)) + np.repeat(np.arange(len(n)), n) + at] = tokens
        at += len(tokens) + len(n)
    return out


def _levels(tokens: np.ndarray, n_terms: int, longest: int, pairs: Level, floor: int) -> dict[int, Level]:
    """The runs of 2 to `longest` words, a run of k > 2 words counted only where both of its runs of
    k - 1 words occur at least `floor` times (its count is then whole: every occurrence has them)."""
    levels = {2: Level(pairs.tokens, pairs.count, pairs.count >= floor, pairs.at, pairs.prefix, pairs.suffix)}
    for k in range(3, longest + 1):
        levels[k] = _level(tokens, n_terms, k, levels[k - 1], floor)
    return levels


def _keys(tokens: np.ndarray, n_terms: int, k: int, shorter: Level | None, lo: int):
    """(start, key) of the runs of k words starting in the span at `lo`: a pair (k = 2, no `shorter`) by
    its two token ids, a longer run by its first k - 1 words' run id and its last token; a run of k > 2
    words only where both its shorter runs are frequent."""
    hi = min(lo + SPAN, len(tokens) - k + 1)
    if shorter is None:
        first = tokens[lo:hi]
        ok = (first >= 0) & (tokens[lo + 1 : hi + 1] >= 0)
    else:
        first, then = shorter.at[lo:hi], shorter.at[lo + 1 : hi + 1]
        ok = (first >= 0) & (then >= 0)
        ok[ok] = shorter.frequent[first[ok]] & shorter.frequent[then[ok]]
    start = np.flatnonzero(ok)
    return start + lo, first[start].astype(np.int64) * n_terms + tokens[start + lo + k - 1]


def _level(tokens: np.ndarray, n_terms: int, k: int, shorter: Level | None, floor: int) -> Level:
    """The runs of k words, in two passes over spans of positions: their distinct keys (in the order
    they first occur), then each position's run id and the counts."""
    spans = range(0, max(len(tokens) - k + 1, 0), SPAN)
    found = [pd.unique(_keys(tokens, n_terms, k, shorter, lo)[1]) for lo in spans]
    keys = pd.unique(np.concatenate([np.zeros(0, dtype=np.int64), *found]))
    lookup = pd.Index(keys)
    at = np.full(len(tokens), -1, dtype=np.int32)
    count = np.zeros(len(keys), dtype=np.int64)
    head = np.zeros(len(keys), dtype=np.int64)  # where each run starts (any start: the same shorter runs)
    for lo in spans:
        start, key = _keys(tokens, n_terms, k, shorter, lo)
        codes = lookup.get_indexer(key)
        at[start] = codes
        count += np.bincount(codes, minlength=len(keys))
        head[codes] = start
    prefix, last = keys // n_terms, keys % n_terms
    if shorter is None:
        rows, suffix = np.column_stack([prefix, last]), last
    else:
        rows, suffix = np.column_stack([shorter.tokens[prefix], last]), shorter.at[head + 1].astype(np.int64)
    return Level(rows, count, count >= floor, at, prefix, suffix)


def _shown(levels: dict[int, Level], terms: np.ndarray, top: int) -> list[tuple[str, int, int]]:
    """(phrase, length, run id) of the `top` phrases `phrases` shows, in its order."""
    kept = {
        k: lv.frequent & (np.diff(np.sort(lv.tokens, axis=1), axis=1) != 0).all(axis=1)
        for k, lv in levels.items()
    }
    inside = {k: np.zeros(len(lv.count), dtype=bool) for k, lv in levels.items()}
    for k, lv in levels.items():
        if k - 1 not in levels:
            continue
        longer = np.flatnonzero(kept[k])
        for part in (lv.prefix[longer], lv.suffix[longer]):
            same = kept[k - 1][part] & (levels[k - 1].count[part] == lv.count[longer])
            inside[k - 1][part[same]] = True
    found = [(k, g) for k in levels for g in np.flatnonzero(kept[k] & ~inside[k])]
    if not found:
        return []
    count = np.array([levels[k].count[g] for k, g in found])
    size = np.array([k for k, _ in found])
    order = np.lexsort((-size, -count))
    last = order[min(top, len(order)) - 1]
    near = (count > count[last]) | ((count == count[last]) & (size >= size[last]))
    named = [
        (" ".join(terms[levels[k].tokens[g]]), k, g) for (k, g), keep in zip(found, near, strict=True) if keep
    ]
    named.sort(key=lambda x: (-levels[x[1]].count[x[2]], -x[1], x[0]))
    return named[:top]


def _spread(levels: dict[int, Level], tokens: np.ndarray, shown: list[tuple[str, int, int]]) -> dict:
    """{(length, run id): number of paragraphs holding the run} of the shown phrases."""
    spread = {}
    ends = np.flatnonzero(tokens < 0)  # the paragraph of a position: the ends before it
    base = max(len(ends), 1)
    for k in {k for _, k, _ in shown}:
        wanted = np.zeros(len(levels[k].count), dtype=bool)
        wanted[[g for _, size, g in shown if size == k]] = True
        hit = _holding(levels[k].at, wanted)
        pairs = np.unique(levels[k].at[hit].astype(np.int64) * base + np.searchsorted(ends, hit))
        ids, n = np.unique(pairs // base, return_counts=True)  # (run, paragraph), each once
        spread.update({(k, int(g)): int(c) for g, c in zip(ids, n, strict=True)})
    return spread


def _holding(at: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """The positions where a wanted run (a mask by run id) starts, a span at a time."""
    found = [np.zeros(0, dtype=np.int64)]
    for lo in range(0, len(at), SPAN):
        ids = at[lo : lo + SPAN]
        where = np.flatnonzero(ids >= 0)
        found.append(where[wanted[ids[where]]] + lo)
    return np.concatenate(found)
