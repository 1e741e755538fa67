"""Repairing what the conversion from print left in a report's text. The raw files are never modified;
everything here works on their text.

- `drop_pinyin_glosses`: the pinyin some reposting sites put after characters (开发(fā)区(qū)) is removed;
- `repair_text`: spaces left inside Chinese words by joined columns are removed, straight quotes become
  Chinese quotes and half-width punctuation next to Chinese becomes full-width;
- `join_broken`: a body paragraph cut mid-sentence (by a photo caption, a column break or a heading that
  is really a fragment of body text) is joined with its continuation;
- `mark_duplicates`: a paragraph printed twice is kept once; the copies are marked, never counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lib.core.chars import CJK
from lib.core.model import BODY, CAPTION, CLUTTER, CREDIT, HEADING, META, Paragraph

#: Chinese punctuation that may touch a CJK character without a space.
PUNCT = "，。、；：？！“”‘’（）《》〈〉【】—…·「」『』+＋"  # + too: “非遗 + 党建” is the chain 非遗+党建
RE_SPACE_IN_CJK = re.compile(
    f"(?<=[{CJK}{PUNCT}])[ \\t\\u3000]+(?=[{CJK}{PUNCT}0-9])|(?<=[0-9%.])[ \\t\\u3000]+(?=[{CJK}{PUNCT}])"
)
RE_SENTENCE_END = re.compile(r"[。！？!?…；;”」』）)\]】]$")
#: Half-width punctuation touching a Chinese character, and its full-width form.
RE_HALF_PUNCT = re.compile(f"(?<=[{CJK}“”])([,;:?!()])|([,;:?!()])(?=[{CJK}“”])")
FULL_WIDTH = str.maketrans(",;:?!()", "，；：？！（）")
#: What RE_HALF_PUNCT and RE_SPACE_IN_CJK replace: text with neither needs no substitution pass.
RE_HALF_PUNCT_CHAR = re.compile(r"[,;:?!()]")
RE_LOOSE_SPACE = re.compile(r"[ \t\u3000]")
#: A paragraph that opens with a short sentence of its own ("建好一支队伍。") is not a continuation.
RE_LEAD_SENTENCE = re.compile(r"^[^，。；,;]{1,15}。")
RE_NORMALISE = re.compile(f"[^{CJK}0-9A-Za-z]")

#: A tone-marked pinyin syllable in brackets right after a Chinese character: 开发(fā)区(qū), 产业（yè）.
TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
RE_PINYIN_GLOSS = re.compile(f"(?<=[{CJK}])[(（][a-zü]{{0,5}}[{TONE_MARKS}][a-zü]{{0,5}}[)）]")
RE_TONE_MARK = re.compile(f"[{TONE_MARKS}]")

#: Share of a paragraph's 4-character shingles found in one earlier paragraph that makes it a copy.
DUPLICATE_SHARE = 0.9
#: Up to this many distinct paragraphs, a paragraph is compared with every earlier one.
EXHAUSTIVE_MAX = 64
#: How many of a paragraph's rarest shingles pick the earlier paragraphs it is compared with.
PROBE_SHINGLES = 16
#: The earlier paragraphs a shingle can point to: a shingle in more is too common to pick with.
MAX_POSTINGS = 64


@dataclass
class Block:
    """One non-blank line of a file, typed by `lib.reading.articles.classify_lines`."""

    text: str
    kind: str
    level: int = 0  # heading depth; 0 for bare headings
    blank_before: int = 0
    fragment: bool = False  # a heading marker on what is really a piece of body text
    role: str = ""  # "title" or "kicker" for the headline lines of a web page


def drop_pinyin_glosses(text: str) -> str:
    """Removes the bracketed pinyin that some reposting sites insert after characters.

    >>> drop_pinyin_glosses("西华经开区(qū)的产业（yè）社区(A区)")
    '西华经开区的产业社区(A区)'
    """
    return RE_PINYIN_GLOSS.sub("", text) if RE_TONE_MARK.search(text) else text


#: A quoted formula whose plus signs a web copy turned into spaces (a + in a URL is a space): “1 X N”.
RE_LOST_PLUS = re.compile(r"(?<=“)(?=[0-9A-Z ]*[0-9])[0-9]{1,3}(?: [0-9A-Z]{1,3}){1,5}(?=”)")


def repair_text(text: str) -> str:
    """Removes spaces left inside Chinese text, turns straight double quotes into “ ” and
    half-width punctuation next to Chinese characters into full-width.

    >>> repair_text('在工业和信息 化部公布的结果中位列第31 名,实现"八连升"')
    '在工业和信息化部公布的结果中位列第31名，实现“八连升”'
    """
    text = curl_quotes(text)
    if RE_HALF_PUNCT_CHAR.search(text):
        text = RE_HALF_PUNCT.sub(lambda m: m.group(0).translate(FULL_WIDTH), text)
    if RE_LOOSE_SPACE.search(text):
        text = RE_SPACE_IN_CJK.sub("", text)
        text = RE_LOST_PLUS.sub(lambda m: m.group(0).replace(" ", "+"), text)
    return text.strip()


#: Corner brackets (the quotes of traditional-script pages) as the curly quotes every rule reads.
CORNER_QUOTES = str.maketrans("「」『』", "“”‘’")


def curl_quotes(text: str) -> str:
    """Straight double quotes as Chinese opening and closing quotes, in turn; corner brackets as curly
    quotes (「卡车司机之家」 → “卡车司机之家”)."""
    text = text.translate(CORNER_QUOTES)
    if '"' not in text:
        return text
    out, opening = [], True
    for ch in text:
        if ch == '"':
            out.append("“" if opening else "”")
            opening = not opening
        else:
            out.append(ch)
    return "".join(out)


def join_broken(blocks: list[Block]) -> list[Block]:
    """Joins a body paragraph that stops mid-sentence with its continuation: a body fragment that
    lost its place behind a heading marker if one follows before the next real heading, else the
    next body paragraph when only captions and credits stand between them."""
    out: list[Block] = []
    consumed: set[int] = set()
    for i, b in enumerate(blocks):
        if i in consumed:
            continue
        if b.kind == BODY and not RE_SENTENCE_END.search(b.text):
            j = _continuation(blocks, i)
            if j is not None:
                b = Block(b.text + blocks[j].text, BODY, blank_before=b.blank_before)
                consumed.add(j)
        out.append(b)
    return out


def _continuation(blocks: list[Block], i: int) -> int | None:
    for j in range(i + 1, len(blocks)):
        if blocks[j].kind == HEADING:
            break
        if blocks[j].fragment:
            return j
    for j in range(i + 1, len(blocks)):
        kind = blocks[j].kind
        if kind == BODY:
            return None if RE_LEAD_SENTENCE.match(blocks[j].text) else j
        if kind not in (CAPTION, CREDIT, META, CLUTTER):
            return None
    return None


def _shingles(text: str, n: int = 4) -> set[str]:
    norm = RE_NORMALISE.sub("", text)
    return {norm[k : k + n] for k in range(max(1, len(norm) - n + 1))}


def mark_duplicates(paragraphs: list[Paragraph]) -> None:
    """Marks body paragraphs whose text is (nearly all) contained in one earlier body paragraph.

    A report of up to `EXHAUSTIVE_MAX` distinct paragraphs compares each paragraph with every earlier
    one (cheapest for the usual report). A longer one switches to an index of the earlier paragraphs'
    shingles: a paragraph is then compared only with those sharing one of its `PROBE_SHINGLES` rarest
    shingles (a near-copy shares nearly all of them), so the work stays linear in the text."""
    seen: list[tuple[int, set[str]]] = []
    postings: dict[str, list[int]] | None = None
    for p in paragraphs:
        if p.kind != BODY:
            continue
        sh = _shingles(p.text)
        need = DUPLICATE_SHARE * len(sh)
        if postings is None and len(seen) > EXHAUSTIVE_MAX:
            postings = {}
            for i, (_, earlier) in enumerate(seen):
                for g in earlier:
                    postings.setdefault(g, []).append(i)
        candidates = range(len(seen)) if postings is None else _candidates(sh, postings)
        for i in candidates:
            seq, earlier = seen[i]
            if sh and len(earlier) >= need and len(sh & earlier) >= need:
                p.is_duplicate, p.duplicate_of = True, seq
                break
        else:
            if postings is not None:
                for g in sh:
                    postings.setdefault(g, []).append(len(seen))
            seen.append((p.seq, sh))


def _candidates(shingles: set[str], postings: dict[str, list[int]]) -> list[int]:
    """The earlier paragraphs holding one of the paragraph's rarest shingles, in text order."""
    probes = sorted(shingles, key=lambda g: len(postings.get(g, ())))[:PROBE_SHINGLES]
    return sorted({i for g in probes for i in postings.get(g, ())[:MAX_POSTINGS]})
