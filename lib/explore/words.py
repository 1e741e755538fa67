"""The 词语分析 workbench: which words go with a word, which words share paragraphs, how a word's use
changes over the years, and the set phrases reports speak in. Everything is counted on the dataset's
per-paragraph tokens (content words in text order, after the domain dictionary, part-of-speech filter and
stopwords of lib.text.keywords), never by cutting the text again, on the dataset's term index. The names
below are those of their plain-Python definitions in tests/reference_words.py (used only by tests).

- `collocates`: the words within WINDOW content words of a query word, ranked by log-Dice
  (14 + log2(2·f(xy) / (f(x) + f(y))), Rychlý 2008: at most 14, independent of corpus size), with the
  co-occurrence count and each word's own count.
- `cooccurrence`: KH Coder's co-occurrence network: the most frequent words (by the paragraphs they occur
  in), edges between words that share paragraphs weighted by the Jaccard coefficient (shared paragraphs /
  paragraphs with either), the strongest edges kept, communities by greedy modularity (networkx), and a
  Kamada-Kawai layout (deterministic: the same filter always gives the same drawing; on the shipped
  reports it leaves 2 pairs of the 46 words crowded where a spring layout left 7).
- `trends`: occurrences of words per year (or per zone) and per 10,000 words of that year's text.
- `phrases`: runs of 2–4 adjacent content words that recur (产业链 党建 联盟), counted and by paragraphs.
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations

import networkx as nx
import numpy as np
import pandas as pd
from scipy import sparse

from lib.dataset.schema import Dataset
from lib.explore import ngrams, term_index
from lib.explore.filters import Filters

#: Collocates are the words at most this many content words before or after the query word.
WINDOW = 5
#: Rates in `trends` are per this many words (每万词).
PER_WORDS = 10_000


def _collocate_table(together: Counter, counts, f_word: int, *, top: int) -> pd.DataFrame:
    """`collocates`' table from the words near the query word, every word's count and the query's own."""
    if not f_word or not together:
        return pd.DataFrame(columns=["term", "together", "term_total", "log_dice"])
    rows = [
        {
            "term": term,
            "together": n,
            "term_total": counts[term],
            "log_dice": round(14 + math.log2(2 * n / (f_word + counts[term])), 3),
        }
        for term, n in together.items()
    ]
    table = pd.DataFrame(rows).sort_values(["log_dice", "together", "term"], ascending=[False, False, True])
    return table.head(top).reset_index(drop=True)


