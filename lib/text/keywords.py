"""Keywords: which tokens count as content, and the scores on them (frequencies, TF-IDF, keyness).

The filters and settings come from the lexicon files (stopwords.txt, user_stopwords.txt,
keywords.json; see lib/lexicon.py). The scores work on plain data: token lists, or a
DataFrame with a token-list column and a group column.

Keyness is the log-likelihood G2 of Rayson & Garside (2000) for one group against the rest,
signed (positive = used more in the group), with the log ratio (Hardie 2014) as effect size.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat

import numpy as np
import pandas as pd
from scipy import sparse

from lib.core import rulefiles
from lib.text.lexicon import compile_lexicon, lexicon_files
from lib.text.segment import Segmenter
from lib.text.segment import segmenter as current_segmenter

#: A token made only of digits and the signs numbers carry (1200, 78.02%, 2022—2024).
RE_NUMBER = re.compile(r"[\d.,，．:：%％‰+\-－—–~～/·]+")

#: A letter, digit or Chinese character (what punctuation and symbols lack).
RE_ALNUM = re.compile(r"[^\W_]")

#: Distinct tokens whose keyword test `extract_terms` keeps, (token, POS) pairs and words (then it starts
#: afresh).
MAX_KEPT = 500_000

FREQUENCY_COLUMNS = ["term", "count", "doc_freq"]
KEYNESS_COLUMNS = ["term", "count_target", "count_rest", "g2", "log_ratio", "p_value"]


@dataclass(frozen=True)
class KeywordSettings:
    stopwords: frozenset[str]
    terms: frozenset[str]
    pos_keep: frozenset[str]
    lexicon_tag: str
    min_length: int
    max_length: int
    topic_words: frozenset[str]
    log_ratio_smoothing: float
    #: (token, POS) → the token stripped when it is a keyword, else None: `extract_terms` decides once
    #: per distinct token (a report's words are mostly words seen before).
    kept: dict[tuple[str, str], str | None] = field(default_factory=dict, compare=False, repr=False)
    #: The same by word, for the words jieba cuts (whose tag is a function of the word).
    kept_words: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)


def keyword_settings() -> KeywordSettings:
    """The settings of the current lexicon files, compiled once per content (an edit takes effect)."""
    return rulefiles.compiled(_compile_settings, *lexicon_files())


def _compile_settings(*contents: bytes | None) -> KeywordSettings:
    lexicon = compile_lexicon(*contents)
    config = lexicon.settings
    return KeywordSettings(
        stopwords=lexicon.stopwords,
        terms=frozenset(lexicon.terms),
        pos_keep=frozenset(config["pos_keep"]),
        lexicon_tag=config["lexicon_tag"],
        min_length=int(config["min_length"]),
        max_length=int(config["max_length"]),
        topic_words=frozenset(config["topic_words"]),
        log_ratio_smoothing=float(config["log_ratio_smoothing"]),
    )


def is_content_term(word: str, pos: str | None = None, *, pos_keep: Collection[str] | None = None) -> bool:
    """Whether a token is a keyword: not a stopword, not punctuation, not a bare number, of a
    kept length and part of speech (when `pos` is known). Lexicon terms (by tag or by the
    lexicon files) pass the number, length and POS tests: 1145 is a name, not a number."""
    s = keyword_settings()
    return _is_content(word, pos, s, s.pos_keep if pos_keep is None else pos_keep)


def content_terms(
    tokens: Iterable[str | tuple[str, str]], *, pos_keep: Collection[str] | None = None
) -> list[str]:
    """The keywords among tokens, in order. Tokens are words (`tokenize`) or (word, POS) pairs
    (`tag`); the POS filter (keywords.json's pos_keep unless given) applies to pairs only."""
    s = keyword_settings()
    keep = s.pos_keep if pos_keep is None else pos_keep
    out = []
    for token in tokens:
        word, pos = (token, None) if isinstance(token, str) else token
        word = word.strip()
        if _is_content(word, pos, s, keep):
            out.append(word)
    return out


def _is_content(word: str, pos: str | None, s: KeywordSettings, pos_keep: Collection[str]) -> bool:
    if word in s.stopwords or not RE_ALNUM.search(word):
        return False
    if pos == s.lexicon_tag or word in s.terms:
        return True
    if RE_NUMBER.fullmatch(word) or not s.min_length <= len(word) <= s.max_length:
        return False
    return pos is None or pos in pos_keep


def extract_terms(
    text: str,
    *,
    extra_words: Iterable[str] = (),
    settings: KeywordSettings | None = None,
    segmenter: Segmenter | None = None,
) -> list[str]:
    """The keywords of a text: segmented with the lexicon and these extra words, then filtered. A caller
    looping over many texts passes `settings` and `segmenter` (loaded once) for speed."""
    s = settings or keyword_settings()
    cutter = segmenter or current_segmenter()
    if len(s.kept) + len(s.kept_words) > MAX_KEPT:
        s.kept.clear()
        s.kept_words.clear()
    words: list[str | None] = []
    for piece, protected in cutter.pieces(text, extra_words=extra_words):
        if protected:
            words.append(_kept(s, (piece, cutter.lexicon_tag)))
        else:
            words.extend(_kept_words(s, cutter, piece))
    return [word for word in words if word is not None]


def _kept(s: KeywordSettings, token: tuple[str, str]) -> str | None:
    """A (token, POS) pair's keyword: the token stripped when it is one, else None (decided once)."""
    word = s.kept.get(token, "")
    if word == "":
        w = token[0].strip()
        word = s.kept[token] = w if _is_content(w, token[1], s, s.pos_keep) else None
    return word


def _kept_words(s: KeywordSettings, cutter: Segmenter, piece: str) -> list[str | None]:
    """Each word of a piece the segmenter cuts as its keyword or None. A word's POS tag is a function of
    the word (`Segmenter.cut_piece`), so each distinct word is decided once, and a piece is tagged (twice
    the time of cutting it) only when it holds a word not decided yet."""
    words = cutter.cut_piece(piece)
    found = list(map(s.kept_words.get, words, repeat("")))  # "" for a word not seen yet
    if "" not in found:
        return found
    for word, pos in cutter.tag_piece(piece):
        if word not in s.kept_words:
            w = word.strip()
            s.kept_words[word] = w if _is_content(w, pos, s, s.pos_keep) else None
    return list(map(s.kept_words.__getitem__, words))


def term_frequencies(docs: Iterable[Iterable[str]]) -> pd.DataFrame:
    """[term, count, doc_freq] over token lists (a list of lists, or a DataFrame's tokens
    column), most frequent first."""
    counts: Counter[str] = Counter()
    doc_freq: Counter[str] = Counter()
    for tokens in docs:
        tokens = as_token_list(tokens)
        counts.update(tokens)
        doc_freq.update(set(tokens))
    return frequency_table(list(counts), list(counts.values()), [doc_freq[t] for t in counts])


def frequency_table(terms, counts, doc_freqs) -> pd.DataFrame:
    """`term_frequencies`' table from its three columns, in any order."""
    table = pd.DataFrame(
        {"term": terms, "count": counts, "doc_freq": doc_freqs}, columns=FREQUENCY_COLUMNS
    ).astype({"term": object, "count": "int64", "doc_freq": "int64"})
    return table.sort_values(["count", "doc_freq", "term"], ascending=[False, False, True], ignore_index=True)


def top_terms(
    docs: Iterable[Iterable[str]],
    *,
    n: int = 20,
    exclude: Iterable[str] = (),
    include_topic_words: bool = False,
) -> pd.DataFrame:
    """The n most frequent terms ([term, count, doc_freq]), without keywords.json's topic words
    (unless asked) and without `exclude` (e.g. the zone's own name)."""
    return top_of(term_frequencies(docs), n=n, exclude=exclude, include_topic_words=include_topic_words)


def top_of(
    table: pd.DataFrame, *, n: int = 20, exclude: Iterable[str] = (), include_topic_words: bool = False
) -> pd.DataFrame:
    """`top_terms` of a `term_frequencies` table."""
    dropped = set(exclude) | (set() if include_topic_words else keyword_settings().topic_words)
    return table[~table["term"].isin(dropped)].head(n).reset_index(drop=True)


def cloud_of(table: pd.DataFrame, *, max_words: int = 150, exclude: Iterable[str] = ()) -> dict[str, int]:
    """`cloud_frequencies` of a `term_frequencies` table."""
    table = top_of(table, n=max_words, exclude=exclude)
    return dict(zip(table["term"], table["count"].astype(int), strict=True))


def tfidf_by_term(doc_term: sparse.spmatrix, terms: np.ndarray) -> pd.DataFrame:
    """[term, tfidf, count] of a documents × terms matrix of counts: each term's best `tfidf` over the
    documents (tf = count / document length; idf = ln((1 + N) / (1 + doc_freq)) + 1, smoothed, so a term
    in every document keeps a small weight) and its count in all, best first (ties by term)."""
    doc_term = sparse.csr_matrix(doc_term, dtype=np.int64)
    doc_term.eliminate_zeros()
    length = np.asarray(doc_term.sum(axis=1)).ravel()
    doc_freq = np.bincount(doc_term.indices, minlength=doc_term.shape[1])
    n_docs = doc_term.shape[0]
    idf = {int(f): math.log((1 + n_docs) / (1 + int(f))) + 1 for f in np.unique(doc_freq[doc_term.indices])}
    idf_of = np.zeros(n_docs + 1)
    idf_of[list(idf)] = list(idf.values())  # by doc_freq
    docs = np.repeat(np.arange(n_docs), np.diff(doc_term.indptr))
    score = doc_term.data / length[docs] * idf_of[doc_freq[doc_term.indices]]
    best = np.full(doc_term.shape[1], -np.inf)
    np.maximum.at(best, doc_term.indices, score)
    used = np.flatnonzero(doc_freq)
    count = np.bincount(doc_term.indices, weights=doc_term.data, minlength=doc_term.shape[1])
    table = pd.DataFrame(
        {
            "term": np.asarray(terms, dtype=object)[used],
            "tfidf": best[used],
            "count": count[used].astype("int64"),
        }
    )
    return table.sort_values(["tfidf", "term"], ascending=[False, True], ignore_index=True)


def keyness(
    df: pd.DataFrame, group_col: str, target: Hashable, *, tokens_col: str = "tokens", min_count: int = 1
) -> pd.DataFrame:
    """Keyness of every term of one group against all the other rows: [term, count_target,
    count_rest, g2, log_ratio, p_value], most over-used first. Terms seen fewer than min_count
    times in all are left out; empty when either side has no tokens."""
    counts = _group_counts(df, group_col, tokens_col)
    if target not in counts:
        raise ValueError(f"no rows with {group_col} == {target!r}")
    total = sum(counts.values(), Counter())
    return keyness_table(counts[target], total - counts[target], min_count=min_count)


def keyness_table(target: Counter[str], rest: Counter[str], *, min_count: int = 1) -> pd.DataFrame:
    """Signed G2, log ratio and p-value of each term from its counts in a target corpus and a
    reference corpus. With a, b the term's counts and c, d the corpora's sizes:
    E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G2 = 2(a ln(a/E1) + b ln(b/E2)) (0 ln 0 = 0), negative
    when a/c < b/d; log ratio = log2(((a+k)/c) / ((b+k)/d)) with k = keywords.json's
    log_ratio_smoothing; p from the chi-square distribution with one degree of freedom."""
    c, d = sum(target.values()), sum(rest.values())
    terms = sorted(t for t in target.keys() | rest.keys() if target[t] + rest[t] >= min_count)
    if not c or not d or not terms:
        return pd.DataFrame(columns=KEYNESS_COLUMNS)
    a = np.array([target[t] for t in terms], dtype=float)
    b = np.array([rest[t] for t in terms], dtype=float)
    table = _keyness_frame(terms, a, b, c, d)
    return table.sort_values(["g2", "term"], ascending=[False, True], ignore_index=True)


def _keyness_frame(terms, a: np.ndarray, b: np.ndarray, c, d) -> pd.DataFrame:
    """`keyness_table`'s columns for terms with counts a (target) and b (rest), the sides' sizes c and d
    (numbers, or arrays beside a and b)."""
    g2 = _signed_g2(a, b, c, d)
    k = keyword_settings().log_ratio_smoothing
    return pd.DataFrame(
        {
            "term": terms,
            "count_target": a.astype("int64"),
            "count_rest": b.astype("int64"),
            "g2": g2,
            "log_ratio": np.log2(((a + k) / c) / ((b + k) / d)),
            "p_value": [math.erfc(math.sqrt(abs(x) / 2)) for x in g2],
        }
    )


def _signed_g2(a: np.ndarray, b: np.ndarray, c, d) -> np.ndarray:
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * (np.where(a > 0, a * np.log(a / e1), 0) + np.where(b > 0, b * np.log(b / e2), 0))
    return np.where(a / c < b / d, -g2, g2)


def over_used(
    counts: sparse.spmatrix,
    terms: np.ndarray,
    groups: Sequence,
    *,
    min_count: int = 1,
    top: int | None = None,
) -> pd.DataFrame:
    """[group, term, count_target, …]: each group's over-used terms (G2 > 0) against all the others
    together, from a groups × terms matrix of counts (`groups` names its rows, `terms` its columns):
    the rows of `keyness_table(group, sum of the others)` with G2 > 0, at most `top` per group, groups
    in sorted order. Every group at once: only the matrix's non-zero cells can be over-used."""
    counts = sparse.coo_matrix(sparse.csr_matrix(counts, dtype=np.int64))  # duplicates summed
    total, size = np.asarray(counts.sum(axis=0)).ravel(), np.asarray(counts.sum(axis=1)).ravel()
    g, t, n = counts.row, counts.col, counts.data
    keep = (n > 0) & (total[t] >= min_count) & (size[g] > 0) & (size[g] < size.sum())
    g, t, n = g[keep], t[keep], n[keep]
    a, b, c, d = n.astype(float), (total[t] - n).astype(float), size[g], size.sum() - size[g]
    g2 = _signed_g2(a, b, c, d)
    over = np.flatnonzero(g2 > 0)
    names = np.array([str(x) for x in groups], dtype=object)
    group_rank = np.argsort(np.argsort(names, kind="stable"), kind="stable")[g[over]]
    words = np.asarray(terms, dtype=object)
    used = np.unique(t[over])
    term_rank = np.zeros(len(words), dtype=np.int64)
    term_rank[used[np.argsort(words[used], kind="stable")]] = np.arange(len(used))
    sort = np.lexsort((term_rank[t[over]], -g2[over], group_rank))
    order, ranks = over[sort], group_rank[sort]
    if top is not None:  # the first `top` of each group
        order = order[np.arange(len(ranks)) - np.searchsorted(ranks, ranks) < top]
    table = _keyness_frame(words[t[order]], a[order], b[order], c[order], d[order])
    table.insert(0, "group", np.asarray(list(groups), dtype=object)[g[order]])
    return table


def _group_counts(df: pd.DataFrame, group_col: str, tokens_col: str) -> dict[Hashable, Counter[str]]:
    counts: dict[Hashable, Counter[str]] = {}
    for group, tokens in zip(df[group_col], df[tokens_col], strict=True):
        if group is None or (isinstance(group, float) and math.isnan(group)):
            continue
        counts.setdefault(group, Counter()).update(as_token_list(tokens))
    return counts


def as_token_list(tokens: Iterable[str] | None) -> list[str]:
    """A token list from what a DataFrame cell may hold: a list, a NumPy array (from Parquet),
    a space-separated string (from CSV), or nothing (None / NaN)."""
    if tokens is None or isinstance(tokens, float):
        return []
    if isinstance(tokens, str):
        return tokens.split()
    return [str(t) for t in tokens]
