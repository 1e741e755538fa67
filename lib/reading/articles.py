"""Reading a file's text into reports: classify its lines, split it where a new report starts, find the
headline, repair each report and mark its printed copies.

1. `classify_lines`: each non-blank line becomes a block (heading, body, caption, credit, byline, and for
   text copied from a web page: meta for date and source lines, clutter for menus, breadcrumbs and
   buttons), using layout cues (`#` depth, length, sentence punctuation, blank-line isolation, ▲/◀
   markers) and the page patterns of lib.reading.pages.
2. `split_articles`: a file holds several reports when a headline followed by a byline appears
   after body text (001 holds a 昆山高新区 and a 贵阳高新区 report).
3. `mark_headline`: in text without `#` headings (a web page, a pasted report), the headline is the last
   headline-like line before the first date, source or byline line (else the last one before the first
   sentence of the body), unless that line is off the report's topic and another short line above the
   body shares clearly more of its words with the body's lead (a photo caption sits right above the
   byline: 座谈会现场); the headline-like line right above it is the kicker; other headline-like lines
   above the body are page chrome.
4. `read_articles`: each report's broken sentences joined, its text repaired and its copies marked
   (see lib.reading.repair), its title, kicker, byline and publication date read from the lines above
   the body.
"""

from __future__ import annotations

import re

from lib.core.chars import RE_CJK, char_pairs, squash_spaces
from lib.core.model import BODY, BYLINE, CAPTION, CLUTTER, CREDIT, HEADING, META, Article, Paragraph
from lib.reading import dates, pages
from lib.reading.bylines import BylineRules, is_byline, load_rules
from lib.reading.repair import RE_SENTENCE_END, Block, curl_quotes, join_broken, mark_duplicates, repair_text

RE_HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*$")
RE_CREDIT = re.compile(r"(?:供图|摄影?|图片来源|本版供图|图[/／])\s*[^。，]{0,20}$|^本版供图")
RE_CAPTION_MARK = re.compile(r"^[▲◀△▼▽◁►]")
RE_CLAUSE_PUNCT = re.compile(r"[，。；！？：,;!?:]")
#: A headline and the page's metadata on one line: 某某党委揭牌成立 | 来源：某某政府网 点击数：58次.
META_LABEL = r"(?:来源|发布时间|发布日期|更新时间|作者|时间|日期)\s*[:：]"
RE_TITLE_WITH_META = re.compile(rf"(?P<title>[^|｜]{{5,60}}?)\s*[|｜]\s*(?P<meta>{META_LABEL}.*)")
#: A line that starts with a metadata label is metadata, whatever follows its bar: 发布日期：… | 来源：….
RE_META_FIRST = re.compile(rf"\s*{META_LABEL}")
#: Metadata and the report's first sentence on one line, where a counter's value is missing (a script fills
#: it in on the live page): 发布日期:2024-08-30 浏览次数:近日,某某部长率队到科技园调研。
RE_META_WITH_BODY = re.compile(
    rf"(?P<meta>{META_LABEL}[^。！？]{{0,80}}?(?:浏览次数|浏览量|点击数|点击量|阅读次数|阅读量|访问量)\s*[:：])"
    r"\s*(?P<body>[\u4e00-\u9fff][^:：]{0,24}?[，,].*[。！？]$)"
)

