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

import sys
import threading
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain

import numpy as np
import pandas as pd
from scipy import sparse

from lib.dataset import ondisk
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
    """The index of the dataset's paragraphs, made on first use and kept with the dataset (the app makes it
    when it loads the dataset, from the tokens it leaves on disk: ui.state)."""
    found = ds.__dict__.get("_term_index")
    if found is None:
        with _LOCK:
            found = ds.__dict__.get("_term_index")
            if found is None:
                found = _make(ds)
                ds.__dict__["_term_index"] = found
    return found


def _make(ds: Dataset) -> TermIndex:
    if ondisk.has(ds, "paragraphs", "tokens"):
        counted = ds.paragraphs["counted"].astype(bool).to_numpy()
        return index_of_arrow(ondisk.arrow_batches(ds, "paragraphs", "tokens"), counted)
    return make_index(ds.paragraphs)


def make_index(paragraphs: pd.DataFrame) -> TermIndex:
    """The index of the paragraphs' token lists, made a chunk of paragraphs at a time: what it holds at the
    end (token ids and the matrix's columns as int32) and one chunk's work, never a list of every token."""
    tokens = [t if isinstance(t, list) else as_token_list(t) for t in paragraphs["tokens"]]
    ids: dict[str, int] = {}
    chunks = (_ids_of_lists(tokens[lo : lo + CHUNK], ids) for lo in range(0, len(tokens), CHUNK))
    return _index(chunks, ids, paragraphs["counted"].astype(bool).to_numpy())


def index_of_arrow(chunks: Iterable, counted: np.ndarray) -> TermIndex:
    """`make_index` of the tokens as Arrow list arrays, in order (the tokens column read from Parquet a row
    group at a time): each chunk's words are turned into ids by Arrow, with one Python string per distinct
    word, never a list per paragraph."""
    ids: dict[str, int] = {}
    return _index((_ids_of_arrow(chunk, ids) for chunk in chunks), ids, counted)


