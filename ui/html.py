"""Article text as HTML for the pages: always escaped before any markup is added, so nothing in an
article can inject markup or scripts into a page."""

from __future__ import annotations

import html
import re

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
    from lib.explore.search import paragraph_context

    if len(metric_ids) > limit:
        st.caption(f"选中了 {len(metric_ids)} 个数字，下面显示前 {limit} 个。")
    for metric_id in metric_ids[:limit]:
        rows = ds.metrics[ds.metrics["metric_id"] == metric_id]
        if rows.empty:
            continue
        m = rows.iloc[0]
        ctx = paragraph_context(ds.paragraphs, ds.articles, m["paragraph_id"])
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