#: A line with no `#` is read as a heading when it is this short and has no clause punctuation.
BARE_HEADING_MAX = 24
#: ... or when it is two short clauses joined by one comma, with no end punctuation, on a line of its own
#: after a blank line: 坚持党建引领发展，推进“红色引擎”工程 / 组织共建，筑强红色堡垒.
RE_COMMA_HEADING = re.compile(r"^[^，。；！？：,;!?:、]{3,12}[，,][^，。；！？：,;!?:、]{3,12}$")
#: A `#` line longer than this, or with a full stop, is body text that lost its place.
HEADING_MAX = 40
#: A line isolated by blank lines and this short is a photo caption.
CAPTION_MAX = 40
#: A headline is this long (in characters) and holds this many Chinese characters at least.
HEADLINE_CHARS = (5, 80)
HEADLINE_MIN_CJK = 4
#: Where a page's headline is looked for: the blocks above the body, at most this many.
HEAD_MAX_BLOCKS = 30
#: A body block this long is body text even without a final full stop.
LEAD_BODY_CHARS = 100
#: The body's lead a headline shares its words with: its first characters, this many.
LEAD_CHARS = 1500
#: Another line replaces the positional headline when that shares at most OVERLAP_OFF_TOPIC of its
#: character pairs with the lead (0–1: it is not about the report), the other line this much more, and
#: the other line is at most this long (a headline, not the lead sentence copied above it).
OVERLAP_OFF_TOPIC = 0.2
OVERLAP_MARGIN = 0.3
#: ... or, whatever the positional line shares, the other line's pairs are nearly all in the lead (a
#: headline the lead repeats, above a WeChat account's name: 某某组织部 某某引擎).
OVERLAP_SAME = 0.9
OVERLAP_MAX_CHARS = 40
#: A line this short right under a longer headline-like line is a column label (经济开发区), not the headline.
LABEL_MAX_CHARS = 6
#: A line ending with ！ or ？ right above the date or byline is a headline when at most this long.
EXCLAIMED_HEADLINE_MAX = 60
#: A column tag in brackets before a headline: 【园区党建】, [党建动态].
RE_COLUMN_TAG = re.compile(r"[【\[［]([^】\]］]{1,40})[】\]］]\s*")
#: A subtitle (副题) line: ——西安高新区非公企业党建调查, or the second event of a joint one: 暨党支部主题教育研讨.
RE_SUBTITLE = re.compile(r"^(?:[—–-]{1,2}|暨)")
#: A clause break inside a kicker line (弱冠之年再出发，某某经开区亮出党建新品牌).
RE_KICKER_COMMA = re.compile(r"[\u4e00-\u9fff”][，,][\u4e00-\u9fff“]")
#: A lead sentence's opening (近日，某某园区举办…): body text, never a headline, even without a final stop.
RE_LEAD_OPENING = re.compile(r"^(?:近日|日前|近期|昨天|昨日|本报讯|据悉)[，,]")
RE_SENTENCE_FINAL = re.compile(r"[。！？!?；;…]$|[。！？!?][”’」』）)]$")


def classify_lines(raw: str) -> list[Block]:
    """Turns raw text into typed blocks, one per non-blank line."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    marked = any(RE_HEADING.match(line.strip()) for line in lines)
    byline_rules, page_rules = load_rules(), pages.load_rules()
    blocks: list[Block] = []
    blank = 0
    lines = [line.strip() for line in lines]
    for line, page_kind in zip(lines, pages.line_kinds(lines, page_rules=page_rules), strict=True):
        if not line:
            blank += 1
            continue
        glued = RE_META_WITH_BODY.fullmatch(line)
        if glued:  # the metadata, then the body's first line
            blocks.append(Block(glued["meta"], META, blank_before=blank))
            blank, line, page_kind = 0, glued["body"], None
        both = None if RE_META_FIRST.match(line) else RE_TITLE_WITH_META.fullmatch(line)
        if both and RE_CJK.search(both["title"]) and not _is_date(both["title"]):
            blocks += [Block(both["title"], HEADING, blank_before=blank), Block(both["meta"], META)]
            blank = 0
            continue
        kind = None if RE_HEADING.match(line) else page_kind
        if kind:
            blocks.append(Block(line, kind, blank_before=blank))
            blank = 0
            continue
        block = _classify(line, blank, blocks, bare_headings=not marked, byline_rules=byline_rules)
        if (
            block.kind == CAPTION
            and block.blank_before < 2
            and blocks
            and blocks[-1].kind == CAPTION
            and not RE_SENTENCE_END.search(blocks[-1].text)
        ):
            blocks[-1].text += block.text  # the rest of a caption broken over two lines
        else:
            blocks.append(block)
        blank = 0
    return blocks


def _is_date(text: str) -> bool:
    """Whether a line's text is a date and a time, not a headline: 2023年11月30日10:00."""
    return bool(dates.written_dates(text)) and len(RE_CJK.findall(text)) < HEADLINE_MIN_CJK