def _ids_of_lists(chunk: list[list[str]], ids: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """(tokens per paragraph, the token ids end to end) of a chunk of token lists; new words get the next ids."""
    lengths = np.fromiter(map(len, chunk), dtype=np.int64, count=len(chunk))
    n = int(lengths.sum())
    return lengths, np.fromiter(
        (ids.setdefault(t, len(ids)) for t in chain.from_iterable(chunk)), np.int32, n
    )


def _ids_of_arrow(chunk, ids: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """`_ids_of_lists` of an Arrow list array (a null list holds no tokens)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_null(chunk.type):  # a column of no lists at all (an empty table's)
        return np.zeros(len(chunk), dtype=np.int64), np.zeros(0, dtype=np.int32)
    lengths = pc.fill_null(pc.list_value_length(chunk), 0).to_numpy(zero_copy_only=False).astype(np.int64)
    encoded = pc.dictionary_encode(pc.list_flatten(chunk))  # its dictionary in order of first occurrence
    words = encoded.dictionary.to_pylist()
    local = np.fromiter((ids.setdefault(sys.intern(w), len(ids)) for w in words), np.int32, len(words))
    return lengths, local[encoded.indices.to_numpy(zero_copy_only=False)]


def _index(
    chunks: Iterable[tuple[np.ndarray, np.ndarray]], ids: dict[str, int], counted: np.ndarray
) -> TermIndex:
    """The index from each chunk's (tokens per paragraph, token ids): per chunk, each paragraph's (term,
    count) cells by `np.unique` on `row << 32 | term`."""
    sizes, flat, cells, counts = [np.zeros(1, dtype=np.int64)], [], [], []
    row = 0
    for lengths, ids_of in chunks:
        rows = np.repeat(np.arange(row, row + len(lengths), dtype=np.int64), lengths)
        keys, n_each = np.unique(
            rows << 32 | ids_of.astype(np.int64), return_counts=True
        )  # by row, then term
        sizes.append(lengths)
        flat.append(ids_of.astype(np.int32, copy=False))
        cells.append(keys)
        counts.append(n_each.astype(np.int32))
        row += len(lengths)
    terms = np.empty(len(ids), dtype=object)
    terms[list(ids.values())] = list(ids)
    matrix, present = _matrices(cells, counts, row, len(ids))
    starts = np.cumsum(np.concatenate(sizes))
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


def token_chunks(index: TermIndex, rows: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(tokens per paragraph, their token ids end to end) of the paragraphs at `rows`, in order, CHUNK
    paragraphs at a time: a filter's tokens without an array of positions of every token at once."""
    for lo in range(0, len(rows), CHUNK):
        part = rows[lo : lo + CHUNK]
        lengths = index.starts[part + 1] - index.starts[part]
        offsets = np.cumsum(lengths) - lengths
        yield lengths, index.flat[np.arange(lengths.sum()) - np.repeat(offsets - index.starts[part], lengths)]


def first_seen(index: TermIndex, rows: np.ndarray, skip: np.ndarray) -> np.ndarray:
    """The term ids of the paragraphs at `rows` in the order they first occur there, without the `skip` ids."""
    seen = np.zeros(len(index.terms), dtype=bool)
    seen[skip] = True
    order = [np.zeros(0, dtype=np.int32)]
    for _, tokens in token_chunks(index, rows):
        new = pd.unique(tokens[~seen[tokens]])
        seen[new] = True
        order.append(new)
    return np.concatenate(order)


def totals(matrix: sparse.csr_matrix, rows: np.ndarray) -> np.ndarray:
    """Column sums of the given rows (each row once), per term id: the rows' cells CHUNK rows at a time
    (a product with the whole matrix would copy every value of it as a float: 38 MB at 100 MB of text)."""
    if len(rows) > 1 and not (rows[1:] > rows[:-1]).all():
        rows = np.unique(rows)
    out = np.zeros(matrix.shape[1])
    for lo in range(0, len(rows), CHUNK):
        part = matrix[rows[lo : lo + CHUNK]]
        out += np.bincount(part.indices, weights=part.data, minlength=matrix.shape[1])
    return np.rint(out).astype(np.int64)


def group_sums(index: TermIndex, codes: np.ndarray, rows: np.ndarray, n_groups: int) -> sparse.csr_matrix:
    """The groups × terms matrix of counts (int64): row g sums the counts of the paragraphs `rows[codes ==
    g]` (a paragraph given twice counted twice). The membership matrix is made in the counts' own type
    (int32) while no sum can reach 2**31, so that the product copies none of the counts into int64 (38 MB
    at 100 MB of text)."""
    most = int(np.bincount(rows).max()) if len(rows) else 0  # the times one paragraph is given
    kind = index.counts.dtype if most * len(index.flat) < 2**31 else np.int64
    member = sparse.csr_matrix((np.ones(len(codes), dtype=kind), (codes, rows)), shape=(n_groups, index.size))
    return (member @ index.counts).tocsr().astype(np.int64)


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
    matrix = group_sums(index, codes, members["row"].to_numpy(), len(groups))
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
    return group_sums(index, codes, frame["row"].to_numpy(), codes.max() + 1 if len(codes) else 0)


def target_and_rest(ds: Dataset, rows: np.ndarray, rest: np.ndarray) -> sparse.csr_matrix:
    """The 2 × terms matrix of counts of the paragraphs at `rows` and of those at `rest`."""
    index = term_index(ds)
    return sparse.csr_matrix(np.vstack([totals(index.counts, rows), totals(index.counts, rest)]))


def body_frame(ds: Dataset, filters: Filters, columns: list[str]) -> pd.DataFrame:
    """The filtered body's `columns` (no tokens, no text) with each paragraph's position as `row`."""
    rows = body_rows(ds, filters)
    return ds.paragraphs[columns].iloc[rows].assign(row=rows)
