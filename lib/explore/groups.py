"""Every group at once (KH Coder's term-by-group view): the words most over-used by each zone, province,
year or theme against all the others, side by side, and a correspondence-analysis map of groups and words.

- `group_terms`: per group, its top terms by keyness (signed log-likelihood G2 of lib.text.keywords) against
  the rest of the filtered text; only over-used terms (G2 > 0).
- `correspondence`: correspondence analysis of the groups × words contingency table of the `n_terms` most
  frequent words: the SVD of the standardised residuals S = D_r^-1/2 (P − r cᵀ) D_c^-1/2, rows at
  D_r^-1/2 U Σ and columns at D_c^-1/2 V Σ (principal coordinates, symmetric map). The share of inertia of
  each axis is σ² / Σσ², where Σσ² = χ² / n.

Both are computed on the dataset's term index (`filtered_group_terms`, `filtered_correspondence`); their
plain-Python definitions are in tests/reference_words.py (used only by tests).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from lib.dataset.schema import Dataset
from lib.explore import term_index
from lib.explore.filters import Filters
from lib.text.keywords import over_used

#: What paragraphs can be grouped by, with its label.
GROUPINGS = {"zone": "区域", "province": "省份", "year": "年份", "theme": "主题"}
#: The province group of the paragraphs whose report's zone has no known province.
UNKNOWN_PROVINCE = "未知省份"


def with_province(paragraphs: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The paragraphs with a `province` column: the province of their report's zone (the articles table's
    `province`), UNKNOWN_PROVINCE where the report has none."""
    province = paragraphs["article_id"].map(articles.set_index("article_id")["province"])
    known = province.notna() & (province.astype(str) != "")
    return paragraphs.assign(province=province.where(known, UNKNOWN_PROVINCE))


def grouped(paragraphs: pd.DataFrame, by: str, *, values: str = "row") -> pd.DataFrame:
    """[group, row] of the paragraphs that have a value of `by` (a paragraph of two themes is in both);
    `values` names another column to keep instead of the paragraph's position `row` (the plain-Python
    definitions of tests/reference_words.py keep `tokens`)."""
    if by == "theme":
        table = paragraphs[["themes", values]].explode("themes").rename(columns={"themes": "group"})
    else:
        table = paragraphs[[by, values]].rename(columns={by: "group"})
    table = table[table["group"].notna() & (table["group"].astype(str) != "")]
    if by == "year":
        table = table.assign(group=table["group"].astype(int).astype(str) + " 年")
    return table.reset_index(drop=True)


def _best_per_group(scores: pd.DataFrame, top: int) -> pd.DataFrame:
    columns = ["group", "rank", "term", "count_target", "g2"]
    if scores.empty:
        return pd.DataFrame(columns=columns)
    over = scores[scores["g2"] > 0].sort_values(["group", "g2", "term"], ascending=[True, False, True])
    best = over.groupby("group", sort=True).head(top).copy()
    best["rank"] = best.groupby("group").cumcount() + 1
    best["g2"] = best["g2"].round(2)
    return best[columns].reset_index(drop=True)


def side_by_side(terms: pd.DataFrame) -> pd.DataFrame:
    """`group_terms` as a matrix: one column per group, one row per rank."""
    if terms.empty:
        return pd.DataFrame()
    return terms.pivot(index="rank", columns="group", values="term").fillna("").reset_index()


def _map(counts: pd.DataFrame) -> tuple[pd.DataFrame, list[float]]:
    """`correspondence` of a groups × words table of counts."""
    columns = ["kind", "name", "x", "y", "mass"]
    counts = counts.loc[counts.sum(axis=1) > 0]
    if min(counts.shape) < 3:
        return pd.DataFrame(columns=columns), []
    rows, cols, shares = ca_coordinates(
        np.ascontiguousarray(counts.to_numpy(dtype=float))
    )  # one summation order
    points = pd.concat(
        [
            pd.DataFrame({"kind": "group", "name": counts.index, "x": rows[:, 0], "y": rows[:, 1]}),
            pd.DataFrame({"kind": "term", "name": counts.columns, "x": cols[:, 0], "y": cols[:, 1]}),
        ],
        ignore_index=True,
    )
    total = counts.to_numpy().sum()
    points["mass"] = np.concatenate([counts.sum(axis=1), counts.sum(axis=0)]) / total
    return points[columns], shares[:2]


def ca_coordinates(n: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[float]]:
    """Principal coordinates of the rows and the columns of a contingency table, and each axis's share
    of the total inertia (see the module docstring)."""
    p = n / n.sum()
    r, c = p.sum(axis=1), p.sum(axis=0)
    s = (p - np.outer(r, c)) / np.sqrt(np.outer(r, c))
    u, sigma, vt = np.linalg.svd(s, full_matrices=False)
    rows = (u * sigma) / np.sqrt(r)[:, None]
    cols = (vt.T * sigma) / np.sqrt(c)[:, None]
    inertia = sigma**2
    return rows, cols, [float(x) for x in inertia / inertia.sum()]


# --- for the pages ------------------------------------------------------------------------------------


def filtered_members(ds: Dataset, filters: Filters, by: str) -> pd.DataFrame:
    """[group, row]: `grouped` of the filtered paragraphs, each paragraph by its position."""
    column = {"theme": "themes", "province": "article_id"}.get(by, by)
    frame = term_index.body_frame(ds, filters, [column])
    if by == "province":
        frame = with_province(frame, ds.articles)
    return grouped(frame, by)


def filtered_group_terms(
    ds: Dataset, filters: Filters, by: str, top: int, exclude: tuple[str, ...]
) -> pd.DataFrame:
    """`group_terms` of the filtered paragraphs, from the dataset's term index."""
    counts, names = term_index.group_matrix(ds, filtered_members(ds, filters, by), exclude)
    terms = term_index.term_index(ds).terms
    return _best_per_group(over_used(counts, terms, names, min_count=2, top=top), top)


def filtered_correspondence(
    ds: Dataset, filters: Filters, by: str, n_terms: int, exclude: tuple[str, ...]
) -> tuple[pd.DataFrame, list[float]]:
    """`correspondence` of the filtered paragraphs, from the dataset's term index: the words are the most
    frequent (a paragraph in two groups counted twice), ties in the order they first occur."""
    index, members = term_index.term_index(ds), filtered_members(ds, filters, by)
    rows = members["row"].to_numpy()
    skip = np.array([index.ids[t] for t in exclude if t in index.ids], dtype=np.int64)
    seen = term_index.first_seen(index, pd.unique(rows), skip)  # in the order they first occur
    if not len(seen):
        return pd.DataFrame(columns=["kind", "name", "x", "y", "mass"]), []
    weights = np.bincount(rows, minlength=index.size).astype(float)
    total = np.rint(index.counts.T @ weights).astype(np.int64)
    words = seen[np.argsort(-total[seen], kind="stable")][:n_terms]
    names = sorted(set(members["group"]))
    codes = pd.Categorical(members["group"], categories=names).codes
    member = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.int64), (codes, rows)), shape=(len(names), index.size)
    )
    table = (member @ index.counts[:, words]).toarray()
    return _map(pd.DataFrame(table, index=names, columns=index.terms[words]))