def _classify(
    line: str, blank_before: int, previous: list[Block], *, bare_headings: bool, byline_rules: BylineRules
) -> Block:
    m = RE_HEADING.match(line)
    if m:
        body = m.group(2)
        if len(body) > HEADING_MAX or "。" in body or "；" in body:
            return Block(body, BODY, blank_before=blank_before, fragment=True)
        return Block(body, HEADING, level=len(m.group(1)), blank_before=blank_before)
    if is_byline(line, byline_rules=byline_rules):
        return Block(line, BYLINE, blank_before=blank_before)
    if RE_CREDIT.search(line) and len(line) <= CAPTION_MAX:
        return Block(line, CREDIT, blank_before=blank_before)
    if RE_CAPTION_MARK.match(line):
        return Block(line, CAPTION, blank_before=blank_before)
    prev = previous[-1] if previous else None
    if (
        prev is not None
        and prev.kind == CAPTION
        and not RE_SENTENCE_END.search(prev.text)
        and len(line) <= CAPTION_MAX // 2
    ):
        return Block(line, CAPTION, blank_before=blank_before)  # the rest of a caption broken over two lines
    short = len(line) <= CAPTION_MAX and not RE_CLAUSE_PUNCT.search(line[:-1])
    if short and blank_before >= 2 and previous and any(b.kind == BODY for b in previous):
        return Block(line, CAPTION, blank_before=blank_before)
    if bare_headings and len(line) <= BARE_HEADING_MAX and not RE_CLAUSE_PUNCT.search(line):
        return Block(line, HEADING, level=0, blank_before=blank_before)
    ended = (
        prev is not None
        and prev.kind == BODY
        and (bool(RE_SENTENCE_END.search(prev.text)) or prev.text.endswith(("：", ":")))
    )
    if (
        bare_headings
        and (blank_before or ended)  # a line of its own: after a blank line or a finished paragraph
        and RE_COMMA_HEADING.match(line)
        and not RE_SENTENCE_END.search(line)
    ):
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
            and any(_is_paragraph(x) for x in parts[-1])
        )
        if starts_new:
            parts.append([])
        parts[-1].append(b)
    return [p for p in parts if p]


def read_articles(raw: str, *, source_file: str) -> list[Article]:
    """Splits and repairs one file's text into articles (title, kicker, byline, date, paragraphs)."""
    articles = []
    blocks = classify_lines(raw)
    bare = not any(b.level for b in blocks if b.kind == HEADING) and not any(b.fragment for b in blocks)
    for part, report in enumerate(split_articles(blocks), start=1):
        if bare:
            mark_headline(report)
        articles.append(_build_article(join_broken(report), source_file=source_file, part=part))
    return [a for a in articles if a.body or a.title]


def mark_headline(blocks: list[Block]) -> None:
    """Marks the headline (role title) and kicker (role kicker) of a report without `#` headings, and
    turns the other headline-like lines above its body into clutter (menus, site names, slogans)."""
    first_body = _lead_body(blocks)
    head = blocks[:first_body]
    candidates = [i for i, b in enumerate(head) if _headline_like(b) or _exclaimed_headline(blocks, i)]
    if not candidates:
        return
    # the byline, else the first date or source line: an e-paper's masthead (国内统一刊号…) is metadata
    # far above the headline, while the byline sits right under it
    anchor = next((i for i, b in enumerate(head) if b.kind == BYLINE), None)
    if anchor is None:
        anchor = next((i for i, b in enumerate(head) if b.kind == META), None)
    titles = [i for i in candidates if not RE_SUBTITLE.match(blocks[i].text)] or candidates
    label_at = None
    before = [i for i in titles if anchor is None or i < anchor]
    title_at = before[-1] if before else titles[0]
    if (
        (anchor is None or len(blocks[title_at].text) <= LABEL_MAX_CHARS)
        and title_at - 1 in candidates
        and len(blocks[title_at - 1].text) > len(blocks[title_at].text)
        and not _kicker_above(blocks[title_at - 1].text, blocks[title_at].text)
    ):  # no byline or date to go by, or a column label (经济开发区) under the headline: the longer line
        label_at, title_at = (title_at if anchor is not None else None), title_at - 1
    title_at = pages.headline_not_a_name({i: blocks[i].text for i in candidates}, title_at)
    rivals = [i for i in titles if not pages.is_name_line(blocks[i].text)]  # a name the lead repeats
    positional, title_at = title_at, _closer_to_lead(blocks, first_body, rivals, title_at)
    if title_at != positional:
        blocks[positional].kind = CLUTTER  # a caption or menu word above the byline, not a kicker
        candidates.remove(positional)
    kicker_at = next(
        (
            i
            for i in (title_at - 1, title_at + 1)
            if i in candidates and blocks[i].text != blocks[title_at].text and i != label_at
        ),
        None,
    )
    lead_in = pages.load_rules().title_lead_in
    if lead_in and kicker_at == title_at + 1 and lead_in.search(blocks[title_at].text):
        title_at, kicker_at = kicker_at, title_at  # …凝聚年轻的心—— introduces the headline under it
    for i in candidates:
        if i == title_at or i == kicker_at:
            blocks[i].kind, blocks[i].role = HEADING, "title" if i == title_at else "kicker"
        elif i < title_at or i == label_at:
            blocks[i].kind = CLUTTER


