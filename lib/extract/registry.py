"""The extractor registry: every table of the dataset is made by one registered extractor.

An extractor declares its table, its columns (name, type, Chinese label, whether the sidebar's text filter
searches it) and a function from one report (an `ArticleContext`) to rows. Everything else is derived from
the registry: which tables exist and their columns (`lib.dataset.schema`), how a file becomes rows
(`lib.dataset.build.process_file`), column types, where a zone correction applies, the headers of every
export and of every page's table. A new table is one new module with one `@register`ed class, as
Datasette's facets register themselves.

Extractors run in `order`; an extractor may read the rows of those before it (`ctx.found`) and the
report-level facts they set (`ctx.facts`): the articles extractor runs first and sets `zone` and `year`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    import pandas as pd

    from lib.extract.context import ArticleContext

#: Column types: how a column is stored once the rows are a DataFrame.
DTYPES = ("str", "int", "Int64", "float", "bool", "list")
#: The modules of the built-in extractors (each registers its class when imported).
BUILTIN = (
    "lib.extract.articles",
    "lib.extract.metrics",
    "lib.extract.initiatives",
    "lib.extract.entities",
    "lib.extract.paragraphs",
)


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str
    label: str
    #: Searched by the sidebar's “文本包含” filter.
    text: bool = False

    def __post_init__(self) -> None:
        if self.dtype not in DTYPES:
            raise ValueError(f"column {self.name}: unknown dtype {self.dtype!r}")


#: Columns several tables share, declared once (so each name has one type and one label).
ARTICLE_ID = Column("article_id", "str", "文章编号")
PARAGRAPH_ID = Column("paragraph_id", "str", "段落编号")
ZONE = Column("zone", "str", "区域")
YEAR = Column("year", "Int64", "年份")
THEME = Column("theme", "str", "主题")
KIND = Column("kind", "str", "类型")
SENTENCE = Column("sentence", "str", "原句", text=True)
#: Where a row comes from: its report, paragraph and the report's zone.
SOURCE = (ARTICLE_ID, PARAGRAPH_ID, ZONE)


class Extractor:
    """One table of the dataset. Subclasses set the class attributes and implement `extract`."""

    #: The table's name.
    table: ClassVar[str]
    #: Its columns, in order; the first is the row id.
    columns: ClassVar[tuple[Column, ...]]
    #: Rows get ids `<article_id>-<id_prefix><n>` unless `extract` sets the id itself.
    id_prefix: ClassVar[str] = ""
    #: Run order (lower first).
    order: ClassVar[int] = 50

    @property
    def id_column(self) -> str:
        return self.columns[0].name

    def load(self) -> None:
        """Loads the rules and dictionaries `extract` reads (called before worker processes fork)."""

    def extract(self, ctx: ArticleContext) -> list[dict]:
        """The rows of one report. A row may give `paragraph_index` (an index into `ctx.body`) instead of
        `paragraph_id`; `article_id` and `zone` are filled in when the table has them."""
        raise NotImplementedError

    def link(self, df: pd.DataFrame) -> None:
        """A pass over the whole table once every file is read (e.g. linking rows across zones)."""


_REGISTRY: dict[str, type[Extractor]] = {}


def register(cls: type[Extractor]) -> type[Extractor]:
    """Class decorator: adds an extractor to the registry (a second one for the same table replaces it)."""
    _REGISTRY[cls.table] = cls
    return cls


def extractors() -> list[Extractor]:
    """The registered extractors, in run order (the built-in ones are imported, so they are registered)."""
    for module in BUILTIN:
        importlib.import_module(module)
    return [cls() for cls in sorted(_REGISTRY.values(), key=lambda c: (c.order, c.table))]


def for_table(table: str) -> Extractor:
    return next(e for e in extractors() if e.table == table)


def each_column(pred: Callable[[Column], bool] = lambda c: True) -> list[tuple[str, Column]]:
    """(table, column) for every registered column that passes `pred`."""
    return [(e.table, c) for e in extractors() for c in e.columns if pred(c)]
