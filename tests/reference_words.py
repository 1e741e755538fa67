"""The word computations as they were first written: plain Python over a DataFrame of paragraphs (their
`tokens` lists). They define what the pages show; lib/explore computes the same on the dataset's term
index (lib/explore/term_index.py), and tests/explore/test_term_index.py checks that the two give the same
tables, exactly, on the shipped reports. Only the tests use them."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from itertools import combinations

import pandas as pd

from lib.dataset.schema import Dataset, counted_paragraphs
from lib.explore import compare, groups
from lib.explore import words as word_views
from lib.explore.filters import Filters, filter_table
from lib.text import keywords

TFIDF_COLUMNS = ["doc_id", "term", "count", "tf", "idf", "tfidf"]


def cloud_frequencies(
    docs: Iterable[Iterable[str]], *, max_words: int = 150, exclude: Iterable[str] = ()
) -> dict[str, int]:
    """{term: count} for a word cloud: `top_terms` without topic words."""
    return keywords.cloud_of(keywords.term_frequencies(docs), max_words=max_words, exclude=exclude)


def tfidf(docs_by_id: Mapping[Hashable, Iterable[str]]) -> pd.DataFrame:
    """[doc_id, term, count, tf, idf, tfidf], one row per term of each document, best first
    within a document. tf = count / document length; idf = ln((1 + N) / (1 + doc_freq)) + 1
    (smoothed, so a term in every document keeps a small weight)."""
    docs = {doc_id: Counter(keywords.as_token_list(tokens)) for doc_id, tokens in docs_by_id.items()}
    doc_freq: Counter[str] = Counter()
    for counts in docs.values():
        doc_freq.update(counts.keys())
    rows = []
    for doc_id, counts in docs.items():
        length = sum(counts.values())
        for term, count in counts.items():
            idf = math.log((1 + len(docs)) / (1 + doc_freq[term])) + 1
            rows.append((doc_id, term, count, count / length, idf, count / length * idf))
    table = pd.DataFrame(rows, columns=TFIDF_COLUMNS)
    if table.empty:
        return table
    order = {doc_id: i for i, doc_id in enumerate(docs)}
    table["_order"] = table["doc_id"].map(order)
    table = table.sort_values(["_order", "tfidf", "term"], ascending=[True, False, True], ignore_index=True)
    return table.drop(columns="_order")


def keyness_all(
    df: pd.DataFrame, group_col: str, *, tokens_col: str = "tokens", min_count: int = 1
) -> pd.DataFrame:
    """`keyness` of each group against the rest, stacked: [group, term, count_target, …],
    groups in sorted order. Empty with fewer than two groups."""
    return keyness_by_group(keywords._group_counts(df, group_col, tokens_col), min_count=min_count)


def keyness_by_group(counts: Mapping[Hashable, Counter[str]], *, min_count: int = 1) -> pd.DataFrame:
    """`keyness_all` from each group's term counts."""
    total = sum(counts.values(), Counter())
    tables = [
        keywords.keyness_table(counts[g], total - counts[g], min_count=min_count).assign(group=g)
        for g in sorted(counts, key=str)
    ]
    columns = ["group", *keywords.KEYNESS_COLUMNS]
    tables = [t for t in tables if not t.empty]
    return pd.concat(tables, ignore_index=True)[columns] if tables else pd.DataFrame(columns=columns)


def group_counts(paragraphs: pd.DataFrame, by: str) -> dict[str, Counter]:
    counts: dict[str, Counter] = {}
    for group, tokens in zip(*(compare.grouped(paragraphs, by)[c] for c in ("group", "tokens")), strict=True):
        counts.setdefault(group, Counter()).update(tokens)
    return counts


def compare_two(paragraphs: pd.DataFrame, by: str, a: str, b: str, *, min_count: int = 2) -> pd.DataFrame:
    """The words typical of each of two groups against the other, both sides computed the same way:
    [group, term, count_target, count_rest, g2, log_ratio, p_value] with the rows of `a` (the terms it
    over-uses against `b`, G2 > 0, its own counts as count_target) then those of `b`, each side sorted
    by its own G2. Swapping a and b swaps the sides exactly."""
    return _compare_counts(group_counts(paragraphs, by), a, b, min_count=min_count)


def _compare_counts(counts: dict[str, Counter], a: str, b: str, *, min_count: int = 2) -> pd.DataFrame:
    ca, cb = counts.get(a, Counter()), counts.get(b, Counter())
    sides = []
    for group, target, rest in ((a, ca, cb), (b, cb, ca)):
        table = keywords.keyness_table(target, rest, min_count=min_count)
        sides.append(table[table["g2"] > 0].assign(group=group))
    return pd.concat(sides, ignore_index=True)[["group", *keywords.KEYNESS_COLUMNS]]


