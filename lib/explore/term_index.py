"""The dataset's paragraph tokens as numbers, made once per dataset, so that a page's counts for a filter
seen the first time take milliseconds instead of a pass of Python over every token of the filtered text.

- `counts`: a sparse paragraph × term matrix of occurrences (`present`: 1 where the term occurs), in the
  order of `ds.paragraphs`; a filter's counts are one product with the selected rows.
- `flat` and `starts`: every paragraph's token ids end to end, for what depends on word order
  (collocations, phrases).

The computations that use it (in compare, groups and words) give exactly what their plain-Python
definitions over the filtered paragraphs' token lists give (tests/reference_words.py, used only by tests); tests/explore/test_term_index.py checks that on the shipped reports. At
100 MB (49,000 reports, 6 million tokens) the index takes under 1 s to make and holds about 70 MB (token ids
and the matrix's columns as int32, presence as one byte per cell), made a chunk of paragraphs at a time.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from itertools import chain

import numpy as np
import pandas as pd
from scipy import sparse

from lib.dataset.schema import Dataset
from lib.explore.filters import Filters, table_mask
from lib.text.keywords import as_token_list

#: The filters whose rows an index remembers (a page asks for the same filter's rows several times).
REMEMBERED_FILTERS = 32
#: Paragraphs whose tokens `make_index` turns into ids and counts at a time.
CHUNK = 20_000


@dataclass(eq=False)
class TermIndex:
    terms: np.ndarray  # term id → term (object array)
    ids: dict[str, int]  # term → term id
    counts: sparse.csr_matrix  # paragraph × term: occurrences (int32; int32 indices)
    present: sparse.csr_matrix  # paragraph × term: 1 where the term occurs (uint8; the counts' indices)
    flat: np.ndarray  # every paragraph's token ids, end to end (int32)
    starts: np.ndarray  # paragraph i's tokens are flat[starts[i]:starts[i + 1]]
    counted: np.ndarray  # whether each paragraph counts (schema.counted_paragraphs)
    rows_by_filter: dict = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.starts) - 1


_LOCK = threading.Lock()


def term_index(ds: Dataset) -> TermIndex:
    """The index of the dataset's paragraphs, made on first use and kept with the dataset."""
    found = ds.__dict__.get("_term_index")
    if found is None:
        with _LOCK:
            found = ds.__dict__.get("_term_index")
            if found is None:
                found = make_index(ds.paragraphs)
                ds.__dict__["_term_index"] = found
    return found


def make_index(paragraphs: pd.DataFrame) -> TermIndex:
    """The index of the paragraphs' tokens, made a chunk of paragraphs at a time: what it holds at the
    end (token ids and the matrix's columns as int32) and one chunk's work, never a list of every token."""
    tokens = [t if isinstance(t, list) else as_token_list(t) for t in paragraphs["tokens"]]
    lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
    starts = np.concatenate([[0], np.cumsum(lengths)])
    ids: dict[str, int] = {}
    flat, cells, counts = [], [], []
    for lo in range(0, len(tokens), CHUNK):
        chunk = tokens[lo : lo + CHUNK]
        n = int(starts[lo + len(chunk)] - starts[lo])
        ids_of = np.fromiter((ids.setdefault(t, len(ids)) for t in chain.from_iterable(chunk)), np.int32, n)
        flat.append(ids_of)
        rows = np.repeat(np.arange(lo, lo + len(chunk), dtype=np.int64), lengths[lo : lo + len(chunk)])
        keys, n_each = np.unique(rows << 32 | ids_of, return_counts=True)  # sorted by row, then term
        cells.append(keys)
        counts.append(n_each.astype(np.int32))
    terms = np.empty(len(ids), dtype=object)
    terms[list(ids.values())] = list(ids)
    counted = paragraphs["counted"].astype(bool).to_numpy()
    matrix, present = _matrices(cells, counts, len(tokens), len(ids))
    flat = np.concatenate(flat) if flat else np.zeros(0, dtype=np.int32)
    return TermIndex(terms, ids, matrix, present, flat, starts, counted)


