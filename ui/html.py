"""Article text as HTML for the pages: always escaped before any markup is added, so nothing in an
article can inject markup or scripts into a page.

The one script the app runs (`scroll_to`, which brings a hit of an opened article into view) is a
constant sent in an element of its own; it names only an id the app made (checked against RE_ANCHOR),
never any outside text, and every element that holds article text runs no script."""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass

import pandas as pd
import streamlit as st


def _terms_pattern(terms) -> re.Pattern | None:
    terms = sorted({t for t in terms if t and t.strip()}, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE) if terms else None


def highlight_html(text: str, terms=()) -> str:
    """`text` escaped for HTML with each occurrence of a term wrapped in <mark>.

    >>> highlight_html("<b>党建</b>联建", ["党建"])
    '&lt;b&gt;<mark>党建</mark>&lt;/b&gt;联建'
    """
    pattern = _terms_pattern(terms)
    if pattern is None:
        return html.escape(text)
    out, last = [], 0
    for m in pattern.finditer(text):
        out.append(html.escape(text[last : m.start()]))
        out.append(f"<mark>{html.escape(m.group(0))}</mark>")
        last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def source_html(title: str, section: str = "", zone: str = "") -> str:
    """Where a passage comes from, escaped: 《标题》 · 小节 · 区域 (empty parts left out)."""
    parts = [f"《{title}》" if title else "", f"小节：{section}" if section else "", zone]
    return (
        '<div style="color:#666;font-size:0.9rem">'
        + html.escape(" · ".join(p for p in parts if p))
        + "</div>"
    )


def numbered_list_html(items) -> str:
    """Items as an escaped ordered list."""
    return "<ol>" + "".join(f"<li>{html.escape(str(item))}</li>" for item in items) + "</ol>"


def passage(text: str, terms: list[str] | tuple[str, ...] = ()) -> None:
    """Article text shown as text (HTML-escaped), with the terms marked."""
    st.html(f'<div style="line-height:1.9;font-size:1rem">{highlight_html(text, terms)}</div>')


def heading(text: str, level: int = 3, *, below: str = "") -> None:
    """A heading made of outside text (a zone or initiative name), escaped, with an optional line below."""
    extra = f"<div>{html.escape(below)}</div>" if below else ""
    st.html(f"<h{level}>{html.escape(text)}</h{level}>{extra}")


def metric_passages(ds, metric_ids: list[str], *, limit: int = 5) -> None:
    """The paragraph of each selected metric, its quantity highlighted (at most `limit`)."""
    from lib.dataset import ondisk
    from lib.explore.search import source_paragraph

    if len(metric_ids) > limit:
        st.caption(f"选中了 {len(metric_ids)} 个数字，下面显示前 {limit} 个。")
    for metric_id in metric_ids[:limit]:
        rows = ds.metrics[ds.metrics["metric_id"] == metric_id]
        if rows.empty:
            continue
        m = ondisk.fill(ds, "metrics", rows.head(1)).iloc[0]
        ctx = source_paragraph(ds, m["paragraph_id"])
        with st.container(border=True):
            st.html(f"<b>{html.escape(m['label'])}：{html.escape(m['raw'])}</b>")
            if ctx:
                st.html(source_html(ctx["title"], ctx["section"], ctx["zone"]))
            passage(ctx["text"] if ctx else m["sentence"], [m["raw"]])


def figure_cards(cards: list[tuple[str, str, str]]) -> None:
    """Headline figures as cards that wrap: (label, value, source sentence) each, all escaped. A label wraps
    onto a second line and a card grows to fit its value, so nothing is ever cut off ("1,82…") in a narrow
    column or on a phone; the source sentence shows on hover."""
    items = "".join(
        f'<div title="{html.escape("原句：" + sentence)}" style="flex:1 1 11rem;max-width:16rem;min-width:9rem;'
        'border:1px solid rgba(49,51,63,.2);border-radius:.5rem;padding:.75rem 1rem">'
        f'<div style="font-size:.875rem;line-height:1.4;color:rgba(49,51,63,.8)">{html.escape(label)}</div>'
        f'<div style="font-size:1.9rem;line-height:1.3;white-space:nowrap">{html.escape(value)}</div></div>'
        for label, value, sentence in cards
    )
    st.html(f'<div style="display:flex;flex-wrap:wrap;gap:.75rem">{items}</div>')


@dataclass(frozen=True)
class Hit:
    """One occurrence of a search term: its paragraph, where it starts in it, and its length."""

    paragraph_id: str
    start: int
    length: int

    @property
    def anchor(self) -> str:
        """The HTML id of the hit in an opened article (made of a digest: no outside text)."""
        return "hit-" + hashlib.sha1(f"{self.paragraph_id}:{self.start}".encode()).hexdigest()[:12]