def _network(pairs: list[tuple], spread: dict[str, int], n_edges: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`cooccurrence`'s (nodes, edges) from the word pairs sharing paragraphs and each word's paragraphs."""
    pairs.sort(key=lambda p: (-p[3], -p[2], p[0], p[1]))
    edges = pd.DataFrame(pairs[:n_edges], columns=["source", "target", "together", "jaccard"])
    if edges.empty:
        return pd.DataFrame(columns=["term", "paragraphs", "community", "x", "y"]), edges
    graph = nx.Graph()
    graph.add_weighted_edges_from(edges[["source", "target", "jaccard"]].itertuples(index=False))
    groups = nx.community.greedy_modularity_communities(graph, weight="weight")
    community = {w: i + 1 for i, group in enumerate(groups) for w in group}
    layout = nx.kamada_kawai_layout(graph, weight=None)  # spreads words more evenly than a spring layout
    nodes = pd.DataFrame(
        [
            {"term": w, "paragraphs": spread[w], "community": community[w], "x": x, "y": y}
            for w, (x, y) in layout.items()
        ]
    )
    return nodes.sort_values(["community", "paragraphs"], ascending=[True, False]).reset_index(
        drop=True
    ), edges


# --- for the pages: the same on the sidebar's filter, cached per dataset and filter by ui.state.cached ---


def filtered_collocates(ds: Dataset, filters: Filters, word: str, window: int) -> pd.DataFrame:
    """[term, together, term_total, log_dice] of the words within `window` of `word` in the filtered
    paragraphs (together: how many of the term's occurrences stand that near an occurrence of `word`),
    strongest first (ties by count), from the dataset's term index."""
    index, rows = term_index.term_index(ds), term_index.body_rows(ds, filters)
    counts = term_index.totals(index.counts, rows)
    wid = index.ids.get(word)
    f_word = int(counts[wid]) if wid is not None else 0
    if not f_word:
        return _collocate_table(Counter(), {}, 0, top=30)
    chosen = np.zeros(index.size, dtype=bool)
    chosen[rows] = True
    at = np.flatnonzero(index.flat == wid)
    para = np.searchsorted(index.starts, at, side="right") - 1
    at, para = at[chosen[para]], para[chosen[para]]
    positions = []
    for step in (*range(-window, 0), *range(1, window + 1)):
        where = at + step
        inside = (where >= index.starts[para]) & (where < index.starts[para + 1])
        positions.append(where[inside])
    # each neighbouring occurrence once, however many occurrences of the word stand near it: a word's
    # count beside the query word never exceeds its own count
    near = np.bincount(index.flat[np.unique(np.concatenate(positions))], minlength=len(index.terms))
    near[wid] = 0
    together = term_index.as_counter(index, near)
    return _collocate_table(together, term_index.as_counter(index, counts), f_word, top=30)


def filtered_network(
    ds: Dataset, filters: Filters, n_words: int, n_edges: int, exclude: tuple[str, ...]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`cooccurrence` of the filtered paragraphs, from the dataset's term index."""
    index, rows = term_index.term_index(ds), term_index.body_rows(ds, filters)
    spread = term_index.as_counter(index, term_index.totals(index.present, rows), frozenset(exclude))
    words = sorted(spread, key=lambda w: (-spread[w], w))[:n_words]
    ids = [index.ids[w] for w in words]
    chosen = index.present[:, ids][rows].astype(np.int64)  # uint8: its products would wrap at 256
    shared = (chosen.T @ chosen).toarray()
    pairs = []
    for (i, a), (j, b) in combinations(enumerate(words), 2):
        both = int(shared[i, j])
        if both >= 2:
            pairs.append((a, b, both, both / (spread[a] + spread[b] - both)))
    return _network(pairs, {w: spread[w] for w in words}, n_edges)


def filtered_trends(ds: Dataset, filters: Filters, terms: tuple[str, ...], by: str) -> pd.DataFrame:
    """`trends` of the filtered paragraphs, from the dataset's term index."""
    index = term_index.term_index(ds)
    frame = term_index.body_frame(ds, filters, [by])
    frame = frame[frame[by].notna() & (frame[by] != "")]
    if frame.empty or not terms:
        return pd.DataFrame(columns=[by, "term", "count", "total_words", "per_10k"])
    codes, groups = pd.factorize(frame[by], sort=True)
    rows = frame["row"].to_numpy()
    totals = np.bincount(codes, weights=np.diff(index.starts)[rows], minlength=len(groups))
    member = sparse.csr_matrix(
        (np.ones(len(codes), dtype=np.int64), (codes, rows)), shape=(len(groups), index.size)
    )
    ids = [index.ids.get(t) for t in terms]
    known = [i for i in ids if i is not None]
    per_group = (member @ index.counts[:, known]).toarray() if known else np.zeros((len(groups), 0))
    out = []
    for g, group in enumerate(groups):
        total = int(totals[g])
        for term, wid in zip(terms, ids, strict=True):
            n = int(per_group[g, known.index(wid)]) if wid is not None else 0
            out.append([group, term, n, total, round(n / total * PER_WORDS, 2) if total else 0.0])
    table = pd.DataFrame(out, columns=[by, "term", "count", "total_words", "per_10k"])
    if by == "year":
        table[by] = table[by].astype(int)
    return table


def filtered_phrases(ds: Dataset, filters: Filters, top: int) -> pd.DataFrame:
    """`phrases` of the filtered paragraphs, from the dataset's term index."""
    return ngrams.phrases_of(term_index.term_index(ds), term_index.body_rows(ds, filters), top=top)
