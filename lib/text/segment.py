"""Chinese word segmentation with the ZoneLens lexicon (rjieba, the Rust port of jieba).

Two ways keep a name whole:
- Chinese-only lexicon terms (两新组织, 六联工作法) go into the segmenter's dictionary with a
  high frequency, so the cutter prefers them over any split;
- terms with digits, letters or symbols (“1+4+N”, 5F党建, 海棠红·幸福里), which jieba's own
  pre-split would break at + or ·, and the `extra_words` of a call (the zone, initiative and
  enterprise names the pipeline found in an article) are found in the text first; only the
  spans between them are cut. Nothing a call passes is added to a shared dictionary, so the
  tokens of a text depend only on (text, lexicon files, that call's extra_words).

`"".join(tokenize(text)) == text`: no character is lost or added, whitespace included.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import rjieba

from lib.core import rulefiles
from lib.core.chars import CJK, find_longest
from lib.text.lexicon import Lexicon, compile_lexicon, lexicon_files

__all__ = ["Segmenter", "dictionary_entries", "segmenter", "tag", "tokenize"]

#: Frequency given to Chinese-only lexicon terms in the dictionary: as common as the
#: commonest content words of jieba's dictionary, so a term beats any way of splitting it.
TERM_FREQ = 100_000
RE_HAN_ONLY = re.compile(f"[{CJK}]+")


def dictionary_entries(terms: Iterable[str], *, tag: str) -> list[tuple[str, int, str]]:
    """(word, frequency, POS tag) for each Chinese-only term: what goes into the dictionary
    (of rjieba here; of jieba in the equivalence test and the benchmark)."""
    return [(t, TERM_FREQ, tag) for t in dict.fromkeys(terms) if RE_HAN_ONLY.fullmatch(t)]


class Segmenter:
    """rjieba with the lexicon's Chinese-only terms in its dictionary; other terms and each
    call's extra words protected as whole spans."""

    def __init__(self, terms: Iterable[str], *, lexicon_tag: str) -> None:
        terms = list(dict.fromkeys(terms))
        self.lexicon_tag = lexicon_tag
        self._jieba = rjieba.Jieba()
        for word, freq, pos in dictionary_entries(terms, tag=lexicon_tag):
            self._jieba.add_word(word, freq, pos)
        self._protected = tuple(t for t in terms if not RE_HAN_ONLY.fullmatch(t))

    def cut(self, text: str, *, extra_words: Iterable[str] = ()) -> list[str]:
        tokens: list[str] = []
        for piece, protected in self.pieces(text, extra_words=extra_words):
            tokens.extend([piece] if protected else self.cut_piece(piece))
        return tokens

    def tag(self, text: str, *, extra_words: Iterable[str] = ()) -> list[tuple[str, str]]:
        tagged: list[tuple[str, str]] = []
        for piece, protected in self.pieces(text, extra_words=extra_words):
            tagged.extend([(piece, self.lexicon_tag)] if protected else self.tag_piece(piece))
        return tagged

    def cut_piece(self, piece: str) -> list[str]:
        """The words of an unprotected piece: `tag_piece`'s words without their tags, in half the time
        (jieba's tag of a word is its dictionary entry's, else a guess from its characters: a function
        of the word, never of its neighbours)."""
        return self._jieba.cut(piece, True)

    def tag_piece(self, piece: str) -> list[tuple[str, str]]:
        """(word, POS tag) of each word of an unprotected piece."""
        return self._jieba.tag(piece, True)

    def pieces(self, text: str, *, extra_words: Iterable[str] = ()) -> Iterator[tuple[str, bool]]:
        """What `cut` and `tag` read: the text as consecutive (piece, is_protected) pairs. Protected pieces
        are the leftmost-longest occurrences of protected terms and extra words, each one token; the rest
        is for `cut_piece` or `tag_piece`."""
        extra = (e.strip() for e in extra_words if isinstance(e, str))
        candidates = {w for w in (*self._protected, *extra) if len(w) >= 2}
        present = [w for w in candidates if w in text]
        if not present:
            if text:
                yield text, False
            return
        pos = 0
        for start, end in find_longest(text, present, bounded=True):
            if start > pos:
                yield text[pos:start], False
            yield text[start:end], True
            pos = end
        if pos < len(text):
            yield text[pos:], False


def segmenter() -> Segmenter:
    """The segmenter for the current lexicon files, built once per content (an edit rebuilds it)."""
    return rulefiles.compiled(_build_segmenter, *lexicon_files())


def _build_segmenter(*contents: bytes | None) -> Segmenter:
    lex: Lexicon = compile_lexicon(*contents)
    return Segmenter(lex.terms, lexicon_tag=lex.settings["lexicon_tag"])


def tokenize(text: str, *, extra_words: Iterable[str] = ()) -> list[str]:
    """Every token of the text, unfiltered (punctuation and whitespace included)."""
    return segmenter().cut(text, extra_words=extra_words)


def tag(text: str, *, extra_words: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(token, POS tag) for every token; lexicon terms and extra words get the lexicon tag."""
    return segmenter().tag(text, extra_words=extra_words)


def word_bounds(text: str) -> set[int]:
    """Where the text's words start and end, as the segmenter cuts it (0 and the end included)."""
    bounds, at = {0}, 0
    for word in tokenize(text):
        at += len(word)
        bounds.add(at)
    return bounds
