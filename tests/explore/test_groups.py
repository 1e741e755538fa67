"""Every group at once: over-used terms per group, and correspondence analysis checked against its
definitions (total inertia = χ²/n from scipy; the transition formula between rows and columns)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import reference_words as ref
from scipy.stats import chi2_contingency

from lib.explore import groups

TABLE = np.array([[20, 5, 3, 2], [4, 18, 6, 1], [2, 4, 15, 9], [3, 2, 5, 12]], dtype=float)


def test_ca_inertia_is_chi_square_over_n_and_shares_add_up():
    rows, cols, shares = groups.ca_coordinates(TABLE)
    chi2 = chi2_contingency(TABLE, correction=False)[0]
    p = TABLE / TABLE.sum()
    r, c = p.sum(axis=1), p.sum(axis=0)
    total_inertia = (r[:, None] * rows**2).sum()
    assert total_inertia == pytest.approx(chi2 / TABLE.sum())
    assert sum(shares) == pytest.approx(1.0) and shares == sorted(shares, reverse=True)
    assert r @ rows[:, 0] == pytest.approx(0, abs=1e-12) and c @ cols[:, 0] == pytest.approx(0, abs=1e-12)


def test_ca_rows_are_the_weighted_average_of_the_columns():
    rows, cols, _ = groups.ca_coordinates(TABLE)
    profiles = TABLE / TABLE.sum(axis=1, keepdims=True)
    sigma = np.sqrt((TABLE.sum(axis=0) / TABLE.sum() * cols[:, 0] ** 2).sum())  # first axis
    assert np.allclose(profiles @ cols[:, 0] / sigma, rows[:, 0])


def paragraphs(rows) -> pd.DataFrame:
    return pd.DataFrame([{"zone": z, "year": y, "themes": t, "tokens": list(tok)} for z, y, t, tok in rows])


DATA = paragraphs(
    [
        ("甲区", 2020, ["组织"], "aaabx"),
        ("甲区", 2021, ["组织"], "aab"),
        ("乙区", 2020, ["人才"], "cccdx"),
        ("乙区", 2021, ["人才", "组织"], "ccd"),
        ("丙区", 2021, ["人才"], "eeefx"),
        ("丙区", 2021, [], "eef"),
    ]
)


def test_group_terms_are_each_groups_over_used_words():
    table = ref.group_terms(DATA, "zone", top=2)
    top = table[table["rank"] == 1].set_index("group")["term"].to_dict()
    assert top == {"丙区": "e", "乙区": "c", "甲区": "a"}
    assert (table["g2"] > 0).all() and "x" not in set(table["term"])  # x is used alike everywhere
    matrix = groups.side_by_side(table)
    assert list(matrix.columns) == ["rank", "丙区", "乙区", "甲区"] and matrix["甲区"].tolist() == ["a", "b"]


def test_group_terms_by_theme_count_a_paragraph_in_each_of_its_themes():
    table = ref.group_terms(DATA, "theme", top=3)
    assert set(table["group"]) == {"人才", "组织"}


def test_correspondence_places_groups_and_words_and_needs_three_of_each():
    points, shares = ref.correspondence(DATA, "zone", n_terms=6)
    assert set(points.loc[points["kind"] == "group", "name"]) == {"甲区", "乙区", "丙区"}
    assert len(points[points["kind"] == "term"]) == 6 and len(shares) == 2
    assert points["mass"].groupby(points["kind"]).sum().round(6).tolist() == [1.0, 1.0]
    # a zone sits nearer its own words than another zone's
    at = points.set_index("name")[["x", "y"]]
    near = lambda a, b: float(np.hypot(*(at.loc[a] - at.loc[b])))  # noqa: E731
    assert near("甲区", "a") < near("甲区", "c")
    two = DATA[DATA["zone"] != "丙区"]
    assert ref.correspondence(two, "zone")[0].empty


ARTICLES = pd.DataFrame(
    {"article_id": ["a1", "a2", "a3", "a4"], "zone": ["甲区", "乙区", "丙区", ""]}
).assign(province=["江苏省", "江苏省", "浙江省", ""])


def test_with_province_takes_the_reports_province_and_names_the_unknown():
    body = pd.DataFrame({"article_id": ["a1", "a3", "a4", "a9"], "tokens": [["x"]] * 4})
    assert groups.with_province(body, ARTICLES)["province"].tolist() == [
        "江苏省",
        "浙江省",
        "未知省份",
        "未知省份",
    ]


def test_group_terms_and_correspondence_by_province():
    data = DATA.assign(article_id=["a1", "a1", "a2", "a2", "a3", "a4"])
    by_province = groups.with_province(data, ARTICLES)
    table = ref.group_terms(by_province, "province", top=3)
    assert set(table["group"]) == {"江苏省", "浙江省", "未知省份"}
    top = table[table["rank"] == 1].set_index("group")["term"].to_dict()
    assert top["浙江省"] == "e" and top["江苏省"] in {"a", "c"}  # 甲区 and 乙区 are both in 江苏省
    points, shares = ref.correspondence(by_province, "province", n_terms=6)
    assert set(points.loc[points["kind"] == "group", "name"]) == {"江苏省", "浙江省", "未知省份"}
    assert len(shares) == 2
