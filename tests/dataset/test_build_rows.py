"""lib.dataset.build: how a file's rows travel from a worker to the build (compact tuples, shared tokens)."""

from __future__ import annotations

from lib.dataset import build


def _fresh(text: str) -> str:
    """A string equal to `text` but a new object (as unpickled from a worker)."""
    return "".join(list(text))


def test_a_workers_rows_come_as_tuples_in_column_order():
    layout = {"paragraphs": [("paragraph_id", False), ("tokens", True), ("text", False)]}
    rows = build._compact({"paragraphs": [{"text": "党建引领发展", "paragraph_id": "a-1-p001"}]}, layout)
    assert rows == {"paragraphs": [("a-1-p001", None, "党建引领发展")]}


def test_tokens_of_two_files_are_one_string_each_in_the_build():
    layout = {"paragraphs": [("paragraph_id", False), ("tokens", True)]}
    first = {"paragraphs": [("a-1-p001", [_fresh("党建"), _fresh("引领")])]}
    second = {"paragraphs": [("b-1-p001", [_fresh("党建"), "", _fresh("发展")])]}
    assert first["paragraphs"][0][1][0] is not second["paragraphs"][0][1][0]
    build._share_lists(first, layout)
    build._share_lists(second, layout)
    assert first["paragraphs"][0][1][0] is second["paragraphs"][0][1][0]
    assert second["paragraphs"][0][1] == ["党建", "", "发展"]
