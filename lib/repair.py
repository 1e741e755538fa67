"""Reading a converted print layout into articles: split, classify lines, repair, de-duplicate.

The raw files are never modified; everything here works on their text. Steps, in order:
1. `classify_lines`: each non-blank line becomes a block (heading, body, caption, credit, byline),
   using layout cues (`#` depth, length, sentence punctuation, blank-line isolation, ▲/◀ markers).
2. `split_articles`: a file holds several reports when a headline followed by a byline appears
   after body text (001 holds a 昆山高新区 and a 贵阳高新区 report).
3. `join_broken`: a body paragraph cut mid-sentence (by a photo caption, a column break or a
   heading that is really a fragment of body text) is joined with its continuation.
4. `repair_text`: spaces left inside Chinese words by joined columns are removed and straight
   quotes become Chinese quotes.
5. `mark_duplicates`: a paragraph printed twice is kept once; the copies are marked, never counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lib.schema import BODY, BYLINE, CAPTION, CREDIT, HEADING, Article, Paragraph
from lib.text import CJK

#: Chinese punctuation that may touch a CJK character without a space.
PUNCT = "，。、；：？！“”‘’（）《》〈〉【】—…·「」『』"
RE_SPACE_IN_CJK = re.compile(f"(?<=[{CJK}{PUNCT}])[ \t\u3000]+(?=[{CJK}{PUNCT}0-9])|(?<=[0-9%.])[ \t\u3000]+(?=[{CJK}{PUNCT}])")
RE_HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*$")
RE_BYLINE = re.compile(r"^[▶►]?\s*(?:本报|特约|通讯员|记者|本版撰稿|文/|作者[:：])")
RE_ARROW_BYLINE = re.compile(f"^[▶►]\\s*[{CJK}](?:\\s?[{CJK}]){{1,3}}$")
RE_CREDIT = re.compile(r"(?:供图|摄影?|图片来源|本版供图|图[/／])\s*[^。，]{0,20}$|^本版供图")
RE_CAPTION_MARK = re.compile(r"^[▲◀△▼▽◁►]")
RE_SENTENCE_END = re.compile(r"[。！？!?…；;”」』）)\]】]$")
RE_CLAUSE_PUNCT = re.compile(r"[，。；！？：,;!?:]")
#: Half-width punctuation touching a Chinese character, and its full-width form.
RE_HALF_PUNCT = re.compile(f"(?<=[{CJK}“”])([,;:?!()])|([,;:?!()])(?=[{CJK}“”])")
FULL_WIDTH = str.maketrans(",;:?!()", "，；：？！（）")
#: What RE_HALF_PUNCT and RE_SPACE_IN_CJK replace: text with neither needs no substitution pass.
RE_HALF_PUNCT_CHAR = re.compile(r"[,;:?!()]")
RE_LOOSE_SPACE = re.compile(r"[ \t\u3000]")
#: A paragraph that opens with a short sentence of its own ("建好一支队伍。") is not a continuation.
RE_LEAD_SENTENCE = re.compile(r"^[^，。；,;]{1,15}。")
RE_NORMALISE = re.compile(f"[^{CJK}0-9A-Za-z]")

#: A line with no `#` is read as a heading when it is this short and has no clause punctuation.
BARE_HEADING_MAX = 24
#: A `#` line longer than this, or with a full stop, is body text that lost its place.
HEADING_MAX = 40
#: A line isolated by blank lines and this short is a photo caption.
CAPTION_MAX = 40
#: Share of a paragraph's 4-character shingles found in one earlier paragraph that makes it a copy.
DUPLICATE_SHARE = 0.9


@dataclass
class Block:
    text: str
    kind: str
    level: int = 0  # heading depth; 0 for bare headings
    blank_before: int = 0
    fragment: bool = False  # a heading marker on what is really a piece of body text


def repair_text(text: str) -> str:
    """Removes spaces left inside Chinese text, turns straight double quotes into “ ” and
    half-width punctuation next to Chinese characters into full-width.

    >>> repair_text('在工业和信息 化部公布的结果中位列第31 名,实现"八连升"')
    '在工业和信息化部公布的结果中位列第31名，实现“八连升”'
    """
    text = _curl_quotes(text)
    if RE_HALF_PUNCT_CHAR.search(text):
        text = RE_HALF_PUNCT.sub(lambda m: m.group(0).translate(FULL_WIDTH), text)
    if RE_LOOSE_SPACE.search(text):
        text = RE_SPACE_IN_CJK.sub("", text)
    return text.strip()


def _curl_quotes(text: str) -> str:
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


def classify_lines(raw: str) -> list[Block]:
    """Turns raw text into typed blocks, one per non-blank line."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    marked = any(RE_HEADING.match(line.strip()) for line in lines)
    blocks: list[Block] = []
    blank = 0
    for line in lines:
        line = line.strip()
        if not line:
            blank += 1
            continue
        block = _classify(line, blank, blocks, bare_headings=not marked)
        if block.kind == CAPTION and block.blank_before < 2 and blocks and blocks[-1].kind == CAPTION \
                and not RE_SENTENCE_END.search(blocks[-1].text):
            blocks[-1].text += block.text  # the rest of a caption broken over two lines
        else:
            blocks.append(block)
        blank = 0
    return blocks