#: How each kind of block of an opened article looks (a body paragraph as plain text), and a block of
#: another kind that does not count (a copy printed again on the page).
BLOCK_STYLES = {
    "caption": "color:#666;font-size:.9rem;font-style:italic",
    "credit": "color:#888;font-size:.85rem",
    "byline": "color:#888;font-size:.85rem",
}
UNCOUNTED_STYLE = "opacity:.6"
#: The paragraph of the hit, and the hit itself, in an opened article.
HIT_PARAGRAPH_STYLE = "border-left:3px solid #c0392b;padding-left:.6rem;background:#fffbeb"
HIT_STYLE = "background:#ffd54f;outline:2px solid #c0392b;font-weight:bold"
#: The box an opened article scrolls in (its hit brought into view by `scroll_to`).
ARTICLE_BOX = "max-height:60vh;overflow-y:auto;position:relative;line-height:1.9;padding-right:.5rem"


def hit_html(text: str, hit: Hit, terms=()) -> str:
    """A paragraph escaped with its terms marked, the occurrence `hit` marked apart with the id `hit.anchor`."""
    end = hit.start + hit.length
    return (
        highlight_html(text[: hit.start], terms)
        + f'<mark id="{hit.anchor}" style="{HIT_STYLE}">{html.escape(text[hit.start : end])}</mark>'
        + highlight_html(text[end:], terms)
    )


def article_html(blocks: pd.DataFrame, terms=(), *, hit: Hit | None = None) -> str:
    """An article's blocks ([paragraph_id, section, kind, text, counted], in order) as escaped HTML in a
    scroll box: each section's title before its first block, captions and credits in grey, other blocks
    that do not count (copies) greyed, every term marked; the paragraph of `hit` framed and the hit marked
    apart (`hit_html`)."""
    out, section = [], ""
    for b in blocks.itertuples(index=False):
        if b.section and b.section != section:
            out.append(
                f'<div style="font-weight:bold;margin:1rem 0 .4rem">{highlight_html(b.section, terms)}</div>'
            )
        section = b.section or section
        is_hit = hit is not None and b.paragraph_id == hit.paragraph_id
        style = (
            HIT_PARAGRAPH_STYLE if is_hit else BLOCK_STYLES.get(b.kind, "" if b.counted else UNCOUNTED_STYLE)
        )
        note = "" if b.counted else ' title="不计入统计"'
        text = hit_html(b.text, hit, terms) if is_hit else highlight_html(b.text, terms)
        out.append(f'<p style="margin:0 0 .6rem;{style}"{note}>{text}</p>')
    return f'<div data-article="" style="{ARTICLE_BOX}">{"".join(out)}</div>'


#: Ids `scroll_to` accepts: those `Hit.anchor` makes.
RE_ANCHOR = re.compile(r"hit-[0-9a-f]{12}")
#: Centres the element of id ANCHOR in its article box and brings the box into view (once it is drawn).
SCROLL_SCRIPT = """<script>(() => {
  let tries = 0;
  const go = () => {
    const mark = document.getElementById("ANCHOR");
    if (!mark) { if (++tries < 40) setTimeout(go, 50); return; }
    const box = mark.closest("[data-article]");
    if (box) box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
    (box || mark).scrollIntoView({block: "nearest"});
  };
  go();
})();</script>"""


def scroll_to(anchor: str) -> None:
    """Brings the element of id `anchor` (a `Hit.anchor`) into view: the app's one script (module docstring)."""
    if not RE_ANCHOR.fullmatch(anchor):
        raise ValueError(f"not an anchor the app made: {anchor!r}")
    st.html(SCROLL_SCRIPT.replace("ANCHOR", anchor), unsafe_allow_javascript=True)


def show_article(article: dict, terms=(), *, hit: Hit | None = None) -> None:
    """An opened article (`lib.explore.search.article_context`) in a bordered box: where it comes from, a
    note when a long report is shown in part, its text with the terms marked, scrolled to `hit`."""
    with st.container(border=True):
        st.html(
            source_html(article["title"], "", " · ".join(p for p in (article["zone"], article["date"]) if p))
        )
        if article["cut"]:
            st.caption(
                f"全文共 {article['n_chars']:,} 字、{article['n_paragraphs']:,} 段，"
                f"这里显示命中处前后的 {len(article['paragraphs']):,} 段。"
            )
        st.html(article_html(article["paragraphs"], terms, hit=hit))
        if hit is not None:
            scroll_to(hit.anchor)
