"""The phrases of tests/reference_words.py (`phrases`) counted on the term index's token ids with NumPy: the same phrases, counts and
paragraphs, in a second or so for 100 MB instead of a pass of Python tuples over every run of words.

A run of k words gets an id at each position where it starts: a 2-word run by its two token ids, a longer
run by the id of its first k-1 words and its last token. As there, a run of k words is
counted only where both of its (k-1)-word runs are frequent (`min_count`), which leaves its count as it
is, since every occurrence of a run has the same shorter runs."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.explore.term_index import TermIndex

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
    tokens, segment = tokens_of(index, rows)
    pairs = _level(tokens, segment, len(index.terms), 2, None, min_count)
    floor = _floor(pairs, top, min_count)
    levels = _levels(tokens, segment, len(index.terms), longest, pairs, floor)
    shown = _shown(levels, index.terms, top)
    if len(shown) < top and floor > min_count:
        levels = _levels(tokens, segment, len(index.terms), longest, pairs, min_count)
        shown = _shown(levels, index.terms, top)
    if not shown:
        return pd.DataFrame(columns=COLUMNS)
    spread = _spread(levels, segment, shown)
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


def tokens_of(index: TermIndex, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rows' token ids end to end, and the number of the row each comes from."""
    lengths = index.starts[rows + 1] - index.starts[rows]
    offsets = np.cumsum(lengths) - lengths
    where = np.arange(lengths.sum()) - np.repeat(offsets - index.starts[rows], lengths)
    return index.flat[where], np.repeat(np.arange(len(rows)), lengths)


def _levels(tokens: np.ndarray, segment: np.ndarray, n_terms: int, longest: int, pairs: Level, floor: int):
    """The runs of 2 to `longest` words, a run of k > 2 words counted only where both of its runs of
    k - 1 words occur at least `floor` times (its count is then whole: every occurrence has them)."""
    levels = {2: Level(pairs.tokens, pairs.count, pairs.count >= floor, pairs.at, pairs.prefix, pairs.suffix)}
    for k in range(3, longest + 1):
        levels[k] = _level(tokens, segment, n_terms, k, levels[k - 1], floor)
    return levels


def _level(tokens: np.ndarray, segment: np.ndarray, n_terms: int, k: int, shorter: Level | None, floor: int):
    n = len(tokens)
    start = np.arange(max(n - k + 1, 0))
    ok = segment[start] == segment[start + k - 1]
    if shorter is None:
        first = tokens[start]
    else:
        a, b = shorter.at[start], shorter.at[start + 1]
        ok &= (a >= 0) & (b >= 0)
        ok[ok] = shorter.frequent[a[ok]] & shorter.frequent[b[ok]]
        first = a
    start = start[ok]
    codes, keys = pd.factorize(first[ok].astype(np.int64) * n_terms + tokens[start + k - 1])  # ids: int32
    count = np.bincount(codes, minlength=len(keys))
    at = np.full(n, -1, dtype=np.int64)
    at[start] = codes
    head = np.full(len(keys), 0, dtype=np.int64)
    head[codes[::-1]] = start[::-1]  # where each run first starts
    prefix, last = keys // n_terms, keys % n_terms
    if shorter is None:
        rows, suffix = np.column_stack([prefix, last]), last
    else:
        rows, suffix = np.column_stack([shorter.tokens[prefix], last]), shorter.at[head + 1]
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


def _spread(levels: dict[int, Level], segment: np.ndarray, shown: list[tuple[str, int, int]]) -> dict:
    """{(length, run id): number of paragraphs holding the run} of the shown phrases."""
    spread = {}
    base = int(segment[-1]) + 1 if len(segment) else 1
    for k in {k for _, k, _ in shown}:
        wanted = np.array([g for _, size, g in shown if size == k])
        hit = np.flatnonzero(np.isin(levels[k].at, wanted))
        pairs = np.unique(levels[k].at[hit] * base + segment[hit])  # (run, paragraph), each once
        ids, n = np.unique(pairs // base, return_counts=True)
        spread.update({(k, int(g)): int(c) for g, c in zip(ids, n, strict=True)})
    return spread
