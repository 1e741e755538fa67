"""lib.dataset.frames: a table made a chunk at a time is the frame of all its rows at once."""

from __future__ import annotations

import pandas as pd
import pytest

from lib.dataset.frames import TableRows

COLUMNS = ["id", "zone", "value", "count", "tokens", "counted", "note"]
ROWS = [
    ("a-1", "苏州高新区", 1.5, 3, ["党建", "引领"], True, None),
    ("a-2", None, None, 4, [], False, None),
    ("a-3", "昆山高新区", 2.0, 5, ["园区"], True, None),
    ("a-4", "昆山高新区", None, 6, ["企业"], True, "一条说明"),
    ("a-5", None, 7.25, 7, [], False, None),
]


@pytest.mark.parametrize("chunk", [1, 2, 3, 100])
def test_a_table_made_in_chunks_is_the_frame_of_all_its_rows(chunk):
    rows = TableRows(COLUMNS, chunk_rows=chunk)
    for row in ROWS:
        rows.extend([row])
    made = rows.frame()
    pd.testing.assert_frame_equal(made, pd.DataFrame(ROWS, columns=COLUMNS), check_exact=True)
    assert str(made["note"].dtype) == "str"  # empty in the first chunks, text in one: text, as a whole


def test_a_column_empty_in_every_chunk_stays_as_the_whole_would_type_it():
    rows = TableRows(["id", "note"], chunk_rows=1)
    rows.extend([("a", None), ("b", None)])
    pd.testing.assert_frame_equal(
        rows.frame(), pd.DataFrame([("a", None), ("b", None)], columns=["id", "note"])
    )


def test_no_rows_give_an_empty_frame_with_the_columns():
    made = TableRows(COLUMNS).frame()
    assert list(made.columns) == COLUMNS and made.empty
    pd.testing.assert_frame_equal(made, pd.DataFrame([], columns=COLUMNS))
