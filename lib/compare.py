"""Comparing groups of paragraphs (zones, themes, articles) by their keywords.

The dataset's `tokens` are already the keywords of each paragraph (stopwords and part-of-speech filter
applied at build time; an edit to a lexicon file rebuilds the dataset), so they are used as they are."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from lib import keywords

#: How the paragraphs can be grouped, and the column that says the group.
GROUPINGS = {"区域": "zone", "主题": "themes", "文章": "article_id"}


def body_paragraphs(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Body paragraphs that count (copies excluded)."""
    return paragraphs[(paragraphs["kind"] == "body") & ~paragraphs["is_duplicate"]]


def grouped(paragraphs: pd.DataFrame, by: str) -> pd.DataFrame:
    """One row per (paragraph, group): a paragraph with two themes counts in both theme groups.
    The group is in column `group`; paragraphs without a group are left out."""
    df = paragraphs.assign(group=paragraphs[by])
    if by == "themes":
        df = df.explode("group")
    return df[df["group"].notna() & (df["group"] != "")]


def group_counts(paragraphs: pd.DataFrame, by: str) -> dict[str, Counter]:
    counts: dict[str, Counter] = {}
    for group, tokens in zip(*(grouped(paragraphs, by)[c] for c in ("group", "tokens")), strict=True):
        counts.setdefault(group, Counter()).update(tokens)
    return counts


def compare_two(paragraphs: pd.DataFrame, by: str, a: str, b: str, *, min_count: int = 2) -> pd.DataFrame:
    """Keyness of group `a` against group `b` only: positive G2 = more typical of a, negative = of b."""
    counts = group_counts(paragraphs, by)
    return keywords.keyness_table(counts.get(a, Counter()), counts.get(b, Counter()), min_count=min_count)


def distinctive_by_group(paragraphs: pd.DataFrame, by: str, *, n: int = 10, min_count: int = 2) -> pd.DataFrame:
    """For every group, its n most over-used terms against all other groups together (works for any
    number of groups ≥ 2): [group, term, count_target, count_rest, g2, log_ratio, p_value]."""
    table = keywords.keyness_all(grouped(paragraphs, by), "group", min_count=min_count)
    if table.empty:
        return table
    table = table[table["g2"] > 0]
    table = table[table["term"] != table["group"]]  # a zone's own name says nothing about its language
    return table.sort_values(["group", "g2"], ascending=[True, False]).groupby("group").head(n).reset_index(drop=True)
