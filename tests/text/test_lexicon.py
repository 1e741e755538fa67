"""Lexicon files: reading them, and the app's atomic, validated edits of the user_* files."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib import config
from lib.dataset.store import rules_fingerprint
from lib.text import lexicon


def test_enterprise_names_are_terms(tmp_path, monkeypatch):
    """Every short and full name of enterprises.txt is a term (names too short or invalid are skipped)."""
    shipped = tmp_path / "lexicon"
    shutil.copytree(config.LEXICON_DIR, shipped)
    (shipped / "enterprises.txt").write_text(
        "# comment = not a name\n丘钛科技, 丘钛微电子，丘钛 = 昆山丘钛微电子科技股份有限公司\n乐美包装\n= 、 =\n迈胜质子 | 迈胜 | X\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(config, "LEXICON_DIR", shipped)
    terms = lexicon.load_terms()
    assert {
        "丘钛科技",
        "丘钛微电子",
        "丘钛",
        "昆山丘钛微电子科技股份有限公司",
        "乐美包装",
        "迈胜质子",
        "迈胜",
    } <= set(terms)
    assert not {"X", "、", "=", "not a name"} & set(terms)


def test_shipped_lexicon_loads():
    terms = lexicon.load_terms()
    for term in (
        "两新组织",
        "党建联建",
        "行动党支部",
        "红色管家",
        "1+4+N",
        "5F党建",
        "海棠红·幸福里",
        "六联工作法",
    ):
        assert term in terms
    stopwords = lexicon.load_stopwords()
    assert {
        "坚持",
        "推动",
        "全面",
        "持续",
        "不断",
        "深化",
        "加强",
        "实现",
        "打造",
        "工作",
        "高质量",
    } <= stopwords
    # the subject of the corpus is not a stopword (see stopwords.txt's header), nor is a term
    assert not set(terms) & stopwords
    assert not set(lexicon.load_keywords_config()["topic_words"]) & stopwords
    assert not {"党建", "党员", "高新区"} & stopwords
    assert lexicon.load_keywords_config()["lexicon_tag"] in lexicon.load_keywords_config()["pos_keep"]


@pytest.mark.parametrize(
    "text, stored",
    [
        ("  两新组织 ", "两新组织"),
        ("1+4+N", "1+4+N"),
        ("AI", "AI"),
        ("海棠红·幸福里", "海棠红·幸福里"),
        ("的", "的"),
    ],
)
def test_validate_entry_accepts_and_strips(text, stored):
    assert lexicon.validate_entry(text) == stored


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "两新\n组织",
        "两新\t组织",
        "党\r建",
        "党\x00建",
        "# 注释",
        "、、",
        "+·+",
        "党" * 41,
        None,
        42,
    ],
)
def test_validate_entry_rejects(text):
    with pytest.raises(ValueError):
        lexicon.validate_entry(text)


@given(st.text(max_size=60))
@settings(max_examples=200, deadline=None)
def test_validate_entry_never_fails_otherwise(text):
    try:
        entry = lexicon.validate_entry(text)
    except ValueError:
        return
    assert entry == entry.strip() and entry and "\n" not in entry


def test_add_and_remove_term_edit_the_user_file_atomically(user_lexicon):
    shipped = {p.name: p.read_bytes() for p in config.LEXICON_DIR.iterdir()}
    path = user_lexicon / lexicon.USER_TERMS
    assert lexicon.add_term(" 三水箫林小区 ") is True
    header = lexicon.USER_FILE_HEADERS[lexicon.USER_TERMS]
    assert lexicon.add_term("三水箫林小区") is False  # already there
    assert lexicon.add_term("两新组织") is False  # a domain term already
    assert path.read_text(encoding="utf-8") == header + "三水箫林小区\n"
    assert "三水箫林小区" in lexicon.load_terms()
    assert lexicon.remove_term("三水箫林小区") is True
    assert lexicon.remove_term("三水箫林小区") is False
    assert lexicon.remove_term("两新组织") is False  # domain_terms.txt is edited by hand only
    assert path.read_text(encoding="utf-8") == header
    assert [p.name for p in user_lexicon.iterdir()] == [lexicon.USER_TERMS]  # no temporary file left
    assert {p.name: p.read_bytes() for p in config.LEXICON_DIR.iterdir()} == shipped  # the base is read-only


def test_add_and_remove_stopword(user_lexicon):
    assert lexicon.add_stopword("赋能增效") is True
    assert "赋能增效" in lexicon.load_stopwords()
    assert lexicon.add_stopword("坚持") is False  # a built-in stopword
    assert lexicon.remove_stopword("坚持") is False
    assert lexicon.remove_stopword("赋能增效") is True
    assert "赋能增效" not in lexicon.load_stopwords()


def test_add_term_to_a_file_without_final_newline(user_lexicon):
    user_lexicon.mkdir(parents=True)
    (user_lexicon / lexicon.USER_STOPWORDS).write_text("# x\n赋能增效", encoding="utf-8")
    assert lexicon.add_stopword("提质扩面") is True
    assert (user_lexicon / lexicon.USER_STOPWORDS).read_text(encoding="utf-8") == "# x\n赋能增效\n提质扩面\n"
    assert lexicon.user_stopwords() == ["赋能增效", "提质扩面"]


def test_invalid_edits_raise_and_change_nothing(user_lexicon):
    before = rules_fingerprint()
    for bad in ("", "两新\n组织", "、、"):
        with pytest.raises(ValueError):
            lexicon.add_term(bad)
        with pytest.raises(ValueError):
            lexicon.add_stopword(bad)
    assert rules_fingerprint() == before
    assert not user_lexicon.exists()


def test_the_datasets_fingerprint_follows_the_users_lexicon(user_lexicon):
    before = rules_fingerprint()
    lexicon.add_term("三水箫林小区")
    assert rules_fingerprint() != before
    lexicon.remove_term("三水箫林小区")
    assert rules_fingerprint() != before  # the file now exists (with its header): a different input
    with_header = rules_fingerprint()
    lexicon.add_stopword("赋能增效")
    assert rules_fingerprint() != with_header