def _matrices(cells: list[np.ndarray], counts: list[np.ndarray], n_rows: int, n_terms: int):
    """The counts matrix and the presence matrix (uint8 ones, sharing the counts' indices) from the
    sorted (row << 32 | term) keys of every non-zero cell."""
    keys = np.concatenate(cells) if cells else np.zeros(0, dtype=np.int64)
    index_type = np.int32 if len(keys) < 2**31 and n_terms < 2**31 else np.int64
    indices = (keys & 0xFFFFFFFF).astype(index_type)
    indptr = np.zeros(n_rows + 1, dtype=index_type)
    np.cumsum(np.bincount(keys >> 32, minlength=n_rows), out=indptr[1:])
    del keys
    data = np.concatenate(counts) if counts else np.zeros(0, dtype=np.int32)
    shape = (n_rows, n_terms)
    matrix = sparse.csr_matrix((data, indices, indptr), shape=shape)
    present = sparse.csr_matrix(
        (np.ones(len(data), dtype=np.uint8), matrix.indices, matrix.indptr), shape=shape
    )
    return matrix, present


def body_rows(ds: Dataset, filters: Filters) -> np.ndarray:
    """Positions in `ds.paragraphs` of the counted paragraphs under the filters (the rows of
    tests/reference_words.py's `filtered_body`, in the same order)."""
    index = term_index(ds)
    found = index.rows_by_filter.get(filters)
    if found is None:
        found = np.flatnonzero(table_mask(ds, "paragraphs", filters) & index.counted)
        if len(index.rows_by_filter) >= REMEMBERED_FILTERS:
            index.rows_by_filter.clear()
        index.rows_by_filter[filters] = found
    return found


def totals(matrix: sparse.csr_matrix, rows: np.ndarray) -> np.ndarray:
    """Column sums of the given rows (each row once), per term id."""
    weights = np.zeros(matrix.shape[0])
    weights[rows] = 1.0
    return np.rint(matrix.T @ weights).astype(np.int64)


def as_counter(index: TermIndex, values: np.ndarray, skip: frozenset[str] = frozenset()) -> Counter:
    """{term: value} of the non-zero values by term id, without the `skip` terms."""
    nz = np.flatnonzero(values)
    pairs = zip(index.terms[nz].tolist(), values[nz].tolist(), strict=True)
    return Counter({t: v for t, v in pairs if t not in skip})


def frequencies(ds: Dataset, filters: Filters) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(terms, counts, paragraphs holding each) of the filtered body's terms, in term-id order."""
    index, rows = term_index(ds), body_rows(ds, filters)
    count = totals(index.counts, rows)
    nz = np.flatnonzero(count)
    return index.terms[nz], count[nz], totals(index.present, rows)[nz]


def group_matrix(
    ds: Dataset, members: pd.DataFrame, skip: Collection[str] = ()
) -> tuple[sparse.csr_matrix, np.ndarray]:
    """(groups × terms matrix of counts, the groups in the order of its rows) from [group, row] pairs (a
    paragraph's row once per group it is in; twice in the same group counts it twice), without the
    `skip` terms; the columns are the index's term ids."""
    index = term_index(ds)
    codes, groups = pd.factorize(members["group"])
    shape = (len(groups), index.size)
    weights = np.ones(len(codes), dtype=np.int64)
    matrix = (
        sparse.csr_matrix((weights, (codes, members["row"].to_numpy())), shape=shape) @ index.counts
    ).tocsr()
    dropped = [index.ids[t] for t in skip if t in index.ids]
    if dropped:
        matrix.data[np.isin(matrix.indices, dropped)] = 0
        matrix.eliminate_zeros()
    return matrix, np.asarray(groups, dtype=object)


def article_matrix(ds: Dataset, filters: Filters) -> sparse.csr_matrix:
    """The articles × terms matrix of counts of the filtered body (an article's counted paragraphs under
    the filters), one row per article that has such a paragraph."""
    index, frame = term_index(ds), body_frame(ds, filters, ["article_id"])
    codes, _ = pd.factorize(frame["article_id"])
    shape = (codes.max() + 1 if len(codes) else 0, index.size)
    member = sparse.csr_matrix(
        (np.ones(len(codes), dtype=np.int64), (codes, frame["row"].to_numpy())), shape=shape
    )
    return (member @ index.counts).tocsr()


def target_and_rest(ds: Dataset, rows: np.ndarray, rest: np.ndarray) -> sparse.csr_matrix:
    """The 2 × terms matrix of counts of the paragraphs at `rows` and of those at `rest`."""
    index = term_index(ds)
    return sparse.csr_matrix(np.vstack([totals(index.counts, rows), totals(index.counts, rest)]))


def body_frame(ds: Dataset, filters: Filters, columns: list[str]) -> pd.DataFrame:
    """The filtered body's `columns` (no tokens, no text) with each paragraph's position as `row`."""
    rows = body_rows(ds, filters)
    return ds.paragraphs[columns].iloc[rows].assign(row=rows)