def distinctive_by_group(
    paragraphs: pd.DataFrame, by: str, *, n: int = 10, min_count: int = 2
) -> pd.DataFrame:
    """For every group, its n most over-used terms against all other groups together (works for any
    number of groups ≥ 2): [group, term, count_target, count_rest, g2, log_ratio, p_value]."""
    return compare._top_per_group(
        keyness_all(compare.grouped(paragraphs, by), "group", min_count=min_count), n=n
    )


def filtered_body(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """The counted paragraphs under the sidebar's filters."""
    return counted_paragraphs(filter_table(ds, "paragraphs", filters))


def group_terms(paragraphs: pd.DataFrame, by: str, *, top: int = 10, exclude=()) -> pd.DataFrame:
    """[group, rank, term, count_target, g2]: each group's `top` most over-used terms against the other
    groups (G2 > 0), groups in sorted order; empty with fewer than two groups."""
    table = groups.grouped(paragraphs, by, values="tokens")
    skip = set(exclude)
    if skip:
        table = table.assign(tokens=[[t for t in tokens if t not in skip] for tokens in table["tokens"]])
    return groups._best_per_group(keyness_all(table, "group", min_count=2), top)


def correspondence(
    paragraphs: pd.DataFrame, by: str, *, n_terms: int = 40, exclude=()
) -> tuple[pd.DataFrame, list[float]]:
    """(points, shares): points [kind, name, x, y, mass] for the groups (kind "group") and the `n_terms`
    most frequent words (kind "term") on the first two axes, and each axis's share of the inertia.
    Empty with fewer than three groups or words (no two-dimensional map)."""
    table = groups.grouped(paragraphs, by, values="tokens").explode("tokens").dropna(subset=["tokens"])
    table = table[~table["tokens"].isin(set(exclude))]
    columns = ["kind", "name", "x", "y", "mass"]
    if table.empty:
        return pd.DataFrame(columns=columns), []
    words = table["tokens"].value_counts().head(n_terms).index
    return groups._map(pd.crosstab(table["group"], table["tokens"])[words])


def filtered_groupable(ds: Dataset, filters: Filters, by: str) -> pd.DataFrame:
    """The counted paragraphs under the filters, with the column `by` groups them by."""
    body = filtered_body(ds, filters)
    return groups.with_province(body, ds.articles) if by == "province" else body


def _token_lists(paragraphs: pd.DataFrame) -> Iterable[Sequence[str]]:
    return (list(t) for t in paragraphs["tokens"]) if "tokens" in paragraphs else ()


def collocates(
    paragraphs: pd.DataFrame, word: str, *, window: int = word_views.WINDOW, top: int = 30
) -> pd.DataFrame:
    """[term, together, term_total, log_dice] of the words within `window` of `word` in the paragraphs,
    strongest first (ties by count); empty when `word` does not occur."""
    counts: Counter[str] = Counter()
    together: Counter[str] = Counter()
    for tokens in _token_lists(paragraphs):
        counts.update(tokens)
        near = {
            j
            for i, token in enumerate(tokens)
            if token == word
            for j in range(max(0, i - window), min(len(tokens), i + window + 1))
            if j != i
        }  # each neighbouring occurrence once
        together.update(tokens[j] for j in near if tokens[j] != word)
    return word_views._collocate_table(together, counts, counts.get(word, 0), top=top)


def cooccurrence(
    paragraphs: pd.DataFrame, *, n_words: int = 60, n_edges: int = 80, exclude: Iterable[str] = ()
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(nodes, edges) of the co-occurrence network of the paragraphs' `n_words` most widespread words.

    nodes: [term, paragraphs, community, x, y]; edges: [source, target, together, jaccard], the `n_edges`
    highest Jaccard coefficients among word pairs sharing at least two paragraphs. Words without an edge
    are left out; community 1 is the largest."""
    skip = set(exclude)
    where: dict[str, set[int]] = {}
    for n, tokens in enumerate(_token_lists(paragraphs)):
        for token in set(tokens) - skip:
            where.setdefault(token, set()).add(n)
    words = sorted(where, key=lambda w: (-len(where[w]), w))[:n_words]
    pairs = []
    for a, b in combinations(words, 2):
        shared = len(where[a] & where[b])
        if shared >= 2:
            pairs.append((a, b, shared, shared / len(where[a] | where[b])))
    return word_views._network(pairs, {w: len(where[w]) for w in words}, n_edges)


def trends(paragraphs: pd.DataFrame, words: Sequence[str], *, by: str = "year") -> pd.DataFrame:
    """[<by>, term, count, total_words, per_10k]: each word's occurrences per value of `by` (year or zone), the
    number of words in that group's text, and the rate per word_views.PER_WORDS words. Groups without a value are
    left out; every group appears for every word (count 0 where it is absent)."""
    columns = [by, "term", "count", "total_words", "per_10k"]
    body = (
        paragraphs[paragraphs[by].notna() & (paragraphs[by] != "")]
        if by in paragraphs
        else paragraphs.iloc[:0]
    )
    if body.empty or not words:
        return pd.DataFrame(columns=columns)
    rows = []
    for group, part in body.groupby(by, sort=True):
        counts = Counter(t for tokens in part["tokens"] for t in tokens)
        total = sum(counts.values())
        for word in words:
            n = counts.get(word, 0)
            rows.append([group, word, n, total, round(n / total * word_views.PER_WORDS, 2) if total else 0.0])
    table = pd.DataFrame(rows, columns=columns)
    if by == "year":
        table[by] = table[by].astype(int)
    return table


def phrases(
    paragraphs: pd.DataFrame, *, sizes: Sequence[int] = (2, 3, 4), min_count: int = 2, top: int = 50
) -> pd.DataFrame:
    """[phrase, n_words, count, paragraphs]: runs of adjacent content words (joined with a space) that occur
    at least `min_count` times, most frequent first; a run inside a longer run of the same count is left
    out (产业链 党建 when it only ever occurs in 产业链 党建 联盟)."""
    lists = [t for t in _token_lists(paragraphs) if len(t) >= min(sizes)]
    count: Counter[tuple[str, ...]] = Counter()
    frequent: set[tuple[str, ...]] | None = None  # the runs one word shorter that occur often enough
    for size in range(min(sizes), max(sizes) + 1):  # each size narrowed by the one before it
        size_count: Counter[tuple[str, ...]] = Counter()
        for tokens in lists:
            grams = list(zip(*(tokens[i:] for i in range(size)), strict=False))
            if frequent is not None:  # a run occurs often enough only if both its shorter runs do
                grams = [g for g in grams if g[:-1] in frequent and g[1:] in frequent]
            size_count.update(grams)
        frequent = {g for g, n in size_count.items() if n >= min_count}
        if size in sizes:
            count.update({g: size_count[g] for g in frequent if len(set(g)) == size})  # 党建 党建: no phrase
    kept = dict(count)
    longer = [g for g in kept if len(g) > min(sizes)]
    inside = {part for g in longer for part in (g[:-1], g[1:]) if part in kept and kept[part] == kept[g]}
    shown = sorted((g for g in kept if g not in inside), key=lambda g: (-kept[g], -len(g), " ".join(g)))[:top]
    if not shown:
        return pd.DataFrame(columns=["phrase", "n_words", "count", "paragraphs"])
    spread = _paragraphs_with(lists, set(shown))
    rows = [
        {"phrase": " ".join(g), "n_words": len(g), "count": kept[g], "paragraphs": spread[g]} for g in shown
    ]
    return pd.DataFrame(rows)


def _paragraphs_with(lists: list[Sequence[str]], wanted: set[tuple[str, ...]]) -> Counter:
    """How many of the token lists hold each of the wanted runs."""
    spread: Counter[tuple[str, ...]] = Counter()
    for size in {len(g) for g in wanted}:
        for tokens in lists:
            spread.update(wanted.intersection(zip(*(tokens[i:] for i in range(size)), strict=False)))
    return spread


def tfidf_terms(body: pd.DataFrame, n: int, exclude: tuple[str, ...]) -> pd.DataFrame:
    """compare.term_table's TF-IDF ordering: [term, tfidf, count], articles as documents."""
    tf = tfidf(body.groupby("article_id")["tokens"].sum().to_dict())
    table = (
        tf[~tf["term"].isin(exclude)]
        .groupby("term", as_index=False)
        .agg(tfidf=("tfidf", "max"), count=("count", "sum"))
    )
    return table.sort_values(["tfidf", "term"], ascending=[False, True]).head(n).reset_index(drop=True)


def profile_top_terms(body: pd.DataFrame, *, n: int = 20, exclude=()) -> pd.DataFrame:
    """The zone profile's top terms: most frequent keywords of its counted paragraphs."""
    return keywords.top_terms(body["tokens"], n=n, exclude=exclude)


def distinctive_terms(
    ds: Dataset, zone: str, *, n: int = 20, article_ids=None, min_count: int = 3
) -> pd.DataFrame:
    """The zone profile's distinctive terms: keyness of the zone's counted paragraphs (narrowed to
    `article_ids`) against those of all other zones, G2 > 0, without the zone's own name."""
    body = counted_paragraphs(ds.paragraphs)
    body = body[body["zone"] != ""]
    if article_ids is not None:
        body = body[(body["zone"] != zone) | body["article_id"].isin(article_ids)]
    if body["zone"].nunique() < 2 or zone not in set(body["zone"]):
        return pd.DataFrame(columns=keywords.KEYNESS_COLUMNS)
    table = keywords.keyness(body, "zone", zone, min_count=min_count)
    return table[(table["g2"] > 0) & (table["term"] != zone)].head(n).reset_index(drop=True)