def _kicker_above(upper: str, lower: str) -> bool:
    """Whether a longer line above a headline-like line is its kicker: a sentence of clauses (某某取得双丰收，
    某某成立) above a line without a clause break (某某党员有了新“家”)."""
    return bool(RE_KICKER_COMMA.search(upper)) and not RE_CLAUSE_PUNCT.search(lower)


def _closer_to_lead(blocks: list[Block], first_body: int, candidates: list[int], title_at: int) -> int:
    """The candidate that shares clearly more of its character pairs with the body's lead than an
    off-topic positional headline does (see OVERLAP_MARGIN), else the positional headline."""
    short = [i for i in candidates if i != title_at and len(blocks[i].text) <= OVERLAP_MAX_CHARS]
    if not short:
        return title_at  # nothing to weigh the headline against
    lead_text = ""
    for b in blocks[first_body:]:  # the lead only: a 20 MB report is not joined whole per headline
        if len(lead_text) >= LEAD_CHARS:
            break
        if b.kind == BODY:
            lead_text += b.text
    lead = char_pairs(lead_text[:LEAD_CHARS])

    def shared(i: int) -> float:
        pairs = char_pairs(blocks[i].text)
        return len(pairs & lead) / len(pairs) if pairs else 0.0

    own = shared(title_at)
    if (
        own > OVERLAP_OFF_TOPIC
    ):  # an on-topic line: replaced only by a line right above it that the lead repeats
        short = [i for i in short if i < title_at and shared(i) >= OVERLAP_SAME]
        if not short:
            return title_at
    best = max(short, key=shared)
    return best if shared(best) > own + OVERLAP_MARGIN else title_at


def _lead_body(blocks: list[Block]) -> int:
    """Where the body starts: the first body block that ends a sentence or is long."""
    for i, b in enumerate(blocks[:HEAD_MAX_BLOCKS]):
        if _is_paragraph(b) and not _exclaimed_headline(blocks, i):
            return i
    return min(len(blocks), HEAD_MAX_BLOCKS)


def _is_paragraph(block: Block) -> bool:
    """A body block that reads as a paragraph (it ends a sentence, or is long), not a headline-like line."""
    return block.kind == BODY and bool(
        RE_SENTENCE_FINAL.search(block.text) or len(block.text) >= LEAD_BODY_CHARS
    )


def _exclaimed_headline(blocks: list[Block], i: int) -> bool:
    """A short line ending with ！ or ？ right above the page's date or byline is a headline, not the
    first sentence of the body: 某某产业园，“红色引擎”马力全开！"""
    b = blocks[i]
    return (
        b.kind in (HEADING, BODY)
        and HEADLINE_CHARS[0] <= len(b.text) <= EXCLAIMED_HEADLINE_MAX
        and b.text[-1] in "！？!?"
        and i + 1 < len(blocks)
        and blocks[i + 1].kind in (META, BYLINE)
    )


