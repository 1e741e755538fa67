"""Comparing groups of paragraphs (zones, themes, articles) by their keywords.

The dataset's `tokens` are already the keywords of each paragraph (stopwords and part-of-speech filter
applied at build time; an edit to a lexicon file rebuilds the dataset), so they are used as they are."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.dataset.schema import Dataset
from lib.explore import term_index
from lib.explore.filters import Filters
from lib.text import keywords

#: How the paragraphs can be grouped: the column that says the group, and what the page calls it.
GROUPINGS = {"zone": "区域", "themes": "主题", "article_id": "文章"}


def grouped(paragraphs: pd.DataFrame, by: str) -> pd.DataFrame:
    """One row per (paragraph, group): a paragraph with two themes counts in both theme groups.
    The group is in column `group`; paragraphs without a group are left out."""
    df = paragraphs.assign(group=paragraphs[by])
    if by == "themes":
        df = df.explode("group")
    return df[df["group"].notna() & (df["group"] != "")]


def _top_per_group(table: pd.DataFrame, *, n: int) -> pd.DataFrame:
    if table.empty:
        return table
    table = table[table["g2"] > 0]
    table = table[table["term"] != table["group"]]  # a zone's own name says nothing about its language
    return (
        table.sort_values(["group", "g2"], ascending=[True, False])
        .groupby("group")
        .head(n)
        .reset_index(drop=True)
    )


#: Scores the keyword table can be ordered by (the column of that name): what the page calls each, and
#: the unit shown on the chart.
SCORES = {"count": ("频次", "次"), "tfidf": ("TF-IDF", ""), "g2": ("关键性 G2", "")}


def has_words(ds: Dataset, filters: Filters) -> bool:
    """Whether any filtered paragraph has a word to count (any counted paragraph under the filters has a token)."""
    index = term_index.term_index(ds)
    return bool(np.diff(index.starts)[term_index.body_rows(ds, filters)].any())


def cloud_terms(ds, filters, n_words: int, exclude: tuple[str, ...]) -> dict[str, int]:
    """{term: count} of the filtered paragraphs for a word cloud, without the `exclude` terms."""
    return keywords.cloud_of(_frequencies(ds, filters), max_words=n_words, exclude=exclude)


def _frequencies(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """`keywords.term_frequencies` of the filtered paragraphs (from the dataset's term index)."""
    return keywords.frequency_table(*term_index.frequencies(ds, filters))


def top_terms(ds: Dataset, filters: Filters, *, n: int = 20, exclude=()) -> pd.DataFrame:
    """`keywords.top_terms` of the filtered paragraphs ([term, count, doc_freq]; not the topic words)."""
    return keywords.top_of(_frequencies(ds, filters), n=n, exclude=exclude)


def keyness_against(
    ds: Dataset, rows: np.ndarray, rest: np.ndarray, *, n: int, exclude=(), min_count: int = 2
) -> pd.DataFrame:
    """`keywords.keyness` of the paragraphs at `rows` against those at `rest` (positions in
    `ds.paragraphs`), the over-used terms only (G2 > 0), strongest first, at most n, without `exclude`."""
    if not len(rows) or not len(rest):
        return pd.DataFrame(columns=keywords.KEYNESS_COLUMNS)
    counts = term_index.target_and_rest(ds, rows, rest)
    table = keywords.over_used(
        counts, term_index.term_index(ds).terms, ["target", "rest"], min_count=min_count
    )
    table = table[(table["group"] == "target") & ~table["term"].isin(exclude)].head(n)
    return table[keywords.KEYNESS_COLUMNS].reset_index(drop=True)


def term_table(ds: Dataset, filters: Filters, score: str, n: int, exclude: tuple[str, ...]) -> pd.DataFrame:
    """The filtered paragraphs' top n terms by a score of SCORES: frequency (count); TF-IDF with articles as
    documents (a term's best article); or keyness G2 (g2) of the filtered paragraphs against all the others
    (empty when the filter keeps the whole corpus: nothing to compare with)."""
    if score == "count":
        return top_terms(ds, filters, n=n, exclude=exclude)
    if score == "tfidf":
        table = keywords.tfidf_by_term(
            term_index.article_matrix(ds, filters), term_index.term_index(ds).terms
        )
        return table[~table["term"].isin(exclude)].head(n).reset_index(drop=True)
    index, rows = term_index.term_index(ds), term_index.body_rows(ds, filters)
    rest = np.setdiff1d(np.flatnonzero(index.counted), rows, assume_unique=True)
    if not len(rest):
        return pd.DataFrame(columns=keywords.KEYNESS_COLUMNS)
    return keyness_against(ds, rows, rest, n=n, exclude=exclude)


def _members(ds: Dataset, filters: Filters, by: str) -> pd.DataFrame:
    """[group, row]: the filtered paragraphs' groups (`grouped`), each paragraph by its position."""
    return grouped(term_index.body_frame(ds, filters, [by]), by)[["group", "row"]]


def group_names(ds, filters, by: str) -> list[str]:
    """The groups (zones or themes) present in the filtered paragraphs, sorted."""
    return sorted(set(_members(ds, filters, by)["group"]))


def compare_pair(ds, filters, by: str, a: str, b: str, exclude: tuple[str, ...]) -> pd.DataFrame:
    """`compare_two` on the filtered paragraphs, without the `exclude` terms (both sides: the download)."""
    members = _members(ds, filters, by)
    counts, names = term_index.group_matrix(ds, members[members["group"].isin([a, b])])
    table = keywords.over_used(counts, term_index.term_index(ds).terms, names, min_count=2)
    table = pd.concat([table[table["group"] == a], table[table["group"] == b]])
    return table[~table["term"].isin(exclude)].reset_index(drop=True)


def pair_sides(table: pd.DataFrame, a: str, b: str) -> list[tuple[str, str, pd.DataFrame]]:
    """The two sides of a `compare_pair` table: (group, the other group, its rows, most typical first)."""
    return [(g, other, table[table["group"] == g].drop(columns="group")) for g, other in ((a, b), (b, a))]


def distinctive_groups(ds, filters, by: str, exclude: tuple[str, ...]) -> pd.DataFrame:
    """`distinctive_by_group` on the filtered paragraphs, without the `exclude` terms."""
    counts, names = term_index.group_matrix(ds, _members(ds, filters, by))
    over = keywords.over_used(counts, term_index.term_index(ds).terms, names, min_count=2, top=9)
    table = _top_per_group(over, n=8)  # 9: a group's own name is left out
    return table[~table["term"].isin(exclude)].reset_index(drop=True)
