"""Filters: the sidebar's selection as a plain value, applied the same way to every table, and
described in words so a page can say which filters are active."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

import numpy as np
import pandas as pd

from lib.dataset import ondisk
from lib.dataset.schema import Dataset, counted_paragraphs, text_columns
from lib.extract.metric_context import SCOPE_LABELS


@dataclass(frozen=True)
class Filters:
    provinces: tuple[str, ...] = ()
    zones: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    query: str = ""
    #: Whose numbers (metric `scope`: zone, enterprise, person, other); set by the metric page, not the sidebar.
    scopes: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def describe(self, *, titles: dict[str, str] | None = None) -> str:
        """The active filters as one Chinese sentence, e.g. “区域为 昆山高新区 或 嘉兴高新区，主题为 人才”。"""
        parts = []
        if self.provinces:
            parts.append("省份为 " + " 或 ".join(self.provinces))
        if self.zones:
            parts.append("区域为 " + " 或 ".join(self.zones))
        if self.themes:
            parts.append("主题为 " + " 或 ".join(self.themes))
        if self.articles:
            names = [f"《{(titles or {}).get(a, a)}》" for a in self.articles]
            parts.append("文章为 " + " 或 ".join(names))
        if self.years:
            parts.append("年份为 " + " 或 ".join(f"{y} 年" for y in sorted(self.years)))
        if self.query:
            parts.append(f"包含“{self.query}”")
        if self.scopes:
            parts.append("数字归属为 " + " 或 ".join(SCOPE_LABELS.get(s, s) for s in self.scopes))
        return ("当前筛选：" + "，".join(parts) + "。") if parts else "未设筛选：显示全部语料。"


def _has_theme(values, wanted: set[str]) -> bool:
    if isinstance(values, str):
        return values in wanted
    try:
        return bool(wanted.intersection(values))
    except TypeError:
        return False


def apply_filters(df: pd.DataFrame, filters: Filters, *, text_columns: tuple[str, ...] = ()) -> pd.DataFrame:
    """Rows of `df` that pass every active filter. A filter applies only where the table has its column:
    province → `province`; zone → `zone`; theme → `themes` (list) or `theme`; article → `article_id`; year → `year`;
    query → any of `text_columns` contains it (case-insensitive, literal, not a pattern)."""
    return df[rows_passing(df, filters, text_columns=text_columns)]


def rows_passing(df: pd.DataFrame, filters: Filters, *, text_columns: tuple[str, ...] = ()) -> pd.Series:
    """The boolean mask of `apply_filters`."""
    mask = pd.Series(True, index=df.index)
    if filters.provinces and "province" in df:
        mask &= df["province"].isin(filters.provinces)
    if filters.zones and "zone" in df:
        mask &= df["zone"].isin(filters.zones)
    if filters.themes:
        wanted = set(filters.themes)
        col = "themes" if "themes" in df else "theme" if "theme" in df else None
        if col:
            mask &= df[col].map(lambda v: _has_theme(v, wanted))
    if filters.articles and "article_id" in df:
        mask &= df["article_id"].isin(filters.articles)
    if filters.years and "year" in df:
        mask &= df["year"].isin(list(filters.years))
    if filters.scopes and "scope" in df:
        mask &= df["scope"].isin(filters.scopes)
    if filters.query:
        cols = [c for c in text_columns if c in df]
        if cols:
            mask &= _contains(df, cols, filters.query)
    return mask


def _contains(df: pd.DataFrame, columns: list[str], query: str) -> pd.Series:
    """Whether any of the columns contains the query (case-insensitive, literal): the text filter."""
    hit = pd.Series(False, index=df.index)
    for c in columns:
        hit |= df[c].astype(str).str.contains(query, case=False, regex=False, na=False)
    return hit


def filter_table(ds: Dataset, table: str, filters: Filters, columns: list[str] | None = None) -> pd.DataFrame:
    """Rows of a dataset table under the sidebar's filters, the one way every page and module filters.

    Province, zone, article and year are those of the report a row comes from (so the year filter means the report's
    year, never a metric's own year); theme and text apply to the row itself, text searched in the table's
    `schema.text_columns`. A report (the articles table) passes theme and text when one of its counted
    paragraphs does. With `columns`, only those columns of the rows (the same rows): a computation that
    reads a few columns copies only those (the metrics' 20 columns: 50 MB at 100 MB of text)."""
    if table == "articles":
        where, content = _split(filters)
        reports = apply_filters(ds.articles, where) if where.active else ds.articles.copy(deep=False)
        if content.themes or content.query:
            paragraphs = counted_paragraphs(filter_table(ds, "paragraphs", content))
            reports = reports[reports["article_id"].isin(paragraphs["article_id"])]
        return reports if columns is None else reports[columns]
    df = ds.table(table) if columns is None else ds.table(table)[columns]
    mask = table_mask(ds, table, filters)
    # when every row passes, a frame that shares the table's columns: no copy of a whole table on every
    # rerun (pandas copies on write, so a caller that changes what it got never changes the dataset)
    return df.copy(deep=False) if mask.all() else df[mask]


def table_mask(ds: Dataset, table: str, filters: Filters) -> np.ndarray:
    """Which rows of a table (other than articles) `filter_table` keeps, as a boolean array in the table's
    order: what a computation that needs only the rows' positions asks, without copying the rows."""
    where, content = _split(filters)
    df = ds.table(table)
    mask = np.ones(len(df), dtype=bool)
    if where.active:
        reports = apply_filters(ds.articles, where)
        mask &= df["article_id"].isin(reports["article_id"]).to_numpy(dtype=bool)
    if content.active:
        positions = np.flatnonzero(mask)
        rows = df.iloc[positions] if where.active else df
        passing = rows_passing(rows, replace(content, query="")).to_numpy(dtype=bool)
        if content.query:
            passing = passing & query_mask(ds, table, content.query)[positions]
        mask[:] = False
        mask[positions[passing]] = True
    return mask


#: The text filters whose matches a dataset remembers, per table (`query_mask`).
REMEMBERED_QUERIES = 16


def query_mask(ds: Dataset, table: str, query: str) -> np.ndarray:
    """Which rows of a table the text filter keeps (any of `schema.text_columns` contains `query`), as a
    boolean array in the table's order, remembered per dataset, table and query: the columns the dataset
    left on disk (lib.dataset.ondisk) are read a row group at a time, never held whole."""
    remembered = ds.__dict__.setdefault("_query_masks", {})
    found = remembered.get((table, query))
    if found is None:
        df = ds.table(table)
        in_memory = [c for c in text_columns(table) if c in df]
        on_disk = [c for c in text_columns(table) if ondisk.has(ds, table, c)]
        if not in_memory and not on_disk:  # a table without text: the filter does not apply
            return np.ones(len(df), dtype=bool)
        found = _contains(df, in_memory, query).to_numpy(dtype=bool, copy=True)
        if on_disk:
            for part in ondisk.batches(ds, table, on_disk):
                found[part.index] |= _contains(part, on_disk, query).to_numpy(dtype=bool)
        if len(remembered) >= REMEMBERED_QUERIES:
            remembered.clear()
        remembered[(table, query)] = found
    return found


def _split(filters: Filters) -> tuple[Filters, Filters]:
    """(the report-level filters, the row-level ones)."""
    where = Filters(
        provinces=filters.provinces, zones=filters.zones, articles=filters.articles, years=filters.years
    )
    return where, Filters(themes=filters.themes, query=filters.query, scopes=filters.scopes)


#: The sidebar's article filter lists the articles left by the other filters only up to this many: a
#: list of every title of a large collection would be sent to the browser on every rerun of every page
#: (49,000 titles: 3.7 MB, bench/bench_first_paint.py).
MAX_ARTICLE_OPTIONS = 300


def article_choices(
    articles: pd.DataFrame, filters: Filters, *, limit: int = MAX_ARTICLE_OPTIONS
) -> tuple[list[str], int]:
    """(article ids to offer, how many articles the province, zone and year filters leave). The ids are
    those articles, newest first, when there are at most `limit` of them, else none; the articles already
    chosen are always offered, so that a shared link keeps its choice."""
    where = Filters(provinces=filters.provinces, zones=filters.zones, years=filters.years)
    columns = ["article_id", "year", "title"]  # of the articles left, without a copy of every column
    narrowed = articles.loc[rows_passing(articles, where), columns] if where.active else articles[columns]
    chosen = list(filters.articles)
    if len(narrowed) > limit:
        return chosen, len(narrowed)
    order = narrowed.sort_values(["year", "title"], ascending=[False, True], na_position="last")
    return list(dict.fromkeys([*chosen, *order["article_id"]])), len(narrowed)


def article_titles(articles: pd.DataFrame, ids) -> dict[str, str]:
    """{article_id: title} of the given articles (ids not in the table are left out)."""
    wanted = articles[articles["article_id"].isin(list(ids))]
    return dict(zip(wanted["article_id"], wanted["title"], strict=True))


def sidebar_choices(ds: Dataset, provinces: tuple[str, ...]) -> tuple[list[str], list[str], list[int]]:
    """(provinces, zones of the given provinces or of all when none, years) the sidebar offers, sorted."""
    arts = ds.articles
    zones = arts.loc[arts["province"].isin(provinces), "zone"] if provinces else arts["zone"]
    return ds.provinces, sorted(z for z in zones.unique() if z), ds.years
