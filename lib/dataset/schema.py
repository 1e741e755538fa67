"""The dataset's tables and the domain definitions every page and module shares, in one place.

Tables and columns come from the extractor registry (lib.extract.registry); docs/DATA.md documents every
column (tests/dataset/test_docs.py fails when one is missing). Here:
- `Dataset`, the built tables;
- `counted_paragraphs`, the one definition of the paragraphs that count (see lib.core.model);
- `text_columns`, the columns the sidebar's text filter searches, per table;
- `label` / `labels`, the Chinese header of every column, for exports and every page's tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from lib.extract.registry import extractors, for_table

#: Headers of the columns of computed tables (keyword scores, KWIC, page tables), beside the registry's.
EXTRA_LABELS = {
    "term": "词语",
    "count": "频次",
    "doc_freq": "段落数",
    "g2": "对数似然 G2",
    "log_ratio": "对数比（效应量）",
    "count_target": "本组频次",
    "count_rest": "对照组频次",
    "p_value": "p 值",
    "tfidf": "TF-IDF",
    "group": "组",
    "industry": "产业",
    "left": "左文",
    "hit": "命中",
    "right": "右文",
    "start": "位置",
    "reports": "报道",
    "n_metrics": "指标",
    "n_initiatives": "举措",
    "n_articles": "报道",
    "zones": "区域",
    "initiatives": "举措名称",
    "size": "大小（字节）",
    "uploaded": "加入时间",
    "status": "状态",
    "id": "编号",
    "together": "共现次数",
    "term_total": "该词频次",
    "log_dice": "logDice",
    "paragraphs": "段落数",
    "community": "词群",
    "source": "词语甲",
    "target": "词语乙",
    "jaccard": "Jaccard 系数",
    "total_words": "总词数",
    "per_10k": "每万词次数",
    "phrase": "词组",
    "n_words": "词数",
}


def tables() -> dict[str, list[str]]:
    """{table: its columns in order}, for every registered extractor."""
    return {e.table: [c.name for c in e.columns] for e in extractors()}


def column_types(table: str) -> dict[str, str]:
    return {c.name: c.dtype for c in for_table(table).columns}


def text_columns(table: str) -> tuple[str, ...]:
    """The columns of a table that the sidebar's “文本包含” filter searches."""
    return tuple(c.name for c in for_table(table).columns if c.text)


def labels() -> dict[str, str]:
    """The Chinese header of every column name (one header per name across all tables)."""
    out = {c.name: c.label for e in extractors() for c in e.columns}
    return {**EXTRA_LABELS, **out}


def label(column: str) -> str:
    return labels().get(column, column)


def counted_paragraphs(paragraphs: pd.DataFrame, *, with_copies: bool = False) -> pd.DataFrame:
    """The paragraphs that count: body paragraphs that are not printed copies (the `counted` column,
    set from `lib.core.model.Paragraph.counted`). `with_copies` adds the printed copies back (a search
    may show them; nothing counts them)."""
    keep = paragraphs["counted"].astype(bool)
    if with_copies:
        keep |= paragraphs["is_duplicate"].astype(bool)
    return paragraphs[keep]


@dataclass
class Dataset:
    """The built tables, by name (`ds.articles`, `ds.table("metrics")`), the files skipped with their
    reasons, the key of the inputs it was built from, and what the user should be told about how it was
    loaded (a damaged cache rebuilt). A dataset loaded from the cache may leave large columns in its
    Parquet files (`on_disk`: {table: columns}, in `folder`), read when asked (lib.dataset.ondisk)."""

    tables: dict[str, pd.DataFrame]
    skipped: list[tuple[str, str]] = field(default_factory=list)
    key: str = ""
    notices: list[str] = field(default_factory=list)
    folder: Path | None = None
    on_disk: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __getattr__(self, name: str) -> pd.DataFrame:
        frames = self.__dict__.get("tables")
        if frames is not None and name in frames:
            return frames[name]
        raise AttributeError(name)

    def table(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    @property
    def zones(self) -> list[str]:
        return sorted(z for z in self.tables["articles"]["zone"].unique() if z)

    @property
    def provinces(self) -> list[str]:
        return sorted(p for p in self.tables["articles"]["province"].unique() if p)

    @property
    def years(self) -> list[int]:
        return sorted(int(y) for y in self.tables["articles"]["year"].dropna().unique())