def _headline_like(block: Block) -> bool:
    text = block.text
    return (
        block.kind in (HEADING, BODY)
        and HEADLINE_CHARS[0] <= len(text) <= HEADLINE_CHARS[1]
        and len(RE_CJK.findall(text)) >= HEADLINE_MIN_CJK
        and not RE_SENTENCE_FINAL.search(text)
        and not RE_LEAD_OPENING.match(text)
    )


def _headline(head: list[Block]) -> tuple[str, list[str], str]:
    """(title, kicker lines, the section opened above the body) from the blocks before the body."""
    titled = [b.text for b in head if b.role == "title"]
    if titled:
        return titled[0], [b.text for b in head if b.role == "kicker"], ""
    headings = [b for b in head if b.kind == HEADING and RE_CJK.search(b.text)]  # not a lone < or >>
    byline_at = next((i for i, b in enumerate(head) if b.kind == BYLINE), None)
    if byline_at is not None:  # headline block above the byline; the last line is the title
        title_block = [b for b in head[:byline_at] if b.kind == HEADING]
        after = [b for b in head[byline_at:] if b.kind == HEADING]
        title = title_block[-1].text if title_block else (headings[0].text if headings else "")
        section = after[-1].text if after else ""
    else:  # no byline up top: the first heading is the title, the last one opens a section
        title_block = headings[:1] + headings[1:-1]
        title = headings[0].text if headings else ""
        section = headings[-1].text if len(headings) > 1 else ""
    return title, [b.text for b in title_block if b.text != title], section


def _build_article(blocks: list[Block], *, source_file: str, part: int) -> Article:
    first_body = next((i for i, b in enumerate(blocks) if b.kind == BODY), len(blocks))
    title, kicker_lines, section = _headline(blocks[:first_body])
    dated = (META, BYLINE)  # 作者：张三 来源：枣庄新闻网 2022-06-22 is a byline with the date in it
    meta = [b.text for b in blocks[:first_body] if b.kind in dated] or [
        b.text for b in blocks if b.kind == META
    ]
    column, title, site = pages.split_title(_clean_heading(title), min_chars=HEADLINE_CHARS[0])
    meta += [f"网站：{site}"] if site else []  # 某某新闻网: the page's source, for the zone of a local paper
    tag, title = _column_tag(title)
    art = Article(
        source_file=source_file,
        part=part,
        title=title,
        kicker=" / ".join([*(_clean_heading(k) for k in kicker_lines), *(t for t in (column, tag) if t)]),
        byline=" ".join(b.text for b in blocks if b.kind == BYLINE),
        date=pages.publication_date(meta),
        page_meta=" ".join(meta),
    )
    seq = 0
    stacked = False  # a heading right under another (构建“四级体系” / 锻造党建引领治理“中轴线”): one section
    for b in blocks[first_body:]:
        if b.kind in (META, CLUTTER):
            continue
        if b.kind == HEADING:
            heading = _clean_heading(b.text)
            section, stacked = (f"{section} {heading}" if stacked and section else heading), True
            continue
        stacked = False
        text = repair_text(b.text) if b.kind in (BODY, CAPTION) else _clean_heading(b.text)
        art.paragraphs.append(Paragraph(seq=seq, kind=b.kind, text=text, section=section))
        seq += 1
    if (
        not art.title
    ):  # no headline above the body: a labelled one (标题：“…”) below it, else the first sentence
        labelled = [t for b in blocks if b.kind == META and (t := pages.labelled_title(b.text))]
        art.title = labelled[0] if labelled else art.body[0].text[:30] if art.body else ""
    mark_duplicates(art.paragraphs)
    return art


def _column_tag(title: str) -> tuple[str, str]:
    """(column tag, headline) of a title that starts with a column tag in brackets: 【园区党建】某某园区…
    → ("园区党建", "某某园区…"); ("", title) otherwise, or when nothing headline-like follows the tag."""
    m = RE_COLUMN_TAG.match(title)
    if not m or len(title) - m.end() < HEADLINE_CHARS[0]:
        return "", title
    return m.group(1).strip(), title[m.end() :]


def _clean_heading(text: str) -> str:
    return squash_spaces(curl_quotes(text.strip().lstrip("#").strip()))
