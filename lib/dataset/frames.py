"""A table's rows made into a DataFrame a chunk at a time, while the build gathers them.

Rows as Python tuples hold every sentence, paragraph and short string as an object of its own (600 MB at
100 MB of text); the same rows in a frame hold their strings in Arrow buffers, a third of that. Turning
every `CHUNK_ROWS` rows into a frame as they come, and joining the frames at the end, keeps one chunk of
rows in memory instead of all of them, and gives the very frame `pd.DataFrame(all_rows)` would: a column
whose chunks were given different types (a chunk where a column is empty everywhere, say) is typed again
from all its values, as the one frame would have been.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

#: Rows of one table turned into a frame at a time.
CHUNK_ROWS = 20_000


class TableRows:
    """The rows of one table, in the order added, with the table's columns (tuples in column order)."""

    def __init__(self, columns: list[str], *, chunk_rows: int = CHUNK_ROWS) -> None:
        self.columns = columns
        self.chunk_rows = chunk_rows
        self._rows: list[tuple] = []
        self._frames: list[pd.DataFrame] = []

    def extend(self, rows: Iterable[tuple]) -> None:
        self._rows.extend(rows)
        if len(self._rows) >= self.chunk_rows:
            self._flush()

    def _flush(self) -> None:
        self._frames.append(pd.DataFrame(self._rows, columns=self.columns))
        self._rows = []

    def frame(self) -> pd.DataFrame:
        """Every row added, as one frame (the same as one `pd.DataFrame` of all the rows); the chunks
        are let go."""
        if self._rows or not self._frames:
            self._flush()
        frames, self._frames = self._frames, []
        return joined(frames, self.columns)


def joined(frames: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    """Frames of consecutive rows as one, each column typed as one frame of all the rows would type it."""
    if len(frames) == 1:
        return frames[0]
    mixed = [c for c in columns if len({str(f[c].dtype) for f in frames}) > 1]
    retyped = {c: _typed_whole([f[c] for f in frames], c) for c in mixed}
    out = pd.concat(frames, ignore_index=True)
    for name, column in retyped.items():
        out[name] = column
    return out


def _typed_whole(parts: list[pd.Series], name: str) -> pd.Series:
    """One column's values, from chunks typed differently, typed as a frame of all of them types them
    (missing values come back as None, as the rows gave them)."""
    values = [None if _missing(v) else v for part in parts for v in part.astype(object)]
    return pd.DataFrame([(v,) for v in values], columns=[name])[name]


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value is pd.NA
