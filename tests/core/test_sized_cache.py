"""The cache of page computations: bounded by bytes and entries, least recently used out first."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from scipy import sparse

from lib.core.sized_cache import SizedCache, size_of

MB = 1_000_000


def test_the_oldest_entries_leave_when_the_bytes_run_out_and_a_read_keeps_one():
    cache = SizedCache(max_bytes=3 * MB, max_entries=100)
    for key in "abc":
        cache.put(key, np.zeros(MB // 8 * 9 // 10))  # 0.9 MB each
    assert cache.get("a") is not None  # now the most recent
    cache.put("d", np.zeros(MB // 8 * 9 // 10))
    assert [k for k in "abcd" if cache.get(k) is not None] == ["a", "c", "d"]
    assert cache.nbytes <= 3 * MB


def test_the_entry_count_is_bounded_and_the_newest_entry_stays_however_large():
    cache = SizedCache(max_bytes=MB, max_entries=2)
    for key in range(3):
        cache.put(key, key)
    assert len(cache) == 2 and cache.get(0) is None
    cache.put("big", b"x" * 5 * MB)
    assert len(cache) == 1 and cache.get("big") is not None
    cache.put("big", b"")
    assert cache.nbytes < 1000
    cache.clear()
    assert len(cache) == 0 and cache.nbytes == 0


@pytest.mark.parametrize(
    ("value", "at_least"),
    [
        (pd.DataFrame({"term": ["党建"] * 10_000, "count": np.arange(10_000)}), 160_000),
        (np.zeros(1000), 8000),
        (sparse.csr_matrix(np.eye(1000)), 1000 * 12),
        ((pd.DataFrame({"x": np.zeros(1000)}), [np.zeros(1000)]), 16_000),
        (go.Figure(go.Scatter(x=np.arange(1000), y=np.arange(1000))), 16_000),
        (b"x" * 10_000, 10_000),
    ],
)
def test_size_of_counts_what_a_value_holds(value, at_least):
    assert at_least <= size_of(value) < 3 * at_least
