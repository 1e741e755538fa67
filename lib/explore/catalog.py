"""The initiative catalogue: initiatives as the catalogue page lists, filters and compares them."""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from lib.dataset.schema import Dataset
from lib.explore.filters import Filters, filter_table
from lib.explore.search import by_article, with_titles
from lib.explore.word_charts import initiative_years_figure
from lib.extract.initiatives import initiative_link_key

#: How each initiative kind is named in the interface.
KIND_LABELS = {"formula": "数字公式", "counted": "计数短语", "brand": "品牌"}
#: What a count-bearing name is called when its parts are compared with the count.
COUNT_SOURCE = {"formula": "公式", "counted": "名称"}


def initiative_table(initiatives: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Initiatives as shown and downloaded: kind in Chinese and the article's title added."""
    table = with_titles(initiatives, articles)
    table["kind"] = table["kind"].map(KIND_LABELS).fillna(table["kind"])
    return table[[c for c in TABLE_COLUMNS if c in table]]  # the sentence when the dataset holds it


#: The columns of `initiative_table`.
TABLE_COLUMNS = [
    "initiative_id",
    "zone",
    "name",
    "full_name",
    "kind",
    "components",
    "expected_count",
    "found_count",
    "theme",
    "shared_zones",
    "title",
    "sentence",
    "article_id",
    "paragraph_id",
]


def initiative_labels(table: pd.DataFrame) -> dict[str, str]:
    """A unique, readable label per initiative_id (it is what a link to the initiative holds):
    “区域 · 全称”, plus the article title, then the id, where that is needed to tell two apart."""
    labels = label_series(table)
    return dict(zip(labels.index.tolist(), labels.tolist(), strict=True))  # not item by item


def label_series(table: pd.DataFrame) -> pd.Series:
    """`initiative_labels` as a Series in the table's order, indexed by initiative_id: one Arrow array, not
    a dict of 140,000 Python strings (0.2 s to make at 100 MB of text)."""
    zone = table["zone"].replace("", "未识别区域").fillna("未识别区域")
    labels = zone + " · " + table["full_name"].fillna(table["name"])
    with_title = labels + " · 《" + table["title"].fillna("") + "》"
    labels = labels.where(~labels.duplicated(keep=False), with_title)
    labels = labels.where(~labels.duplicated(keep=False), labels + " · " + table["initiative_id"])
    return pd.Series(labels.array, index=pd.Index(table["initiative_id"].array), name="label")


def initiative_of_label(labels: pd.Series, label: str | None) -> str | None:
    """The initiative_id of a label of `label_series` (None when it is not one of them)."""
    if not label:
        return None
    hits = labels.index[(labels == label).to_numpy(dtype=bool, na_value=False)]
    return hits[0] if len(hits) else None


#: The detail picker lists at most this many initiatives (the table's first rows): a select box of every
#: initiative of a large collection is sent to the browser on every rerun (73,000 labels: 22 MB).
MAX_PICK_OPTIONS = 1000


def pick_options(labels, picked: str | None, *, limit: int | None = None) -> list[str]:
    """The first `limit` (MAX_PICK_OPTIONS) labels (a list or `label_series`), and the one picked (from
    the table or a link)."""
    series = labels if isinstance(labels, pd.Series) else pd.Series(list(labels), dtype=object)
    head = series.iloc[: MAX_PICK_OPTIONS if limit is None else limit].tolist()
    known = bool(picked) and picked not in head and bool((series == picked).any())
    return [*head, picked] if known else head


def filter_initiatives(
    initiatives: pd.DataFrame, *, kinds=(), themes=(), with_components: bool = False
) -> pd.DataFrame:
    """Initiatives of the given kinds (codes: formula, counted, brand) and themes, and with listed parts
    when `with_components`; an empty selection keeps everything."""
    mask = pd.Series(True, index=initiatives.index)
    if kinds:
        mask &= initiatives["kind"].isin(list(kinds))
    if themes:
        mask &= initiatives["theme"].isin(list(themes))
    if with_components:
        mask &= initiatives["components"].map(lambda c: isinstance(c, (list, tuple)) and len(c) > 0)
    return initiatives[mask]


def count_note(kind: str, expected, found) -> tuple[str, bool]:
    """How many parts the name implies against how many the text lists, and whether they differ:
    ("公式应有 3 项，文中找到 4 项（数量不一致，请核对原文）", True)."""
    found = 0 if pd.isna(found) else int(found)
    if pd.isna(expected):
        text = f"名称不含项数，文中列出 {found} 项组成部分" if found else "名称不含项数，文中未列出组成部分"
        return text, False
    expected = int(expected)
    text = f"{COUNT_SOURCE.get(kind, '名称')}应有 {expected} 项，文中找到 {found} 项"
    return (text + "（数量不一致，请核对原文）", True) if expected != found else (text, False)


def namesakes(initiatives: pd.DataFrame, name: str) -> pd.DataFrame:
    """Every initiative with the same name (compared without punctuation), one row per zone and wording,
    by zone."""
    key = initiative_link_key(name)
    same = initiatives[link_keys(initiatives["name"]) == key]
    parts = same["components"].map(lambda c: tuple(c) if isinstance(c, (list, tuple)) else ())
    return (
        same.assign(_parts=parts)
        .drop_duplicates(["zone", "full_name", "_parts"])
        .drop(columns="_parts")
        .sort_values("zone", kind="stable")
    )


def link_keys(names: pd.Series) -> pd.Series:
    """`initiative_link_key` of each name, computed once per distinct name."""
    keys = {n: initiative_link_key(n) for n in names.unique()}
    return names.map(keys)


def shared_names(initiatives: pd.DataFrame) -> pd.DataFrame:
    """Names used by more than one zone: columns name (first spelling met) and zones (sorted list)."""
    cols = ["name", "zones"]
    named = initiatives[initiatives["zone"] != ""]
    if named.empty:
        return pd.DataFrame(columns=cols)
    grouped = named.groupby(link_keys(named["name"]), sort=False).agg(
        name=("name", "first"), zones=("zone", lambda z: sorted(set(z)))
    )
    return grouped[grouped["zones"].map(len) > 1].reset_index(drop=True)[cols]


@dataclass(frozen=True)
class InitiativeFacts:
    title: str  # the article's title
    facts_html: str  # 类型 · 区域 · 主题, escaped
    note: str  # the count check in words
    mismatch: bool  # the parts found differ from the count the name implies


def initiative_facts(row: pd.Series, table: pd.DataFrame) -> InitiativeFacts:
    """What the detail view of one initiative states (`table` is `initiative_table`'s, for the title)."""
    note, mismatch = count_note(row["kind"], row["expected_count"], row["found_count"])
    facts = {
        "类型": KIND_LABELS.get(row["kind"], row["kind"]),
        "区域": row["zone"] or "未识别区域",
        "主题": row["theme"] or "未归类",
    }
    title = table.loc[table["initiative_id"] == row["initiative_id"], "title"]
    return InitiativeFacts(
        title=title.iloc[0] if len(title) else "",
        note=note,
        mismatch=mismatch,
        facts_html=" · ".join(f"<b>{k}</b>：{html.escape(v)}" for k, v in facts.items()),
    )


def initiative_years(initiatives: pd.DataFrame, articles: pd.DataFrame, *, top: int = 25) -> pd.DataFrame:
    """[name, year, reports, zones]: in how many reports of each year an initiative is named, for the
    `top` names named in the most reports (reports without a year are left out)."""
    table = initiatives.assign(year=initiatives["article_id"].map(by_article(articles, "year")))
    table = table.dropna(subset=["year"])
    columns = ["name", "year", "reports", "zones"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    most = table.groupby("name")["article_id"].nunique().sort_values(ascending=False, kind="stable")
    table = table[table["name"].isin(most.head(top).index)]
    out = (
        table.groupby(["name", "year"])
        .agg(
            reports=("article_id", "nunique"),
            zones=("zone", lambda z: "、".join(sorted({x for x in z if x}))),
        )
        .reset_index()
    )
    out["year"] = out["year"].astype(int)
    order = {name: i for i, name in enumerate(most.index)}
    return out.sort_values(["name", "year"], key=lambda c: c.map(order) if c.name == "name" else c)[columns]


@dataclass(frozen=True)
class CatalogView:
    """What the catalogue page computes once per filter (`ui.state.cached`; 1-2 s at 100 MB of text)."""

    labels: pd.Series  # label_series of the initiatives the filters keep, in the table's order
    shared: pd.DataFrame  # shared_names of the initiatives the sidebar's filters keep
    years: pd.DataFrame  # initiative_years of those the page's own filters keep
    years_figure: go.Figure | None  # their figure, when they span more than one year


def catalog_view(
    ds: Dataset, filters: Filters, kinds: tuple[str, ...], themes: tuple[str, ...], with_components: bool
) -> CatalogView:
    initiatives = filter_table(ds, "initiatives", filters)
    shown = filter_initiatives(initiatives, kinds=kinds, themes=themes, with_components=with_components)
    years = initiative_years(shown, ds.articles)
    return CatalogView(
        labels=label_series(initiative_table(shown, ds.articles)),
        shared=shared_names(initiatives),
        years=years,
        years_figure=initiative_years_figure(years) if years["year"].nunique() > 1 else None,
    )


def most_named(ds: Dataset, n: int) -> list[str]:
    """The `n` initiative names met most often in the whole dataset (the search page's first searches)."""
    return ds.initiatives["name"].value_counts().head(n).index.tolist()
