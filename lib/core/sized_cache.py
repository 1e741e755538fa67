"""A cache bounded by the memory its entries take as well as by their number: the least recently used
entries leave first, so what a user looked at last stays. `size_of` estimates what a value holds (frames,
arrays, sparse matrices, figures, bytes, and containers or objects of them)."""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from collections.abc import Hashable

import numpy as np
import pandas as pd

#: How deep `size_of` looks into nested containers and objects.
_DEPTH = 6


class SizedCache:
    """{key: value}, at most `max_entries` entries and `max_bytes` (keys and values, by `size_of`); the
    newest entry always stays, however large. Safe to share between threads."""

    def __init__(self, *, max_bytes: int, max_entries: int) -> None:
        self.max_bytes, self.max_entries = max_bytes, max_entries
        self._entries: OrderedDict[Hashable, tuple[object, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def nbytes(self) -> int:
        return self._bytes

    def get(self, key: Hashable, default=None):
        """The value under `key` (now the most recently used), or `default`."""
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return default
            self._entries.move_to_end(key)
            return found[0]

    def put(self, key: Hashable, value) -> None:
        size = size_of(key) + size_of(value)
        with self._lock:
            old = self._entries.pop(key, None)
            self._bytes += size - (old[1] if old else 0)
            self._entries[key] = (value, size)
            while len(self._entries) > 1 and (
                self._bytes > self.max_bytes or len(self._entries) > self.max_entries
            ):
                _, (_, dropped) = self._entries.popitem(last=False)
                self._bytes -= dropped

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0


def size_of(value, depth: int = _DEPTH) -> int:
    """About how many bytes `value` holds (shared parts counted once per reference)."""
    if isinstance(value, pd.DataFrame | pd.Series | pd.Index):
        used = value.memory_usage(deep=True)
        return int(used.sum() if isinstance(used, pd.Series) else used)
    if isinstance(value, np.ndarray):
        if value.dtype == object and depth > 0:
            return value.nbytes + sum(size_of(v, depth - 1) for v in value.ravel().tolist())
        return value.nbytes
    if hasattr(value, "indptr") and hasattr(value, "data"):  # a scipy sparse matrix
        return value.data.nbytes + value.indices.nbytes + value.indptr.nbytes
    size = sys.getsizeof(value)
    if depth <= 0 or isinstance(value, str | bytes | bytearray | int | float | bool):
        return size
    if isinstance(value, dict):
        return size + sum(size_of(k, depth - 1) + size_of(v, depth - 1) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return size + sum(size_of(v, depth - 1) for v in value)
    if hasattr(value, "_data") and hasattr(value, "_layout"):  # a plotly figure: its traces and layout
        return size + size_of([value._data, value._layout], depth - 1)
    fields = getattr(value, "__dict__", None)
    if fields is None and hasattr(type(value), "__slots__"):
        fields = {k: getattr(value, k, None) for k in type(value).__slots__}
    return size + (size_of(fields, depth - 1) if fields else 0)
