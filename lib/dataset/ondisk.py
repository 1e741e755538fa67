"""The columns a loaded dataset leaves in its Parquet files (`Dataset.on_disk`), read when asked.

At 100 MB of text the paragraphs' text and tokens and the sentences of the fact tables are most of the
dataset's memory, and only a few computations read them: the app loads the dataset without them
(ui.state) and reads them here, a row group at a time (lib.dataset.store writes `ROW_GROUP_ROWS` rows per
group). Each file is opened when the dataset is loaded and kept open, so a dataset whose folder was
replaced by a newer build (a session still on the old one) can still read it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import numpy as np
import pandas as pd

from lib.dataset.schema import Dataset, tables


class _File:
    """One table's open Parquet file, its row groups' first rows, and a lock (one read at a time)."""

    def __init__(self, path):
        import pyarrow.parquet as pq

        self.parquet = pq.ParquetFile(path)
        meta = self.parquet.metadata
        self.starts = np.cumsum([0] + [meta.row_group(i).num_rows for i in range(meta.num_row_groups)])
        self.lock = threading.Lock()


def open_files(ds: Dataset) -> None:
    """Opens the files of the tables that have columns on disk (called when the dataset is loaded)."""
    ds.__dict__["_files"] = {t: _File(ds.folder / f"{t}.parquet") for t, cs in ds.on_disk.items() if cs}


def _file(ds: Dataset, table: str) -> _File:
    files = ds.__dict__.get("_files") or {}
    if table not in files:
        raise KeyError(f"{table} has no columns on disk")
    return files[table]


def has(ds: Dataset, table: str, column: str) -> bool:
    """Whether `column` of `table` is left on disk (else it is in the loaded frame, or no column)."""
    return column in ds.on_disk.get(table, ())


def _group(f: _File, g: int, columns: list[str]):
    """Row group `g` of the file, as an Arrow table (one read at a time per file)."""
    with f.lock:
        return f.parquet.read_row_group(g, columns=columns, use_threads=False)


def chunks(ds: Dataset, table: str, columns: list[str], positions) -> Iterator[pd.DataFrame]:
    """`columns` of the rows at `positions` of a table, a row group at a time (only the groups that hold
    such a row are read), in the order of the rows, each part indexed by position."""
    f = _file(ds, table)
    positions = np.unique(np.asarray(positions, dtype=np.int64))
    groups = np.searchsorted(f.starts, positions, side="right") - 1
    for g in np.unique(groups):
        part = _group(f, int(g), columns).to_pandas().set_axis(pd.RangeIndex(f.starts[g], f.starts[g + 1]))
        yield part.loc[positions[groups == g]]


def read_rows(ds: Dataset, table: str, columns: list[str], positions) -> pd.DataFrame:
    """`columns` of the rows at `positions` of a table (any order, repeats allowed), in that order,
    indexed by position: only the row groups that hold them are read."""
    parts = list(chunks(ds, table, columns, positions))
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="str") for c in columns}, index=pd.Index([], dtype="int64"))
    return pd.concat(parts).loc[np.asarray(positions, dtype=np.int64)]


def whole_rows(ds: Dataset, table: str, positions) -> pd.DataFrame:
    """The rows of a table at these positions with every column, those on disk read in: the rows a
    computation found on a few columns of the filtered table (filter_table's `columns`)."""
    return fill(ds, table, ds.table(table).loc[positions])


def fill(ds: Dataset, table: str, frame: pd.DataFrame, columns=None) -> pd.DataFrame:
    """`frame` (rows of the table, indexed by their positions in it, as `filter_table` leaves them) with
    the table's columns on disk (those of them in `columns`, when given) read in, in the table's column
    order; `frame` itself when it lacks none of them."""
    wanted = [c for c in ds.on_disk.get(table, ()) if c not in frame and (columns is None or c in columns)]
    if not wanted:
        return frame
    read = read_rows(ds, table, wanted, frame.index)
    filled = frame.assign(**{c: read[c].to_numpy() for c in wanted})
    schema = tables()[table]
    return filled[[c for c in schema if c in filled] + [c for c in filled.columns if c not in schema]]


def filler(ds: Dataset, table: str, order: list[str]):
    """A function that gives rows of `table` (indexed by position) the columns it keeps on disk and
    returns `order`'s columns: what a page shows or downloads, applied to the rows it sends only."""

    def complete(rows: pd.DataFrame) -> pd.DataFrame:
        return fill(ds, table, rows)[order]

    return complete


def batches(ds: Dataset, table: str, columns: list[str]) -> Iterator[pd.DataFrame]:
    """The whole of `columns` of a table, a row group at a time, each part indexed by position."""
    f = _file(ds, table)
    for g in range(len(f.starts) - 1):
        yield _group(f, g, columns).to_pandas().set_axis(pd.RangeIndex(f.starts[g], f.starts[g + 1]))


def arrow_batches(ds: Dataset, table: str, column: str):
    """One column of a table as Arrow arrays, a row group at a time (for what reads it without pandas)."""
    f = _file(ds, table)
    for g in range(len(f.starts) - 1):
        yield _group(f, g, [column]).column(0).combine_chunks()