def _classify(line: str, blank_before: int, previous: list[Block], *, bare_headings: bool) -> Block:
    m = RE_HEADING.match(line)
    if m:
        body = m.group(2)
        if len(body) > HEADING_MAX or "。" in body or "；" in body:
            return Block(body, BODY, blank_before=blank_before, fragment=True)
        return Block(body, HEADING, level=len(m.group(1)), blank_before=blank_before)
    if RE_BYLINE.match(line) or RE_ARROW_BYLINE.match(line):
        return Block(line, BYLINE, blank_before=blank_before)
    if RE_CREDIT.search(line) and len(line) <= CAPTION_MAX:
        return Block(line, CREDIT, blank_before=blank_before)
    if RE_CAPTION_MARK.match(line):
        return Block(line, CAPTION, blank_before=blank_before)
    prev = previous[-1] if previous else None
    if prev is not None and prev.kind == CAPTION and not RE_SENTENCE_END.search(prev.text) and len(line) <= CAPTION_MAX // 2:
        return Block(line, CAPTION, blank_before=blank_before)  # the rest of a caption broken over two lines
    short = len(line) <= CAPTION_MAX and not RE_CLAUSE_PUNCT.search(line[:-1])
    if short and blank_before >= 2 and previous and any(b.kind == BODY for b in previous):
        return Block(line, CAPTION, blank_before=blank_before)
    if bare_headings and len(line) <= BARE_HEADING_MAX and not RE_CLAUSE_PUNCT.search(line):
        return Block(line, HEADING, level=0, blank_before=blank_before)
    return Block(line, BODY, blank_before=blank_before)


def split_articles(blocks: list[Block]) -> list[list[Block]]:
    """Splits a file's blocks into reports: a new one starts at a headline followed by a byline
    once the current report has body text."""
    parts: list[list[Block]] = [[]]
    for i, b in enumerate(blocks):
        starts_new = (
            b.kind == HEADING
            and i + 1 < len(blocks)
            and blocks[i + 1].kind == BYLINE
            and any(x.kind == BODY for x in parts[-1])
        )
        if starts_new:
            parts.append([])
        parts[-1].append(b)
    return [p for p in parts if p]


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
        if kind not in (CAPTION, CREDIT):
            return None
    return None


def _shingles(text: str, n: int = 4) -> set[str]:
    norm = RE_NORMALISE.sub("", text)
    return {norm[k : k + n] for k in range(max(1, len(norm) - n + 1))}


def mark_duplicates(paragraphs: list[Paragraph]) -> None:
    """Marks body paragraphs whose text is (nearly all) contained in one earlier body paragraph."""
    seen: list[tuple[int, set[str]]] = []
    for p in paragraphs:
        if p.kind != BODY:
            continue
        sh = _shingles(p.text)
        need = DUPLICATE_SHARE * len(sh)
        for seq, earlier in seen:
            if sh and len(earlier) >= need and len(sh & earlier) >= need:
                p.is_duplicate, p.duplicate_of = True, seq
                break
        else:
            seen.append((p.seq, sh))


def read_articles(raw: str, *, source_file: str) -> list[Article]:
    """Splits and repairs one file's text into articles (title, kicker, authors, paragraphs)."""
    articles = []
    for part, blocks in enumerate(split_articles(classify_lines(raw)), start=1):
        articles.append(_build_article(join_broken(blocks), source_file=source_file, part=part))
    return [a for a in articles if a.body or a.title]


def _build_article(blocks: list[Block], *, source_file: str, part: int) -> Article:
    first_body = next((i for i, b in enumerate(blocks) if b.kind == BODY), len(blocks))
    head = blocks[:first_body]
    headings = [b for b in head if b.kind == HEADING]
    bylines = [b.text for b in blocks if b.kind == BYLINE]
    byline_at = next((i for i, b in enumerate(head) if b.kind == BYLINE), None)
    section = ""
    if byline_at is not None:  # headline block above the byline; the last line is the title
        title_block = [b for b in head[:byline_at] if b.kind == HEADING]
        after = [b for b in head[byline_at:] if b.kind == HEADING]
        section = after[-1].text if after else ""
    else:  # no byline up top: the first heading is the title, the last one opens a section
        title_block = headings[:1] + headings[1:-1]
        section = headings[-1].text if len(headings) > 1 else ""
    title = title_block[-1].text if byline_at is not None and title_block else (headings[0].text if headings else "")
    kicker_lines = [b.text for b in title_block if b.text != title]
    art = Article(source_file=source_file, part=part, title=_clean_heading(title),
                  kicker=" / ".join(_clean_heading(k) for k in kicker_lines), byline=" ".join(bylines))
    seq = 0
    for b in blocks[first_body:] if first_body < len(blocks) else []:
        if b.kind == HEADING:
            section = _clean_heading(b.text)
            continue
        text = repair_text(b.text) if b.kind in (BODY, CAPTION) else _clean_heading(b.text)
        art.paragraphs.append(Paragraph(seq=seq, kind=b.kind, text=text, section=section))
        seq += 1
    if not art.title and art.body:  # no headline at all: the first sentence stands in
        art.title = art.body[0].text[:30]
    mark_duplicates(art.paragraphs)
    return art


def _clean_heading(text: str) -> str:
    text = _curl_quotes(text.strip().lstrip("#").strip())
    return re.sub(r"\s+", " ", text)
